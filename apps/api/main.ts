import 'reflect-metadata';
import { onShutdownSignal } from '#libs/common';
import { ConfigError, loadConfig } from '#libs/config';
import { prepareDatabase } from '#libs/database';
import { createLogger } from '#libs/logging';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'api');
  const database = await prepareDatabase(config, (message) => logger.info(message));
  const app = await createApiApp(database.config, logger);
  await app.listen({ port: config.port, host: config.host });
  const url = await app.getUrl();
  logger.info({ url }, `api listening on ${url}/api/v1 (OpenAPI at ${url}/api/docs)`);
  onShutdownSignal(
    async () => {
      await app.close();
      await database.stop();
    },
    (message) => logger.info(message),
  );
}

main().catch((error: unknown) => {
  // A bad environment is the operator's to fix: one clear line, no stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
