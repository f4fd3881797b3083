import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { Omittable, Trim } from '#libs/common';
import { IsIsoDate } from './is-iso-date';

/** A leap year has 366 days; no list can be longer. */
const MAX_DAYS_IN_LIST = 366;

export class CalendarDayDto {
  @ApiProperty({ format: 'date', example: '2026-02-16' })
  @IsIsoDate()
  date!: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 100, example: 'Spring Festival' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  name?: string;
}

/** Days may be given as `{ "date", "name" }` or simply as `"2026-10-01"`. */
const CalendarDays = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value)
      ? value.map((day: unknown) =>
          typeof day === 'string'
            ? plainToInstance(CalendarDayDto, { date: day })
            : plainToInstance(CalendarDayDto, day),
        )
      : value,
  );

/** A whole year's calendar: both lists (empty when left out) replace what was stored for that year. */
export class PutCalendarYearDto {
  @ApiProperty({
    type: [CalendarDayDto],
    required: false,
    maxItems: MAX_DAYS_IN_LIST,
    description: 'Public holidays (days off) in the year; `{ date, name }` or an ISO date string',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(MAX_DAYS_IN_LIST)
  @ValidateNested({ each: true })
  @CalendarDays()
  holidays: CalendarDayDto[] = [];

  @ApiProperty({
    type: [CalendarDayDto],
    required: false,
    maxItems: MAX_DAYS_IN_LIST,
    description: 'Make-up working days in the year: each a Saturday or Sunday that is worked',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(MAX_DAYS_IN_LIST)
  @ValidateNested({ each: true })
  @CalendarDays()
  workdays: CalendarDayDto[] = [];
}
