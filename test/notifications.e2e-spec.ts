import { createHmac, randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { QueueBackend } from '#libs/config';
import { type NotificationEvent, NotificationOutbox, NOTIFICATIONS_QUEUE } from '#libs/notifications';
import { QueueFactory } from '#libs/queue';
import { eventually } from './support/eventually';
import { createOffice, signIn } from './support/factories';
import { sql } from './support/sql';
import {
  ADMIN,
  bearer,
  createTestSystem,
  http,
  login,
  loseQueuedJobs,
  type Session,
  type TestSystem,
} from './support/test-app';
import { type Answer, type Responder, startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';
import { startWorkerProcess } from './support/worker-process';

/** A scan every 200 ms, retries after 100 ms, 200 ms, …, and a 2 s request timeout (so a 4 s lease). */
const FAST = { NOTIFY_DISPATCH_EVERY_MS: '200', NOTIFY_RETRY_BASE_MS: '100', NOTIFY_TIMEOUT_MS: '2000' };
const ALL_EVENTS: NotificationEvent[] = ['alert.raised', 'alert.escalated', 'alert.resolved'];

interface DeliveryItem {
  id: string;
  event: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  payload: Record<string, unknown>;
  attemptLog: {
    attempt: number;
    startedAt: string;
    durationMs: number | null;
    statusCode: number | null;
    error: string | null;
  }[];
}

/** The payload the alerts context hands over. */
function alertPayload(event: NotificationEvent): { event: NotificationEvent; kind: string; alert: { id: string } } {
  return {
    event,
    kind: 'target',
    alert: {
      id: randomUUID(),
      kind: 'target',
      targetKey: 'assisted-enterprises',
      year: 2026,
      severity: event === 'alert.escalated' ? 'critical' : 'warning',
      status: event === 'alert.resolved' ? 'resolved' : 'open',
      message: 'Assisted enterprises: 41 approved, 100 expected by today (深圳)',
      raisedAt: '2026-11-25T08:00:00.000+08:00',
      acknowledgedAt: null,
      resolvedAt: event === 'alert.resolved' ? '2026-11-26T08:00:00.000+08:00' : null,
    } as { id: string },
  };
}

/** What a receiver computes to check X-Signature: its own HMAC of the raw body. */
function expectedSignature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** One system (database, queues, api) and what a story in it needs. */
class NotificationsWorld {
  readonly receivers: WebhookReceiver[] = [];
  readonly workers: INestApplicationContext[] = [];
  readonly webhookIds: string[] = [];

  constructor(
    readonly system: TestSystem,
    readonly app: NestFastifyApplication,
    readonly admin: Session,
  ) {}

  static async create(queueBackend: QueueBackend, env: Record<string, string> = {}): Promise<NotificationsWorld> {
    const system = await createTestSystem({ queueBackend, env: { ...FAST, ...env } });
    const app = await system.startApi();
    return new NotificationsWorld(system, app, await login(app, ADMIN.email, ADMIN.password));
  }

  async startReceiver(responder?: Responder): Promise<WebhookReceiver> {
    const receiver = await startWebhookReceiver(responder);
    this.receivers.push(receiver);
    return receiver;
  }

  async startWorker(): Promise<INestApplicationContext> {
    const worker = await this.system.startWorker();
    this.workers.push(worker);
    return worker;
  }

  async createWebhook(
    receiver: WebhookReceiver,
    events: NotificationEvent[],
    secret?: string,
  ): Promise<{ id: string; secret: string }> {
    const response = await http(this.app)
      .post('/api/v1/webhooks')
      .set(bearer(this.admin))
      .send({ url: receiver.url, events, ...(secret === undefined ? {} : { secret }) })
      .expect(201);
    const webhook = response.body as { id: string; secret: string };
    this.webhookIds.push(webhook.id);
    return webhook;
  }

  async deleteWebhook(id: string): Promise<void> {
    await http(this.app).delete(`/api/v1/webhooks/${id}`).set(bearer(this.admin)).expect(204);
  }

  /** Commits a notification as the alerts context does: enqueue in the transaction, nudge after commit. */
  async notify(event: NotificationEvent): Promise<ReturnType<typeof alertPayload>> {
    const payload = alertPayload(event);
    const outbox = this.app.get(NotificationOutbox);
    await this.app.get(DataSource).transaction((manager) => outbox.enqueue(manager, { event, payload }));
    await outbox.nudge();
    return payload;
  }

  async deliveryLog(webhookId: string, query = ''): Promise<{ items: DeliveryItem[]; nextCursor: string | null }> {
    const response = await http(this.app)
      .get(`/api/v1/webhooks/${webhookId}/deliveries${query}`)
      .set(bearer(this.admin))
      .expect(200);
    return response.body as { items: DeliveryItem[]; nextCursor: string | null };
  }

  /** Waits until `count` deliveries to the webhook are finished (delivered or failed); returns them newest first. */
  finished(webhookId: string, count: number): Promise<DeliveryItem[]> {
    return eventually(
      async () => {
        const { items } = await this.deliveryLog(webhookId, '?limit=100');
        return items.filter((item) => item.status !== 'pending').length >= count ? items : undefined;
      },
      20_000,
      `${count} finished deliveries`,
    );
  }

  /** Stops what a story started; its webhooks are deleted so later stories' notifications pass them by. */
  async endStory(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.close()));
    for (const id of this.webhookIds.splice(0)) {
      await http(this.app).delete(`/api/v1/webhooks/${id}`).set(bearer(this.admin));
    }
    await Promise.all(this.receivers.splice(0).map((receiver) => receiver.close()));
  }

  async close(): Promise<void> {
    await this.endStory();
    await this.system.close();
  }
}

