import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AlertsService, AlertView, ListAlertsQueryDto } from '#libs/alerts';
import { type AuthenticatedUser, CurrentUser, Roles } from '#libs/auth';
import { type Page, PageOf } from '#libs/common';
import { IdPipe } from '../http/id.pipe';
import { ApiAuthenticated, ApiProblems } from '../http/openapi';

@ApiTags('alerts')
@ApiAuthenticated()
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @ApiOkResponse({ type: PageOf(AlertView), description: 'Newest first: city-wide alerts and those of your office' })
  @ApiProblems(400)
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListAlertsQueryDto): Promise<Page<AlertView>> {
    return this.alerts.list(user, query);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ type: AlertView, description: 'Acknowledged: someone is on it; it stays until resolved' })
  @ApiProblems(403, 404, 409)
  async acknowledge(@CurrentUser() user: AuthenticatedUser, @Param('id', IdPipe) id: string): Promise<AlertView> {
    return AlertView.of(await this.alerts.acknowledge(user, id));
  }
}
