import 'reflect-metadata';
import { runProcess } from '#libs/common';
import { ConfigError, loadConfig } from '#libs/config';
import { prepareDatabase } from '#libs/database';
import { createLogger } from '#libs/logging';
import { createWorkerApp } from './create-worker-app';

runProcess(
  async () => {
    const config = loadConfig();
    const logger = createLogger(config.logLevel, 'worker');
    const log = (message: string): void => logger.info(message);
    const database = await prepareDatabase(config, log);
    const app = await createWorkerApp(database.config, logger);
    await app.init();
    logger.info(`worker running on the ${config.queue.backend} queue backend`);
    // Closing lets active jobs finish; BullMQ hands unfinished ones to another worker.
    return { app, release: () => database.stop(), log };
  },
  (error) => (error instanceof ConfigError ? error.message : error),
);
