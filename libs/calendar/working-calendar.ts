import { addDays, isIsoDate, isoWeekday } from '#libs/common';

const SATURDAY = 6;

export interface WorkingCalendarDays {
  /** Public holidays: days off, whatever their weekday. */
  readonly holidays: Iterable<string>;
  /** Make-up working days: weekend days that are worked. */
  readonly workdays: Iterable<string>;
  /**
   * The dates the lists were loaded for, inclusive. Outside them the calendar does not know
   * the holidays, so asking about such a day is refused instead of answered wrongly.
   * Absent: the lists are taken as complete for every date.
   */
  readonly range?: { readonly from: string; readonly to: string };
}

/**
 * Which days are working days in China, where weekends move around public holidays: a
 * make-up workday is worked; any other day is worked when it is Monday to Friday and not a
 * holiday. Dates are ISO local dates (`2026-02-14`).
 */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<string>;
  private readonly workdays: ReadonlySet<string>;
  private readonly range: { readonly from: string; readonly to: string } | undefined;

  constructor(days: WorkingCalendarDays) {
    this.holidays = isoDateSet(days.holidays);
    this.workdays = isoDateSet(days.workdays);
    if (days.range !== undefined) {
      const { from, to } = days.range;
      assertIsoDate(from);
      assertIsoDate(to);
      if (from > to) throw new RangeError(`empty calendar range ${from}..${to}`);
      this.range = { from, to };
    }
  }

  isWorkingDay(date: string): boolean {
    assertIsoDate(date);
    if (this.range !== undefined && (date < this.range.from || date > this.range.to)) {
      throw new RangeError(`${date} is outside the calendar loaded for ${this.range.from}..${this.range.to}`);
    }
    if (this.workdays.has(date)) return true;
    return isoWeekday(date) < SATURDAY && !this.holidays.has(date);
  }

  /** The `count`-th working day strictly after `date`; `date` itself never counts. */
  addWorkingDays(date: string, count: number): string {
    assertIsoDate(date);
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be an integer ≥ 1, not ${count}`);
    let day = date;
    // Terminates: the holidays are finite, so working weekdays keep coming.
    for (let remaining = count; remaining > 0;) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) remaining--;
    }
    return day;
  }
}

function assertIsoDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
}

function isoDateSet(dates: Iterable<string>): ReadonlySet<string> {
  const set = new Set<string>();
  for (const date of dates) {
    assertIsoDate(date);
    set.add(date);
  }
  return set;
}
