import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { type AppQueue, type AppWorker, QueueFactory } from './queue-factory';
import { type JobSchedule, QueueProcessor } from './queue-processor';

export const QUEUE_PROCESSORS = Symbol('QUEUE_PROCESSORS');

/** Finished runs of a job scheduler are evidence for a day (at most a thousand), then make room. */
const SCHEDULED_RUNS_KEPT = { age: 24 * 3600, count: 1000 };

/** How often a running worker checks that one of its job schedulers is still there: one period, from 1 s to 1 min. */
function scheduleCheckEveryMs(schedule: JobSchedule): number {
  return 'every' in schedule.repeat ? Math.min(Math.max(schedule.repeat.every, 1000), 60_000) : 60_000;
}

/** Starts one BullMQ worker per processor and stops them, letting active jobs finish, on shutdown. */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerHost.name);
  private readonly workers: AppWorker[] = [];
  private readonly scheduleChecks: NodeJS.Timeout[] = [];

  constructor(
    @Inject(QUEUE_PROCESSORS) private readonly processors: QueueProcessor[],
    private readonly queues: QueueFactory,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const processor of this.processors) {
      const queue = this.queues.queue(processor.queueName);
      for (const schedule of processor.schedules()) {
        await this.upsertSchedule(queue, schedule);
        this.keepSchedule(queue, schedule);
      }
      const worker = this.queues.worker(
        processor.queueName,
        async (job) => {
          this.logger.debug(`${processor.queueName}/${job.name} ${job.id ?? ''} started`);
          try {
            return await processor.process(job);
          } catch (error) {
            this.logger.warn(`${processor.queueName}/${job.name} ${job.id ?? ''} failed: ${String(error)}`);
            throw error;
          }
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
    for (const check of this.scheduleChecks) clearInterval(check);
    this.scheduleChecks.length = 0;
    await Promise.allSettled(this.workers.map((worker) => worker.close()));
    this.workers.length = 0;
  }

  private async upsertSchedule(queue: AppQueue, schedule: JobSchedule): Promise<void> {
    await queue.upsertJobScheduler(schedule.id, schedule.repeat, {
      name: schedule.jobName,
      data: schedule.data ?? {},
      opts: { removeOnComplete: SCHEDULED_RUNS_KEPT, removeOnFail: SCHEDULED_RUNS_KEPT },
    });
  }

  /**
   * Job schedulers live only in the queue backend: a Redis flush or lost jobs would silence
   * one until the next worker start. Each worker puts back a scheduler that is gone or whose
   * next job is gone. Only then: upserting a healthy scheduler moves its waiting job to the
   * back of the queue, and upserting a cron scheduler as its run falls due could skip the run.
   */
  private keepSchedule(queue: AppQueue, schedule: JobSchedule): void {
    const check = setInterval(() => {
      void (async () => {
        const scheduler = await queue.getJobScheduler(schedule.id);
        // BullMQ names the job of a scheduler's next run `repeat:<scheduler id>:<run time>`.
        const nextJob =
          scheduler?.next === undefined ? undefined : await queue.getJob(`repeat:${schedule.id}:${scheduler.next}`);
        if (nextJob !== undefined) return;
        this.logger.warn(`job scheduler ${queue.name}/${schedule.id} was lost; putting it back`);
        await this.upsertSchedule(queue, schedule);
      })().catch((error: unknown) =>
        this.logger.warn(`could not check job scheduler ${queue.name}/${schedule.id}: ${String(error)}`),
      );
    }, scheduleCheckEveryMs(schedule));
    check.unref();
    this.scheduleChecks.push(check);
  }
}
