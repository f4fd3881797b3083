import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '#libs/auth';
import { type Page, PageOf } from '#libs/common';
import {
  BaselineView,
  EvaluationJobView,
  EvaluationView,
  ListEvaluationsQueryDto,
  ProgressItemView,
  ProgressQueryDto,
  PutBaselineDto,
  TargetsService,
  TargetView,
  TriggerEvaluationDto,
  UpdateTargetDto,
} from '#libs/targets';
import { ApiAuthenticated, ApiProblems } from '../http/openapi';
import { YearPipe } from '../http/year.pipe';

@ApiTags('targets')
@ApiAuthenticated()
@Controller('targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Get()
  @ApiOkResponse({ type: PageOf(TargetView), description: 'City-wide targets and those of your office' })
  async list(@CurrentUser() user: AuthenticatedUser): Promise<Page<TargetView>> {
    return { items: (await this.targets.list(user)).map(TargetView.of), nextCursor: null };
  }

  @Get('progress')
  @ApiOkResponse({ type: PageOf(ProgressItemView), description: 'Where each active target stands, and why' })
  @ApiProblems(400)
  async progress(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ProgressQueryDto,
  ): Promise<Page<ProgressItemView>> {
    return { items: await this.targets.progressFor(user, query), nextCursor: null };
  }

  @Post('evaluations')
  @HttpCode(202)
  @Roles('supervisor', 'admin')
  @ApiAcceptedResponse({ type: EvaluationJobView, description: 'Queued; the worker evaluates every active target' })
  @ApiProblems(400, 403)
  trigger(@Body() dto: TriggerEvaluationDto): Promise<EvaluationJobView> {
    return this.targets.triggerEvaluation(dto);
  }

  @Get('evaluations')
  @ApiOkResponse({ type: PageOf(EvaluationView), description: 'One row per target, year and day; newest first' })
  @ApiProblems(400)
  evaluations(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListEvaluationsQueryDto,
  ): Promise<Page<EvaluationView>> {
    return this.targets.evaluations(user, query);
  }

  @Get('evaluations/jobs/:jobId')
  @ApiOkResponse({ type: EvaluationJobView })
  @ApiProblems(404)
  evaluationJob(@Param('jobId') jobId: string): Promise<EvaluationJobView> {
    return this.targets.evaluationJob(jobId);
  }

  @Put('baselines/:metric/:year')
  @Roles('admin')
  @ApiOkResponse({ type: BaselineView, description: "Replaces the counted value of that year's metric" })
  @ApiProblems(400, 403, 404)
  putBaseline(
    @CurrentUser() user: AuthenticatedUser,
    @Param('metric') metric: string,
    @Param('year', YearPipe) year: number,
    @Body() dto: PutBaselineDto,
  ): Promise<BaselineView> {
    return this.targets.putBaseline(user, metric, year, dto);
  }

  @Patch(':key')
  @Roles('admin')
  @ApiOkResponse({ type: TargetView })
  @ApiProblems(400, 403, 404, 409)
  async update(@Param('key') key: string, @Body() dto: UpdateTargetDto): Promise<TargetView> {
    return TargetView.of(await this.targets.update(key, dto));
  }
}
