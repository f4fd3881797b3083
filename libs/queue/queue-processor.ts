import type { QueueJob } from './queue-factory';

/** A job scheduler a processor owns: upserted (idempotently) each time a worker starts. */
export interface JobSchedule {
  readonly id: string;
  readonly repeat:
    | { readonly every: number }
    | {
        readonly pattern: string;
        readonly tz: string;
        /** Also run once as soon as a worker starts. */ readonly immediately?: boolean;
      };
  readonly jobName: string;
  readonly data?: Record<string, unknown>;
}

/**
 * Consumes one queue. BullMQ delivers at least once, so `process` must be idempotent:
 * running a job twice has the effect of running it once.
 */
export abstract class QueueProcessor {
  abstract readonly queueName: string;
  readonly concurrency: number = 1;

  abstract process(job: QueueJob): Promise<unknown>;

  schedules(): readonly JobSchedule[] {
    return [];
  }
}
