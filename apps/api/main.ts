import 'reflect-metadata';
import { runProcess } from '#libs/common';
import { ConfigError, loadConfig } from '#libs/config';
import { prepareDatabase } from '#libs/database';
import { createLogger } from '#libs/logging';
import { createApiApp } from './create-api-app';

runProcess(
  async () => {
    const config = loadConfig();
    const logger = createLogger(config.logLevel, 'api');
    const log = (message: string): void => logger.info(message);
    const database = await prepareDatabase(config, log);
    const app = await createApiApp(database.config, logger);
    await app.listen({ port: config.port, host: config.host });
    const url = await app.getUrl();
    logger.info({ url }, `api listening on ${url}/api/v1 (OpenAPI at ${url}/api/docs)`);
    return { app, release: () => database.stop(), log };
  },
  // A bad environment is the operator's to fix: one clear line, no stack trace.
  (error) => (error instanceof ConfigError ? error.message : error),
);
