import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '#libs/common';
import { QueueFactory } from '#libs/queue';
import type { Notification } from './notification';
import { dispatchNudge, NOTIFICATIONS_QUEUE } from './notification-jobs';

/**
 * Where alerts hand over notifications. `enqueue` writes in the caller's transaction, so a
 * notification exists exactly when the change it reports committed; the worker's dispatcher
 * finds it there. `nudge` only makes that prompt.
 */
@Injectable()
export class NotificationOutbox {
  private readonly logger = new Logger(NotificationOutbox.name);

  constructor(
    private readonly clock: Clock,
    private readonly queues: QueueFactory,
  ) {}

  async enqueue(manager: EntityManager, notification: Notification): Promise<void> {
    await manager.query(`INSERT INTO notification_outbox (event, payload, created_at) VALUES ($1, $2, $3)`, [
      notification.event,
      JSON.stringify(notification.payload),
      this.clock.now(),
    ]);
  }

  /**
   * Asks for a dispatch now instead of at the next scheduled scan. Call it after the
   * transaction that enqueued commits. It never fails: without it the notification still
   * goes out, one scan (NOTIFY_DISPATCH_EVERY_MS) later.
   */
  async nudge(): Promise<void> {
    const { name, data, opts } = dispatchNudge();
    try {
      await this.queues.queue(NOTIFICATIONS_QUEUE).add(name, data, opts);
    } catch (error) {
      this.logger.warn(`could not nudge the notification dispatcher: ${String(error)}`);
    }
  }
}
