import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/common';
import { AppConfig } from '#libs/config';
import { type JobSchedule, QueueFactory, type QueueJob, QueueProcessor } from '#libs/queue';
import { DeliveryStore } from './delivery-store';
import { deliverJob, deliveryIdOf, DELIVER_JOB, DISPATCH_JOB, NOTIFICATIONS_QUEUE } from './notification-jobs';
import { stepAfter } from './retry-schedule';
import { postWebhook } from './webhook-post';

/** Outbox rows fanned out per statement, and statements per dispatch (the next dispatch takes the rest). */
const OUTBOX_BATCH = 200;
const OUTBOX_BATCHES_PER_DISPATCH = 10;
/** Deliver jobs added per dispatch. */
const DUE_BATCH = 500;

/**
 * The `notifications` queue. `dispatch` (scheduled, and nudged by the outbox) fans new outbox
 * rows out into deliveries and queues a `deliver` job for every delivery that is due, so jobs
 * lost with Redis are queued again from the tables; `deliver` makes one attempt under a lease.
 */
@Injectable()
export class NotificationsProcessor extends QueueProcessor {
  readonly queueName = NOTIFICATIONS_QUEUE;
  // Deliveries mostly wait on receivers.
  override readonly concurrency = 8;

  constructor(
    private readonly store: DeliveryStore,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly queues: QueueFactory,
  ) {
    super();
  }

  override schedules(): readonly JobSchedule[] {
    return [{ id: 'dispatch', repeat: { every: this.config.notifications.dispatchEveryMs }, jobName: DISPATCH_JOB }];
  }

  process(job: QueueJob): Promise<unknown> {
    switch (job.name) {
      case DISPATCH_JOB:
        return this.dispatch();
      case DELIVER_JOB:
        return this.deliver(deliveryIdOf(job.data));
      default:
        throw new Error(`unknown notifications job "${job.name}"`);
    }
  }

  private async dispatch(): Promise<{ dispatched: number; queued: number }> {
    let dispatched = 0;
    for (let batch = 0; batch < OUTBOX_BATCHES_PER_DISPATCH; batch++) {
      const taken = await this.store.fanOut(this.clock.now(), OUTBOX_BATCH);
      dispatched += taken;
      if (taken < OUTBOX_BATCH) break;
    }
    await this.store.failExhausted(this.clock.now(), this.config.notifications.maxAttempts);
    const due = await this.store.due(this.clock.now(), DUE_BATCH);
    if (due.length > 0) {
      await this.queues.queue(NOTIFICATIONS_QUEUE).addBulk(due.map(({ id, attempts }) => deliverJob(id, attempts)));
    }
    return { dispatched, queued: due.length };
  }

  private async deliver(deliveryId: string): Promise<{ deliveryId: string; outcome: string }> {
    const { maxAttempts, retryBaseMs, timeoutMs } = this.config.notifications;
    const claimedAt = this.clock.now();
    // Twice the request timeout: the request is aborted by then, and its outcome recorded.
    const leaseUntil = new Date(claimedAt.getTime() + 2 * timeoutMs);
    const claimed = await this.store.claim(deliveryId, claimedAt, leaseUntil, maxAttempts);
    if (claimed === undefined) return { deliveryId, outcome: 'not claimable' };

    const answer = await postWebhook(claimed, timeoutMs);
    const answeredAt = this.clock.now();
    const step = stepAfter(claimed.attempt, answer.statusCode, { maxAttempts, retryBaseMs }, answeredAt);
    const recorded = await this.store.record(claimed, answer, step, answeredAt);
    if (recorded && step.status === 'pending') {
      const { name, data, opts } = deliverJob(
        deliveryId,
        claimed.attempt,
        step.nextAttemptAt.getTime() - answeredAt.getTime(),
      );
      await this.queues.queue(NOTIFICATIONS_QUEUE).add(name, data, opts);
    }
    return { deliveryId, outcome: recorded ? step.status : 'superseded' };
  }
}
