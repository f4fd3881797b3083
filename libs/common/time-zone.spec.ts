import fc from 'fast-check';
import {
  addDays,
  elapsedShareOfYear,
  endOfLocalDay,
  isIsoDate,
  isoWeekday,
  localDate,
  localYear,
  parseInstant,
  startOfLocalDay,
  yearBounds,
} from './time-zone';

const SHANGHAI = 'Asia/Shanghai';

describe('time-zone arithmetic', () => {
  it('counts 23:30 on 31 December in Shanghai in that year, although it is already 15:30 UTC', () => {
    const instant = new Date('2026-12-31T15:30:00Z');
    expect(localDate(instant, SHANGHAI)).toBe('2026-12-31');
    expect(localYear(instant, SHANGHAI)).toBe(2026);
    expect(localYear(new Date('2026-12-31T16:00:00Z'), SHANGHAI)).toBe(2027);
    expect(localYear(new Date('2026-12-31T16:00:00Z'), 'UTC')).toBe(2026);
  });

  it('bounds a Shanghai year at local midnight', () => {
    expect(yearBounds(2026, SHANGHAI)).toEqual({
      start: new Date('2025-12-31T16:00:00Z'),
      end: new Date('2026-12-31T16:00:00Z'),
    });
  });

  it('finds local midnight across daylight-saving changes', () => {
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin')).toEqual(new Date('2026-03-28T23:00:00Z'));
    expect(startOfLocalDay('2026-03-30', 'Europe/Berlin')).toEqual(new Date('2026-03-29T22:00:00Z'));
    expect(endOfLocalDay('2026-12-31', SHANGHAI)).toEqual(new Date('2026-12-31T15:59:59.999Z'));
  });

  it('maps every instant into the local day that starts at or before it', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.constantFrom(SHANGHAI, 'UTC', 'Europe/Berlin', 'America/New_York'),
        (instant, zone) => {
          const day = localDate(instant, zone);
          expect(startOfLocalDay(day, zone).getTime()).toBeLessThanOrEqual(instant.getTime());
          expect(endOfLocalDay(day, zone).getTime()).toBeGreaterThanOrEqual(instant.getTime());
        },
      ),
    );
  });

  it('handles leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    const { start, end } = yearBounds(2028, SHANGHAI);
    expect((end.getTime() - start.getTime()) / 86_400_000).toBe(366);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
  });

  it('knows weekdays and the elapsed share of a year', () => {
    expect(isoWeekday('2026-11-25')).toBe(3);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(elapsedShareOfYear(2026, new Date('2025-12-31T16:00:00Z'), SHANGHAI)).toBe(0);
    expect(elapsedShareOfYear(2026, new Date('2027-06-01T00:00:00Z'), SHANGHAI)).toBe(1);
    expect(elapsedShareOfYear(2026, new Date('2026-07-02T04:00:00Z'), SHANGHAI)).toBeCloseTo(0.5, 2);
  });

  it('reads client instants without an offset in the zone', () => {
    expect(parseInstant('2026-06-30', SHANGHAI, 'start')).toEqual(new Date('2026-06-29T16:00:00Z'));
    expect(parseInstant('2026-06-30', SHANGHAI, 'end')).toEqual(new Date('2026-06-30T15:59:59.999Z'));
    expect(parseInstant('2026-06-30T09:30', SHANGHAI, 'start')).toEqual(new Date('2026-06-30T01:30:00Z'));
    expect(parseInstant('2026-06-30T09:30:15.5', SHANGHAI, 'start')).toEqual(new Date('2026-06-30T01:30:15.500Z'));
    expect(parseInstant('2026-06-30T09:30:00Z', SHANGHAI, 'start')).toEqual(new Date('2026-06-30T09:30:00Z'));
    expect(parseInstant('2026-06-30T09:30:00+02:00', SHANGHAI, 'start')).toEqual(new Date('2026-06-30T07:30:00Z'));
  });
});
