import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger as PinoLogger } from 'pino';
import type { Clock } from '#libs/common';
import type { AppConfig } from '#libs/config';
import { PinoNestLogger } from '#libs/logging';
import { ApiModule } from './api.module';
import { setUpOpenApi } from './http/openapi';
import { mountQueueDashboard } from './http/queue-dashboard';
import { createValidationPipe } from './http/validation.pipe';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** Builds the api exactly as it runs in production; `main.ts` and the end-to-end tests both use it. */
export async function createApiApp(
  config: AppConfig,
  logger: PinoLogger,
  clock?: Clock,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    requestIdHeader: false,
    // A caller's request id is kept when it is well-formed, so logs correlate across services.
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config, clock), adapter, {
    logger: new PinoNestLogger(logger),
  });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'", "'unsafe-inline'"],
      },
    },
  });
  app.setGlobalPrefix('api/v1');
  app.useGlobalPipes(createValidationPipe());
  setUpOpenApi(app);
  await mountQueueDashboard(app);
  return app;
}
