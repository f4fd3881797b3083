import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AssistanceRequestView,
  AssistanceService,
  AssistanceTransitionDto,
  CreateAssistanceRequestDto,
  ListAssistanceRequestsQueryDto,
  UpdateAssistanceRequestDto,
} from '#libs/assistance';
import { type AuthenticatedUser, CurrentUser, Roles } from '#libs/auth';
import { AssignDto } from '#libs/casework';
import { type Page, PageOf } from '#libs/common';
import { HistoryItemView, HistoryQueryDto } from '#libs/history';
import { IdPipe } from '../http/id.pipe';
import { ApiAuthenticated, ApiProblems } from '../http/openapi';

@ApiTags('assistance requests')
@ApiAuthenticated()
@Controller('assistance-requests')
export class AssistanceRequestsController {
  constructor(private readonly assistance: AssistanceService) {}

  @Post()
  @Roles('caseworker', 'supervisor')
  @ApiCreatedResponse({ type: AssistanceRequestView, description: 'A draft in your office' })
  @ApiProblems(400, 403)
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreateAssistanceRequestDto,
  ): Promise<AssistanceRequestView> {
    return AssistanceRequestView.of(await this.assistance.create(user, dto));
  }

  @Get()
  @ApiOkResponse({
    type: PageOf(AssistanceRequestView),
    description: 'Newest first; your office only unless you are an admin',
  })
  @ApiProblems(400)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListAssistanceRequestsQueryDto,
  ): Promise<Page<AssistanceRequestView>> {
    return this.assistance.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: AssistanceRequestView })
  @ApiProblems(404)
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', IdPipe) id: string): Promise<AssistanceRequestView> {
    return AssistanceRequestView.of(await this.assistance.get(user, id));
  }

  @Patch(':id')
  @Roles('caseworker', 'supervisor')
  @ApiOkResponse({ type: AssistanceRequestView, description: 'Only while draft or submitted' })
  @ApiProblems(400, 403, 404, 409)
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdPipe) id: string,
    @Body() dto: UpdateAssistanceRequestDto,
  ): Promise<AssistanceRequestView> {
    return AssistanceRequestView.of(await this.assistance.update(user, id, dto));
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOkResponse({ type: AssistanceRequestView, description: 'The request after the action, with its new version' })
  @ApiProblems(400, 403, 404, 409)
  async transition(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdPipe) id: string,
    @Body() dto: AssistanceTransitionDto,
  ): Promise<AssistanceRequestView> {
    return AssistanceRequestView.of(await this.assistance.transition(user, id, dto));
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOkResponse({ type: AssistanceRequestView })
  @ApiProblems(400, 403, 404, 409)
  async assign(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdPipe) id: string,
    @Body() dto: AssignDto,
  ): Promise<AssistanceRequestView> {
    return AssistanceRequestView.of(await this.assistance.assign(user, id, dto));
  }

  @Get(':id/history')
  @ApiOkResponse({ type: PageOf(HistoryItemView), description: 'Oldest first' })
  @ApiProblems(400, 404)
  history(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdPipe) id: string,
    @Query() query: HistoryQueryDto,
  ): Promise<Page<HistoryItemView>> {
    return this.assistance.historyOf(user, id, query);
  }
}
