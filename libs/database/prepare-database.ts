import { AppConfig } from '#libs/config';
import { startEmbeddedPostgres } from './embedded-postgres';
import { runMigrations } from './migrate';

export interface PreparedDatabase {
  /** The configuration with `databaseUrl` resolved. */
  readonly config: AppConfig;
  /** Stops the embedded server if this process started it. */
  stop(): Promise<void>;
}

/**
 * What every process does before its Nest application starts: find the database (starting
 * the embedded one when DATABASE_URL is unset) and bring its schema up to date.
 */
export async function prepareDatabase(config: AppConfig, log: (message: string) => void): Promise<PreparedDatabase> {
  let resolved = config;
  let stop = async (): Promise<void> => undefined;
  if (config.databaseUrl === undefined) {
    const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort, log });
    resolved = config.with({ databaseUrl: embedded.url });
    stop = () => embedded.stop();
  }
  const applied = await runMigrations(resolved.databaseUrl as string);
  if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
  return { config: resolved, stop };
}
