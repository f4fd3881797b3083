import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS, runMigrations } from '#libs/database';
import { createEmptyDatabase, type TestDatabase } from './support/test-database';

async function tables(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    return rows.map((row) => row.table_name);
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createEmptyDatabase();
  });

  afterAll(() => database.drop());

  it('run once when several processes start at the same time', async () => {
    const runs = await Promise.all(Array.from({ length: 5 }, () => runMigrations(database.url)));
    expect(runs.flat()).toEqual(MIGRATIONS.map((migration) => migration.name));
    expect(runs.filter((applied) => applied.length > 0)).toHaveLength(1);
    expect(await tables(database.url)).toEqual(
      expect.arrayContaining([
        'offices',
        'users',
        'auth_sessions',
        'refresh_tokens',
        'enterprises',
        'calendar_days',
        'webhooks',
        'notification_outbox',
        'webhook_deliveries',
        'webhook_delivery_attempts',
        'migrations',
      ]),
    );
    expect(await runMigrations(database.url)).toEqual([]);
  });

  it('can all be reverted', async () => {
    const dataSource = new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: MIGRATIONS,
      migrationsTableName: 'migrations',
    });
    await dataSource.initialize();
    try {
      for (let step = 0; step < MIGRATIONS.length; step++) await dataSource.undoLastMigration({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    expect(await tables(database.url)).toEqual(['migrations']);
  });
});
