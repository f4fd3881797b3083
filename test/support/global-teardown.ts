import { Client } from 'pg';
import { RUN_ID_ENV, TEST_SERVER_URL } from './test-env';

/** Drops this run's template and any database a crashed test file left behind. */
export default async function globalTeardown(): Promise<void> {
  const runId = process.env[RUN_ID_ENV];
  if (runId === undefined) return;
  const server = new Client({ connectionString: TEST_SERVER_URL });
  await server.connect();
  try {
    const { rows } = await server.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2`,
      [`ipr_tpl_${runId}`, `ipr_t_${runId}_%`],
    );
    for (const { datname } of rows) await server.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await server.end();
  }
}
