import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import type { CaseActor } from '#libs/casework';
import {
  assertVersion,
  Clock,
  localYear,
  parseInstant,
  NotFoundError,
  type Page,
  toPage,
  ValidationError,
  decodeIdCursor,
} from '#libs/common';
import { AppConfig } from '#libs/config';
import { Office } from '#libs/offices-users';
import { QueueFactory } from '#libs/queue';
import type {
  ListEvaluationsQueryDto,
  ProgressQueryDto,
  PutBaselineDto,
  TriggerEvaluationDto,
  UpdateTargetDto,
} from './dto/targets.dto';
import { METRICS } from './metrics';
import { ProgressService } from './progress.service';
import { Target } from './target.entity';
import { TargetBaseline } from './target-baseline.entity';
import { TargetEvaluation } from './target-evaluation.entity';
import { BaselineView, EvaluationJobView, EvaluationView, type ProgressItemView } from './views';

export const TARGETS_QUEUE = 'targets';

/** Targets as people use them: read, adjust, measure, and ask for an evaluation. */
@Injectable()
export class TargetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly progress: ProgressService,
    private readonly queues: QueueFactory,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** City-wide targets and those of the actor's office (admins: all). */
  list(actor: CaseActor): Promise<Target[]> {
    const targets = this.dataSource.getRepository(Target).createQueryBuilder('target').orderBy('target.key', 'ASC');
    if (actor.role !== 'admin') {
      targets.where(
        new Brackets((scope) =>
          scope.where('target.office_id IS NULL').orWhere('target.office_id = :officeId', { officeId: actor.officeId }),
        ),
      );
    }
    return targets.getMany();
  }

  update(key: string, dto: UpdateTargetDto): Promise<Target> {
    return this.dataSource.transaction(async (manager) => {
      const target = await manager.findOne(Target, { where: { key }, lock: { mode: 'pessimistic_write' } });
      if (target === null) throw new NotFoundError('Target');
      if (dto.version !== undefined) assertVersion(target, dto.version, 'Target');
      if (
        dto.officeId !== undefined &&
        dto.officeId !== null &&
        !(await manager.existsBy(Office, { id: dto.officeId }))
      ) {
        throw ValidationError.of('officeId', 'does not name an existing office');
      }
      if (target.kind === 'annual_growth' && dto.threshold !== undefined && dto.threshold > 100) {
        throw ValidationError.of('threshold', 'is a growth rate: 0.2 means 20 %');
      }
      Object.assign(target, {
        threshold: dto.threshold === undefined ? target.threshold : dto.threshold.toFixed(4),
        comparator: dto.comparator ?? target.comparator,
        active: dto.active ?? target.active,
        officeId: dto.officeId === undefined ? target.officeId : dto.officeId,
        updatedAt: this.clock.now(),
        version: target.version + 1,
      });
      return manager.save(Target, target);
    });
  }

  async putBaseline(actor: CaseActor, metric: string, year: number, dto: PutBaselineDto): Promise<BaselineView> {
    if (!METRICS.has(metric)) throw new NotFoundError('Metric');
    if (year < 1900 || year > 2200) throw ValidationError.of('year', 'must be a year from 1900 to 2200');
    const now = this.clock.now();
    await this.dataSource.query(
      `INSERT INTO target_baselines (metric, year, value, entered_by_id, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (metric, year) DO UPDATE SET value = excluded.value, entered_by_id = excluded.entered_by_id, updated_at = excluded.updated_at`,
      [metric, year, dto.value, actor.id, now],
    );
    return BaselineView.of(await this.dataSource.getRepository(TargetBaseline).findOneByOrFail({ metric, year }));
  }

  async progressFor(actor: CaseActor, query: ProgressQueryDto): Promise<ProgressItemView[]> {
    const asOf = query.asOf === undefined ? this.clock.now() : parseInstant(query.asOf, this.config.timezone, 'end');
    const year = query.year ?? localYear(asOf, this.config.timezone);
    const targets = (await this.list(actor)).filter((target) => target.active);
    const items: ProgressItemView[] = [];
    for (const target of targets)
      items.push(await this.progress.progressOf(this.dataSource.manager, target, year, asOf));
    return items;
  }

  /** Newest day first, then by target. */
  async evaluations(actor: CaseActor, query: ListEvaluationsQueryDto): Promise<Page<EvaluationView>> {
    const evaluations = this.dataSource.getRepository(TargetEvaluation).createQueryBuilder('evaluation');
    if (actor.role !== 'admin') {
      // The evaluations of the targets the actor may see: city-wide ones and their office's.
      evaluations.andWhere(
        'evaluation.target_key IN (SELECT key FROM targets WHERE office_id IS NULL OR office_id = :officeId)',
        { officeId: actor.officeId },
      );
    }
    if (query.year !== undefined) evaluations.andWhere('evaluation.year = :year', { year: query.year });
    if (query.cursor !== undefined)
      evaluations.andWhere('evaluation.id < :after', { after: decodeIdCursor(query.cursor) });
    const rows = await evaluations
      .orderBy('evaluation.id', 'DESC')
      .limit(query.limit + 1)
      .getMany();
    return toPage(rows, query.limit, (row) => [row.id], EvaluationView.of);
  }

  async triggerEvaluation(dto: TriggerEvaluationDto): Promise<EvaluationJobView> {
    const data = { year: dto.year ?? null, asOf: dto.asOf ?? null };
    const job = await this.queues
      .queue(TARGETS_QUEUE)
      .add('evaluate', data, { removeOnComplete: { age: 7 * 86_400 }, removeOnFail: { age: 30 * 86_400 } });
    if (job.id === undefined) throw new Error('the queue did not assign a job id');
    return {
      id: job.id,
      jobId: job.id,
      state: 'waiting',
      year: data.year,
      asOf: data.asOf,
      result: null,
      failedReason: null,
    };
  }

  async evaluationJob(jobId: string): Promise<EvaluationJobView> {
    const job = await this.queues.queue(TARGETS_QUEUE).getJob(jobId);
    if (job === undefined || job.name !== 'evaluate') throw new NotFoundError('Evaluation job');
    const data = job.data as { year: number | null; asOf: string | null };
    const state = await job.getState();
    return {
      id: jobId,
      jobId,
      state,
      year: data.year,
      asOf: data.asOf,
      result: state === 'completed' ? job.returnvalue : null,
      failedReason: state === 'failed' ? job.failedReason : null,
    };
  }
}
