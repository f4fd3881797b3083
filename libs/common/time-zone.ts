/**
 * Calendar arithmetic in a named time zone (APP_TIMEZONE). Every "which day / which year is
 * this instant in" question goes through here, so that a request approved at 23:30 on
 * 31 December in Shanghai counts for that year although it is 15:30 UTC.
 *
 * Local dates are ISO strings (`2026-12-31`); instants are `Date`s.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(instant: Date, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Milliseconds the zone is ahead of UTC at `instant`. */
function offsetMs(instant: Date, timeZone: string): number {
  const local = localParts(instant, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseLocalDate(date: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(date);
  if (match === null) throw new RangeError(`not an ISO date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (match === null) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** The local calendar date of an instant. */
export function localDate(instant: Date, timeZone: string): string {
  const { year, month, day } = localParts(instant, timeZone);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The local calendar year of an instant. */
export function localYear(instant: Date, timeZone: string): number {
  return localParts(instant, timeZone).year;
}

/** The instant a local date begins (local midnight). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const { year, month, day } = parseLocalDate(date);
  const utcMidnight = Date.UTC(year, month - 1, day);
  // Two passes settle the offset even across a daylight-saving change.
  let instant = utcMidnight - offsetMs(new Date(utcMidnight), timeZone);
  instant = utcMidnight - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** The last millisecond of a local date. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  return new Date(startOfLocalDay(addDays(date, 1), timeZone).getTime() - 1);
}

/** `[start, end)` of a local calendar year. */
export function yearBounds(year: number, timeZone: string): { start: Date; end: Date } {
  return {
    start: startOfLocalDay(`${pad(year, 4)}-01-01`, timeZone),
    end: startOfLocalDay(`${pad(year + 1, 4)}-01-01`, timeZone),
  };
}

/** Calendar-day arithmetic on local dates. */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const { year, month, day } = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

/** Share of the local year `year` that has elapsed at `instant`, clamped to [0, 1]. */
export function elapsedShareOfYear(year: number, instant: Date, timeZone: string): number {
  const { start, end } = yearBounds(year, timeZone);
  const share = (instant.getTime() - start.getTime()) / (end.getTime() - start.getTime());
  return Math.min(1, Math.max(0, share));
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;

/**
 * An instant from client input, reading what has no offset in the zone: a plain date is the
 * start (or the end) of that local day; a date-time without offset is local wall time; a
 * date-time with `Z` or an offset is taken as given.
 */
export function parseInstant(value: string, timeZone: string, plainDate: 'start' | 'end'): Date {
  if (ISO_DATE.test(value))
    return plainDate === 'start' ? startOfLocalDay(value, timeZone) : endOfLocalDay(value, timeZone);
  const local = LOCAL_DATE_TIME.exec(value);
  if (local === null) return new Date(value);
  const [, date, hours, minutes, seconds, milliseconds] = local;
  const offsetIntoDay =
    ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds ?? 0)) * 1000 +
    Number((milliseconds ?? '0').padEnd(3, '0'));
  return new Date(startOfLocalDay(date as string, timeZone).getTime() + offsetIntoDay);
}
