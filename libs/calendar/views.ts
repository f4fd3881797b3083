import { ApiProperty } from '@nestjs/swagger';
import type { CalendarDay } from './calendar-day.entity';

export class CalendarDayView {
  @ApiProperty({ format: 'date', example: '2026-02-16' }) date!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Spring Festival' }) name!: string | null;

  static of(day: CalendarDay): CalendarDayView {
    return { date: day.day, name: day.name };
  }
}

export class CalendarYearView {
  @ApiProperty({ type: 'integer', example: 2026 }) year!: number;
  @ApiProperty({ type: [CalendarDayView], description: 'Public holidays, by date' }) holidays!: CalendarDayView[];
  @ApiProperty({ type: [CalendarDayView], description: 'Make-up working days, by date' }) workdays!: CalendarDayView[];

  /** `days` must be sorted by date. */
  static of(year: number, days: readonly CalendarDay[]): CalendarYearView {
    return {
      year,
      holidays: days.filter((day) => day.kind === 'holiday').map(CalendarDayView.of),
      workdays: days.filter((day) => day.kind === 'workday').map(CalendarDayView.of),
    };
  }
}
