import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  createPostgresBackend,
  createRedisBackend,
  Queue,
  Worker,
  type IQueueBackend,
  type Job,
  type JobProgress,
  type WorkerOptions,
} from 'bullmq';
import { AppConfig } from '#libs/config';

export type QueueJob = Job<unknown, unknown>;
type AnyBackendQueue = Queue<unknown, unknown, string, unknown, unknown, string, IQueueBackend, unknown>;
type AnyBackendWorker = Worker<unknown, unknown, string, IQueueBackend, JobProgress, unknown>;
/** What producers use of a queue, whichever backend runs it. */
export type AppQueue = Pick<
  AnyBackendQueue,
  | 'name'
  | 'add'
  | 'getJob'
  | 'getJobCounts'
  | 'upsertJobScheduler'
  | 'getJobSchedulers'
  | 'removeJobScheduler'
  | 'close'
>;
/** What the worker host uses of a worker, whichever backend runs it. */
export type AppWorker = Pick<AnyBackendWorker, 'name' | 'run' | 'close' | 'isRunning' | 'waitUntilReady'>;
export type JobHandler = (job: QueueJob) => Promise<unknown>;

/**
 * The one place that knows which BullMQ backend runs the queues: PostgreSQL (schema
 * `<prefix>_queue` in the application database) or Redis (key prefix `<prefix>`).
 * Processors and producers only ever see BullMQ's `Queue` and `Worker`.
 */
@Injectable()
export class QueueFactory implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueFactory.name);
  private readonly queues = new Map<string, AppQueue>();

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
    if (backend === 'postgres') {
      return new Worker(
        name,
        handler,
        { connection: this.postgresConnection(), autorun: false, ...options },
        createPostgresBackend,
      );
    }
    return new Worker(
      name,
      handler,
      { connection: this.redisConnection(), prefix, autorun: false, ...options },
      createRedisBackend,
    );
  }

  /** Resolves when the queue backend answers; callers bound the wait. */
  async ping(): Promise<void> {
    await this.queue('system').getJobCounts('waiting');
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }

  private createQueue(name: string): AppQueue {
    const { backend, prefix } = this.config.queue;
    const queue =
      backend === 'postgres'
        ? new Queue(name, { connection: this.postgresConnection() }, createPostgresBackend)
        : new Queue(name, { connection: this.redisConnection(), prefix }, createRedisBackend);
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

  private redisConnection() {
    // Workers block on Redis; BullMQ requires unlimited retries per request for them.
    return { url: this.config.queue.redisUrl, maxRetriesPerRequest: null };
  }
}
