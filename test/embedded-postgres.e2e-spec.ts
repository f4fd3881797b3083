import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '#libs/database';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function query<T extends object>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('the embedded PostgreSQL', () => {
  let dataDir: string;
  let port: number;

  beforeAll(async () => {
    // A folder of its own under the system temp folder, as a newcomer's checkout would have.
    dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'ipr-embedded-')), 'data');
    await chmod(path.dirname(dataDir), 0o755);
    port = await freePort();
  });

  afterAll(() => rm(path.dirname(dataDir), { recursive: true, force: true }));

  it('starts a real server, stops, and keeps what was written across a restart', async () => {
    const first = await startEmbeddedPostgres({ dataDir, port });
    expect(first.startedHere).toBe(true);
    const [version] = await query<{ server_version_num: string }>(first.url, 'SHOW server_version_num');
    expect(Number(version?.server_version_num)).toBeGreaterThanOrEqual(150000);
    await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
    await first.stop();
    await expect(query(first.url, 'SELECT 1')).rejects.toThrow();

    const second = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(second.url).toBe(first.url);
      expect(await query(second.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('reuses a server that is already running instead of starting a second one', async () => {
    const owner = await startEmbeddedPostgres({ dataDir, port });
    try {
      const guest = await startEmbeddedPostgres({ dataDir, port });
      expect(guest.startedHere).toBe(false);
      await guest.stop();
      // The guest's stop leaves the owner's server running.
      expect(await query(owner.url, 'SELECT 1 AS up')).toEqual([{ up: 1 }]);
    } finally {
      await owner.stop();
    }
  }, 120_000);
});
