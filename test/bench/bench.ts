/**
 * `npm run bench`: how the system performs on this machine with a large dataset. Prints
 * numbers; never passes or fails (these machines are shared and noisy).
 *
 *   BENCH_CASES=1000000 npm run bench     # default 200 000 cases and as many requests
 */
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { createApiApp } from '../../apps/api/create-api-app';
import { loadConfig } from '#libs/config';
import { runMigrations } from '#libs/database';
import { createLogger } from '#libs/logging';
import { databaseUrl, TEST_SERVER_URL } from '../support/test-env';

const CASES = Number(process.env.BENCH_CASES ?? 200_000);
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

async function run(url: string, sql: string, values: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** Bulk data straight in SQL: offices, staff, enterprises, and CASES requests and cases over 2025–2026. */
async function seed(url: string, adminId: string): Promise<{ officeId: string }> {
  const [office] = await run(url, `INSERT INTO offices (code, name) VALUES ('BENCH', 'Bench Office') RETURNING id`);
  const officeId = String(office?.id);
  await run(url, `INSERT INTO offices (code, name) SELECT 'BENCH-' || n, 'Other ' || n FROM generate_series(1, 4) n`);
  await run(
    url,
    `INSERT INTO enterprises (name, credit_code, industry, size, created_by_id)
     SELECT 'Bench Enterprise ' || n, lpad(n::text, 18, '0'), (ARRAY['new_energy','internet','biomedicine','other'])[1 + n % 4], 'small', $1
       FROM generate_series(1, 5000) n`,
    [adminId],
  );
  await run(
    url,
    `INSERT INTO assistance_requests (reference, enterprise_id, type, title, status, office_id, created_by_id,
       approved_at, approved_by_id, created_at, updated_at)
     SELECT 'AR-B-' || n, e.id, 'training', 'Bench request ' || n,
            CASE WHEN n % 2 = 0 THEN 'approved' ELSE 'submitted' END,
            (SELECT id FROM offices ORDER BY code OFFSET (n % 5) LIMIT 1), $1,
            CASE WHEN n % 2 = 0 THEN t + interval '5 days' END, CASE WHEN n % 2 = 0 THEN $1::uuid END, t, t
       FROM generate_series(1, $2::int) n
       CROSS JOIN LATERAL (SELECT timestamptz '2025-01-01' + (n::float / $2) * interval '690 days' AS t) time
       JOIN enterprises e ON e.credit_code = lpad((1 + n % 5000)::text, 18, '0')`,
    [adminId, CASES],
  );
  await run(
    url,
    `INSERT INTO enforcement_cases (reference, ip_type, category, source, respondent_name, status, office_id, created_by_id,
       received_at, intake_due_at, filed_at, due_at, created_at, updated_at)
     SELECT 'EC-B-' || n, 'trademark', 'counterfeiting', 'inspection', 'Respondent ' || n,
            CASE WHEN n % 10 < 7 THEN 'investigating' ELSE 'received' END,
            (SELECT id FROM offices ORDER BY code OFFSET (n % 5) LIMIT 1), $1, t, t + interval '21 days',
            CASE WHEN n % 10 < 7 THEN t + interval '3 days' END, CASE WHEN n % 10 < 7 THEN t + interval '93 days' END, t, t
       FROM generate_series(1, $2::int) n
       CROSS JOIN LATERAL (SELECT timestamptz '2025-01-01' + (n::float / $2) * interval '690 days' AS t) time`,
    [adminId, CASES],
  );
  await run(url, 'ANALYZE');
  return { officeId };
}

async function load(label: string, url: string, token: string): Promise<string> {
  const result = await autocannon({
    url,
    connections: 10,
    duration: DURATION_SECONDS,
    headers: { authorization: `Bearer ${token}` },
  });
  const ok = result.non2xx === 0 && result.errors === 0;
  return `| ${label} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${ok ? 'all 2xx' : `${result.non2xx} non-2xx, ${result.errors} errors`} |`;
}

async function main(): Promise<void> {
  const name = `ipr_bench_${randomBytes(4).toString('hex')}`;
  await run(TEST_SERVER_URL, `CREATE DATABASE "${name}"`);
  const url = databaseUrl(name);
  try {
    await runMigrations(url);
    const config = loadConfig({
      DATABASE_URL: url,
      QUEUE_PREFIX: 'bench',
      JWT_SECRET: randomBytes(32).toString('base64url'),
      ADMIN_EMAIL: 'bench@ipr.local',
      ADMIN_PASSWORD: 'bench-password',
      LOG_LEVEL: 'warn',
      LOGIN_MAX_FAILURES: '1000',
    });
    const app = await createApiApp(config, createLogger('warn', 'bench'));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = await app.getUrl();
    const login = async (email: string, password: string) =>
      (await (
        await fetch(`${base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        })
      ).json()) as { accessToken: string; user: { id: string } };
    const admin = await login('bench@ipr.local', 'bench-password');
    const { officeId } = await timed(`seeding ${CASES} requests and ${CASES} cases`, () => seed(url, admin.user.id));
    const create = await fetch(`${base}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.accessToken}` },
      body: JSON.stringify({
        email: 'supervisor@bench.local',
        name: 'Bench Supervisor',
        role: 'supervisor',
        officeId,
        password: 'bench-password',
      }),
    });
    if (!create.ok) throw new Error(`could not create the bench supervisor: ${create.status}`);
    const supervisor = await login('supervisor@bench.local', 'bench-password');

    let cursor: string | null = null;
    for (let page = 0; page < 200; page++) {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`;
      const body = (await (
        await fetch(`${base}/api/v1/enforcement-cases?limit=100${query}`, {
          headers: { authorization: `Bearer ${supervisor.accessToken}` },
        })
      ).json()) as { nextCursor: string | null };
      cursor = body.nextCursor;
    }

    const rows = [
      '| request | requests/s | p50 ms | p99 ms | answers |',
      '| --- | --- | --- | --- | --- |',
      await load('GET /health', `${base}/api/v1/health`, supervisor.accessToken),
      await load(
        'GET /enforcement-cases (first page, office scope)',
        `${base}/api/v1/enforcement-cases?limit=20`,
        supervisor.accessToken,
      ),
      await load(
        'GET /enforcement-cases (deep page, by cursor)',
        `${base}/api/v1/enforcement-cases?limit=20&cursor=${cursor ?? ''}`,
        supervisor.accessToken,
      ),
      await load(
        'GET /enforcement-cases?overdue=true',
        `${base}/api/v1/enforcement-cases?limit=20&overdue=true`,
        supervisor.accessToken,
      ),
      await load(
        'GET /assistance-requests?status=approved&year=2026',
        `${base}/api/v1/assistance-requests?limit=20&status=approved&year=2026`,
        supervisor.accessToken,
      ),
      await load('GET /targets/progress (city-wide counts)', `${base}/api/v1/targets/progress`, supervisor.accessToken),
      await load('GET /stats/annual?year=2026 (city-wide)', `${base}/api/v1/stats/annual?year=2026`, admin.accessToken),
    ];
    console.log(
      `\n${CASES} requests and ${CASES} cases, ${DURATION_SECONDS} s per row, 10 connections, one api process:\n`,
    );
    console.log(rows.join('\n'));
    // Let the last load's requests drain before the pool closes.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await app.close();
  } finally {
    await run(TEST_SERVER_URL, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
