import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ASSISTANCE_STATUSES, ASSISTANCE_TYPES } from '#libs/assistance';
import { SettableClock } from '#libs/common';
import { CASE_CATEGORIES, CASE_STATUSES } from '#libs/enforcement';
import { INDUSTRIES } from '#libs/enterprises';
import { type AnnualStatsView, toCsv } from '#libs/stats';
import { createOffice, enterpriseInput, signIn } from './support/factories';
import { ADMIN, bearer, createTestSystem, http, login, type Session, type TestSystem } from './support/test-app';

const PROBLEM = /^application\/problem\+json/;

interface Staff {
  readonly caseworker: Session;
  readonly supervisor: Session;
}

interface Versioned {
  id: string;
  version: number;
}

/** A count for every one of `keys`: those given, 0 for the rest. */
function counts(keys: readonly string[], given: Record<string, number>): Record<string, number> {
  return { ...Object.fromEntries(keys.map((key) => [key, 0])), ...given };
}

const byIndustry = (given: Record<string, number>) => counts(INDUSTRIES, given);
const byRespondentIndustry = (given: Record<string, number>) => counts([...INDUSTRIES, 'unknown'], given);
/** Twelve months, January first, from `{ month: count }`. */
const months = (given: Record<number, number>) => Array.from({ length: 12 }, (_, index) => given[index + 1] ?? 0);

