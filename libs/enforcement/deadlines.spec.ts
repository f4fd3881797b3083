import { extendedDueAt, intakeDueAt, intakeWorkingDays, isOverdue, resumedDueAt } from './deadlines';

const SHANGHAI = 'Asia/Shanghai';
const SETTINGS = { intakeWorkingDays: 15, patentDisputeIntakeWorkingDays: 5 };

/** Weekends off; the given holidays off; the given make-up days worked. */
function calendar(holidays: string[] = [], workdays: string[] = []) {
  return {
    addWorkingDays(date: string, count: number): string {
      let day = new Date(`${date}T00:00:00Z`);
      for (let left = count; left > 0;) {
        day = new Date(day.getTime() + 86_400_000);
        const iso = day.toISOString().slice(0, 10);
        const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
        if (workdays.includes(iso) || (!weekend && !holidays.includes(iso))) left--;
      }
      return day.toISOString().slice(0, 10);
    },
  };
}

describe('enforcement deadlines', () => {
  it('gives patent disputes 5 working days to intake and everything else 15', () => {
    expect(intakeWorkingDays({ ipType: 'patent', source: 'complaint' }, SETTINGS)).toBe(5);
    expect(intakeWorkingDays({ ipType: 'patent', source: 'inspection' }, SETTINGS)).toBe(15);
    expect(intakeWorkingDays({ ipType: 'trademark', source: 'complaint' }, SETTINGS)).toBe(15);
  });

  it('ends intake at the end of the n-th working day after the day of receipt, in Shanghai', () => {
    // Received Monday 2026-11-23 09:00 Shanghai: 5 working days later is Monday 2026-11-30.
    const due = intakeDueAt(
      { ipType: 'patent', source: 'complaint', receivedAt: new Date('2026-11-23T01:00:00Z') },
      SETTINGS,
      calendar(),
      SHANGHAI,
    );
    expect(due).toEqual(new Date('2026-11-30T15:59:59.999Z'));
  });

  it('counts the day of receipt by its Shanghai date, not its UTC date', () => {
    // 2026-11-27T17:00Z is already Saturday 28 November in Shanghai.
    const due = intakeDueAt(
      { ipType: 'patent', source: 'complaint', receivedAt: new Date('2026-11-27T17:00:00Z') },
      SETTINGS,
      calendar(),
      SHANGHAI,
    );
    expect(due).toEqual(new Date('2026-12-04T15:59:59.999Z'));
  });

  it('skips holidays and counts make-up working days', () => {
    // Spring Festival 2026: 15–23 February off, Saturdays 14 and 28 February worked.
    const holidays = ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'];
    const due = intakeDueAt(
      { ipType: 'patent', source: 'complaint', receivedAt: new Date('2026-02-12T02:00:00Z') },
      SETTINGS,
      calendar(holidays, ['2026-02-14', '2026-02-28']),
      SHANGHAI,
    );
    // Working days after Thu 12 Feb: Fri 13, Sat 14 (make-up), Tue 24, Wed 25, Thu 26.
    expect(due).toEqual(new Date('2026-02-26T15:59:59.999Z'));
  });

  it('moves the deadline later by exactly the time suspended, and by the extension', () => {
    const dueAt = new Date('2027-02-01T00:00:00Z');
    expect(resumedDueAt(dueAt, new Date('2026-12-01T00:00:00Z'), new Date('2026-12-11T06:00:00Z'))).toEqual(
      new Date('2027-02-11T06:00:00Z'),
    );
    expect(extendedDueAt(dueAt, 30)).toEqual(new Date('2027-03-03T00:00:00Z'));
  });

  it('is overdue only against the deadline that binds the case now', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const past = new Date('2026-11-30T00:00:00Z');
    const future = new Date('2026-12-30T00:00:00Z');
    expect(isOverdue({ status: 'received', intakeDueAt: past, dueAt: null }, now)).toBe(true);
    expect(isOverdue({ status: 'investigating', intakeDueAt: past, dueAt: future }, now)).toBe(false);
    expect(isOverdue({ status: 'investigating', intakeDueAt: past, dueAt: past }, now)).toBe(true);
    expect(isOverdue({ status: 'suspended', intakeDueAt: past, dueAt: past }, now)).toBe(false);
    expect(isOverdue({ status: 'decided', intakeDueAt: past, dueAt: past }, now)).toBe(false);
  });
});
