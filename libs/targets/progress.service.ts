import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { elapsedShareOfYear, yearBounds } from '#libs/common';
import { AppConfig } from '#libs/config';
import { type Metric, METRICS } from './metrics';
import { computeProgress, explainProgress } from './progress';
import type { Target } from './target.entity';
import { TargetBaseline } from './target-baseline.entity';
import type { ProgressItemView } from './views';
import { yearValue } from './year-value';

/** Progress of one target for one year as of one instant: the single place SPEC §5's figures are put together. */
@Injectable()
export class ProgressService {
  constructor(private readonly config: AppConfig) {}

  async progressOf(manager: EntityManager, target: Target, year: number, asOf: Date): Promise<ProgressItemView> {
    const metric = METRICS.get(target.metric);
    if (metric === undefined) throw new Error(`target ${target.key} names unknown metric ${target.metric}`);
    const { start, end } = yearBounds(year, this.config.timezone);
    const measuredAt = new Date(Math.min(asOf.getTime(), end.getTime()));
    const actual = await yearValue(manager, metric, year, this.config.timezone, {
      officeId: target.officeId,
      until: measuredAt,
    });
    const previousYear =
      target.kind === 'annual_growth' ? await this.previousYearValue(manager, metric, target, year, start) : null;
    const rule = { kind: target.kind, comparator: target.comparator, threshold: target.threshold };
    const figures = computeProgress({
      rule,
      actual,
      previousYear,
      elapsedShare: elapsedShareOfYear(year, measuredAt, this.config.timezone),
    });
    return {
      key: target.key,
      metric: target.metric,
      year,
      asOf: measuredAt,
      actual,
      ...figures,
      previousYear,
      officeId: target.officeId,
      explanation: explainProgress(actual, figures, previousYear),
    };
  }

  /**
   * The previous year's figure: its baseline, or its count when the system held records by
   * then; otherwise none (status `no_baseline`).
   */
  private async previousYearValue(
    manager: EntityManager,
    metric: Metric,
    target: Target,
    year: number,
    yearStart: Date,
  ): Promise<number | null> {
    const hasBaseline =
      target.officeId === null && (await manager.existsBy(TargetBaseline, { metric: metric.key, year: year - 1 }));
    if (!hasBaseline && !(await metric.hasRecordsBefore(manager, yearStart))) return null;
    return yearValue(manager, metric, year - 1, this.config.timezone, { officeId: target.officeId });
  }
}
