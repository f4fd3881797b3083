import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationOutbox } from '#libs/notifications';
import type { Alert } from './alert.entity';
import { AlertView } from './views';

export type AlertEvent = 'alert.raised' | 'alert.escalated' | 'alert.resolved';

/** Every alert change is announced through the outbox, in the transaction that made it. */
@Injectable()
export class AlertNotifications {
  constructor(private readonly outbox: NotificationOutbox) {}

  async announce(manager: EntityManager, event: AlertEvent, alert: Alert): Promise<void> {
    await this.outbox.enqueue(manager, { event, payload: { event, kind: alert.kind, alert: AlertView.of(alert) } });
  }

  /** After commit: have the dispatcher look now rather than at its next tick. */
  async deliverSoon(): Promise<void> {
    await this.outbox.nudge();
  }
}
