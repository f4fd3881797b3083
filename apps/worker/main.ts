import 'reflect-metadata';
import { onShutdownSignal } from '#libs/common';
import { ConfigError, loadConfig } from '#libs/config';
import { prepareDatabase } from '#libs/database';
import { createLogger } from '#libs/logging';
import { createWorkerApp } from './create-worker-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'worker');
  const database = await prepareDatabase(config, (message) => logger.info(message));
  const app = await createWorkerApp(database.config, logger);
  await app.init();
  logger.info(`worker running on the ${config.queue.backend} queue backend`);
  onShutdownSignal(
    async () => {
      // Closing lets active jobs finish; BullMQ hands unfinished ones to another worker.
      await app.close();
      await database.stop();
    },
    (message) => logger.info(message),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
