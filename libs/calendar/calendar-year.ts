import { type FieldError, isIsoDate, isoWeekday, ValidationError } from '#libs/common';

/** Years the calendar can be maintained for: wide enough for any case, narrow enough to catch typos. */
export const FIRST_CALENDAR_YEAR = 1900;
export const LAST_CALENDAR_YEAR = 2200;

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/** The request field each kind of day is listed in. */
const LIST_OF: Readonly<Record<CalendarDayKind, 'holidays' | 'workdays'>> = {
  holiday: 'holidays',
  workday: 'workdays',
};

const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export function isCalendarYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_CALENDAR_YEAR && year <= LAST_CALENDAR_YEAR;
}

export function assertCalendarYear(year: number): void {
  if (!isCalendarYear(year)) {
    throw ValidationError.of('year', `year must be an integer from ${FIRST_CALENDAR_YEAR} to ${LAST_CALENDAR_YEAR}`);
  }
}

/** `[first, last]` day of a year, as ISO dates. */
export function yearDates(year: number): { first: string; last: string } {
  const digits = String(year).padStart(4, '0');
  return { first: `${digits}-01-01`, last: `${digits}-12-31` };
}

export interface CalendarDayInput {
  readonly date: string;
  readonly name?: string | null;
}

export interface CalendarYearInput {
  readonly holidays: readonly CalendarDayInput[];
  readonly workdays: readonly CalendarDayInput[];
}

export interface CalendarDayRecord {
  readonly day: string;
  readonly kind: CalendarDayKind;
  readonly name: string | null;
}

/**
 * The rows that replace a year's calendar, or a ValidationError naming every refused entry
 * (`workdays[1].date`): each date inside the year, listed once across both lists, and a
 * make-up workday only on a Saturday or Sunday (a weekday is worked anyway).
 */
export function calendarYearRecords(year: number, input: CalendarYearInput): CalendarDayRecord[] {
  assertCalendarYear(year);
  const { first, last } = yearDates(year);
  const errors: FieldError[] = [];
  const records: CalendarDayRecord[] = [];
  const listedAt = new Map<string, string>();
  const entries = [
    ...input.holidays.map((entry, index) => ({ entry, kind: 'holiday' as const, index })),
    ...input.workdays.map((entry, index) => ({ entry, kind: 'workday' as const, index })),
  ];
  for (const { entry, kind, index } of entries) {
    const { date } = entry;
    const path = `${LIST_OF[kind]}[${index}]`;
    const field = `${path}.date`;
    const refuse = (message: string): void => {
      errors.push({ field, message: `${field} ${message}` });
    };
    if (!isIsoDate(date)) {
      refuse('must be a date in the form YYYY-MM-DD');
      continue;
    }
    if (date < first || date > last) {
      refuse(`must be a date in ${year}`);
      continue;
    }
    const earlier = listedAt.get(date);
    if (earlier !== undefined) {
      refuse(`${date} is already listed as ${earlier}; a date may be listed once`);
      continue;
    }
    listedAt.set(date, path);
    const weekday = isoWeekday(date);
    if (kind === 'workday' && weekday < 6) {
      refuse(`${date} is a ${WEEKDAY_NAMES[weekday] ?? ''}; a make-up workday must be a Saturday or Sunday`);
      continue;
    }
    records.push({ day: date, kind, name: entry.name ?? null });
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return records;
}
