import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CalendarService } from '#libs/calendar';
import { addDays } from '#libs/common';
import { createOffice, signIn } from './support/factories';
import { ADMIN, bearer, createTestSystem, http, login, type Session, type TestSystem } from './support/test-app';

const PROBLEM = /^application\/problem\+json/;

/** China's 2026 Spring Festival, listed out of order on purpose. */
const SPRING_FESTIVAL_2026 = {
  holidays: [
    ...Array.from({ length: 9 }, (_, offset) => ({ date: addDays('2026-02-15', 8 - offset), name: 'Spring Festival' })),
    { date: '2026-01-01', name: "New Year's Day" },
  ],
  workdays: [
    { date: '2026-02-28', name: 'Spring Festival make-up' },
    { date: '2026-02-14', name: 'Spring Festival make-up' },
  ],
};

function byDate(days: readonly { date: string; name?: string }[]): { date: string; name: string | null }[] {
  return days.map((day) => ({ date: day.date, name: day.name ?? null })).sort((a, b) => a.date.localeCompare(b.date));
}

describe('the working-day calendar', () => {
  let system: TestSystem;
  let app: NestFastifyApplication;
  let admin: Session;
  let caseworker: Session;

  beforeAll(async () => {
    system = await createTestSystem();
    app = await system.startApi();
    admin = await login(app, ADMIN.email, ADMIN.password);
    caseworker = await signIn(app, admin, 'caseworker', (await createOffice(app, admin)).id);
  });

  afterAll(() => system.close());

  async function yearAsStored(year: number): Promise<unknown> {
    return (await http(app).get(`/api/v1/calendar/${year}`).set(bearer(admin)).expect(200)).body;
  }

  it('an admin sets a year, and every role reads it back sorted by date', async () => {
    const put = await http(app).put('/api/v1/calendar/2026').set(bearer(admin)).send(SPRING_FESTIVAL_2026).expect(200);
    const expected = {
      year: 2026,
      holidays: byDate(SPRING_FESTIVAL_2026.holidays),
      workdays: byDate(SPRING_FESTIVAL_2026.workdays),
    };
    expect(put.body).toEqual(expected);
    expect(put.body.holidays[0]).toEqual({ date: '2026-01-01', name: "New Year's Day" });
    for (const reader of [admin, caseworker]) {
      const read = await http(app).get('/api/v1/calendar/2026').set(bearer(reader)).expect(200);
      expect(read.body).toEqual(expected);
    }
  });

  it('answers a year nobody has set with empty lists', async () => {
    const read = await http(app).get('/api/v1/calendar/2199').set(bearer(caseworker)).expect(200);
    expect(read.body).toEqual({ year: 2199, holidays: [], workdays: [] });
  });

  it('takes days as plain ISO dates too', async () => {
    const put = await http(app)
      .put('/api/v1/calendar/2032')
      .set(bearer(admin))
      .send({ holidays: ['2032-10-01', { date: '2032-10-04', name: 'National Day' }], workdays: ['2032-10-09'] })
      .expect(200);
    expect(put.body).toEqual({
      year: 2032,
      holidays: [
        { date: '2032-10-01', name: null },
        { date: '2032-10-04', name: 'National Day' },
      ],
      workdays: [{ date: '2032-10-09', name: null }],
    });
    const refused = await http(app)
      .put('/api/v1/calendar/2032')
      .set(bearer(admin))
      .send({ holidays: [42], workdays: [] })
      .expect(400);
    expect(refused.body.errors[0].field).toMatch(/^holidays\[0\]/);
  });

  it('lets only admins change the calendar', async () => {
    const before = await yearAsStored(2031);
    const refused = await http(app)
      .put('/api/v1/calendar/2031')
      .set(bearer(caseworker))
      .send({ holidays: [{ date: '2031-10-01' }], workdays: [] })
      .expect(403);
    expect(refused.headers['content-type']).toMatch(PROBLEM);
    expect(await yearAsStored(2031)).toEqual(before);
    await http(app).get('/api/v1/calendar/2031').expect(401);
  });

  it('replaces the whole year with each PUT, leaving other years alone', async () => {
    await http(app)
      .put('/api/v1/calendar/2027')
      .set(bearer(admin))
      .send({ holidays: [{ date: '2027-01-01' }, { date: '2027-05-03' }], workdays: [{ date: '2027-05-08' }] })
      .expect(200);
    await http(app)
      .put('/api/v1/calendar/2028')
      .set(bearer(admin))
      .send({ holidays: [{ date: '2028-01-01' }], workdays: [] })
      .expect(200);
    const replaced = await http(app)
      .put('/api/v1/calendar/2027')
      .set(bearer(admin))
      .send({ holidays: [{ date: '2027-10-01', name: 'National Day' }], workdays: [] })
      .expect(200);
    const expected = { year: 2027, holidays: [{ date: '2027-10-01', name: 'National Day' }], workdays: [] };
    expect(replaced.body).toEqual(expected);
    expect(await yearAsStored(2027)).toEqual(expected);
    expect(await yearAsStored(2028)).toEqual({
      year: 2028,
      holidays: [{ date: '2028-01-01', name: null }],
      workdays: [],
    });
    await http(app).put('/api/v1/calendar/2027').set(bearer(admin)).send({ holidays: [], workdays: [] }).expect(200);
    expect(await yearAsStored(2027)).toEqual({ year: 2027, holidays: [], workdays: [] });
  });

  it('refuses bad input with a 400 naming the field, changing nothing', async () => {
    await http(app).put('/api/v1/calendar/2026').set(bearer(admin)).send(SPRING_FESTIVAL_2026).expect(200);
    const before = await yearAsStored(2026);
    const valid = { holidays: [{ date: '2026-10-01' }], workdays: [{ date: '2026-10-10' }] };
    const cases: { body: object; field: string }[] = [
      { body: { ...valid, holidays: [{ date: '2026-10-01' }, { date: '2025-12-31' }] }, field: 'holidays[1].date' },
      { body: { ...valid, workdays: [{ date: '2027-01-02' }] }, field: 'workdays[0].date' },
      { body: { ...valid, workdays: [{ date: '2026-10-10' }, { date: '2026-10-09' }] }, field: 'workdays[1].date' },
      { body: { ...valid, workdays: [{ date: '2026-10-01' }] }, field: 'workdays[0].date' },
      { body: { ...valid, holidays: [{ date: '2026-10-01' }, { date: '2026-10-01' }] }, field: 'holidays[1].date' },
      { body: { ...valid, holidays: [{ date: '2026-2-16' }] }, field: 'holidays[0].date' },
      { body: { ...valid, holidays: [{ date: '2026-02-30' }] }, field: 'holidays[0].date' },
      { body: { ...valid, holidays: [{ date: 20260216 }] }, field: 'holidays[0].date' },
      { body: { ...valid, holidays: [{ date: '2026-10-01', name: '' }] }, field: 'holidays[0].name' },
      { body: { ...valid, holidays: [{ date: '2026-10-01', name: 'x'.repeat(101) }] }, field: 'holidays[0].name' },
      { body: { ...valid, holidays: [{ date: '2026-10-01', note: 'x' }] }, field: 'holidays[0].note' },
      { body: { ...valid, source: 'State Council' }, field: 'source' },
      { body: { ...valid, workdays: null }, field: 'workdays' },
      { body: { ...valid, holidays: 'none' }, field: 'holidays' },
    ];
    for (const { body, field } of cases) {
      const refused = await http(app).put('/api/v1/calendar/2026').set(bearer(admin)).send(body);
      expect([field, refused.status]).toEqual([field, 400]);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      expect(refused.body).toMatchObject({ status: 400, title: 'Bad Request' });
      const { errors } = refused.body as { errors: { field: string }[] };
      expect([field, errors.map((error) => error.field)]).toEqual([field, expect.arrayContaining([field])]);
    }
    expect(await yearAsStored(2026)).toEqual(before);
  });

  it('explains why a weekday cannot be a make-up workday', async () => {
    const refused = await http(app)
      .put('/api/v1/calendar/2026')
      .set(bearer(admin))
      .send({ holidays: [], workdays: [{ date: '2026-02-16' }] })
      .expect(400);
    expect(refused.body.errors).toEqual([
      {
        field: 'workdays[0].date',
        message: 'workdays[0].date 2026-02-16 is a Monday; a make-up workday must be a Saturday or Sunday',
      },
    ]);
  });

  it('refuses a year that is not an integer from 1900 to 2200', async () => {
    for (const year of ['1899', '2201', '0', '-2026', 'abc', '2026.5', '20260']) {
      const refused = await http(app).get(`/api/v1/calendar/${year}`).set(bearer(caseworker));
      expect([year, refused.status]).toEqual([year, 400]);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      expect(refused.body.errors).toEqual([{ field: 'year', message: expect.stringContaining('1900 to 2200') }]);
    }
    await http(app).get('/api/v1/calendar/1900').set(bearer(caseworker)).expect(200);
    await http(app).get('/api/v1/calendar/2200').set(bearer(caseworker)).expect(200);
    const refused = await http(app)
      .put('/api/v1/calendar/1899')
      .set(bearer(admin))
      .send({ holidays: [], workdays: [] })
      .expect(400);
    expect(refused.body.errors).toEqual([{ field: 'year', message: expect.any(String) }]);
  });

  it('applies concurrent replacements of one year one after the other, never mixed', async () => {
    const payloads = Array.from({ length: 6 }, (_, writer) => ({
      // Disjoint lists: a mix of two writers would show as days from both.
      holidays: Array.from({ length: 20 }, (_, index) => ({ date: addDays('2030-01-01', writer * 40 + index) })),
      workdays: [],
    }));
    await Promise.all(
      payloads.map((payload) => http(app).put('/api/v1/calendar/2030').set(bearer(admin)).send(payload).expect(200)),
    );
    const stored = (await yearAsStored(2030)) as { holidays: { date: string }[] };
    expect(payloads.map((payload) => payload.holidays.map((day) => day.date))).toContainEqual(
      stored.holidays.map((day) => day.date),
    );
  });

  describe('for the code that computes deadlines', () => {
    let calendar: CalendarService;

    beforeAll(() => {
      calendar = app.get(CalendarService);
    });

    it('builds a working calendar of ISO dates over a range of years', async () => {
      await calendar.replaceYear(2026, SPRING_FESTIVAL_2026);
      const working = await calendar.workingCalendar('2025-01-01', '2027-12-31');
      expect(working.isWorkingDay('2026-02-14')).toBe(true);
      expect(working.isWorkingDay('2026-02-16')).toBe(false);
      expect(working.addWorkingDays('2026-02-10', 15)).toBe('2026-03-09');
      expect(() => working.isWorkingDay('2028-01-03')).toThrow(RangeError);
    });

    it('runs afterChange inside the transaction: it sees the new days, and its failure undoes them', async () => {
      await calendar.replaceYear(2029, { holidays: [{ date: '2029-10-01' }], workdays: [] });
      let seenInside: string[] = [];
      const failing = calendar.replaceYear(
        2029,
        { holidays: [{ date: '2029-05-01' }], workdays: [{ date: '2029-04-28' }] },
        async (manager) => {
          const working = await calendar.workingCalendar('2029-01-01', '2029-12-31', manager);
          seenInside = [working.addWorkingDays('2029-04-27', 1), working.addWorkingDays('2029-04-30', 1)];
          throw new Error('deadline recomputation failed');
        },
      );
      await expect(failing).rejects.toThrow('deadline recomputation failed');
      expect(seenInside).toEqual(['2029-04-28', '2029-05-02']);
      expect(await calendar.getYear(2029)).toEqual({
        year: 2029,
        holidays: [{ date: '2029-10-01', name: null }],
        workdays: [],
      });
    });
  });
});
