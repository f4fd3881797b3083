import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import {
  CalendarService,
  CalendarYearView,
  FIRST_CALENDAR_YEAR,
  LAST_CALENDAR_YEAR,
  PutCalendarYearDto,
} from '#libs/calendar';
import { EnforcementService } from '#libs/enforcement';
import { ApiAuthenticated, ApiProblems } from '../http/openapi';
import { YearPipe } from '../http/year.pipe';

const YEAR_PARAM = {
  name: 'year',
  schema: { type: 'integer', minimum: FIRST_CALENDAR_YEAR, maximum: LAST_CALENDAR_YEAR },
  example: 2026,
} as const;

@ApiTags('calendar')
@ApiAuthenticated()
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly enforcement: EnforcementService,
  ) {}

  @Get(':year')
  @ApiParam(YEAR_PARAM)
  @ApiOkResponse({ type: CalendarYearView, description: 'Every role may read the calendar' })
  @ApiProblems(400)
  getYear(@Param('year', YearPipe) year: number): Promise<CalendarYearView> {
    return this.calendar.getYear(year);
  }

  @Put(':year')
  @Roles('admin')
  @ApiParam(YEAR_PARAM)
  @ApiOkResponse({
    type: CalendarYearView,
    description: "The year as stored; both lists replace the year's old ones and intake deadlines are recomputed",
  })
  @ApiProblems(400, 403)
  replaceYear(@Param('year', YearPipe) year: number, @Body() dto: PutCalendarYearDto): Promise<CalendarYearView> {
    return this.enforcement.replaceCalendarYear(year, dto);
  }
}
