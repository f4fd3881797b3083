import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AlertEvent, AlertsService } from '#libs/alerts';
import { Clock, localDate, localYear, parseInstant } from '#libs/common';
import { AppConfig } from '#libs/config';
import { ProgressService } from './progress.service';
import { Target } from './target.entity';

export interface EvaluationRequest {
  readonly year?: number;
  readonly asOf?: string;
}

export interface EvaluationRunResult {
  readonly year: number;
  readonly day: string;
  readonly evaluated: { readonly targetKey: string; readonly status: string; readonly alert: AlertEvent | null }[];
}

/**
 * Evaluates every active target for a year: stores one evaluation row per (target, year, day)
 * — a re-run the same day replaces it — and raises, escalates or resolves the target's alert,
 * each target in one transaction under a (target, year) lock. Running it twice has the effect
 * of running it once, as BullMQ's at-least-once delivery requires.
 */
@Injectable()
export class EvaluationService {
  private readonly logger = new Logger(EvaluationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly progress: ProgressService,
    private readonly alerts: AlertsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async evaluate(request: EvaluationRequest = {}): Promise<EvaluationRunResult> {
    const now = this.clock.now();
    const asOf = request.asOf === undefined ? now : parseInstant(request.asOf, this.config.timezone, 'end');
    const year = request.year ?? localYear(asOf, this.config.timezone);
    const targets = await this.dataSource
      .getRepository(Target)
      .find({ where: { active: true }, order: { key: 'ASC' } });
    const evaluated: EvaluationRunResult['evaluated'] = [];
    let day = localDate(asOf, this.config.timezone);
    for (const target of targets) {
      const outcome = await this.dataSource.transaction(async (manager) => {
        await manager.query('SELECT pg_advisory_xact_lock(hashtext($1), $2)', [target.key, year]);
        const progress = await this.progress.progressOf(manager, target, year, asOf);
        const [latest] = await manager.query<{ as_of: Date | null }[]>(
          'SELECT max(as_of) AS as_of FROM target_evaluations WHERE target_key = $1 AND year = $2',
          [target.key, year],
        );
        // Re-evaluating an earlier day fills in the record; it must not rewrite today's alerts.
        const current = latest?.as_of == null || progress.asOf.getTime() >= latest.as_of.getTime();
        // A final evaluation is measured at the year's end (exclusive): its day is the year's last.
        day = localDate(new Date(progress.asOf.getTime() - (progress.asOf < asOf ? 1 : 0)), this.config.timezone);
        await manager.query(
          `INSERT INTO target_evaluations (target_key, year, day, actual, required, expected_to_date, projected, status, as_of, evaluated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT ON CONSTRAINT target_evaluations_once_a_day DO UPDATE SET
             actual = excluded.actual, required = excluded.required, expected_to_date = excluded.expected_to_date,
             projected = excluded.projected, status = excluded.status, as_of = excluded.as_of, evaluated_at = excluded.evaluated_at`,
          [
            target.key,
            year,
            day,
            progress.actual,
            progress.required,
            progress.expectedToDate,
            progress.projected,
            progress.status,
            progress.asOf,
            now,
          ],
        );
        const alert = current
          ? await this.alerts.applyTargetFinding(manager, {
              targetKey: target.key,
              officeId: target.officeId,
              year,
              status: progress.status,
              message: `${target.key} ${year}: ${progress.explanation}`,
            })
          : null;
        return { targetKey: target.key, status: progress.status, alert };
      });
      evaluated.push(outcome);
    }
    if (evaluated.some((outcome) => outcome.alert !== null)) await this.alerts.deliverSoon();
    this.logger.log(`evaluated ${evaluated.length} targets for ${year} as of ${day}`);
    return { year, day, evaluated };
  }
}
