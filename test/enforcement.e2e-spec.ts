import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SettableClock } from '#libs/common';
import { createOffice, signIn } from './support/factories';
import { sql } from './support/sql';
import { ADMIN, bearer, createTestSystem, http, login, type Session, type TestSystem } from './support/test-app';

const DAY = 86_400_000;

interface CaseBody {
  id: string;
  reference: string;
  status: string;
  version: number;
  receivedAt: string;
  intakeDueAt: string;
  filedAt: string | null;
  dueAt: string | null;
  overdue: boolean;
  fineAmount: string | null;
}

describe('enforcement cases', () => {
  // Monday 2 March 2026, 10:00 in Shanghai.
  const clock = new SettableClock(new Date('2026-03-02T02:00:00Z'));
  let system: TestSystem;
  let app: NestFastifyApplication;
  let admin: Session;
  let caseworker: Session;
  let supervisor: Session;
  let otherSupervisor: Session;

  function createCase(as: Session = caseworker, overrides: Record<string, unknown> = {}) {
    return http(app)
      .post('/api/v1/enforcement-cases')
      .set(bearer(as))
      .send({
        ipType: 'trademark',
        category: 'counterfeiting',
        source: 'inspection',
        respondentName: 'Fake Goods Trading Co.',
        ...overrides,
      });
  }

  async function newCase(as: Session = caseworker, overrides: Record<string, unknown> = {}): Promise<CaseBody> {
    return (await createCase(as, overrides).expect(201)).body as CaseBody;
  }

  function act(
    as: Session,
    subject: { id: string; version: number },
    action: string,
    extra: Record<string, unknown> = {},
  ) {
    return http(app)
      .post(`/api/v1/enforcement-cases/${subject.id}/transitions`)
      .set(bearer(as))
      .send({ action, version: subject.version, ...extra });
  }

  async function step(
    as: Session,
    subject: { id: string; version: number },
    action: string,
    extra: Record<string, unknown> = {},
  ) {
    return (await act(as, subject, action, extra).expect(200)).body as CaseBody;
  }

  async function moveTo(subject: CaseBody, status: string): Promise<CaseBody> {
    await sql(system.database.url, 'UPDATE enforcement_cases SET status = $2 WHERE id = $1', [subject.id, status]);
    return { ...subject, status };
  }

  beforeAll(async () => {
    system = await createTestSystem({ clock });
    app = await system.startApi();
    admin = await login(app, ADMIN.email, ADMIN.password);
    const office = await createOffice(app, admin);
    caseworker = await signIn(app, admin, 'caseworker', office.id);
    supervisor = await signIn(app, admin, 'supervisor', office.id);
    otherSupervisor = await signIn(app, admin, 'supervisor', (await createOffice(app, admin)).id);
  });

  afterAll(() => system.close());

  it('moves a case from received to closed, with its deadline shown and honoured', async () => {
    clock.set(new Date('2026-03-02T02:00:00Z'));
    let subject = await newCase();
    expect(subject).toMatchObject({
      reference: expect.stringMatching(/^EC-2026-\d{6}$/),
      status: 'received',
      receivedAt: '2026-03-02T02:00:00.000Z',
      // 15 working days after Monday 2 March: Monday 23 March, end of day in Shanghai.
      intakeDueAt: '2026-03-23T15:59:59.999Z',
      dueAt: null,
      overdue: false,
    });

    clock.advance(DAY);
    subject = await step(supervisor, subject, 'file');
    const filedAt = Date.parse(subject.filedAt!);
    expect(filedAt).toBe(clock.now().getTime());
    expect(Date.parse(subject.dueAt!)).toBe(filedAt + 90 * DAY);

    subject = await step(caseworker, subject, 'start_investigation');
    clock.advance(10 * DAY);
    subject = await step(caseworker, subject, 'suspend', { comment: 'Waiting for the expert opinion' });
    clock.advance(5 * DAY);
    const whileSuspended = await http(app)
      .get('/api/v1/enforcement-cases')
      .query({ overdue: true })
      .set(bearer(caseworker))
      .expect(200);
    expect(whileSuspended.body.items).toEqual([]);
    subject = await step(caseworker, subject, 'resume');
    expect(Date.parse(subject.dueAt!)).toBe(filedAt + 95 * DAY);

    subject = await step(supervisor, subject, 'extend', { comment: 'Several warehouses to inspect' });
    expect(Date.parse(subject.dueAt!)).toBe(filedAt + 125 * DAY);
    const again = await act(supervisor, subject, 'extend', { comment: 'More time' }).expect(409);
    expect(again.body.type).toMatch(/already-extended$/);

    clock.set(new Date(filedAt + 126 * DAY));
    const late = await http(app).get(`/api/v1/enforcement-cases/${subject.id}`).set(bearer(caseworker)).expect(200);
    expect(late.body.overdue).toBe(true);
    const overdueList = await http(app)
      .get('/api/v1/enforcement-cases')
      .query({ overdue: true })
      .set(bearer(caseworker))
      .expect(200);
    expect((overdueList.body.items as CaseBody[]).map((item) => item.id)).toContain(subject.id);

    subject = await step(supervisor, subject, 'decide', { outcome: 'penalty', fineAmount: 50000.5 });
    expect(subject).toMatchObject({ status: 'decided', fineAmount: '50000.50', overdue: false });
    subject = await step(caseworker, subject, 'close');
    expect(subject.status).toBe('closed');

    const history = await http(app)
      .get(`/api/v1/enforcement-cases/${subject.id}/history`)
      .set(bearer(supervisor))
      .expect(200);
    expect((history.body.items as { action: string }[]).map((item) => item.action)).toEqual([
      'create',
      'file',
      'start_investigation',
      'suspend',
      'resume',
      'extend',
      'decide',
      'close',
    ]);
  });

  it('gives a patent dispute 5 working days to intake, across a holiday and a make-up working day', async () => {
    // Thursday 30 April 2026. Without holidays, 5 working days end on Thursday 7 May.
    clock.set(new Date('2026-04-30T02:00:00Z'));
    const dispute = await newCase(caseworker, { ipType: 'patent', category: 'infringement', source: 'complaint' });
    expect(dispute.intakeDueAt).toBe('2026-05-07T15:59:59.999Z');

    // Labour Day: 1–5 May off, Saturday 9 May worked. The received case follows the new calendar.
    await http(app)
      .put('/api/v1/calendar/2026')
      .set(bearer(admin))
      .send({
        holidays: ['2026-05-01', '2026-05-04', '2026-05-05'].map((date) => ({ date, name: 'Labour Day' })),
        workdays: [{ date: '2026-05-09', name: 'Labour Day make-up' }],
      })
      .expect(200);
    const recomputed = await http(app)
      .get(`/api/v1/enforcement-cases/${dispute.id}`)
      .set(bearer(caseworker))
      .expect(200);
    // Working days after 30 April: 6, 7, 8, 9 (make-up Saturday) and 11 May.
    expect(recomputed.body.intakeDueAt).toBe('2026-05-11T15:59:59.999Z');
    const fresh = await newCase(caseworker, { ipType: 'patent', category: 'infringement', source: 'complaint' });
    expect(fresh.intakeDueAt).toBe('2026-05-11T15:59:59.999Z');
  });

  it('lists cases past their intake deadline as overdue', async () => {
    clock.set(new Date('2026-06-01T02:00:00Z'));
    const stale = await newCase(caseworker, { receivedAt: '2026-04-01T02:00:00Z', respondentName: 'Slow Intake Ltd.' });
    const fresh = await newCase(caseworker, { respondentName: 'Fresh Intake Ltd.' });
    const overdue = await http(app)
      .get('/api/v1/enforcement-cases')
      .query({ overdue: true, limit: 100 })
      .set(bearer(caseworker))
      .expect(200);
    const ids = (overdue.body.items as CaseBody[]).map((item) => item.id);
    expect(ids).toContain(stale.id);
    expect(ids).not.toContain(fresh.id);
    const notOverdue = await http(app)
      .get('/api/v1/enforcement-cases')
      .query({ overdue: false, limit: 100 })
      .set(bearer(caseworker))
      .expect(200);
    expect((notOverdue.body.items as CaseBody[]).map((item) => item.id)).toContain(fresh.id);
  });

  describe('every action, allowed and refused, per role and state', () => {
    const rules: Record<string, { from: string[]; roles: string[] }> = {
      file: { from: ['received'], roles: ['supervisor'] },
      decline: { from: ['received'], roles: ['supervisor'] },
      start_investigation: { from: ['filed'], roles: ['caseworker', 'supervisor'] },
      suspend: { from: ['investigating'], roles: ['caseworker', 'supervisor'] },
      resume: { from: ['suspended'], roles: ['caseworker', 'supervisor'] },
      decide: { from: ['investigating'], roles: ['supervisor'] },
      extend: { from: ['filed', 'investigating'], roles: ['supervisor'] },
      close: { from: ['decided'], roles: ['caseworker', 'supervisor'] },
    };
    const states = ['received', 'not_filed', 'filed', 'investigating', 'suspended', 'decided', 'closed'];

    it.each(Object.keys(rules))('%s', async (action) => {
      const rule = rules[action]!;
      const sessions: Record<string, Session> = { caseworker, supervisor, admin };
      for (const role of ['caseworker', 'supervisor', 'admin']) {
        for (const state of states) {
          const subject = await moveTo(await newCase(), state);
          const expected = !rule.roles.includes(role) ? 403 : !rule.from.includes(state) ? 409 : 200;
          const response = await act(sessions[role]!, subject, action, { comment: 'reason', outcome: 'cease_order' });
          expect([role, state, response.status]).toEqual([role, state, expected]);
        }
      }
    });
  });

  it('keeps four eyes: a supervisor cannot file, decide or extend a case they created', async () => {
    const own = await newCase(supervisor);
    await act(supervisor, own, 'file').expect(403);
    const investigating = await moveTo(await newCase(supervisor), 'investigating');
    await act(supervisor, investigating, 'decide', { outcome: 'mediated' }).expect(403);
    await act(supervisor, investigating, 'extend', { comment: 'more time' }).expect(403);
  });

  it('takes fines as decimal strings or numbers, and refuses bad ones, changing nothing', async () => {
    const subject = await moveTo(await newCase(), 'investigating');
    for (const fineAmount of [-1, '12.345', '1e5', 'ten', '', 1.005, '00.5']) {
      const refused = await act(supervisor, subject, 'decide', { outcome: 'penalty', fineAmount }).expect(400);
      expect(refused.body.errors[0].field).toBe('fineAmount');
    }
    await act(supervisor, subject, 'decide', { outcome: 'penalty' }).expect(400);
    await act(supervisor, subject, 'decide', { outcome: 'no_violation', fineAmount: '10.00' }).expect(400);
    const unchanged = await http(app)
      .get(`/api/v1/enforcement-cases/${subject.id}`)
      .set(bearer(caseworker))
      .expect(200);
    expect(unchanged.body).toMatchObject({ status: 'investigating', version: subject.version, fineAmount: null });
    const decided = await step(supervisor, subject, 'decide', { outcome: 'penalty', fineAmount: '999999999999.99' });
    expect(decided.fineAmount).toBe('999999999999.99');
  });

  it('edits only while received, recomputing the intake deadline; a receipt in the future is refused', async () => {
    clock.set(new Date('2026-03-02T02:00:00Z'));
    const subject = await newCase();
    const edited = await http(app)
      .patch(`/api/v1/enforcement-cases/${subject.id}`)
      .set(bearer(caseworker))
      .send({ version: 1, ipType: 'patent', source: 'complaint' })
      .expect(200);
    expect(edited.body).toMatchObject({ ipType: 'patent', intakeDueAt: '2026-03-09T15:59:59.999Z', version: 2 });
    const history = await http(app)
      .get(`/api/v1/enforcement-cases/${subject.id}/history`)
      .set(bearer(caseworker))
      .expect(200);
    expect(history.body.items[1].changes).toMatchObject({
      ipType: { from: 'trademark', to: 'patent' },
      intakeDueAt: { from: '2026-03-23T15:59:59.999Z', to: '2026-03-09T15:59:59.999Z' },
    });
    const filed = await step(supervisor, edited.body as CaseBody, 'file');
    await http(app)
      .patch(`/api/v1/enforcement-cases/${subject.id}`)
      .set(bearer(caseworker))
      .send({ version: filed.version, summary: 'x' })
      .expect(409);
    const future = await createCase(caseworker, { receivedAt: '2026-03-05T00:00:00Z' }).expect(400);
    expect(future.body.errors[0].field).toBe('receivedAt');
  });

  it('answers 404 to another office on read, history, edit, assign and transition', async () => {
    const subject = await newCase();
    const calls = [
      http(app).get(`/api/v1/enforcement-cases/${subject.id}`),
      http(app).get(`/api/v1/enforcement-cases/${subject.id}/history`),
      http(app).patch(`/api/v1/enforcement-cases/${subject.id}`).send({ version: 1, summary: 'x' }),
      http(app)
        .post(`/api/v1/enforcement-cases/${subject.id}/assign`)
        .send({ version: 1, assigneeId: otherSupervisor.user.id }),
      http(app).post(`/api/v1/enforcement-cases/${subject.id}/transitions`).send({ version: 1, action: 'file' }),
    ];
    for (const call of calls) await call.set(bearer(otherSupervisor)).expect(404);
    const list = await http(app).get('/api/v1/enforcement-cases').set(bearer(otherSupervisor)).expect(200);
    expect(list.body.items).toEqual([]);
  });

  it('walks every page of a 500-case list and sees each case once', async () => {
    const office = await createOffice(app, admin);
    const worker = await signIn(app, admin, 'caseworker', office.id);
    await sql(
      system.database.url,
      `INSERT INTO enforcement_cases (reference, ip_type, category, source, respondent_name, status, office_id, created_by_id,
         received_at, intake_due_at, created_at, updated_at)
       SELECT 'EC-2025-' || lpad(n::text, 6, '0'), 'trademark', 'other', 'campaign', 'Bulk ' || n, 'received', $1, $2,
              now(), now(), timestamptz '2025-06-01' + (n / 7) * interval '1 second', now()
         FROM generate_series(1, 500) AS n`,
      [office.id, worker.user.id],
    );
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await http(app)
        .get('/api/v1/enforcement-cases')
        .query({ limit: 37, ...(cursor === null ? {} : { cursor }) })
        .set(bearer(worker))
        .expect(200);
      for (const item of response.body.items as CaseBody[]) {
        expect(seen.has(item.id)).toBe(false);
        seen.add(item.id);
      }
      cursor = response.body.nextCursor as string | null;
      pages++;
    } while (cursor !== null);
    expect(seen.size).toBe(500);
    expect(pages).toBe(Math.ceil(500 / 37));
  });
});
