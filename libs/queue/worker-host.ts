import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { type AppWorker, QueueFactory } from './queue-factory';
import { QueueProcessor } from './queue-processor';

export const QUEUE_PROCESSORS = Symbol('QUEUE_PROCESSORS');

/** Starts one BullMQ worker per processor and stops them, letting active jobs finish, on shutdown. */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerHost.name);
  private readonly workers: AppWorker[] = [];

  constructor(
    @Inject(QUEUE_PROCESSORS) private readonly processors: QueueProcessor[],
    private readonly queues: QueueFactory,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const processor of this.processors) {
      const queue = this.queues.queue(processor.queueName);
      for (const schedule of processor.schedules()) {
        await queue.upsertJobScheduler(schedule.id, schedule.repeat, {
          name: schedule.jobName,
          data: schedule.data ?? {},
        });
      }
      const worker = this.queues.worker(
        processor.queueName,
        async (job) => {
          this.logger.debug(`${processor.queueName}/${job.name} ${job.id ?? ''} started`);
          return processor.process(job);
        },
        { concurrency: processor.concurrency },
      );
      this.workers.push(worker);
      void worker
        .run()
        .catch((error: unknown) => this.logger.error(`worker ${processor.queueName} stopped: ${String(error)}`));
      await worker.waitUntilReady();
      this.logger.log(`consuming queue "${processor.queueName}" on ${this.queues.backend}`);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.workers.map((worker) => worker.close()));
    this.workers.length = 0;
  }
}