describe('annual statistics', () => {
  const clock = new SettableClock(new Date('2026-03-02T02:00:00Z'));
  let system: TestSystem;
  let app: NestFastifyApplication;
  let admin: Session;
  let officeA: { id: string; code: string };
  let officeB: { id: string; code: string };
  let staffA: Staff;
  let staffB: Staff;
  const enterprise: Record<'e1' | 'e2' | 'e3', string> = { e1: '', e2: '', e3: '' };

  async function transition(collection: string, as: Session, subject: Versioned, action: string, extra = {}) {
    const response = await http(app)
      .post(`/api/v1/${collection}/${subject.id}/transitions`)
      .set(bearer(as))
      .send({ action, version: subject.version, ...extra })
      .expect(200);
    return response.body as Versioned;
  }

  /** An assistance request created at `at` and moved, at `approvedAt` for approvals, to `status`. */
  async function assistanceRequest(
    staff: Staff,
    input: { enterpriseId: string; type: string; at: string; status: string; approvedAt?: string },
  ): Promise<void> {
    clock.set(new Date(input.at));
    const created = await http(app)
      .post('/api/v1/assistance-requests')
      .set(bearer(staff.caseworker))
      .send({ enterpriseId: input.enterpriseId, type: input.type, title: `Request of ${input.at}` })
      .expect(201);
    let request = created.body as Versioned;
    const step = async (as: Session, action: string, extra = {}) => {
      request = await transition('assistance-requests', as, request, action, extra);
    };
    if (input.status === 'draft') return;
    await step(staff.caseworker, 'submit');
    if (input.status === 'withdrawn') await step(staff.caseworker, 'withdraw', { comment: 'No longer needed' });
    if (input.status !== 'approved' && input.status !== 'in_service') return;
    await step(staff.supervisor, 'start_review');
    clock.set(new Date(input.approvedAt ?? input.at));
    await step(staff.supervisor, 'approve');
    if (input.status === 'in_service') await step(staff.caseworker, 'start_service');
  }

  /** An enforcement case received at `at`, filed at `filedAt` if given, and moved to `status`. */
  async function enforcementCase(
    staff: Staff,
    input: {
      ipType: string;
      category: string;
      respondentEnterpriseId?: string;
      at: string;
      filedAt?: string;
      status: string;
    },
  ): Promise<void> {
    clock.set(new Date(input.at));
    const created = await http(app)
      .post('/api/v1/enforcement-cases')
      .set(bearer(staff.caseworker))
      .send({
        ipType: input.ipType,
        category: input.category,
        source: 'complaint',
        respondentName: 'Respondent Co.',
        ...(input.respondentEnterpriseId === undefined ? {} : { respondentEnterpriseId: input.respondentEnterpriseId }),
      })
      .expect(201);
    let subject = created.body as Versioned;
    if (input.status === 'not_filed') {
      await transition('enforcement-cases', staff.supervisor, subject, 'decline', { comment: 'Out of remit' });
    }
    if (input.filedAt === undefined) return;
    clock.set(new Date(input.filedAt));
    subject = await transition('enforcement-cases', staff.supervisor, subject, 'file');
    if (input.status === 'investigating') {
      await transition('enforcement-cases', staff.caseworker, subject, 'start_investigation');
    }
  }

  function stats(as: Session, query: Record<string, unknown>, path = 'annual') {
    return http(app).get(`/api/v1/stats/${path}`).query(query).set(bearer(as));
  }

  async function statsOf(as: Session, query: Record<string, unknown>): Promise<AnnualStatsView> {
    return (await stats(as, query).expect(200)).body as AnnualStatsView;
  }

  beforeAll(async () => {
    system = await createTestSystem({ clock });
    app = await system.startApi();
    admin = await login(app, ADMIN.email, ADMIN.password);
    officeA = await createOffice(app, admin);
    officeB = await createOffice(app, admin);
    staffA = {
      caseworker: await signIn(app, admin, 'caseworker', officeA.id),
      supervisor: await signIn(app, admin, 'supervisor', officeA.id),
    };
    staffB = {
      caseworker: await signIn(app, admin, 'caseworker', officeB.id),
      supervisor: await signIn(app, admin, 'supervisor', officeB.id),
    };
    for (const [key, industry] of [
      ['e1', 'new_energy'],
      ['e2', 'new_energy'],
      ['e3', 'internet'],
    ] as const) {
      const created = await http(app)
        .post('/api/v1/enterprises')
        .set(bearer(staffA.caseworker))
        .send(enterpriseInput({ industry }))
        .expect(201);
      enterprise[key] = (created.body as { id: string }).id;
    }
    const { e1, e2, e3 } = enterprise;

    // Assistance requests. Times are UTC; Shanghai is 8 hours ahead.
    await assistanceRequest(staffA, {
      enterpriseId: e1,
      type: 'training',
      at: '2025-12-20T02:00:00Z',
      approvedAt: '2026-01-05T02:00:00Z', // created in 2025, approved in 2026
      status: 'approved',
    });
    await assistanceRequest(staffA, {
      enterpriseId: e2,
      type: 'infringement_dispute',
      at: '2025-12-31T16:30:00Z', // 1 January 2026, 00:30 in Shanghai
      status: 'submitted',
    });
    await assistanceRequest(staffA, {
      enterpriseId: e1,
      type: 'infringement_dispute',
      at: '2026-03-10T02:00:00Z',
      approvedAt: '2026-03-12T02:00:00Z',
      status: 'approved',
    });
    await assistanceRequest(staffB, {
      enterpriseId: e2,
      type: 'pledge_financing',
      at: '2026-04-01T02:00:00Z',
      approvedAt: '2026-04-02T02:00:00Z',
      status: 'approved',
    });
    await assistanceRequest(staffA, {
      enterpriseId: e1,
      type: 'training',
      at: '2026-05-05T02:00:00Z',
      approvedAt: '2026-05-06T02:00:00Z',
      status: 'in_service',
    });
    await assistanceRequest(staffA, {
      enterpriseId: e2,
      type: 'overseas_dispute',
      at: '2026-07-01T02:00:00Z',
      status: 'draft',
    });
    await assistanceRequest(staffA, {
      enterpriseId: e3,
      type: 'training',
      at: '2026-08-01T02:00:00Z',
      status: 'withdrawn',
    });
    await assistanceRequest(staffA, {
      enterpriseId: e3,
      type: 'expert_consultation',
      at: '2026-12-31T15:30:00Z', // 23:30 on 31 December in Shanghai: still 2026
      approvedAt: '2026-12-31T15:45:00Z',
      status: 'approved',
    });
    await assistanceRequest(staffA, {
      enterpriseId: e1,
      type: 'training',
      at: '2026-12-31T16:00:00Z', // midnight in Shanghai: 2027
      status: 'draft',
    });

    // Enforcement cases: three filed in 2025, four in 2026 (one received in 2025).
    const patent = { ipType: 'patent', category: 'infringement' };
    await enforcementCase(staffA, {
      ...patent,
      respondentEnterpriseId: e1,
      at: '2025-03-01T02:00:00Z',
      filedAt: '2025-03-03T02:00:00Z',
      status: 'filed',
    });
    await enforcementCase(staffA, {
      ipType: 'trademark',
      category: 'counterfeiting',
      at: '2025-06-01T02:00:00Z',
      filedAt: '2025-06-02T02:00:00Z',
      status: 'filed',
    });
    await enforcementCase(staffB, {
      ipType: 'trademark',
      category: 'other',
      at: '2025-09-01T02:00:00Z',
      filedAt: '2025-09-02T02:00:00Z',
      status: 'filed',
    });
    await enforcementCase(staffA, {
      ...patent,
      respondentEnterpriseId: e2,
      at: '2025-12-20T02:00:00Z',
      filedAt: '2025-12-31T16:30:00Z', // 1 January 2026 in Shanghai
      status: 'filed',
    });
    await enforcementCase(staffA, {
      ipType: 'trademark',
      category: 'counterfeiting',
      respondentEnterpriseId: e3,
      at: '2026-02-10T02:00:00Z',
      filedAt: '2026-02-11T02:00:00Z',
      status: 'filed',
    });
    await enforcementCase(staffA, {
      ipType: 'patent',
      category: 'passing_off',
      respondentEnterpriseId: e2,
      at: '2026-04-15T02:00:00Z',
      filedAt: '2026-04-16T02:00:00Z',
      status: 'investigating',
    });
    await enforcementCase(staffB, {
      ipType: 'trademark',
      category: 'infringement',
      respondentEnterpriseId: e3,
      at: '2026-05-01T02:00:00Z',
      filedAt: '2026-05-02T02:00:00Z',
      status: 'filed',
    });
    await enforcementCase(staffA, {
      ipType: 'trademark',
      category: 'other',
      at: '2026-06-01T02:00:00Z',
      status: 'not_filed',
    });
    await enforcementCase(staffA, {
      ...patent,
      respondentEnterpriseId: e1,
      at: '2026-12-31T15:30:00Z',
      status: 'received',
    });
    await enforcementCase(staffA, { ...patent, at: '2026-12-31T16:00:00Z', status: 'received' });
    clock.set(new Date('2027-01-10T02:00:00Z'));
  });

  afterAll(() => system.close());

  it('counts every section city-wide for an admin, in Shanghai calendar years', async () => {
    const [first, second] = [officeA, officeB].sort((x, y) => (x.code < y.code ? -1 : 1));
    const offices = (countOf: Record<string, number>) =>
      [first!, second!].map((office) => ({ officeId: office.id, officeCode: office.code, count: countOf[office.id] }));
    expect(await statsOf(admin, { year: 2026 })).toEqual({
      year: 2026,
      officeId: null,
      industry: null,
      timeZone: 'Asia/Shanghai',
      assistanceRequests: {
        total: 7,
        byStatus: counts(ASSISTANCE_STATUSES, { approved: 3, in_service: 1, draft: 1, submitted: 1, withdrawn: 1 }),
        byType: counts(ASSISTANCE_TYPES, {
          infringement_dispute: 2,
          overseas_dispute: 1,
          expert_consultation: 1,
          pledge_financing: 1,
          training: 2,
        }),
        byIndustry: byIndustry({ new_energy: 5, internet: 2 }),
        byOffice: offices({ [officeA.id]: 6, [officeB.id]: 1 }),
        byMonth: months({ 1: 1, 3: 1, 4: 1, 5: 1, 7: 1, 8: 1, 12: 1 }),
      },
      enforcementCases: {
        total: 5,
        byStatus: counts(CASE_STATUSES, { received: 1, not_filed: 1, filed: 2, investigating: 1 }),
        byIpType: { patent: 2, trademark: 3 },
        byCategory: counts(CASE_CATEGORIES, { infringement: 2, counterfeiting: 1, passing_off: 1, other: 1 }),
        byIndustry: byRespondentIndustry({ new_energy: 2, internet: 2, unknown: 1 }),
        byOffice: offices({ [officeA.id]: 4, [officeB.id]: 1 }),
        byMonth: months({ 2: 1, 4: 1, 5: 1, 6: 1, 12: 1 }),
      },
      assistedEnterprises: {
        count: 3,
        byIndustry: byIndustry({ new_energy: 2, internet: 1 }),
        byMonth: months({ 1: 1, 3: 1, 4: 1, 5: 1, 12: 1 }),
      },
      filedCases: { thisYear: 4, lastYear: 3, growth: '0.3333' },
    });
  });

  it('puts records of the last and first minutes of a year in the right year', async () => {
    const before = await statsOf(admin, { year: 2025 });
    expect(before.assistanceRequests).toMatchObject({ total: 1, byMonth: months({ 12: 1 }) });
    expect(before.enforcementCases).toMatchObject({ total: 4, byMonth: months({ 3: 1, 6: 1, 9: 1, 12: 1 }) });
    expect(before.assistedEnterprises.count).toBe(0);
    expect(before.filedCases).toEqual({ thisYear: 3, lastYear: 0, growth: null });
    const after = await statsOf(admin, { year: 2027 });
    expect(after.assistanceRequests).toMatchObject({ total: 1, byMonth: months({ 1: 1 }) });
    expect(after.enforcementCases).toMatchObject({ total: 1, byMonth: months({ 1: 1 }) });
    expect(after.filedCases).toEqual({ thisYear: 0, lastYear: 4, growth: '-1.0000' });
  });

  it("keeps caseworkers and supervisors to their own office, and shows zeros for another office's", async () => {
    const officeAView = await statsOf(staffA.caseworker, { year: 2026 });
    expect(officeAView).toEqual(await statsOf(admin, { year: 2026, officeId: officeA.id }));
    expect(officeAView).toMatchObject({
      officeId: officeA.id,
      assistanceRequests: {
        total: 6,
        byStatus: counts(ASSISTANCE_STATUSES, { approved: 2, in_service: 1, draft: 1, submitted: 1, withdrawn: 1 }),
        byOffice: [{ officeId: officeA.id, officeCode: officeA.code, count: 6 }],
        byMonth: months({ 1: 1, 3: 1, 5: 1, 7: 1, 8: 1, 12: 1 }),
      },
      enforcementCases: { total: 4, byOffice: [{ officeId: officeA.id, officeCode: officeA.code, count: 4 }] },
      assistedEnterprises: {
        count: 2,
        byIndustry: byIndustry({ new_energy: 1, internet: 1 }),
        byMonth: months({ 1: 1, 3: 1, 5: 1, 12: 1 }),
      },
      filedCases: { thisYear: 3, lastYear: 2, growth: '0.5000' },
    });

    const officeBView = await statsOf(staffB.supervisor, { year: 2026 });
    expect(officeBView).toMatchObject({
      officeId: officeB.id,
      assistanceRequests: {
        total: 1,
        byType: counts(ASSISTANCE_TYPES, { pledge_financing: 1 }),
        byOffice: [{ officeId: officeB.id, officeCode: officeB.code, count: 1 }],
        byMonth: months({ 4: 1 }),
      },
      enforcementCases: {
        total: 1,
        byIndustry: byRespondentIndustry({ internet: 1 }),
        byOffice: [{ officeId: officeB.id, officeCode: officeB.code, count: 1 }],
      },
      assistedEnterprises: { count: 1, byIndustry: byIndustry({ new_energy: 1 }), byMonth: months({ 4: 1 }) },
      filedCases: { thisYear: 1, lastYear: 1, growth: '0.0000' },
    });

    const elsewhere = await statsOf(staffB.supervisor, { year: 2026, officeId: officeA.id.toUpperCase() });
    expect(elsewhere).toMatchObject({
      officeId: officeA.id,
      assistanceRequests: { total: 0, byStatus: counts(ASSISTANCE_STATUSES, {}), byOffice: [], byMonth: months({}) },
      enforcementCases: { total: 0, byIndustry: byRespondentIndustry({}), byOffice: [], byMonth: months({}) },
      assistedEnterprises: { count: 0, byIndustry: byIndustry({}), byMonth: months({}) },
      filedCases: { thisYear: 0, lastYear: 0, growth: null },
    });
  });

  it('cuts everything by the industry of the enterprise, and of the respondent for cases', async () => {
    expect(await statsOf(admin, { year: 2026, industry: 'new_energy' })).toMatchObject({
      industry: 'new_energy',
      assistanceRequests: {
        total: 5,
        byStatus: counts(ASSISTANCE_STATUSES, { approved: 2, in_service: 1, draft: 1, submitted: 1 }),
        byIndustry: byIndustry({ new_energy: 5 }),
        byMonth: months({ 1: 1, 3: 1, 4: 1, 5: 1, 7: 1 }),
      },
      enforcementCases: {
        total: 2,
        byIpType: { patent: 2, trademark: 0 },
        byIndustry: byRespondentIndustry({ new_energy: 2 }),
        byMonth: months({ 4: 1, 12: 1 }),
      },
      assistedEnterprises: {
        count: 2,
        byIndustry: byIndustry({ new_energy: 2 }),
        byMonth: months({ 1: 1, 3: 1, 4: 1, 5: 1 }),
      },
      filedCases: { thisYear: 2, lastYear: 1, growth: '1.0000' },
    });
    const internet = await statsOf(staffA.supervisor, { year: 2026, industry: 'internet' });
    expect(internet).toMatchObject({
      officeId: officeA.id,
      assistanceRequests: { total: 2, byIndustry: byIndustry({ internet: 2 }) },
      enforcementCases: { total: 1, byIndustry: byRespondentIndustry({ internet: 1 }) },
      assistedEnterprises: { count: 1, byMonth: months({ 12: 1 }) },
      filedCases: { thisYear: 1, lastYear: 0, growth: null },
    });
  });

  it('downloads the same figures as CSV', async () => {
    const json = await statsOf(admin, { year: 2026 });
    const response = await stats(admin, { year: 2026 }, 'annual.csv').expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="ipr-stats-2026.csv"');
    expect(response.text).toBe(toCsv(json));
    const lines = response.text.split('\r\n');
    expect(lines[0]).toBe('section,dimension,key,value');
    expect(lines).toEqual(
      expect.arrayContaining([
        'assistance_requests,status,approved,3',
        `assistance_requests,office,${officeA.code},6`,
        'assistance_requests,month,2026-12,1',
        'enforcement_cases,industry,unknown,1',
        'assisted_enterprises,total,all,3',
        'filed_cases,growth,2025-2026,0.3333',
      ]),
    );
    const scoped = await stats(staffB.caseworker, { year: 2025, industry: 'internet' }, 'annual.csv').expect(200);
    expect(scoped.headers['content-disposition']).toBe('attachment; filename="ipr-stats-2025.csv"');
    expect(scoped.text).toContain(`\r\nquery,parameter,office_id,${officeB.id}\r\n`);
    expect(scoped.text).toContain('\r\nfiled_cases,growth,2024-2025,\r\n');
  });

  it.each([
    ['a year that is no number', { year: 'last' }, 'year'],
    ['a fractional year', { year: '2026.5' }, 'year'],
    ['a year before 1900', { year: 1899 }, 'year'],
    ['a year after 2200', { year: 2201 }, 'year'],
    ['an unknown industry', { year: 2026, industry: 'steel' }, 'industry'],
    ['an office id that is no uuid', { year: 2026, officeId: 'SZ-NS' }, 'officeId'],
    ['an unknown query field', { year: 2026, format: 'xlsx' }, 'format'],
  ])('refuses %s with a 400 problem naming the field', async (_case, query, field) => {
    for (const path of ['annual', 'annual.csv']) {
      const response = await stats(admin, query, path).expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body).toMatchObject({
        status: 400,
        errors: expect.arrayContaining([expect.objectContaining({ field })]),
      });
    }
  });

  it('needs an access token', async () => {
    const response = await http(app).get('/api/v1/stats/annual').query({ year: 2026 }).expect(401);
    expect(response.headers['content-type']).toMatch(PROBLEM);
  });
});
