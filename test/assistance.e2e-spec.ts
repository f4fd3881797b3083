import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createOffice, enterpriseInput, signIn } from './support/factories';
import { sql } from './support/sql';
import { ADMIN, bearer, createTestSystem, http, login, type Session, type TestSystem } from './support/test-app';

interface RequestBody {
  id: string;
  reference: string;
  status: string;
  version: number;
  approvedAt: string | null;
  approvedById: string | null;
}

describe('assistance requests', () => {
  let system: TestSystem;
  let app: NestFastifyApplication;
  let admin: Session;
  let caseworker: Session;
  let supervisor: Session;
  let otherSupervisor: Session;
  let enterpriseId: string;

  async function createRequest(
    as: Session = caseworker,
    overrides: Record<string, unknown> = {},
  ): Promise<RequestBody> {
    const response = await http(app)
      .post('/api/v1/assistance-requests')
      .set(bearer(as))
      .send({
        enterpriseId,
        type: 'infringement_dispute',
        title: 'Counterfeit batteries online',
        description: 'Seen on two shops',
        ...overrides,
      })
      .expect(201);
    return response.body as RequestBody;
  }

  function act(
    as: Session,
    request: { id: string; version: number },
    action: string,
    extra: Record<string, unknown> = {},
  ) {
    return http(app)
      .post(`/api/v1/assistance-requests/${request.id}/transitions`)
      .set(bearer(as))
      .send({ action, version: request.version, ...extra });
  }

  async function moveTo(request: RequestBody, status: string): Promise<RequestBody> {
    await sql(system.database.url, 'UPDATE assistance_requests SET status = $2 WHERE id = $1', [request.id, status]);
    return { ...request, status };
  }

  beforeAll(async () => {
    system = await createTestSystem();
    app = await system.startApi();
    admin = await login(app, ADMIN.email, ADMIN.password);
    const office = await createOffice(app, admin);
    caseworker = await signIn(app, admin, 'caseworker', office.id);
    supervisor = await signIn(app, admin, 'supervisor', office.id);
    otherSupervisor = await signIn(app, admin, 'supervisor', (await createOffice(app, admin)).id);
    const enterprise = await http(app)
      .post('/api/v1/enterprises')
      .set(bearer(caseworker))
      .send(enterpriseInput())
      .expect(201);
    enterpriseId = (enterprise.body as { id: string }).id;
  });

  afterAll(() => system.close());

  it('a caseworker logs a request, a supervisor of the office approves it, and the history shows each step', async () => {
    let request = await createRequest();
    expect(request).toMatchObject({
      reference: expect.stringMatching(/^AR-\d{4}-\d{6}$/),
      status: 'draft',
      version: 1,
    });
    request = (await act(caseworker, request, 'submit').expect(200)).body as RequestBody;
    request = (await act(supervisor, request, 'start_review').expect(200)).body as RequestBody;
    request = (await act(supervisor, request, 'approve').expect(200)).body as RequestBody;
    expect(request).toMatchObject({
      status: 'approved',
      version: 4,
      approvedById: supervisor.user.id,
      approvedAt: expect.any(String),
    });
    request = (await act(caseworker, request, 'start_service').expect(200)).body as RequestBody;
    request = (await act(caseworker, request, 'complete', { outcome: 'Listings taken down' }).expect(200))
      .body as RequestBody;
    expect(request).toMatchObject({ status: 'completed', outcome: 'Listings taken down', version: 6 });

    const history = await http(app)
      .get(`/api/v1/assistance-requests/${request.id}/history`)
      .set(bearer(supervisor))
      .expect(200);
    const steps = (
      history.body as { items: { action: string; fromStatus: string | null; toStatus: string; actorId: string }[] }
    ).items;
    expect(steps.map((step) => [step.action, step.fromStatus, step.toStatus])).toEqual([
      ['create', null, 'draft'],
      ['submit', 'draft', 'submitted'],
      ['start_review', 'submitted', 'under_review'],
      ['approve', 'under_review', 'approved'],
      ['start_service', 'approved', 'in_service'],
      ['complete', 'in_service', 'completed'],
    ]);
    expect(steps[3]).toMatchObject({
      actorId: supervisor.user.id,
      changes: { approvedAt: { from: null, to: expect.any(String) } },
    });
    expect(history.body.items[0]).toEqual({
      id: expect.any(String),
      action: 'create',
      fromStatus: null,
      toStatus: 'draft',
      actorId: caseworker.user.id,
      at: expect.any(String),
      comment: null,
      changes: expect.objectContaining({ title: { from: null, to: 'Counterfeit batteries online' } }),
    });
  });

  describe('every action, allowed and refused, per role and state', () => {
    // SPEC §4, transcribed independently of the implementation's table.
    const rules: Record<string, { from: string[]; roles: string[] }> = {
      submit: { from: ['draft'], roles: ['caseworker', 'supervisor'] },
      start_review: { from: ['submitted'], roles: ['supervisor'] },
      approve: { from: ['under_review'], roles: ['supervisor'] },
      reject: { from: ['under_review'], roles: ['supervisor'] },
      return: { from: ['under_review'], roles: ['supervisor'] },
      start_service: { from: ['approved'], roles: ['caseworker', 'supervisor'] },
      complete: { from: ['in_service'], roles: ['caseworker', 'supervisor'] },
      withdraw: { from: ['draft', 'submitted', 'under_review'], roles: ['caseworker', 'supervisor'] },
    };
    const states = [
      'draft',
      'submitted',
      'under_review',
      'approved',
      'rejected',
      'in_service',
      'completed',
      'withdrawn',
    ];

    it.each(Object.keys(rules))('%s', async (action) => {
      const rule = rules[action]!;
      const sessions: Record<string, Session> = { caseworker, supervisor, admin };
      for (const role of ['caseworker', 'supervisor', 'admin']) {
        for (const state of states) {
          const request = await moveTo(await createRequest(), state);
          const expected = !rule.roles.includes(role) ? 403 : !rule.from.includes(state) ? 409 : 200;
          const response = await act(sessions[role]!, request, action, { comment: 'reason', outcome: 'result' });
          expect([role, state, response.status]).toEqual([role, state, expected]);
          if (expected === 409) expect(response.body.type).toMatch(/invalid-transition$/);
        }
      }
    });
  });

  describe('four eyes', () => {
    it('a supervisor cannot approve or reject a request they created', async () => {
      const own = await moveTo(await createRequest(supervisor), 'under_review');
      const refused = await act(supervisor, own, 'approve').expect(403);
      expect(refused.body).toMatchObject({ status: 403, detail: expect.stringContaining('Four eyes') });
      await act(supervisor, own, 'reject', { comment: 'no' }).expect(403);
    });

    it('a supervisor cannot approve a request after reassigning it away from themselves', async () => {
      let request = await createRequest();
      for (const assigneeId of [supervisor.user.id, caseworker.user.id]) {
        request = (
          await http(app)
            .post(`/api/v1/assistance-requests/${request.id}/assign`)
            .set(bearer(supervisor))
            .send({ version: request.version, assigneeId })
            .expect(200)
        ).body as RequestBody;
      }
      request = await moveTo(request, 'under_review');
      await act(supervisor, request, 'approve').expect(403);
    });

    it('a supervisor cannot approve a request assigned to them', async () => {
      let request = await createRequest();
      request = (
        await http(app)
          .post(`/api/v1/assistance-requests/${request.id}/assign`)
          .set(bearer(supervisor))
          .send({ version: request.version, assigneeId: supervisor.user.id })
          .expect(200)
      ).body as RequestBody;
      request = await moveTo(request, 'under_review');
      await act(supervisor, request, 'approve').expect(403);
    });
  });

  it('needs a comment to reject, return and withdraw, and an outcome to complete (400, nothing changes)', async () => {
    const request = await moveTo(await createRequest(), 'under_review');
    for (const action of ['reject', 'return', 'withdraw']) {
      const refused = await act(supervisor, request, action).expect(400);
      expect(refused.body.errors).toEqual([{ field: 'comment', message: expect.any(String) }]);
    }
    const inService = await moveTo(await createRequest(), 'in_service');
    await act(caseworker, inService, 'complete').expect(400);
    const unchanged = await http(app)
      .get(`/api/v1/assistance-requests/${request.id}`)
      .set(bearer(caseworker))
      .expect(200);
    expect(unchanged.body).toMatchObject({ status: 'under_review', version: request.version });
  });

  it('answers a stale version with 409 stale-version and an unknown action with 400', async () => {
    const request = await createRequest();
    await act(caseworker, request, 'submit').expect(200);
    const stale = await act(caseworker, request, 'withdraw', { comment: 'changed my mind' }).expect(409);
    expect(stale.body.type).toMatch(/stale-version$/);
    await act(caseworker, { ...request, version: 2 }, 'teleport').expect(400);
  });

  it('lets only one of 20 parallel approvals succeed, and records one approval', async () => {
    const request = await moveTo(await createRequest(), 'under_review');
    const responses = await Promise.all(Array.from({ length: 20 }, () => act(supervisor, request, 'approve')));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    const history = await http(app)
      .get(`/api/v1/assistance-requests/${request.id}/history`)
      .set(bearer(supervisor))
      .expect(200);
    expect((history.body.items as { action: string }[]).filter((step) => step.action === 'approve')).toHaveLength(1);
  });

  it('gives 30 parallel creations 30 distinct, consecutive references', async () => {
    const responses = await Promise.all(Array.from({ length: 30 }, () => createRequest()));
    const numbers = responses.map((request) => Number(request.reference.slice(-6))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(30);
    expect(numbers.at(-1)! - numbers[0]!).toBe(29);
  });

  describe('office scope', () => {
    it('answers 404 to another office on read, history, edit, assign and transition, and lists nothing', async () => {
      const request = await createRequest();
      const paths = [
        http(app).get(`/api/v1/assistance-requests/${request.id}`),
        http(app).get(`/api/v1/assistance-requests/${request.id}/history`),
        http(app).patch(`/api/v1/assistance-requests/${request.id}`).send({ version: 1, title: 'Hijacked' }),
        http(app)
          .post(`/api/v1/assistance-requests/${request.id}/assign`)
          .send({ version: 1, assigneeId: otherSupervisor.user.id }),
        http(app).post(`/api/v1/assistance-requests/${request.id}/transitions`).send({ version: 1, action: 'submit' }),
      ];
      const unknownId = '00000000-0000-4000-8000-000000000000';
      const missing = await http(app)
        .get(`/api/v1/assistance-requests/${unknownId}`)
        .set(bearer(otherSupervisor))
        .expect(404);
      for (const call of paths) {
        const response = await call.set(bearer(otherSupervisor)).expect(404);
        expect(response.body.detail).toBe(missing.body.detail);
      }
      const list = await http(app).get('/api/v1/assistance-requests').set(bearer(otherSupervisor)).expect(200);
      expect(list.body.items).toEqual([]);
    });

    it('lets admins read every office and filter by office, but not work the cases', async () => {
      const request = await createRequest();
      await http(app).get(`/api/v1/assistance-requests/${request.id}`).set(bearer(admin)).expect(200);
      const filtered = await http(app)
        .get('/api/v1/assistance-requests')
        .query({ officeId: caseworker.user.officeId, limit: 100 })
        .set(bearer(admin))
        .expect(200);
      expect(
        (filtered.body.items as { officeId: string }[]).every((item) => item.officeId === caseworker.user.officeId),
      ).toBe(true);
      await http(app)
        .post('/api/v1/assistance-requests')
        .set(bearer(admin))
        .send({ enterpriseId, type: 'training', title: 'Admin cannot' })
        .expect(403);
    });
  });

  describe('edits and assignment', () => {
    it('edits while draft or submitted, records the changed fields, and refuses later (409)', async () => {
      const request = await createRequest();
      const edited = await http(app)
        .patch(`/api/v1/assistance-requests/${request.id}`)
        .set(bearer(caseworker))
        .send({ version: 1, title: 'Counterfeit batteries on three shops' })
        .expect(200);
      expect(edited.body).toMatchObject({ title: 'Counterfeit batteries on three shops', version: 2 });
      const history = await http(app)
        .get(`/api/v1/assistance-requests/${request.id}/history`)
        .set(bearer(caseworker))
        .expect(200);
      expect(history.body.items[1]).toMatchObject({
        action: 'edit',
        changes: { title: { from: 'Counterfeit batteries online', to: 'Counterfeit batteries on three shops' } },
      });
      const approved = await moveTo({ ...(edited.body as RequestBody) }, 'approved');
      const refused = await http(app)
        .patch(`/api/v1/assistance-requests/${approved.id}`)
        .set(bearer(caseworker))
        .send({ version: approved.version, title: 'Too late' })
        .expect(409);
      expect(refused.body.type).toMatch(/not-editable$/);
    });

    it('assigns only to an active caseworker or supervisor of the same office, and only supervisors may assign', async () => {
      const request = await createRequest();
      await http(app)
        .post(`/api/v1/assistance-requests/${request.id}/assign`)
        .set(bearer(caseworker))
        .send({ version: 1, assigneeId: caseworker.user.id })
        .expect(403);
      const foreign = await http(app)
        .post(`/api/v1/assistance-requests/${request.id}/assign`)
        .set(bearer(supervisor))
        .send({ version: 1, assigneeId: otherSupervisor.user.id })
        .expect(400);
      expect(foreign.body.errors[0].field).toBe('assigneeId');
      const assigned = await http(app)
        .post(`/api/v1/assistance-requests/${request.id}/assign`)
        .set(bearer(supervisor))
        .send({ version: 1, assigneeId: caseworker.user.id })
        .expect(200);
      expect(assigned.body).toMatchObject({ assigneeId: caseworker.user.id, version: 2 });
      const byAssignee = await http(app)
        .get('/api/v1/assistance-requests')
        .query({ assigneeId: caseworker.user.id })
        .set(bearer(supervisor))
        .expect(200);
      expect((byAssignee.body.items as { id: string }[]).map((item) => item.id)).toContain(request.id);
    });

    it('refuses null for required fields with 400, and null clears the description', async () => {
      const request = await createRequest();
      for (const body of [
        { version: 1, enterpriseId: null },
        { version: 1, title: null },
        { version: 1, type: null },
      ]) {
        const refused = await http(app)
          .patch(`/api/v1/assistance-requests/${request.id}`)
          .set(bearer(caseworker))
          .send(body)
          .expect(400);
        expect(refused.body.errors[0].field).toBe(Object.keys(body)[1]);
      }
      await http(app)
        .post('/api/v1/assistance-requests')
        .set(bearer(caseworker))
        .send({ enterpriseId, type: 'training', title: 'Null assignee', assigneeId: null })
        .expect(400);
      const cleared = await http(app)
        .patch(`/api/v1/assistance-requests/${request.id}`)
        .set(bearer(caseworker))
        .send({ version: 1, description: null })
        .expect(200);
      expect(cleared.body).toMatchObject({ description: null, version: 2 });
    });

    it('refuses a request for an enterprise that is not registered', async () => {
      const refused = await http(app)
        .post('/api/v1/assistance-requests')
        .set(bearer(caseworker))
        .send({ enterpriseId: '00000000-0000-4000-8000-000000000000', type: 'training', title: 'Nobody' })
        .expect(400);
      expect(refused.body.errors).toEqual([{ field: 'enterpriseId', message: expect.any(String) }]);
    });
  });

  it('keeps history append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await createRequest();
    for (const statement of [
      "UPDATE case_history SET comment = 'rewritten'",
      'DELETE FROM case_history',
      'TRUNCATE case_history',
    ]) {
      await expect(sql(system.database.url, statement)).rejects.toThrow(/append-only/);
    }
  });
});
