import { ValidationError } from '#libs/common';
import { calendarYearRecords, type CalendarYearInput } from './calendar-year';

function refusal(year: number, input: CalendarYearInput): ValidationError {
  try {
    calendarYearRecords(year, input);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('a year of calendar days', () => {
  it('becomes one record per listed day', () => {
    expect(
      calendarYearRecords(2026, {
        holidays: [{ date: '2026-02-16', name: 'Spring Festival' }, { date: '2026-10-01' }],
        workdays: [{ date: '2026-02-14', name: 'Spring Festival make-up' }],
      }),
    ).toEqual([
      { day: '2026-02-16', kind: 'holiday', name: 'Spring Festival' },
      { day: '2026-10-01', kind: 'holiday', name: null },
      { day: '2026-02-14', kind: 'workday', name: 'Spring Festival make-up' },
    ]);
    expect(calendarYearRecords(2026, { holidays: [], workdays: [] })).toEqual([]);
  });

  it('refuses a date outside the year, naming the entry', () => {
    expect(refusal(2026, { holidays: [{ date: '2026-01-01' }, { date: '2027-01-01' }], workdays: [] }).errors).toEqual([
      { field: 'holidays[1].date', message: 'holidays[1].date must be a date in 2026' },
    ]);
    expect(refusal(2026, { holidays: [], workdays: [{ date: '2025-12-27' }] }).errors[0]?.field).toBe(
      'workdays[0].date',
    );
  });

  it('refuses a weekday as a make-up workday', () => {
    const { errors } = refusal(2026, { holidays: [], workdays: [{ date: '2026-02-14' }, { date: '2026-02-16' }] });
    expect(errors).toEqual([
      {
        field: 'workdays[1].date',
        message: 'workdays[1].date 2026-02-16 is a Monday; a make-up workday must be a Saturday or Sunday',
      },
    ]);
  });

  it('refuses a date listed twice, in one list or in both', () => {
    expect(refusal(2026, { holidays: [{ date: '2026-05-01' }, { date: '2026-05-01' }], workdays: [] }).errors).toEqual([
      {
        field: 'holidays[1].date',
        message: 'holidays[1].date 2026-05-01 is already listed as holidays[0]; a date may be listed once',
      },
    ]);
    expect(
      refusal(2026, { holidays: [{ date: '2026-02-14' }], workdays: [{ date: '2026-02-28' }, { date: '2026-02-14' }] })
        .errors,
    ).toEqual([
      {
        field: 'workdays[1].date',
        message: 'workdays[1].date 2026-02-14 is already listed as holidays[0]; a date may be listed once',
      },
    ]);
  });

  it('names every refused entry at once, and refuses malformed dates and years out of range', () => {
    const { errors } = refusal(2026, {
      holidays: [{ date: '2026-02-30' }, { date: '2025-02-16' }],
      workdays: [{ date: '2026-03-02' }],
    });
    expect(errors.map((error) => error.field)).toEqual(['holidays[0].date', 'holidays[1].date', 'workdays[0].date']);
    expect(refusal(1899, { holidays: [], workdays: [] }).errors[0]?.field).toBe('year');
    expect(refusal(2026.5, { holidays: [], workdays: [] }).errors[0]?.field).toBe('year');
  });
});
