import { Injectable } from '@nestjs/common';
import { Clock, localYear } from '#libs/common';
import { AppConfig } from '#libs/config';
import { type JobSchedule, type QueueJob, QueueProcessor } from '#libs/queue';
import { EvaluationService, type EvaluationRunResult } from './evaluation.service';
import { TARGETS_QUEUE } from './targets.service';

/**
 * The `targets` queue: a daily evaluation (TARGETS_CRON), a final one on 1 January for the
 * year just ended (TARGETS_YEAR_END_CRON), and evaluations people ask for. Job schedulers
 * make one job per tick whatever the number of workers.
 */
@Injectable()
export class TargetsProcessor extends QueueProcessor {
  readonly queueName = TARGETS_QUEUE;

  constructor(
    private readonly evaluations: EvaluationService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    super();
  }

  override schedules(): readonly JobSchedule[] {
    const tz = this.config.timezone;
    return [
      { id: 'targets-daily', repeat: { pattern: this.config.schedules.targetsCron, tz }, jobName: 'evaluate-daily' },
      {
        id: 'targets-year-end',
        repeat: { pattern: this.config.schedules.targetsYearEndCron, tz },
        jobName: 'evaluate-year-end',
      },
    ];
  }

  process(job: QueueJob): Promise<EvaluationRunResult> {
    switch (job.name) {
      case 'evaluate-daily':
        return this.evaluations.evaluate();
      case 'evaluate-year-end':
        // The year just ended, as of now: past its end, so its final status (achieved or missed).
        return this.evaluations.evaluate({ year: localYear(this.clock.now(), this.config.timezone) - 1 });
      case 'evaluate': {
        const data = job.data as { year?: number | null; asOf?: string | null };
        return this.evaluations.evaluate({ year: data.year ?? undefined, asOf: data.asOf ?? undefined });
      }
      default:
        throw new Error(`unknown targets job "${job.name}"`);
    }
  }
}
