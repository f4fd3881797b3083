import { loadConfig } from '#libs/config';
import { startEmbeddedPostgres } from '#libs/database';

/**
 * Runs the embedded PostgreSQL for `npm start` in a process group of its own: Ctrl+C in the
 * terminal then reaches the api and the worker, which finish their work, while the database
 * keeps running until the launcher stops it (or goes away).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPostgresPort,
    log: (message) => console.log(`[database] ${message}`),
    serverLog:
      config.logLevel === 'debug' || config.logLevel === 'trace' ? (message) => console.log(message) : undefined,
  });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void database.stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', () => undefined);
  process.on('disconnect', stop);
  process.send?.({ url: database.url });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
