import { Injectable } from '@nestjs/common';
import { AppConfig } from '#libs/config';
import { type JobSchedule, type QueueJob, QueueProcessor } from '#libs/queue';
import { DeadlineAlertsService, type DeadlineScanResult } from './deadline-alerts.service';

export const ALERTS_QUEUE = 'alerts';

/** The `alerts` queue: the daily deadline scan (DEADLINE_SCAN_CRON), or one on request. */
@Injectable()
export class AlertsProcessor extends QueueProcessor {
  readonly queueName = ALERTS_QUEUE;

  constructor(
    private readonly deadlines: DeadlineAlertsService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  override schedules(): readonly JobSchedule[] {
    return [
      {
        id: 'deadline-scan',
        repeat: { pattern: this.config.schedules.deadlineScanCron, tz: this.config.timezone, immediately: true },
        jobName: 'scan-deadlines',
      },
    ];
  }

  process(job: QueueJob): Promise<DeadlineScanResult> {
    if (job.name !== 'scan-deadlines') throw new Error(`unknown alerts job "${job.name}"`);
    return this.deadlines.scan();
  }
}
