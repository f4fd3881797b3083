import { ApiProperty } from '@nestjs/swagger';
import { PROGRESS_STATUSES, type ProgressStatus } from './progress';
import type { Target } from './target.entity';
import type { TargetBaseline } from './target-baseline.entity';
import type { TargetEvaluation } from './target-evaluation.entity';

export class TargetView {
  @ApiProperty({ example: 'assisted-enterprises' }) key!: string;
  @ApiProperty({ example: 'assisted_enterprises' }) metric!: string;
  @ApiProperty({ enum: ['annual_minimum', 'annual_growth'] }) kind!: string;
  @ApiProperty({ enum: ['gte', 'gt'] }) comparator!: string;
  @ApiProperty({ example: 120, description: 'A count, or a rate for growth (0.2 = 20 %)' }) threshold!: number;
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) officeId!: string | null;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty() version!: number;

  static of(target: Target): TargetView {
    const { key, metric, kind, comparator, threshold, active, officeId, description, updatedAt, version } = target;
    // Thresholds are small decimals (≤ 4 places); a JSON number shows them exactly.
    return {
      key,
      metric,
      kind,
      comparator,
      threshold: Number(threshold),
      active,
      officeId,
      description,
      updatedAt,
      version,
    };
  }
}

export class BaselineView {
  @ApiProperty() metric!: string;
  @ApiProperty() year!: number;
  @ApiProperty() value!: number;
  @ApiProperty() updatedAt!: Date;

  static of({ metric, year, value, updatedAt }: TargetBaseline): BaselineView {
    return { metric, year, value, updatedAt };
  }
}

export class ProgressItemView {
  @ApiProperty() key!: string;
  @ApiProperty() metric!: string;
  @ApiProperty() year!: number;
  @ApiProperty() asOf!: Date;
  @ApiProperty({ description: 'Counted to asOf (or the baseline entered for the year)' }) actual!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The count the year needs' }) required!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'required × elapsed share of the year' }) expectedToDate!:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'actual ÷ elapsed share of the year' }) projected!:
    number | null;
  @ApiProperty({ enum: PROGRESS_STATUSES }) status!: ProgressStatus;
  @ApiProperty({ nullable: true, type: Number, description: 'Growth targets: the previous year figure used' })
  previousYear!: number | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) officeId!: string | null;
  @ApiProperty({ description: 'Where the target stands and why, in one sentence' }) explanation!: string;
}

export class EvaluationView {
  @ApiProperty() targetKey!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ example: '2026-11-25' }) day!: string;
  @ApiProperty() actual!: number;
  @ApiProperty({ nullable: true, type: Number }) required!: number | null;
  @ApiProperty({ enum: PROGRESS_STATUSES }) status!: ProgressStatus;
  @ApiProperty({ nullable: true, type: Number }) expectedToDate!: number | null;
  @ApiProperty({ nullable: true, type: Number }) projected!: number | null;
  @ApiProperty() asOf!: Date;
  @ApiProperty() evaluatedAt!: Date;

  static of(evaluation: TargetEvaluation): EvaluationView {
    const { targetKey, year, day, actual, required, status, expectedToDate, projected, asOf, evaluatedAt } = evaluation;
    const toNumber = (value: string | null) => (value === null ? null : Number(value));
    return {
      targetKey,
      year,
      day,
      actual,
      required,
      status,
      expectedToDate: toNumber(expectedToDate),
      projected: toNumber(projected),
      asOf,
      evaluatedAt,
    };
  }
}

export class EvaluationJobView {
  @ApiProperty({ description: 'Queue job id; read its state at /targets/evaluations/jobs/{jobId}' }) id!: string;
  @ApiProperty({ description: 'The same job id, under the name the 202 response documents' }) jobId!: string;
  @ApiProperty({
    enum: ['waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized', 'waiting-children', 'unknown'],
  })
  state!: string;
  @ApiProperty({ nullable: true, type: Number }) year!: number | null;
  @ApiProperty({ nullable: true, type: String }) asOf!: string | null;
  @ApiProperty({ nullable: true, type: Object, description: 'When completed: what the run did' }) result!: unknown;
  @ApiProperty({ nullable: true, type: String }) failedReason!: string | null;
}
