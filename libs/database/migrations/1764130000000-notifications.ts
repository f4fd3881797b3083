import type { MigrationInterface, QueryRunner } from 'typeorm';

const EVENTS = `ARRAY['alert.raised', 'alert.escalated', 'alert.resolved']::text[]`;

/**
 * Webhook notifications through a transactional outbox: alerts write an outbox row in their
 * own transaction; the worker fans each row out into one delivery per subscribed webhook and
 * delivers it, recording every attempt. The tables, not the queue, say what is still owed.
 */
export class Notifications1764130000000 implements MigrationInterface {
  name = 'Notifications1764130000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL,
        -- Kept in clear on purpose: every delivery is signed with HMAC-SHA256 keyed by the secret
        -- itself, so a hash of it would be of no use.
        secret text NOT NULL,
        events text[] NOT NULL CHECK (cardinality(events) > 0 AND events <@ ${EVENTS}),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz(3) NOT NULL,
        -- Deleting is a soft delete so that the delivery log of a webhook survives it.
        deleted_at timestamptz(3)
      )`);
    await db.query(`CREATE INDEX webhooks_list_idx ON webhooks (created_at, id) WHERE deleted_at IS NULL`);

    await db.query(`
      CREATE TABLE notification_outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event text NOT NULL CHECK (event = ANY (${EVENTS})),
        payload jsonb NOT NULL,
        created_at timestamptz(3) NOT NULL,
        dispatched_at timestamptz(3)
      )`);
    await db.query(
      `CREATE INDEX notification_outbox_undispatched_idx ON notification_outbox (id) WHERE dispatched_at IS NULL`,
    );

    await db.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL REFERENCES webhooks (id),
        outbox_id bigint NOT NULL REFERENCES notification_outbox (id),
        event text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz(3),
        -- Set while a worker holds the delivery; a lease left behind by a worker that died expires.
        lease_until timestamptz(3),
        last_status_code integer,
        last_error text,
        delivered_at timestamptz(3),
        created_at timestamptz(3) NOT NULL,
        -- Fanning an outbox row out twice (at-least-once jobs) creates nothing new.
        CONSTRAINT webhook_deliveries_once_per_webhook UNIQUE (webhook_id, outbox_id),
        CONSTRAINT webhook_deliveries_pending_has_next_attempt CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL)),
        CONSTRAINT webhook_deliveries_delivered_has_time CHECK ((status = 'delivered') = (delivered_at IS NOT NULL))
      )`);
    await db.query(
      `CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await db.query(`CREATE INDEX webhook_deliveries_list_idx ON webhook_deliveries (webhook_id, created_at, id)`);

    await db.query(`
      CREATE TABLE webhook_delivery_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id),
        attempt integer NOT NULL,
        started_at timestamptz(3) NOT NULL,
        -- Null while the request is in flight; an attempt whose worker died stays without one.
        duration_ms integer,
        status_code integer,
        error text,
        CONSTRAINT webhook_delivery_attempts_number_key UNIQUE (delivery_id, attempt)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['webhook_delivery_attempts', 'webhook_deliveries', 'notification_outbox', 'webhooks']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
