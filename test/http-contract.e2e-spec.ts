import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import { createOffice, enterpriseInput, signIn } from './support/factories';
import { ADMIN, bearer, createTestSystem, http, login, type Session, type TestSystem } from './support/test-app';

const PROBLEM = /^application\/problem\+json/;

/** Bodies a careless or hostile client might send: any JSON, plus text that is not JSON. */
const malformedBody = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string(),
  fc.constantFrom(
    '{',
    '{"email":',
    '[1,2',
    'null',
    '""',
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{}}}',
  ),
  fc.record({ email: fc.anything(), password: fc.anything() }).map((value) => JSON.stringify(value)),
  fc
    .record({ name: fc.anything(), creditCode: fc.anything(), industry: fc.anything(), size: fc.anything() })
    .map((value) => JSON.stringify(value)),
);

describe('the HTTP contract', () => {
  let system: TestSystem;
  let app: NestFastifyApplication;
  let admin: Session;
  let caseworker: Session;

  beforeAll(async () => {
    // Many deliberate failed logins below: let throttling stay out of the way of the 4xx checks.
    system = await createTestSystem({ env: { LOGIN_MAX_FAILURES: '1000' } });
    app = await system.startApi();
    admin = await login(app, ADMIN.email, ADMIN.password);
    caseworker = await signIn(app, admin, 'caseworker', (await createOffice(app, admin)).id);
  });

  afterAll(() => system.close());

  it('answers hundreds of malformed bodies to login and enterprises with 4xx problem documents, never 5xx', async () => {
    const created = await http(app)
      .post('/api/v1/enterprises')
      .set(bearer(caseworker))
      .send(enterpriseInput())
      .expect(201);
    const enterpriseId = (created.body as { id: string }).id;
    const targets = [
      { method: 'post', path: '/api/v1/auth/login', session: undefined },
      { method: 'post', path: '/api/v1/auth/refresh', session: undefined },
      { method: 'post', path: '/api/v1/enterprises', session: caseworker },
      { method: 'patch', path: `/api/v1/enterprises/${enterpriseId}`, session: caseworker },
      { method: 'post', path: '/api/v1/users', session: admin },
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...targets),
        malformedBody,
        fc.constantFrom('application/json', 'text/plain'),
        async (target, body, type) => {
          let call = http(app)[target.method](target.path).set('content-type', type);
          if (target.session !== undefined) call = call.set(bearer(target.session));
          const response = await call.send(body);
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          expect(response.headers['content-type']).toMatch(PROBLEM);
          expect(response.body).toMatchObject({
            type: expect.any(String),
            title: expect.any(String),
            status: response.status,
          });
        },
      ),
      { numRuns: 400 },
    );
    const unchanged = await http(app).get(`/api/v1/enterprises/${enterpriseId}`).set(bearer(caseworker)).expect(200);
    expect(unchanged.body).toMatchObject({ version: 1 });
  });

  it('answers null for fields that cannot be empty, and cursors it never issued, with 400', async () => {
    const created = await http(app)
      .post('/api/v1/enterprises')
      .set(bearer(caseworker))
      .send(enterpriseInput())
      .expect(201);
    const enterpriseId = (created.body as { id: string }).id;
    for (const field of ['name', 'creditCode', 'industry']) {
      const refused = await http(app)
        .patch(`/api/v1/enterprises/${enterpriseId}`)
        .set(bearer(caseworker))
        .send({ version: 1, [field]: null })
        .expect(400);
      expect(refused.body.errors[0].field).toBe(field);
    }
    await http(app)
      .patch(`/api/v1/enterprises/${enterpriseId}`)
      .set(bearer(caseworker))
      .send({ version: 1, district: null })
      .expect(200);
    const office = await createOffice(app, admin);
    await http(app)
      .patch(`/api/v1/offices/${office.id}`)
      .set(bearer(admin))
      .send({ version: 1, code: null })
      .expect(400);
    await http(app)
      .patch(`/api/v1/users/${caseworker.user.id}`)
      .set(bearer(admin))
      .send({ version: 1, password: null })
      .expect(400);
    await http(app)
      .post('/api/v1/enforcement-cases')
      .set(bearer(caseworker))
      .send({ ipType: 'patent', category: 'other', source: 'referral', respondentName: 'X', receivedAt: null })
      .expect(400);

    const cursor = (position: unknown) => Buffer.from(JSON.stringify(position)).toString('base64url');
    for (const [path, position] of [
      ['/api/v1/alerts', ['-271821-04-20T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']],
      ['/api/v1/enterprises', ['+275760-09-13T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']],
      ['/api/v1/targets/evaluations', ['99999999999999999999']],
      ['/api/v1/targets/evaluations', ['9999999999999999999']],
    ] as const) {
      const refused = await http(app)
        .get(path)
        .query({ cursor: cursor(position) })
        .set(bearer(admin))
        .expect(400);
      expect(refused.body.errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
    }
  });

  it('refuses oversized bodies with 413', async () => {
    const response = await http(app)
      .post('/api/v1/enterprises')
      .set(bearer(caseworker))
      .send(enterpriseInput({ name: 'x'.repeat(2 * 1024 * 1024) }))
      .expect(413);
    expect(response.headers['content-type']).toMatch(PROBLEM);
  });

  it('answers unknown routes and methods with problem documents', async () => {
    const unknown = await http(app).get('/api/v1/no-such-thing').expect(404);
    expect(unknown.headers['content-type']).toMatch(PROBLEM);
    expect(unknown.body).toMatchObject({ status: 404, title: 'Not Found' });
    const outside = await http(app).get('/definitely/not/here').expect(404);
    expect(outside.headers['content-type']).toMatch(PROBLEM);
  });

  it('sets security headers and echoes a well-formed request id', async () => {
    const response = await http(app).get('/api/v1/health').set('x-request-id', 'trace-abc.123').expect(200);
    expect(response.headers).toMatchObject({
      'x-request-id': 'trace-abc.123',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    });
    const generated = await http(app).get('/api/v1/health').set('x-request-id', 'not ok!').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('publishes an OpenAPI document covering every route, with schemas, and its UI', async () => {
    const docs = await http(app).get('/api/docs-json').expect(200);
    const document = docs.body as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: unknown }>; requestBody?: unknown }>
      >;
      components: { schemas: Record<string, unknown> };
    };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })),
    );
    expect(operations.map((operation) => operation.route).sort()).toEqual(
      [
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/refresh',
        'POST /api/v1/auth/logout',
        'GET /api/v1/auth/me',
        'POST /api/v1/offices',
        'GET /api/v1/offices',
        'GET /api/v1/offices/{id}',
        'PATCH /api/v1/offices/{id}',
        'POST /api/v1/users',
        'GET /api/v1/users',
        'GET /api/v1/users/{id}',
        'PATCH /api/v1/users/{id}',
        'POST /api/v1/enterprises',
        'GET /api/v1/enterprises',
        'GET /api/v1/enterprises/{id}',
        'PATCH /api/v1/enterprises/{id}',
        'GET /api/v1/calendar/{year}',
        'PUT /api/v1/calendar/{year}',
        'GET /api/v1/health',
        'POST /api/v1/assistance-requests',
        'GET /api/v1/assistance-requests',
        'GET /api/v1/assistance-requests/{id}',
        'PATCH /api/v1/assistance-requests/{id}',
        'POST /api/v1/assistance-requests/{id}/transitions',
        'POST /api/v1/assistance-requests/{id}/assign',
        'GET /api/v1/assistance-requests/{id}/history',
        'POST /api/v1/enforcement-cases',
        'GET /api/v1/enforcement-cases',
        'GET /api/v1/enforcement-cases/{id}',
        'PATCH /api/v1/enforcement-cases/{id}',
        'POST /api/v1/enforcement-cases/{id}/transitions',
        'POST /api/v1/enforcement-cases/{id}/assign',
        'GET /api/v1/enforcement-cases/{id}/history',
        'GET /api/v1/stats/annual',
        'GET /api/v1/stats/annual.csv',
        'GET /api/v1/targets',
        'PATCH /api/v1/targets/{key}',
        'GET /api/v1/targets/progress',
        'POST /api/v1/targets/evaluations',
        'GET /api/v1/targets/evaluations',
        'GET /api/v1/targets/evaluations/jobs/{jobId}',
        'PUT /api/v1/targets/baselines/{metric}/{year}',
        'GET /api/v1/alerts',
        'POST /api/v1/alerts/{id}/acknowledge',
        'POST /api/v1/admin/queues/session',
        'POST /api/v1/webhooks',
        'GET /api/v1/webhooks',
        'DELETE /api/v1/webhooks/{id}',
        'GET /api/v1/webhooks/{id}/deliveries',
      ].sort(),
    );
    for (const { route, operation } of operations) {
      const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
      expect([route, success === undefined ? 'no 2xx response' : 'ok']).toEqual([route, 'ok']);
      const commandWithoutInput = [
        'POST /api/v1/alerts/{id}/acknowledge',
        'POST /api/v1/admin/queues/session',
      ].includes(route);
      if ((route.startsWith('POST') || route.startsWith('PATCH') || route.startsWith('PUT')) && !commandWithoutInput) {
        expect([route, operation.requestBody === undefined ? 'no request body' : 'ok']).toEqual([route, 'ok']);
      }
    }
    expect(Object.keys(document.paths['/api/v1/stats/annual.csv']?.get?.responses['200']?.content ?? {})).toEqual([
      'text/csv',
    ]);
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining([
        'CreateEnterpriseDto',
        'EnterpriseView',
        'EnterprisePage',
        'ProblemView',
        'TokenPairView',
        'AnnualStatsView',
        'AssistanceStatusCounts',
        'RespondentIndustryCounts',
        'CreateWebhookDto',
        'CreatedWebhookView',
        'WebhookPage',
        'WebhookDeliveryPage',
      ]),
    );
    const ui = await http(app).get('/api/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
  });
});
