import type { AppConfig } from '#libs/config';
import { startEmbeddedPostgres } from './embedded-postgres';
import { runMigrations } from './migrate';

export interface ResolvedDatabase {
  readonly url: string;
  /** Stops the embedded server if this process started it; does nothing otherwise. */
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR, started if needed. */
export async function resolveDatabase(config: AppConfig, log: (message: string) => void): Promise<ResolvedDatabase> {
  if (config.databaseUrl !== undefined) return { url: config.databaseUrl, stop: () => Promise.resolve() };
  return startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort, log });
}

export interface PreparedDatabase {
  /** The configuration with `databaseUrl` resolved. */
  readonly config: AppConfig;
  stop(): Promise<void>;
}

/** What every process does before its Nest application starts: find the database and migrate it. */
export async function prepareDatabase(config: AppConfig, log: (message: string) => void): Promise<PreparedDatabase> {
  const database = await resolveDatabase(config, log);
  const applied = await runMigrations(database.url);
  if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
  return { config: config.with({ databaseUrl: database.url }), stop: () => database.stop() };
}