/**
 * A world for the enclosing `describe`. Worlds must not overlap in time: passport keeps its
 * strategies process-wide, so the api started last would check every world's tokens.
 */
function useWorld(queueBackend: QueueBackend, env: Record<string, string> = {}): () => NotificationsWorld {
  let world: NotificationsWorld | undefined;
  beforeAll(async () => {
    world = await NotificationsWorld.create(queueBackend, env);
  });
  afterEach(() => world?.endStory());
  afterAll(() => world?.close());
  return () => {
    if (world === undefined) throw new Error('the world is made in beforeAll');
    return world;
  };
}

describe.each<QueueBackend>(['postgres', 'redis'])('webhook notifications on the %s queue backend', (queueBackend) => {
  describe('with retries 100 ms apart at first, up to 10 attempts', () => {
    const world = useWorld(queueBackend);

    it('delivers a committed notification once, signed with the secret; a rolled-back one never exists', async () => {
      const secret = 'the-receivers-shared-secret';
      const receiver = await world().startReceiver();
      const webhook = await world().createWebhook(receiver, ALL_EVENTS, secret);
      await world().startWorker();

      const rolledBack = alertPayload('alert.escalated');
      const outbox = world().app.get(NotificationOutbox);
      await expect(
        world()
          .app.get(DataSource)
          .transaction(async (manager) => {
            await outbox.enqueue(manager, { event: 'alert.escalated', payload: rolledBack });
            throw new Error('the alert change failed');
          }),
      ).rejects.toThrow('the alert change failed');
      const payload = await world().notify('alert.raised');

      const [delivery] = await world().finished(webhook.id, 1);
      expect(receiver.received).toHaveLength(1);
      const [request] = receiver.received;
      expect(request!.signature).toBe(expectedSignature(request!.body, secret));
      expect(request!.headers['content-type']).toBe('application/json');
      expect(request).toMatchObject({ event: 'alert.raised', deliveryId: delivery!.id, json: payload });
      expect(delivery).toMatchObject({
        event: 'alert.raised',
        status: 'delivered',
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
        nextAttemptAt: null,
        deliveredAt: expect.any(String),
        payload,
        attemptLog: [
          { attempt: 1, statusCode: 200, error: null, durationMs: expect.any(Number), startedAt: expect.any(String) },
        ],
      });

      // The rolled-back change left nothing behind that could ever be delivered.
      const leftovers = await sql(
        world().system.database.url,
        `SELECT id FROM notification_outbox WHERE payload -> 'alert' ->> 'id' = $1`,
        [rolledBack.alert.id],
      );
      expect(leftovers).toEqual([]);
      // Once, not at least once: a later notification arrives after it, and it came just once.
      await world().notify('alert.resolved');
      await world().finished(webhook.id, 2);
      expect(receiver.received.map((received) => received.event)).toEqual(['alert.raised', 'alert.resolved']);
    });

    it('sends an event only to live webhooks subscribed to it, one delivery to each', async () => {
      const [raisedReceiver, bothReceiver, resolvedReceiver, deletedReceiver] = await Promise.all(
        [1, 2, 3, 4].map(() => world().startReceiver()),
      );
      const raisedOnly = await world().createWebhook(raisedReceiver!, ['alert.raised']);
      const raisedAndResolved = await world().createWebhook(bothReceiver!, ['alert.raised', 'alert.resolved']);
      const resolvedOnly = await world().createWebhook(resolvedReceiver!, ['alert.resolved']);
      const deleted = await world().createWebhook(deletedReceiver!, ['alert.raised']);
      await world().deleteWebhook(deleted.id);
      await world().startWorker();

      const payload = await world().notify('alert.raised');
      // Fanning out and marking the outbox row dispatched are one statement: once marked, its deliveries are all there.
      const [row] = await eventually(async () => {
        const rows = await sql<{ id: string }>(
          world().system.database.url,
          `SELECT id FROM notification_outbox WHERE payload -> 'alert' ->> 'id' = $1 AND dispatched_at IS NOT NULL`,
          [payload.alert.id],
        );
        return rows.length > 0 ? rows : undefined;
      });
      const fannedOut = await sql<{ webhook_id: string }>(
        world().system.database.url,
        'SELECT webhook_id FROM webhook_deliveries WHERE outbox_id = $1',
        [row!.id],
      );
      expect(fannedOut.map((delivery) => delivery.webhook_id).sort()).toEqual(
        [raisedOnly.id, raisedAndResolved.id].sort(),
      );

      await world().finished(raisedOnly.id, 1);
      await world().finished(raisedAndResolved.id, 1);
      expect(raisedReceiver!.received).toHaveLength(1);
      expect(bothReceiver!.received).toHaveLength(1);
      expect(raisedReceiver!.received[0]!.deliveryId).not.toBe(bothReceiver!.received[0]!.deliveryId);
      expect(resolvedReceiver!.received).toHaveLength(0);
      expect(deletedReceiver!.received).toHaveLength(0);
      expect((await world().deliveryLog(resolvedOnly.id)).items).toEqual([]);
      expect((await world().deliveryLog(deleted.id)).items).toEqual([]);
    });

    it('retries with back-off after a dropped connection and a 500 until the receiver takes it, logging every attempt', async () => {
      const receiver = await world().startReceiver((_request, index) =>
        index === 0 ? 'reset' : index === 1 ? 500 : 200,
      );
      const webhook = await world().createWebhook(receiver, ['alert.escalated']);
      await world().startWorker();

      await world().notify('alert.escalated');

      const [delivery] = await world().finished(webhook.id, 1);
      expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200, lastError: null });
      const [first, second, third] = delivery!.attemptLog;
      expect(delivery!.attemptLog.map((attempt) => [attempt.attempt, attempt.statusCode])).toEqual([
        [1, null],
        [2, 500],
        [3, 200],
      ]);
      expect(first!.error).toMatch(/fetch failed/);
      expect(second!.error).toBe('HTTP 500 Internal Server Error');
      expect(third!.error).toBeNull();
      // NOTIFY_RETRY_BASE_MS=100: 100 ms after the first failure, 200 ms after the second.
      expect(Date.parse(second!.startedAt) - Date.parse(first!.startedAt)).toBeGreaterThanOrEqual(100);
      expect(Date.parse(third!.startedAt) - Date.parse(second!.startedAt)).toBeGreaterThanOrEqual(200);
      expect(receiver.received).toHaveLength(3);
      expect(new Set(receiver.received.map((request) => request.deliveryId))).toEqual(new Set([delivery!.id]));
    });

    it('delivers what the tables still owe after the queue lost its jobs (Redis flushed, queue rows deleted)', async () => {
      const receiver = await world().startReceiver(() => 503);
      const webhook = await world().createWebhook(receiver, ['alert.raised']);
      const worker = await world().startWorker();
      await world().notify('alert.raised');
      await receiver.waitForRequests(1);
      // Closing lets the attempt finish; its retry is then only a job in the queue.
      await worker.close();
      expect((await world().deliveryLog(webhook.id)).items).toMatchObject([{ status: 'pending' }]);

      await loseQueuedJobs(world().system, NOTIFICATIONS_QUEUE);
      receiver.respondWith(() => 200);
      await world().startWorker();

      const [delivery] = await world().finished(webhook.id, 1);
      expect(delivery).toMatchObject({ status: 'delivered', lastStatusCode: 200 });
      expect(delivery!.attemptLog.at(-1)).toMatchObject({ attempt: delivery!.attempts, statusCode: 200 });
    });

    it('finishes the attempt in flight when a worker shuts down: delivered once', async () => {
      let answer: (status: Answer) => void = () => undefined;
      const held = new Promise<Answer>((resolve) => {
        answer = resolve;
      });
      const receiver = await world().startReceiver((_request, index) => (index === 0 ? held : 200));
      const webhook = await world().createWebhook(receiver, ['alert.raised']);
      const worker = await world().startWorker();
      await world().notify('alert.raised');
      await receiver.waitForRequests(1);

      const closing = worker.close();
      answer(200);
      await closing;

      expect((await world().deliveryLog(webhook.id)).items).toMatchObject([{ status: 'delivered', attempts: 1 }]);
      expect(receiver.received).toHaveLength(1);
    });

    it('redelivers when a worker is killed mid-delivery; the repeat carries the same X-Delivery-Id', async () => {
      // The first request is never answered: its worker dies holding it.
      const receiver = await world().startReceiver((_request, index) =>
        index === 0 ? new Promise<Answer>(() => undefined) : 200,
      );
      const webhook = await world().createWebhook(receiver, ['alert.raised']);
      const doomed = startWorkerProcess(world().system);
      try {
        await world().notify('alert.raised');
        await receiver.waitForRequests(1);
      } finally {
        await doomed.kill();
      }
      await world().startWorker();

      const [delivery] = await world().finished(webhook.id, 1);
      expect(receiver.received).toHaveLength(2);
      const [lost, repeat] = receiver.received;
      expect(repeat!.deliveryId).toBe(delivery!.id);
      expect(lost!.deliveryId).toBe(delivery!.id);
      expect(repeat!.body).toBe(lost!.body);
      expect(delivery).toMatchObject({
        status: 'delivered',
        attempts: 2,
        attemptLog: [
          { attempt: 1, statusCode: null, durationMs: null, error: expect.stringContaining('worker stopped') },
          { attempt: 2, statusCode: 200, error: null },
        ],
      });
    });

    it('with two workers, delivers each notification once to each webhook', async () => {
      const receivers = [await world().startReceiver(), await world().startReceiver()];
      const webhooks = [
        await world().createWebhook(receivers[0]!, ['alert.raised']),
        await world().createWebhook(receivers[1]!, ['alert.raised']),
      ];
      await Promise.all([world().startWorker(), world().startWorker()]);

      const alertIds: string[] = [];
      for (let count = 0; count < 10; count++) alertIds.push((await world().notify('alert.raised')).alert.id);

      for (const webhook of webhooks) {
        const deliveries = await world().finished(webhook.id, 10);
        expect(deliveries.map((delivery) => [delivery.status, delivery.attempts])).toEqual(
          Array.from({ length: 10 }, () => ['delivered', 1]),
        );
      }
      for (const receiver of receivers) {
        expect(receiver.received).toHaveLength(10);
        expect(new Set(receiver.received.map((request) => request.deliveryId)).size).toBe(10);
        expect(receiver.received.map((request) => (request.json.alert as { id: string }).id).sort()).toEqual(
          [...alertIds].sort(),
        );
      }

      // The log pages newest first, without repeats or gaps.
      const pages: DeliveryItem[][] = [];
      let cursor: string | null = null;
      do {
        const page = await world().deliveryLog(
          webhooks[0]!.id,
          `?limit=4${cursor === null ? '' : `&cursor=${cursor}`}`,
        );
        pages.push(page.items);
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(pages.map((page) => page.length)).toEqual([4, 4, 2]);
      const listed = pages.flat();
      expect(new Set(listed.map((delivery) => delivery.id)).size).toBe(10);
      const times = listed.map((delivery) => Date.parse(delivery.createdAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    it('keeps webhooks to admins, validates them, shows a secret once and deletes softly', async () => {
      const { app, admin } = world();
      const supervisor = await signIn(app, admin, 'supervisor', (await createOffice(app, admin)).id);
      const someId = randomUUID();
      for (const call of [
        http(app)
          .post('/api/v1/webhooks')
          .send({ url: 'https://example.org/hook', events: ['alert.raised'] }),
        http(app).get('/api/v1/webhooks'),
        http(app).delete(`/api/v1/webhooks/${someId}`),
        http(app).get(`/api/v1/webhooks/${someId}/deliveries`),
      ]) {
        await call.set(bearer(supervisor)).expect(403);
      }

      const valid = { url: 'https://alerts.example.org/ipr', events: ['alert.raised'] };
      for (const [body, field] of [
        [{ ...valid, url: 'not a url' }, 'url'],
        [{ ...valid, url: 'ftp://example.org/hook' }, 'url'],
        [{ events: valid.events }, 'url'],
        [{ ...valid, events: ['alert.sent'] }, 'events'],
        [{ ...valid, events: [] }, 'events'],
        [{ ...valid, events: ['alert.raised', 'alert.raised'] }, 'events'],
        [{ ...valid, events: 'alert.raised' }, 'events'],
        [{ ...valid, secret: '' }, 'secret'],
        [{ ...valid, secret: null }, 'secret'],
        [{ ...valid, active: false }, 'active'],
      ] as const) {
        const refused = await http(app).post('/api/v1/webhooks').set(bearer(admin)).send(body).expect(400);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        const { errors } = refused.body as { errors: { field: string }[] };
        expect(errors.map((error) => error.field)).toContain(field);
      }

      const generated = await http(app).post('/api/v1/webhooks').set(bearer(admin)).send(valid).expect(201);
      world().webhookIds.push(generated.body.id);
      expect(generated.body).toEqual({
        id: expect.any(String),
        url: valid.url,
        events: valid.events,
        active: true,
        createdAt: expect.any(String),
        secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      });
      const chosenSecret = 'chosen-by-the-receiver-0123456789';
      const chosen = await http(app)
        .post('/api/v1/webhooks')
        .set(bearer(admin))
        .send({ url: 'http://127.0.0.1:9/hook', events: ALL_EVENTS, secret: chosenSecret })
        .expect(201);
      world().webhookIds.push(chosen.body.id);
      expect(chosen.body.secret).toBe(chosenSecret);

      const firstPage = await http(app).get('/api/v1/webhooks?limit=1').set(bearer(admin)).expect(200);
      expect(firstPage.body.items).toHaveLength(1);
      const secondPage = await http(app)
        .get(`/api/v1/webhooks?limit=1&cursor=${firstPage.body.nextCursor as string}`)
        .set(bearer(admin))
        .expect(200);
      const listed = [...firstPage.body.items, ...secondPage.body.items];
      expect(listed.map((webhook: { id: string }) => webhook.id)).toEqual([chosen.body.id, generated.body.id]);
      expect(JSON.stringify(listed)).not.toContain(chosenSecret);
      expect(JSON.stringify(listed)).not.toContain(generated.body.secret);
      expect(listed.every((webhook: object) => !('secret' in webhook))).toBe(true);

      await http(app).delete(`/api/v1/webhooks/${chosen.body.id}`).set(bearer(admin)).expect(204);
      await http(app).delete(`/api/v1/webhooks/${chosen.body.id}`).set(bearer(admin)).expect(404);
      await http(app).delete(`/api/v1/webhooks/${someId}`).set(bearer(admin)).expect(404);
      await http(app).delete('/api/v1/webhooks/not-an-id').set(bearer(admin)).expect(404);
      const afterDelete = await http(app).get('/api/v1/webhooks').set(bearer(admin)).expect(200);
      const { items } = afterDelete.body as { items: { id: string }[] };
      expect(items.map((webhook) => webhook.id)).toEqual([generated.body.id]);
      // The delivery log of a deleted webhook stays readable; an unknown webhook has none.
      await http(app)
        .get(`/api/v1/webhooks/${chosen.body.id}/deliveries`)
        .set(bearer(admin))
        .expect(200, { items: [], nextCursor: null });
      await http(app).get(`/api/v1/webhooks/${someId}/deliveries`).set(bearer(admin)).expect(404);
    });
  });

  describe('with NOTIFY_MAX_ATTEMPTS=2', () => {
    const world = useWorld(queueBackend, { NOTIFY_MAX_ATTEMPTS: '2' });

    it('gives up after NOTIFY_MAX_ATTEMPTS attempts, each of them logged', async () => {
      const receiver = await world().startReceiver(() => 503);
      const webhook = await world().createWebhook(receiver, ['alert.raised']);
      await world().startWorker();

      await world().notify('alert.raised');

      const [delivery] = await world().finished(webhook.id, 1);
      expect(delivery).toMatchObject({
        status: 'failed',
        attempts: 2,
        nextAttemptAt: null,
        deliveredAt: null,
        lastStatusCode: 503,
        lastError: 'HTTP 503 Service Unavailable',
      });
      expect(delivery!.attemptLog.map((attempt) => attempt.statusCode)).toEqual([503, 503]);
      expect(receiver.received).toHaveLength(2);
    });
  });

  describe('with scans an hour apart', () => {
    const world = useWorld(queueBackend, { NOTIFY_DISPATCH_EVERY_MS: '3600000' });

    it('dispatches at once when nudged, nudges collapsing into one job', async () => {
      const receiver = await world().startReceiver();
      const webhook = await world().createWebhook(receiver, ['alert.resolved']);
      await world().notify('alert.resolved');
      await world().notify('alert.resolved');
      const counts = await world().app.get(QueueFactory).queue(NOTIFICATIONS_QUEUE).getJobCounts();
      expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(1);

      await world().startWorker();

      await world().finished(webhook.id, 2);
      expect(receiver.received).toHaveLength(2);
    });
  });
});
