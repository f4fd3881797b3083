import { createOffice, signIn } from './support/factories';
import { eventually } from './support/eventually';
import { ADMIN, bearer, createTestSystem, http, login, type TestSystem } from './support/test-app';

describe('the deadline scan', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await createTestSystem();
  });

  afterAll(() => system.close());

  it('runs when a worker starts, so overdue cases are flagged without waiting for the daily run', async () => {
    const app = await system.startApi();
    const admin = await login(app, ADMIN.email, ADMIN.password);
    const office = await createOffice(app, admin);
    const caseworker = await signIn(app, admin, 'caseworker', office.id);
    const received = await http(app)
      .post('/api/v1/enforcement-cases')
      .set(bearer(caseworker))
      .send({
        ipType: 'patent',
        category: 'infringement',
        source: 'complaint',
        respondentName: 'Late Ltd.',
        receivedAt: '2026-01-05',
      })
      .expect(201);
    expect(received.body).toMatchObject({ receivedAt: '2026-01-04T16:00:00.000Z', overdue: true });

    await system.startWorker();
    const alert = await eventually(
      async () => {
        const alerts = await http(app)
          .get('/api/v1/alerts')
          .query({ kind: 'deadline' })
          .set(bearer(caseworker))
          .expect(200);
        return (alerts.body.items as { caseId: string; type: string; deadline: string; severity: string }[]).find(
          (item) => item.caseId === (received.body as { id: string }).id,
        );
      },
      20_000,
      'the overdue alert',
    );
    expect(alert).toMatchObject({ type: 'case.overdue', deadline: 'intake', severity: 'critical' });
  });
});
