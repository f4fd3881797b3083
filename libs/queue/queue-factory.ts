import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  type BackendFactory,
  createPostgresBackend,
  createRedisBackend,
  PostgresConnection,
  type PostgresConnectionOptions,
  PostgresQueueBackend,
  Queue,
  Worker,
  type IQueueBackend,
  type Job,
  type JobProgress,
  type WorkerOptions,
} from 'bullmq';
import { Redis } from 'ioredis';
import { AppConfig } from '#libs/config';

export type QueueJob = Job<unknown, unknown>;
type AnyBackendQueue = Queue<unknown, unknown, string, unknown, unknown, string, IQueueBackend, unknown>;
type AnyBackendWorker = Worker<unknown, unknown, string, IQueueBackend, JobProgress, unknown>;
/** What producers use of a queue, whichever backend runs it. */
export type AppQueue = Pick<
  AnyBackendQueue,
  | 'name'
  | 'add'
  | 'addBulk'
  | 'getJob'
  | 'getJobs'
  | 'getJobCounts'
  | 'upsertJobScheduler'
  | 'getJobScheduler'
  | 'getJobSchedulers'
  | 'removeJobScheduler'
  | 'close'
  | 'disconnect'
>;
/** What the worker host uses of a worker, whichever backend runs it. */
export type AppWorker = Pick<AnyBackendWorker, 'name' | 'run' | 'close' | 'isRunning' | 'waitUntilReady'>;
export type JobHandler = (job: QueueJob) => Promise<unknown>;

const CLOSE_TIMEOUT_MS = 5000;

/** A graceful close waits for the backend; when the backend is gone, shutting down must not hang. */
async function closeWithin(queue: AppQueue, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const closed = queue.close().then(
      () => 'closed' as const,
      () => 'failed' as const,
    );
    if ((await Promise.race([closed, timedOut])) !== 'closed') await queue.disconnect().catch(() => undefined);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The one place that knows which BullMQ backend runs the queues: PostgreSQL (schema
 * `<prefix>_queue` in the application database) or Redis (key prefix `<prefix>`).
 * Processors and producers only ever see BullMQ's `Queue` and `Worker`.
 */
@Injectable()
export class QueueFactory implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueFactory.name);
  private readonly queues = new Map<string, AppQueue>();
  /** One connection for every producer of this process (Redis backend). */
  private producerConnection: Redis | undefined;
  /** One pool for every producer of this process (PostgreSQL backend). */
  private producerPool: PostgresConnection | undefined;

  constructor(private readonly config: AppConfig) {}

  get backend(): AppConfig['queue']['backend'] {
    return this.config.queue.backend;
  }

  /** The producer side of a queue; one instance per name and process. */
  queue(name: string): AppQueue {
    let queue = this.queues.get(name);
    if (queue === undefined) {
      queue = this.createQueue(name);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** A consumer; the caller owns it and closes it on shutdown. */
  worker(
    name: string,
    handler: JobHandler,
    options: Pick<WorkerOptions, 'concurrency' | 'lockDuration'> = {},
  ): AppWorker {
    const { backend, prefix } = this.config.queue;
    const worker =
      backend === 'postgres'
        ? new Worker(
            name,
            handler,
            { connection: this.postgresConnection(), autorun: false, ...options },
            createPostgresBackend,
          )
        : new Worker(
            name,
            handler,
            { connection: this.redisConnection(), prefix, autorun: false, ...options },
            createRedisBackend,
          );
    // A worker reports trouble it recovers from (a lost job, a dropped connection) as 'error'
    // events; unheard, Node would turn them into an exception and stop the process.
    worker.on('error', (error: Error) => this.logger.warn(`worker ${name}: ${error.message}`));
    return worker;
  }

  /** Resolves when the queue backend answers; callers bound the wait. */
  async ping(): Promise<void> {
    await this.queue('system').getJobCounts('waiting');
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((queue) => closeWithin(queue, CLOSE_TIMEOUT_MS)));
    this.queues.clear();
    // Ours to end: disconnect() also stops ioredis reconnecting to a Redis that is gone.
    this.producerConnection?.disconnect();
    this.producerConnection = undefined;
    await this.producerPool?.close().catch(() => undefined);
    this.producerPool = undefined;
  }

  private createQueue(name: string): AppQueue {
    const { backend, prefix } = this.config.queue;
    const queue =
      backend === 'postgres'
        ? new Queue(name, { connection: this.postgresConnection() }, this.sharedPostgresBackend)
        : new Queue(name, { connection: this.sharedProducerConnection(), prefix }, createRedisBackend);
    queue.on('error', (error: Error) => this.logger.warn(`queue ${name}: ${error.message}`));
    return queue;
  }

  private postgresConnection() {
    if (this.config.databaseUrl === undefined) throw new Error('the PostgreSQL queue backend needs a database URL');
    return {
      connectionString: this.config.databaseUrl,
      schema: `${this.config.queue.prefix}_queue`,
      migrate: true,
      max: 4,
    };
  }

  /**
   * Producers share one PostgreSQL pool (BullMQ would otherwise open a pool, a schema check
   * and a LISTEN client per queue). We own it, so its errors are ours to log: a database blip
   * must not surface as an unhandled 'error' event and take the process down.
   */
  private readonly sharedPostgresBackend: BackendFactory<PostgresQueueBackend, PostgresConnectionOptions> = (
    name,
    opts,
  ) => {
    if (this.producerPool === undefined) {
      this.producerPool = new PostgresConnection(this.postgresConnection());
      this.producerPool.on('error', (error: Error) => this.logger.warn(`queue database: ${error.message}`));
    }
    return new PostgresQueueBackend(this.producerPool, name, opts, false);
  };

  /** Workers block on Redis and must retry for ever: BullMQ requires `maxRetriesPerRequest: null`. */
  private redisConnection() {
    return { url: this.config.queue.redisUrl, maxRetriesPerRequest: null };
  }

  /**
   * Producers share one connection that refuses commands while Redis is away
   * (`enableOfflineQueue: false`), so that adding a job fails fast instead of hanging a request.
   */
  private sharedProducerConnection(): Redis {
    this.producerConnection ??= new Redis(this.config.queue.redisUrl, {
      maxRetriesPerRequest: null,
      enableOfflineQueue: false,
    });
    return this.producerConnection;
  }
}
