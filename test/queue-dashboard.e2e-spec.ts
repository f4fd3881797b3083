import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createOffice, signIn } from './support/factories';
import { ADMIN, bearer, createTestSystem, http, login, type Session, type TestSystem } from './support/test-app';

describe('the queue dashboard', () => {
  let system: TestSystem;
  let app: NestFastifyApplication;
  let admin: Session;

  beforeAll(async () => {
    system = await createTestSystem();
    app = await system.startApi();
    admin = await login(app, ADMIN.email, ADMIN.password);
  });

  afterAll(() => system.close());

  it('is closed to anonymous users (401) and to supervisors (403)', async () => {
    const anonymous = await http(app).get('/api/admin/queues/').expect(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    const supervisor = await signIn(app, admin, 'supervisor', (await createOffice(app, admin)).id);
    await http(app).get('/api/admin/queues/').set(bearer(supervisor)).expect(403);
    await http(app).get('/api/admin/queues/').set({ authorization: 'Bearer forged' }).expect(401);
  });

  it('shows every queue to an admin, by Bearer token or by the session cookie a browser gets', async () => {
    const page = await http(app).get('/api/admin/queues/').set(bearer(admin)).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const queues = await http(app).get('/api/admin/queues/api/queues').set(bearer(admin)).expect(200);
    const names = (queues.body.queues as { name: string }[]).map((queue) => queue.name).sort();
    expect(names).toEqual(['alerts', 'notifications', 'system', 'targets']);

    const session = await http(app).post('/api/v1/admin/queues/session').set(bearer(admin)).expect(204);
    const cookie = String(session.headers['set-cookie']);
    expect(cookie).toMatch(/ipr_queue_dashboard=.+; Path=\/api\/admin\/queues; HttpOnly; SameSite=Strict/);
    await http(app).get('/api/admin/queues/').set('cookie', cookie.split(';')[0]!).expect(200);
  });

  it('stops admitting a logged-out admin at once', async () => {
    const session = await login(app, ADMIN.email, ADMIN.password);
    await http(app).post('/api/v1/auth/logout').set(bearer(session)).send({}).expect(204);
    await http(app).get('/api/admin/queues/').set(bearer(session)).expect(401);
  });
});
