import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations';

/** Key of the session-level advisory lock that serialises migration runs across processes. */
export const MIGRATION_LOCK_KEY = 7_201_801;

/**
 * Applies pending migrations, each in its own transaction, while holding an advisory lock:
 * several api copies starting at once queue up here instead of racing each other.
 * Returns the names of the migrations this call applied.
 */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    logging: false,
  });
  await dataSource.initialize();
  const lockHolder = dataSource.createQueryRunner();
  try {
    await lockHolder.connect();
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await lockHolder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lockHolder.release();
    await dataSource.destroy();
  }
}
