import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { NotificationEvent } from './notification';
import type { DeliveryStep } from './retry-schedule';
import type { WebhookAnswer, WebhookRequest } from './webhook-post';

/** A delivery this worker holds the lease of, for its `attempt`-th attempt. */
export interface ClaimedDelivery extends WebhookRequest {
  readonly attempt: number;
}

const ABANDONED = 'no outcome recorded: the worker stopped during the attempt';

/**
 * Deliveries a worker may take at `$1` (now): pending, due, held by no live worker, for a
 * live webhook. A paused (inactive) webhook's deliveries wait.
 */
const CLAIMABLE = `
  delivery.status = 'pending' AND delivery.next_attempt_at <= $1
  AND (delivery.lease_until IS NULL OR delivery.lease_until < $1)
  AND webhook.active AND webhook.deleted_at IS NULL`;

/** Attempts of delivery `$1` left without an outcome: their worker died. `$2` says so. */
const MARK_ABANDONED_ATTEMPTS = `
  UPDATE webhook_delivery_attempts SET error = $2
  WHERE delivery_id = ANY ($1) AND duration_ms IS NULL AND error IS NULL`;

// TypeORM answers UPDATE and DELETE with `[rows, rowCount]`, any other statement with the rows.
type Changed<Row> = [Row[], number];

/**
 * The delivery tables as the worker changes them. Every change is a guarded statement, so that
 * a job run twice, or by two workers at once, has the effect of one run.
 */
@Injectable()
export class DeliveryStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Turns up to `batchSize` undispatched outbox rows into one delivery per subscribed live
   * webhook and marks them dispatched, in one statement. Rows another dispatcher holds are
   * skipped, not waited for. Returns how many outbox rows it took.
   */
  async fanOut(now: Date, batchSize: number): Promise<number> {
    const [, dispatched] = await this.dataSource.query<Changed<never>>(
      `WITH batch AS (
         SELECT id, event, payload FROM notification_outbox
         WHERE dispatched_at IS NULL
         ORDER BY id
         LIMIT $2
         FOR UPDATE SKIP LOCKED
       ), fanned_out AS (
         INSERT INTO webhook_deliveries (webhook_id, outbox_id, event, payload, status, attempts, next_attempt_at, created_at)
         SELECT webhook.id, batch.id, batch.event, batch.payload, 'pending', 0, $1, $1
         FROM batch
         JOIN webhooks webhook
           ON batch.event = ANY (webhook.events) AND webhook.active AND webhook.deleted_at IS NULL
         ON CONFLICT (webhook_id, outbox_id) DO NOTHING
       )
       UPDATE notification_outbox outbox SET dispatched_at = $1 FROM batch WHERE outbox.id = batch.id`,
      [now, batchSize],
    );
    return dispatched;
  }

  /**
   * Gives up the pending deliveries that have used all their attempts: those whose worker
   * died during the last one (their lease ran out), and those left behind by a lowered limit.
   */
  async failExhausted(now: Date, maxAttempts: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [exhausted] = await manager.query<Changed<{ id: string }>>(
        `UPDATE webhook_deliveries
         SET status = 'failed', next_attempt_at = NULL, lease_until = NULL,
             last_error = CASE WHEN lease_until IS NULL THEN last_error ELSE $3 END
         WHERE status = 'pending' AND attempts >= $2 AND (lease_until IS NULL OR lease_until < $1)
         RETURNING id`,
        [now, maxAttempts, ABANDONED],
      );
      if (exhausted.length > 0) {
        await manager.query(MARK_ABANDONED_ATTEMPTS, [exhausted.map((delivery) => delivery.id), ABANDONED]);
      }
    });
  }

  /** Up to `limit` deliveries a worker may take now, longest-waiting first. */
  due(now: Date, limit: number): Promise<{ id: string; attempts: number }[]> {
    return this.dataSource.query(
      `SELECT delivery.id, delivery.attempts
       FROM webhook_deliveries delivery
       JOIN webhooks webhook ON webhook.id = delivery.webhook_id
       WHERE ${CLAIMABLE}
       ORDER BY delivery.next_attempt_at
       LIMIT $2`,
      [now, limit],
    );
  }

  /**
   * Takes the lease of a delivery for its next attempt and opens that attempt's log row, or
   * returns undefined when the delivery is not claimable (done, not due, or held by another
   * worker). The attempt number doubles as a fencing token for {@link record}.
   */
  claim(deliveryId: string, now: Date, leaseUntil: Date, maxAttempts: number): Promise<ClaimedDelivery | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const [[claimed]] = await manager.query<
        Changed<{
          id: string;
          attempts: number;
          event: NotificationEvent;
          payload: Record<string, unknown>;
          url: string;
          secret: string;
        }>
      >(
        `UPDATE webhook_deliveries delivery
         SET attempts = delivery.attempts + 1, lease_until = $3
         FROM webhooks webhook
         WHERE webhook.id = delivery.webhook_id AND ${CLAIMABLE} AND delivery.id = $2 AND delivery.attempts < $4
         RETURNING delivery.id, delivery.attempts, delivery.event, delivery.payload, webhook.url, webhook.secret`,
        [now, deliveryId, leaseUntil, maxAttempts],
      );
      if (claimed === undefined) return undefined;
      await manager.query(MARK_ABANDONED_ATTEMPTS, [[deliveryId], ABANDONED]);
      await manager.query(
        `INSERT INTO webhook_delivery_attempts (delivery_id, attempt, started_at) VALUES ($1, $2, $3)`,
        [deliveryId, claimed.attempts, now],
      );
      const { id, attempts, event, payload, url, secret } = claimed;
      return { deliveryId: id, attempt: attempts, event, payload, url, secret };
    });
  }

  /**
   * Writes the attempt's outcome and the step that follows, and releases the lease. Returns
   * false when the delivery moved on without this worker (its lease ran out and another
   * worker took it, or the webhook was deleted): the attempt is logged, the delivery is not touched.
   */
  record(claimed: ClaimedDelivery, answer: WebhookAnswer, step: DeliveryStep, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE webhook_delivery_attempts SET duration_ms = $3, status_code = $4, error = $5
         WHERE delivery_id = $1 AND attempt = $2`,
        [claimed.deliveryId, claimed.attempt, answer.durationMs, answer.statusCode, answer.error],
      );
      const [, updated] = await manager.query<Changed<never>>(
        `UPDATE webhook_deliveries
         SET status = $3, next_attempt_at = $4, lease_until = NULL, last_status_code = $5, last_error = $6,
             delivered_at = $7
         WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
        [
          claimed.deliveryId,
          claimed.attempt,
          step.status,
          step.status === 'pending' ? step.nextAttemptAt : null,
          answer.statusCode,
          answer.error,
          step.status === 'delivered' ? now : null,
        ],
      );
      return updated === 1;
    });
  }
}
