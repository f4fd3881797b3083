import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, type EntityManager } from 'typeorm';
import { isIsoDate } from '#libs/common';
import { CalendarDay } from './calendar-day.entity';
import { assertCalendarYear, calendarYearRecords, yearDates } from './calendar-year';
import type { PutCalendarYearDto } from './dto/calendar.dto';
import { CalendarYearView } from './views';
import { WorkingCalendar } from './working-calendar';

/** First key of the transaction-scoped advisory lock that serialises changes to one year (the second is the year). */
export const CALENDAR_LOCK_KEY = 7_201_900;

@Injectable()
export class CalendarService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  getYear(year: number): Promise<CalendarYearView> {
    assertCalendarYear(year);
    return readYear(this.dataSource.manager, year);
  }

  /**
   * Replaces the year's holidays and make-up workdays. `afterChange` runs in the same
   * transaction, after the new days are written, so that what depends on the calendar
   * (deadlines) changes with it or not at all.
   */
  async replaceYear(
    year: number,
    dto: PutCalendarYearDto,
    afterChange?: (manager: EntityManager) => Promise<void>,
  ): Promise<CalendarYearView> {
    const records = calendarYearRecords(year, dto);
    const { first, last } = yearDates(year);
    return this.dataSource.transaction(async (manager) => {
      // Two replacements of one year would otherwise interleave their deletes and inserts.
      await manager.query('SELECT pg_advisory_xact_lock($1, $2)', [CALENDAR_LOCK_KEY, year]);
      await manager.delete(CalendarDay, { day: Between(first, last) });
      if (records.length > 0) await manager.insert(CalendarDay, records);
      await afterChange?.(manager);
      return readYear(manager, year);
    });
  }

  /**
   * The working calendar for `[fromDate, toDate]` (ISO dates). Pass a generous range (a year
   * either side of the dates of interest): the calendar refuses questions outside it.
   */
  async workingCalendar(
    fromDate: string,
    toDate: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<WorkingCalendar> {
    if (!isIsoDate(fromDate) || !isIsoDate(toDate) || fromDate > toDate) {
      throw new RangeError(`not a range of ISO dates: ${fromDate}..${toDate}`);
    }
    const days = await manager.find(CalendarDay, { where: { day: Between(fromDate, toDate) } });
    return new WorkingCalendar({
      holidays: days.filter((day) => day.kind === 'holiday').map((day) => day.day),
      workdays: days.filter((day) => day.kind === 'workday').map((day) => day.day),
      range: { from: fromDate, to: toDate },
    });
  }
}

async function readYear(manager: EntityManager, year: number): Promise<CalendarYearView> {
  const { first, last } = yearDates(year);
  const days = await manager.find(CalendarDay, { where: { day: Between(first, last) }, order: { day: 'ASC' } });
  return CalendarYearView.of(year, days);
}
