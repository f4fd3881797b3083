import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import request from 'supertest';
import { createApiApp } from '../../apps/api/create-api-app';
import { createWorkerApp } from '../../apps/worker/create-worker-app';
import type { Clock } from '#libs/common';
import { type AppConfig, loadConfig, type QueueBackend } from '#libs/config';
import { createLogger } from '#libs/logging';
import { sql } from './sql';
import { createTestDatabase, type TestDatabase } from './test-database';
import { TEST_REDIS_URL, uniqueSuffix } from './test-env';

export const ADMIN = { email: 'admin@test.local', password: 'admin-password-1' } as const;

export interface TestSystem {
  readonly config: AppConfig;
  /** The environment the configuration was read from (for processes started outside Jest). */
  readonly env: Readonly<Record<string, string>>;
  readonly database: TestDatabase;
  /** Starts (another) api on this system's database and queues; closed with the system. */
  startApi(): Promise<NestFastifyApplication>;
  /** Starts (another) worker process-equivalent; closed with the system. */
  startWorker(): Promise<INestApplicationContext>;
  close(): Promise<void>;
}

/**
 * A system of this test file's own: a fresh database, a queue prefix nobody else uses, and
 * the real api and worker applications on top, configured as in production.
 */
export async function createTestSystem(
  options: {
    queueBackend?: QueueBackend;
    env?: Record<string, string>;
    /** Lets a test route the application's database connections (e.g. through a proxy). */
    rewriteDatabaseUrl?: (url: string) => string;
    /** Lets a test control time (deadlines, year boundaries); the system clock otherwise. */
    clock?: Clock;
  } = {},
): Promise<TestSystem> {
  const database = await createTestDatabase();
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: options.rewriteDatabaseUrl?.(database.url) ?? database.url,
    QUEUE_BACKEND: options.queueBackend ?? 'postgres',
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `t_${uniqueSuffix()}`,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...options.env,
  };
  const config = loadConfig(env);
  const logger = createLogger(config.logLevel, 'test');
  const running: INestApplicationContext[] = [];
  return {
    config,
    env,
    database,
    async startApi() {
      const app = await createApiApp(config, logger, options.clock);
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
      running.push(app);
      return app;
    },
    async startWorker() {
      const worker = await createWorkerApp(config, logger, options.clock);
      await worker.init();
      running.push(worker);
      return worker;
    },
    async close() {
      await Promise.all(running.map((app) => app.close()));
      if (config.queue.backend === 'redis') await deleteRedisKeys(`${config.queue.prefix}:*`);
      await database.drop();
    },
  };
}

/** Deletes the keys matching `pattern` and no others (never FLUSHALL: other test files share the Redis). */
async function deleteRedisKeys(pattern: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * What a Redis flush does to one queue: on Redis its keys go, on PostgreSQL its jobs. Job
 * schedulers go with the Redis keys; on PostgreSQL they stay, without their next job.
 */
export async function loseQueuedJobs(system: TestSystem, queue: string): Promise<void> {
  const { backend, prefix } = system.config.queue;
  if (backend === 'redis') {
    await deleteRedisKeys(`${prefix}:${queue}:*`);
  } else {
    await sql(system.database.url, `DELETE FROM "${prefix}_queue".job WHERE queue = $1`, [queue]);
  }
}

/** A supertest client for an app. */
export function http(app: NestFastifyApplication): ReturnType<typeof request> {
  return request(app.getHttpServer());
}

export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly user: { id: string; role: string; officeId: string | null };
}

export async function login(app: NestFastifyApplication, email: string, password: string): Promise<Session> {
  const response = await http(app).post('/api/v1/auth/login').send({ email, password }).expect(200);
  return response.body as Session;
}

export function bearer(session: Session): Record<string, string> {
  return { authorization: `Bearer ${session.accessToken}` };
}
