import type { JobsOptions } from 'bullmq';

export const NOTIFICATIONS_QUEUE = 'notifications';
export const DISPATCH_JOB = 'dispatch';
export const DELIVER_JOB = 'deliver';

export interface NotificationJob {
  readonly name: string;
  readonly data: Record<string, unknown>;
  readonly opts: JobsOptions;
}

/** Finished jobs are dropped so that a deterministic job id can be used again. */
const DROP_WHEN_FINISHED = { removeOnComplete: true, removeOnFail: true } as const;

/**
 * An out-of-turn dispatch. Nudges collapse into one waiting job; one more is kept behind a
 * running dispatch, which may have scanned the outbox before the nudging transaction committed.
 */
export function dispatchNudge(): NotificationJob {
  return {
    name: DISPATCH_JOB,
    data: {},
    opts: { ...DROP_WHEN_FINISHED, deduplication: { id: 'dispatch-nudge', keepLastIfActive: true } },
  };
}

/**
 * The attempt after `attempts` earlier ones of a delivery. The id names that attempt, so the
 * dispatcher's re-scan and the retry a failed attempt schedules add one job between them.
 */
export function deliverJob(deliveryId: string, attempts: number, delayMs = 0): NotificationJob {
  return {
    name: DELIVER_JOB,
    data: { deliveryId },
    opts: { ...DROP_WHEN_FINISHED, jobId: `deliver-${deliveryId}-${attempts}`, delay: Math.max(0, delayMs) },
  };
}

export function deliveryIdOf(data: unknown): string {
  const deliveryId = (data as { deliveryId?: unknown } | null)?.deliveryId;
  if (typeof deliveryId !== 'string') throw new Error('a deliver job names its delivery in data.deliveryId');
  return deliveryId;
}
