import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { elapsedShareOfYear, SettableClock } from '#libs/common';
import { CaseworkBuilder } from './support/casework';
import { createOffice, signIn } from './support/factories';
import { ADMIN, bearer, createTestSystem, http, login, type Session, type TestSystem } from './support/test-app';

interface ProgressItem {
  key: string;
  metric: string;
  year: number;
  asOf: string;
  actual: number;
  required: number | null;
  expectedToDate: number | null;
  projected: number | null;
  status: string;
  explanation: string;
}

const SHANGHAI = 'Asia/Shanghai';

describe('targets and progress', () => {
  const clock = new SettableClock(new Date('2025-03-03T02:00:00Z'));
  let system: TestSystem;
  let app: NestFastifyApplication;
  let admin: Session;
  let supervisor: Session;
  let caseworker: Session;
  let build: CaseworkBuilder;

  async function progress(year: number, asOf?: string): Promise<Record<string, ProgressItem>> {
    const response = await http(app)
      .get('/api/v1/targets/progress')
      .query({ year, ...(asOf === undefined ? {} : { asOf }) })
      .set(bearer(supervisor))
      .expect(200);
    return Object.fromEntries((response.body.items as ProgressItem[]).map((item) => [item.key, item]));
  }

  beforeAll(async () => {
    system = await createTestSystem({ clock });
    app = await system.startApi();
    admin = await login(app, ADMIN.email, ADMIN.password);
    const office = await createOffice(app, admin);
    caseworker = await signIn(app, admin, 'caseworker', office.id);
    supervisor = await signIn(app, admin, 'supervisor', office.id);
    build = new CaseworkBuilder(app, caseworker, supervisor);
  });

  afterAll(() => system.close());

  it('exist after the first migration, as SPEC §1 states them', async () => {
    const response = await http(app).get('/api/v1/targets').set(bearer(caseworker)).expect(200);
    expect(response.body.items).toEqual([
      expect.objectContaining({
        key: 'assisted-enterprises',
        metric: 'assisted_enterprises',
        kind: 'annual_minimum',
        comparator: 'gte',
        threshold: 120,
        active: true,
        officeId: null,
      }),
      expect.objectContaining({
        key: 'enforcement-case-growth',
        metric: 'enforcement_cases_filed',
        kind: 'annual_growth',
        comparator: 'gt',
        threshold: 0.2,
        active: true,
        officeId: null,
      }),
    ]);
  });

  it('reports no_baseline for growth before the system holds a previous year, then counts from a baseline', async () => {
    clock.set(new Date('2025-03-03T02:00:00Z'));
    await build.filedCase();
    clock.advance(60_000);
    const before = await progress(2025);
    expect(before['enforcement-case-growth']).toMatchObject({
      actual: 1,
      required: null,
      expectedToDate: null,
      status: 'no_baseline',
    });
    expect(before['enforcement-case-growth']!.explanation).toMatch(/baseline/);

    await http(app)
      .put('/api/v1/targets/baselines/enforcement_cases_filed/2024')
      .set(bearer(admin))
      .send({ value: 10 })
      .expect(200);
    const after = await progress(2025);
    // More than 20 % over 10 is 13 (12 would be exactly 20 %).
    expect(after['enforcement-case-growth']).toMatchObject({ actual: 1, required: 13 });
  });

  it('computes exact figures for a constructed year, and counts a late-evening approval on 31 December for that year', async () => {
    // 2025: nine more cases filed (ten in all), and 60 enterprises assisted by mid-year.
    clock.set(new Date('2025-05-05T02:00:00Z'));
    for (let index = 0; index < 9; index++) await build.filedCase();
    for (let index = 0; index < 60; index++) await build.approvedRequest(await build.enterprise());
    // The same enterprise approved twice counts once.
    const repeat = await build.enterprise();
    await build.approvedRequest(repeat);
    await build.approvedRequest(repeat);

    const midYear = '2025-07-02T04:00:00.000Z';
    const share = elapsedShareOfYear(2025, new Date(midYear), SHANGHAI);
    const figures = await progress(2025, midYear);
    expect(figures['assisted-enterprises']).toEqual(
      expect.objectContaining({
        actual: 61,
        required: 120,
        expectedToDate: Math.round(120 * share * 100) / 100,
        projected: Math.round((61 / share) * 100) / 100,
        status: 'on_track',
      }),
    );

    // 31 December 2025, 23:30 in Shanghai is 15:30 UTC: still 2025.
    clock.set(new Date('2025-12-31T15:30:00Z'));
    await build.approvedRequest(await build.enterprise());
    const yearEnd = await progress(2025, '2026-06-01T00:00:00Z');
    expect(yearEnd['assisted-enterprises']).toMatchObject({
      actual: 62,
      asOf: '2025-12-31T16:00:00.000Z',
      status: 'missed',
    });
    expect((await progress(2026, '2026-01-01T12:00:00Z'))['assisted-enterprises']!.actual).toBe(0);

    // The baseline of 2024 is ignored for 2025's own count; 2025 counted 10 filed cases.
    const growth = await progress(2026, '2026-07-02T04:00:00Z');
    expect(growth['enforcement-case-growth']).toMatchObject({ actual: 0, required: 13, status: 'behind' });
  });

  it('lets a baseline replace a year the system counted', async () => {
    await http(app)
      .put('/api/v1/targets/baselines/enforcement_cases_filed/2025')
      .set(bearer(admin))
      .send({ value: 40 })
      .expect(200);
    expect((await progress(2026, '2026-07-02T04:00:00Z'))['enforcement-case-growth']!.required).toBe(49);
    const stats = await http(app).get('/api/v1/stats/annual').query({ year: 2026 }).set(bearer(admin)).expect(200);
    expect(stats.body.filedCases).toMatchObject({ lastYear: 40 });
    await http(app)
      .put('/api/v1/targets/baselines/enforcement_cases_filed/2025')
      .set(bearer(admin))
      .send({ value: 10 })
      .expect(200);
  });

  it('refuses bad input to targets and baselines with 4xx problems', async () => {
    await http(app)
      .put('/api/v1/targets/baselines/pledge_amount/2024')
      .set(bearer(admin))
      .send({ value: 5 })
      .expect(404);
    await http(app)
      .put('/api/v1/targets/baselines/assisted_enterprises/2024')
      .set(bearer(admin))
      .send({ value: -1 })
      .expect(400);
    await http(app)
      .put('/api/v1/targets/baselines/assisted_enterprises/1066')
      .set(bearer(admin))
      .send({ value: 1 })
      .expect(400);
    await http(app)
      .put('/api/v1/targets/baselines/assisted_enterprises/2024')
      .set(bearer(supervisor))
      .send({ value: 1 })
      .expect(403);
    await http(app)
      .patch('/api/v1/targets/assisted-enterprises')
      .set(bearer(supervisor))
      .send({ version: 1, threshold: 100 })
      .expect(403);
    await http(app)
      .patch('/api/v1/targets/no-such-target')
      .set(bearer(admin))
      .send({ version: 1, threshold: 100 })
      .expect(404);
    await http(app)
      .patch('/api/v1/targets/assisted-enterprises')
      .set(bearer(admin))
      .send({ version: 9, threshold: 100 })
      .expect(409);
    await http(app)
      .patch('/api/v1/targets/assisted-enterprises')
      .set(bearer(admin))
      .send({ version: 1, threshold: 'lots' })
      .expect(400);
    await http(app)
      .patch('/api/v1/targets/assisted-enterprises')
      .set(bearer(admin))
      .send({ threshold: null })
      .expect(400);
    await http(app).get('/api/v1/targets/progress').query({ year: 'last' }).set(bearer(admin)).expect(400);
  });

  it('lets an admin adjust a threshold, with the version read', async () => {
    const changed = await http(app)
      .patch('/api/v1/targets/assisted-enterprises')
      .set(bearer(admin))
      .send({ version: 1, threshold: 60 })
      .expect(200);
    expect(changed.body).toMatchObject({ threshold: 60, version: 2 });
    expect((await progress(2025, '2025-12-31T16:00:00Z'))['assisted-enterprises']).toMatchObject({
      required: 60,
      status: 'achieved',
    });
    // The version is optional here: without it the change applies to whatever is current.
    await http(app)
      .patch('/api/v1/targets/assisted-enterprises')
      .set(bearer(admin))
      .send({ threshold: 120 })
      .expect(200);
  });
});
