import fc from 'fast-check';
import { addDays, isoWeekday } from '#libs/common';
import { WorkingCalendar } from './working-calendar';

/** China's 2026 Spring Festival: nine days off, bridged by two make-up Saturdays. */
const SPRING_FESTIVAL_2026 = new WorkingCalendar({
  holidays: Array.from({ length: 9 }, (_, offset) => addDays('2026-02-15', offset)),
  workdays: ['2026-02-14', '2026-02-28'],
});

const NO_SPECIAL_DAYS = new WorkingCalendar({ holidays: [], workdays: [] });

/** Dates within a few months, so that generated holidays and workdays fall near the start dates. */
const WINDOW_START = '2025-12-01';
const nearbyDate = fc.integer({ min: 0, max: 120 }).map((offset) => addDays(WINDOW_START, offset));
const calendarDays = fc.record({
  holidays: fc.uniqueArray(nearbyDate, { maxLength: 40 }),
  workdays: fc.uniqueArray(nearbyDate, { maxLength: 15 }),
});
const count = fc.integer({ min: 1, max: 40 });

function workingDaysBetween(calendar: WorkingCalendar, after: string, upTo: string): number {
  let working = 0;
  for (let day = addDays(after, 1); day <= upTo; day = addDays(day, 1)) {
    if (calendar.isWorkingDay(day)) working++;
  }
  return working;
}

