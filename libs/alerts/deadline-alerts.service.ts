import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { Clock } from '#libs/common';
import { AppConfig } from '#libs/config';
import { Alert } from './alert.entity';
import { AlertsService } from './alerts.service';

/** Open deadlines: intake while received, conclusion while filed or investigating (suspended: clock stopped). */
const RUNNING_DEADLINES = `
  SELECT id AS case_id, office_id, reference, 'intake' AS deadline, intake_due_at AS due
    FROM enforcement_cases WHERE status = 'received' AND intake_due_at < $2
  UNION ALL
  SELECT id, office_id, reference, 'conclusion', due_at
    FROM enforcement_cases WHERE status IN ('filed', 'investigating') AND due_at < $2`;

export interface DeadlineScanResult {
  readonly raised: number;
  readonly resolved: number;
}

/**
 * The deadline watch of SPEC §4: cases due within DUE_SOON_DAYS raise `case.due_soon`, cases
 * past due raise `case.overdue`, each once per case and deadline (a unique index makes the
 * insert a no-op the second time). Alerts whose condition no longer holds — filed in time,
 * deadline moved by an extension, superseded by overdue — are resolved. Set-based SQL: the
 * scan costs what the number of due cases costs, not the number of cases.
 */
@Injectable()
export class DeadlineAlertsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alerts: AlertsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async scan(): Promise<DeadlineScanResult> {
    const now = this.clock.now();
    const horizon = new Date(now.getTime() + this.config.deadlines.dueSoonDays * 86_400_000);
    const result = await this.dataSource.transaction(async (manager) => {
      const raised = await this.raise(manager, now, horizon);
      const resolved = await this.resolve(manager, now, horizon);
      for (const alert of raised) await this.alerts.announce(manager, 'alert.raised', alert);
      for (const alert of resolved) await this.alerts.announce(manager, 'alert.resolved', alert);
      return { raised: raised.length, resolved: resolved.length };
    });
    if (result.raised + result.resolved > 0) await this.alerts.deliverSoon();
    return result;
  }

  private async raise(manager: EntityManager, now: Date, horizon: Date): Promise<Alert[]> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO alerts (kind, type, case_id, deadline, office_id, year, severity, status, message, raised_at, updated_at, version)
       SELECT 'deadline', kind.type, due.case_id, due.deadline, due.office_id,
              extract(year FROM due.due AT TIME ZONE $3)::int, kind.severity, 'open',
              due.reference || ': ' || due.deadline || ' deadline ' || to_char(due.due AT TIME ZONE $3, 'YYYY-MM-DD HH24:MI') ||
                CASE kind.type WHEN 'case.overdue' THEN ' has passed' ELSE ' is within ' || $4 || ' days' END,
              $1, $1, 1
         FROM (${RUNNING_DEADLINES}) AS due
         CROSS JOIN LATERAL (SELECT CASE WHEN due.due < $1 THEN 'case.overdue' ELSE 'case.due_soon' END AS type,
                                    CASE WHEN due.due < $1 THEN 'critical' ELSE 'warning' END AS severity) AS kind
       ON CONFLICT (case_id, deadline, type) WHERE kind = 'deadline' DO NOTHING
       RETURNING id`,
      [now, horizon, this.config.timezone, this.config.deadlines.dueSoonDays],
    );
    return this.load(manager, rows);
  }

  private async resolve(manager: EntityManager, now: Date, horizon: Date): Promise<Alert[]> {
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE alerts AS alert
          SET status = 'resolved', resolved_at = $1, updated_at = $1, version = alert.version + 1
         FROM enforcement_cases AS enforcement_case
        WHERE alert.kind = 'deadline' AND alert.status <> 'resolved' AND enforcement_case.id = alert.case_id
          AND NOT (alert.deadline = 'conclusion' AND enforcement_case.status = 'suspended')
          AND NOT EXISTS (
                SELECT 1 FROM (${RUNNING_DEADLINES}) AS due
                 WHERE due.case_id = alert.case_id AND due.deadline = alert.deadline
                   AND (CASE WHEN due.due < $1 THEN 'case.overdue' ELSE 'case.due_soon' END) = alert.type)
       RETURNING alert.id`,
      [now, horizon],
    );
    return this.load(manager, rows);
  }

  private async load(manager: EntityManager, rows: { id: string }[]): Promise<Alert[]> {
    return rows.length === 0 ? [] : manager.findBy(Alert, { id: In(rows.map((row) => row.id)) });
  }
}
