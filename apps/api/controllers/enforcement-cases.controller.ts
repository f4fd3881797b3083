import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '#libs/auth';
import { AssignDto } from '#libs/casework';
import { Clock, type Page, PageOf } from '#libs/common';
import {
  CaseTransitionDto,
  CreateEnforcementCaseDto,
  EnforcementCaseView,
  EnforcementService,
  ListEnforcementCasesQueryDto,
  UpdateEnforcementCaseDto,
} from '#libs/enforcement';
import { HistoryItemView, HistoryQueryDto } from '#libs/history';
import { IdPipe } from '../http/id.pipe';
import { ApiAuthenticated, ApiProblems } from '../http/openapi';

@ApiTags('enforcement cases')
@ApiAuthenticated()
@Controller('enforcement-cases')
export class EnforcementCasesController {
  constructor(
    private readonly enforcement: EnforcementService,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('caseworker', 'supervisor')
  @ApiCreatedResponse({
    type: EnforcementCaseView,
    description: 'A received case in your office, with its intake deadline',
  })
  @ApiProblems(400, 403)
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreateEnforcementCaseDto,
  ): Promise<EnforcementCaseView> {
    return this.view(await this.enforcement.create(user, dto));
  }

  @Get()
  @ApiOkResponse({
    type: PageOf(EnforcementCaseView),
    description: 'Newest first; your office only unless you are an admin',
  })
  @ApiProblems(400)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListEnforcementCasesQueryDto,
  ): Promise<Page<EnforcementCaseView>> {
    return this.enforcement.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: EnforcementCaseView })
  @ApiProblems(404)
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', IdPipe) id: string): Promise<EnforcementCaseView> {
    return this.view(await this.enforcement.get(user, id));
  }

  @Patch(':id')
  @Roles('caseworker', 'supervisor')
  @ApiOkResponse({ type: EnforcementCaseView, description: 'Only while received' })
  @ApiProblems(400, 403, 404, 409)
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdPipe) id: string,
    @Body() dto: UpdateEnforcementCaseDto,
  ): Promise<EnforcementCaseView> {
    return this.view(await this.enforcement.update(user, id, dto));
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOkResponse({ type: EnforcementCaseView, description: 'The case after the action, with its new version' })
  @ApiProblems(400, 403, 404, 409)
  async transition(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdPipe) id: string,
    @Body() dto: CaseTransitionDto,
  ): Promise<EnforcementCaseView> {
    return this.view(await this.enforcement.transition(user, id, dto));
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOkResponse({ type: EnforcementCaseView })
  @ApiProblems(400, 403, 404, 409)
  async assign(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdPipe) id: string,
    @Body() dto: AssignDto,
  ): Promise<EnforcementCaseView> {
    return this.view(await this.enforcement.assign(user, id, dto));
  }

  @Get(':id/history')
  @ApiOkResponse({ type: PageOf(HistoryItemView), description: 'Oldest first' })
  @ApiProblems(400, 404)
  history(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdPipe) id: string,
    @Query() query: HistoryQueryDto,
  ): Promise<Page<HistoryItemView>> {
    return this.enforcement.historyOf(user, id, query);
  }

  private view(enforcementCase: Parameters<typeof EnforcementCaseView.of>[0]): EnforcementCaseView {
    return EnforcementCaseView.of(enforcementCase, this.clock.now());
  }
}