describe('WorkingCalendar', () => {
  it('works Monday to Friday when no day is special', () => {
    expect(NO_SPECIAL_DAYS.isWorkingDay('2026-03-06')).toBe(true); // Friday
    expect(NO_SPECIAL_DAYS.isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(NO_SPECIAL_DAYS.isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(NO_SPECIAL_DAYS.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
    expect(NO_SPECIAL_DAYS.addWorkingDays('2026-03-07', 1)).toBe('2026-03-09');
    expect(NO_SPECIAL_DAYS.addWorkingDays('2026-03-02', 5)).toBe('2026-03-09');
  });

  it('knows the 2026 Spring Festival: the holidays are off, the make-up Saturdays worked', () => {
    expect(SPRING_FESTIVAL_2026.isWorkingDay('2026-02-13')).toBe(true); // Friday
    expect(SPRING_FESTIVAL_2026.isWorkingDay('2026-02-14')).toBe(true); // make-up Saturday
    expect(SPRING_FESTIVAL_2026.isWorkingDay('2026-02-16')).toBe(false); // Monday, holiday
    expect(SPRING_FESTIVAL_2026.isWorkingDay('2026-02-21')).toBe(false); // Saturday within the holiday
    expect(SPRING_FESTIVAL_2026.isWorkingDay('2026-02-23')).toBe(false); // Monday, last holiday
    expect(SPRING_FESTIVAL_2026.isWorkingDay('2026-02-24')).toBe(true);
    expect(SPRING_FESTIVAL_2026.isWorkingDay('2026-02-28')).toBe(true); // make-up Saturday
    expect(SPRING_FESTIVAL_2026.isWorkingDay('2026-03-01')).toBe(false); // ordinary Sunday
  });

  it('counts across the holiday, the weekend and the make-up Saturdays', () => {
    expect(SPRING_FESTIVAL_2026.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(SPRING_FESTIVAL_2026.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(SPRING_FESTIVAL_2026.addWorkingDays('2026-02-24', 4)).toBe('2026-02-28');
    expect(SPRING_FESTIVAL_2026.addWorkingDays('2026-02-27', 2)).toBe('2026-03-02');
    // "Within 15 working days of receipt", received the Tuesday before the festival.
    expect(SPRING_FESTIVAL_2026.addWorkingDays('2026-02-10', 15)).toBe('2026-03-09');
    expect(NO_SPECIAL_DAYS.addWorkingDays('2026-02-10', 15)).toBe('2026-03-03');
  });

  it('never counts the start date, whatever it is', () => {
    expect(SPRING_FESTIVAL_2026.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24'); // a working Saturday
    expect(SPRING_FESTIVAL_2026.addWorkingDays('2026-02-18', 1)).toBe('2026-02-24'); // a holiday
    expect(SPRING_FESTIVAL_2026.addWorkingDays('2026-02-22', 1)).toBe('2026-02-24'); // a Sunday in the holiday
    expect(SPRING_FESTIVAL_2026.addWorkingDays('2026-02-24', 1)).toBe('2026-02-25'); // a working weekday
  });

  it('refuses a count below one or not whole, and dates that are not ISO dates', () => {
    for (const wrong of [0, -1, 1.5, Number.NaN]) {
      expect(() => NO_SPECIAL_DAYS.addWorkingDays('2026-03-02', wrong)).toThrow(RangeError);
    }
    expect(() => NO_SPECIAL_DAYS.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => NO_SPECIAL_DAYS.isWorkingDay('2026-3-2')).toThrow(RangeError);
    expect(() => new WorkingCalendar({ holidays: ['Mon Feb 16 2026'], workdays: [] })).toThrow(RangeError);
  });

  it('refuses questions about days outside the range it was loaded for', () => {
    const loaded = new WorkingCalendar({
      holidays: ['2026-02-16'],
      workdays: [],
      range: { from: '2026-01-01', to: '2026-02-28' },
    });
    expect(loaded.addWorkingDays('2026-02-13', 1)).toBe('2026-02-17');
    expect(() => loaded.isWorkingDay('2026-03-02')).toThrow(/outside the calendar loaded for 2026-01-01..2026-02-28/);
    expect(() => loaded.addWorkingDays('2026-02-26', 2)).toThrow(RangeError);
    expect(
      () => new WorkingCalendar({ holidays: [], workdays: [], range: { from: '2026-02-01', to: '2026-01-01' } }),
    ).toThrow(RangeError);
  });

  it('a make-up workday is worked even when it is also listed as a holiday', () => {
    const both = new WorkingCalendar({ holidays: ['2026-02-14'], workdays: ['2026-02-14'] });
    expect(both.isWorkingDay('2026-02-14')).toBe(true);
  });

  describe('properties', () => {
    it('lands on a working day after the start', () => {
      fc.assert(
        fc.property(calendarDays, nearbyDate, count, (days, start, n) => {
          const calendar = new WorkingCalendar(days);
          const result = calendar.addWorkingDays(start, n);
          expect(calendar.isWorkingDay(result)).toBe(true);
          expect(result > start).toBe(true);
        }),
      );
    });

    it('leaves exactly n working days in (start, result]', () => {
      fc.assert(
        fc.property(calendarDays, nearbyDate, count, (days, start, n) => {
          const calendar = new WorkingCalendar(days);
          expect(workingDaysBetween(calendar, start, calendar.addWorkingDays(start, n))).toBe(n);
        }),
      );
    });

    it('never gets earlier when a holiday is added', () => {
      fc.assert(
        fc.property(calendarDays, nearbyDate, nearbyDate, count, (days, start, holiday, n) => {
          const before = new WorkingCalendar(days).addWorkingDays(start, n);
          const after = new WorkingCalendar({ ...days, holidays: [...days.holidays, holiday] }).addWorkingDays(
            start,
            n,
          );
          expect(after >= before).toBe(true);
        }),
      );
    });

    it('takes one working day at a time: n + 1 days is one working day after n days', () => {
      fc.assert(
        fc.property(calendarDays, nearbyDate, count, (days, start, n) => {
          const calendar = new WorkingCalendar(days);
          expect(calendar.addWorkingDays(start, n + 1)).toBe(
            calendar.addWorkingDays(calendar.addWorkingDays(start, n), 1),
          );
        }),
      );
    });

    it('agrees with the rule: make-up workday, or Monday to Friday and no holiday', () => {
      fc.assert(
        fc.property(calendarDays, nearbyDate, (days, date) => {
          const expected = days.workdays.includes(date) || (isoWeekday(date) <= 5 && !days.holidays.includes(date));
          expect(new WorkingCalendar(days).isWorkingDay(date)).toBe(expected);
        }),
      );
    });
  });
});
