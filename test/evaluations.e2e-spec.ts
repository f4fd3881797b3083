import { createHmac } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { QueueBackend } from '#libs/config';
import { SettableClock } from '#libs/common';
import { QueueFactory } from '#libs/queue';
import { CaseworkBuilder } from './support/casework';
import { eventually } from './support/eventually';
import { createOffice, signIn } from './support/factories';
import { sql } from './support/sql';
import { ADMIN, bearer, createTestSystem, http, login, type Session, type TestSystem } from './support/test-app';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

interface AlertBody {
  id: string;
  kind: string;
  type: string;
  targetKey: string | null;
  caseId: string | null;
  year: number | null;
  severity: string;
  status: string;
  message: string;
  raisedAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
}

describe.each<QueueBackend>(['postgres', 'redis'])('target evaluation through the worker on %s', (queueBackend) => {
  // Mid-August 2026 in Shanghai: about 62 % of the year has passed.
  const clock = new SettableClock(new Date('2026-08-15T02:00:00Z'));
  let system: TestSystem;
  let app: NestFastifyApplication;
  let admin: Session;
  let supervisor: Session;
  let build: CaseworkBuilder;
  let receiver: WebhookReceiver;
  let webhookSecret: string;

  /** The target alerts the receiver has been told about, in order, after checking each signature. */
  function announcedTargetEvents(): string[] {
    return receiver.received
      .filter((request) => (request.json.kind as string) === 'target')
      .map((request) => {
        const expected = `sha256=${createHmac('sha256', webhookSecret).update(request.body).digest('hex')}`;
        expect(request.signature).toBe(expected);
        return `${request.event}:${(request.json.alert as { severity: string }).severity}`;
      });
  }

  async function evaluate(body: Record<string, unknown> = {}): Promise<void> {
    const queued = await http(app).post('/api/v1/targets/evaluations').set(bearer(supervisor)).send(body).expect(202);
    const { jobId } = queued.body as { jobId: string };
    const done = await eventually(
      async () => {
        const job = await http(app)
          .get(`/api/v1/targets/evaluations/jobs/${jobId}`)
          .set(bearer(supervisor))
          .expect(200);
        const body = job.body as { state: string; failedReason: string | null };
        return ['completed', 'failed'].includes(body.state) ? body : undefined;
      },
      30_000,
      `evaluation job ${jobId}`,
    );
    expect(done).toMatchObject({ state: 'completed', failedReason: null });
  }

  async function targetAlerts(): Promise<AlertBody[]> {
    const response = await http(app)
      .get('/api/v1/alerts')
      .query({ kind: 'target', limit: 100 })
      .set(bearer(supervisor))
      .expect(200);
    return response.body.items as AlertBody[];
  }

  beforeAll(async () => {
    system = await createTestSystem({ queueBackend, clock, env: { NOTIFY_DISPATCH_EVERY_MS: '200' } });
    app = await system.startApi();
    await system.startWorker();
    admin = await login(app, ADMIN.email, ADMIN.password);
    receiver = await startWebhookReceiver();
    const webhook = await http(app)
      .post('/api/v1/webhooks')
      .set(bearer(admin))
      .send({ url: receiver.url, events: ['alert.raised', 'alert.escalated', 'alert.resolved'] })
      .expect(201);
    webhookSecret = (webhook.body as { secret: string }).secret;
    const office = await createOffice(app, admin);
    const caseworker = await signIn(app, admin, 'caseworker', office.id);
    supervisor = await signIn(app, admin, 'supervisor', office.id);
    build = new CaseworkBuilder(app, caseworker, supervisor);
    // 50 enterprises assisted by mid-August: 120 × 0.62 ≈ 75 expected, 80 % of that ≈ 60 → behind.
    for (let index = 0; index < 50; index++) await build.approvedRequest(await build.enterprise());
    clock.advance(60_000);
  });

  afterAll(async () => {
    await system.close();
    await receiver.close();
  });

  it('raises an alert that progress implies, stores one evaluation per target and day, and re-running changes nothing', async () => {
    await evaluate();
    const evaluations = await http(app)
      .get('/api/v1/targets/evaluations')
      .query({ year: 2026 })
      .set(bearer(supervisor))
      .expect(200);
    expect(evaluations.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          targetKey: 'assisted-enterprises',
          year: 2026,
          day: '2026-08-15',
          actual: 50,
          required: 120,
          status: 'behind',
        }),
        expect.objectContaining({
          targetKey: 'enforcement-case-growth',
          year: 2026,
          day: '2026-08-15',
          status: 'no_baseline',
        }),
      ]),
    );
    const [alert, ...others] = await targetAlerts();
    expect(others).toEqual([]);
    expect(alert).toMatchObject({
      kind: 'target',
      type: 'target.progress',
      targetKey: 'assisted-enterprises',
      year: 2026,
      severity: 'major',
      status: 'open',
    });
    expect(alert!.message).toContain('50 of 120 required');

    await evaluate();
    await evaluate();
    const rows = await sql<{ count: string }>(system.database.url, 'SELECT count(*) FROM target_evaluations');
    expect(Number(rows[0]!.count)).toBe(2);
    expect(await targetAlerts()).toEqual([alert]);
    await receiver.waitForRequests(1);
    expect(announcedTargetEvents()).toEqual(['alert.raised:major']);
  });

  it('escalates the same alert when the year ends unmet, and an acknowledgement keeps it until resolved', async () => {
    const [alert] = await targetAlerts();
    const acknowledged = await http(app)
      .post(`/api/v1/alerts/${alert!.id}/acknowledge`)
      .set(bearer(supervisor))
      .expect(200);
    expect(acknowledged.body).toMatchObject({ status: 'acknowledged', acknowledgedAt: expect.any(String) });
    const again = await http(app).post(`/api/v1/alerts/${alert!.id}/acknowledge`).set(bearer(supervisor)).expect(200);
    expect(again.body).toMatchObject({ status: 'acknowledged', acknowledgedAt: acknowledged.body.acknowledgedAt });

    // The year-end run for 2026, on 1 January 2027.
    clock.set(new Date('2026-12-31T16:30:00Z'));
    await evaluate({ year: 2026 });
    const [escalated, ...others] = await targetAlerts();
    expect(others).toEqual([]);
    expect(escalated).toMatchObject({ id: alert!.id, severity: 'critical', status: 'acknowledged' });
    await receiver.waitForRequests(2);
    expect(announcedTargetEvents()).toEqual(['alert.raised:major', 'alert.escalated:critical']);
    const final = await http(app)
      .get('/api/v1/targets/evaluations')
      .query({ year: 2026 })
      .set(bearer(supervisor))
      .expect(200);
    expect(final.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ targetKey: 'assisted-enterprises', day: '2026-12-31', status: 'missed' }),
      ]),
    );
  });

  it('resolves the alert when a lowered threshold is met, and says so', async () => {
    const target = await http(app).get('/api/v1/targets').set(bearer(admin)).expect(200);
    const assisted = (target.body.items as { key: string; version: number }[]).find(
      (item) => item.key === 'assisted-enterprises',
    )!;
    await http(app)
      .patch('/api/v1/targets/assisted-enterprises')
      .set(bearer(admin))
      .send({ version: assisted.version, threshold: 50 })
      .expect(200);
    await evaluate({ year: 2026 });
    const [resolved] = await targetAlerts();
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: expect.any(String) });
    expect(resolved!.message).toContain('achieved');
    await receiver.waitForRequests(3);
    expect(announcedTargetEvents()).toEqual([
      'alert.raised:major',
      'alert.escalated:critical',
      'alert.resolved:critical',
    ]);
    const open = await http(app).get('/api/v1/alerts').query({ status: 'open' }).set(bearer(supervisor)).expect(200);
    expect((open.body.items as AlertBody[]).filter((item) => item.kind === 'target')).toEqual([]);
  });

  it('raises due-soon and overdue deadline alerts once per case, and resolves them when the case moves on', async () => {
    clock.set(new Date('2027-01-04T02:00:00Z'));
    const filed = await build.filedCase();
    // 85 days later the 90-day conclusion deadline is 5 days away; 91 days later it has passed.
    const scan = async () => {
      const queue = app.get(QueueFactory).queue('alerts');
      const job = await queue.add('scan-deadlines', {});
      await eventually(
        async () => ((await job.getState()) === 'completed' ? true : undefined),
        30_000,
        'the deadline scan',
      );
    };
    const deadlineAlerts = async () =>
      (
        (
          await http(app)
            .get('/api/v1/alerts')
            .query({ kind: 'deadline', limit: 100 })
            .set(bearer(supervisor))
            .expect(200)
        ).body.items as AlertBody[]
      ).filter((item) => item.caseId === filed.id);

    clock.set(new Date(Date.parse('2027-01-04T02:00:00Z') + 85 * 86_400_000));
    await scan();
    await scan();
    expect(await deadlineAlerts()).toEqual([
      expect.objectContaining({ type: 'case.due_soon', severity: 'warning', status: 'open' }),
    ]);

    clock.set(new Date(Date.parse('2027-01-04T02:00:00Z') + 91 * 86_400_000));
    await scan();
    const afterDue = await deadlineAlerts();
    expect(afterDue.map((item) => [item.type, item.status]).sort()).toEqual([
      ['case.due_soon', 'resolved'],
      ['case.overdue', 'open'],
    ]);

    const investigating = (await build.transition('enforcement-cases', supervisor, filed, 'start_investigation'))
      .body as { id: string; version: number };
    await build.transition('enforcement-cases', supervisor, investigating, 'decide', { outcome: 'cease_order' });
    await scan();
    expect((await deadlineAlerts()).every((item) => item.status === 'resolved')).toBe(true);
  });
});
