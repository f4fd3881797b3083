import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { Logger as PinoLogger } from 'pino';
import type { Clock } from '#libs/common';
import type { AppConfig } from '#libs/config';
import { PinoNestLogger } from '#libs/logging';
import { WorkerModule } from './worker.module';

/** Builds the worker exactly as it runs in production; `main.ts` and the tests both use it. */
export function createWorkerApp(
  config: AppConfig,
  logger: PinoLogger,
  clock?: Clock,
): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(WorkerModule.forRoot(config, clock), {
    logger: new PinoNestLogger(logger),
  });
}
