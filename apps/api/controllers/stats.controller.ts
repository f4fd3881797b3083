import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AuthenticatedUser, CurrentUser } from '#libs/auth';
import { AnnualStatsQueryDto, AnnualStatsView, StatsService, toCsv } from '#libs/stats';
import { ApiAuthenticated, ApiProblems } from '../http/openapi';

const SCOPE = "your office's unless you are an admin";

@ApiTags('stats')
@ApiAuthenticated()
// At class level, so that the CSV route's @ApiProduces does not label its problems text/csv.
@ApiProblems(400)
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('annual')
  @ApiOkResponse({ type: AnnualStatsView, description: `The year's figures, ${SCOPE}` })
  annual(@CurrentUser() user: AuthenticatedUser, @Query() query: AnnualStatsQueryDto): Promise<AnnualStatsView> {
    return this.stats.annual(user, query);
  }

  @Get('annual.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: `The same figures as rows \`section,dimension,key,value\` (RFC 4180), ${SCOPE}`,
    content: { 'text/csv': { schema: { type: 'string', example: 'section,dimension,key,value\r\n' } } },
  })
  async annualCsv(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: AnnualStatsQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const view = await this.stats.annual(user, query);
    void reply.header('content-disposition', `attachment; filename="ipr-stats-${view.year}.csv"`);
    return toCsv(view);
  }
}
