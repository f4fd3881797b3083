import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { type CaseActor } from '#libs/casework';
import { Clock, InvalidTransitionError, NotFoundError, type Page } from '#libs/common';
import { pageNewestFirst } from '#libs/database';
import { Alert } from './alert.entity';
import { type AlertEvent, AlertNotifications } from './alert-notifications';
import type { ListAlertsQueryDto } from './dto/alerts.dto';
import { isMoreSevere, progressResolvesAlert, severityOfProgress } from './severity';
import { AlertView } from './views';

/** What an evaluation found for one target and year. */
export interface TargetFinding {
  readonly targetKey: string;
  readonly officeId: string | null;
  readonly year: number;
  readonly status: string;
  readonly message: string;
}

/**
 * Alerts: what people must look at. At most one unresolved alert per target and year; it is
 * raised when progress turns at risk, behind or missed, escalated when it worsens, resolved
 * when progress is back on track. Every change is announced in the same transaction.
 */
@Injectable()
export class AlertsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: AlertNotifications,
    private readonly clock: Clock,
  ) {}

  /** Admins see every alert; others city-wide ones and those of their office. */
  list(actor: CaseActor, query: ListAlertsQueryDto): Promise<Page<AlertView>> {
    const alerts = this.dataSource.getRepository(Alert).createQueryBuilder('alert');
    if (actor.role !== 'admin') {
      alerts.andWhere(
        new Brackets((scope) =>
          scope.where('alert.office_id IS NULL').orWhere('alert.office_id = :officeId', { officeId: actor.officeId }),
        ),
      );
    }
    if (query.status !== undefined) alerts.andWhere('alert.status = :status', { status: query.status });
    if (query.kind !== undefined) alerts.andWhere('alert.kind = :kind', { kind: query.kind });
    return pageNewestFirst(alerts, query, AlertView.of, { property: 'raisedAt', column: 'raised_at' });
  }

  acknowledge(actor: CaseActor, id: string): Promise<Alert> {
    return this.dataSource.transaction(async (manager) => {
      const alert = await manager.findOne(Alert, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (alert === null || (actor.role !== 'admin' && alert.officeId !== null && alert.officeId !== actor.officeId)) {
        throw new NotFoundError('Alert');
      }
      // Acknowledging twice is a no-op; a resolved alert needs no acknowledgement.
      if (alert.status === 'acknowledged') return alert;
      if (alert.status !== 'open') throw new InvalidTransitionError('acknowledge', alert.status);
      const now = this.clock.now();
      Object.assign(alert, {
        status: 'acknowledged',
        acknowledgedAt: now,
        acknowledgedById: actor.id,
        updatedAt: now,
        version: alert.version + 1,
      });
      return manager.save(Alert, alert);
    });
  }

  /**
   * Raises, escalates or resolves the alert of one target and year. The caller holds the
   * target-year lock, so this read-then-write cannot interleave with another evaluation.
   * Returns the event announced, if any.
   */
  async applyTargetFinding(manager: EntityManager, finding: TargetFinding): Promise<AlertEvent | null> {
    const now = this.clock.now();
    const current = await manager
      .createQueryBuilder(Alert, 'alert')
      .setLock('pessimistic_write')
      .where(
        "alert.kind = 'target' AND alert.target_key = :targetKey AND alert.year = :year AND alert.status <> 'resolved'",
        finding,
      )
      .getOne();
    const severity = severityOfProgress(finding.status);
    if (severity !== null && current === null) {
      const raised = manager.create(Alert, {
        kind: 'target',
        type: 'target.progress',
        targetKey: finding.targetKey,
        caseId: null,
        deadline: null,
        officeId: finding.officeId,
        year: finding.year,
        severity,
        status: 'open',
        progressStatus: finding.status,
        message: finding.message,
        raisedAt: now,
        acknowledgedAt: null,
        acknowledgedById: null,
        resolvedAt: null,
        updatedAt: now,
        version: 1,
      });
      return this.announce(manager, 'alert.raised', await manager.save(Alert, raised));
    }
    if (current === null) return null;
    if (severity !== null && current.progressStatus !== finding.status) {
      const escalates = isMoreSevere(severity, current.severity);
      Object.assign(current, {
        severity,
        progressStatus: finding.status,
        message: finding.message,
        updatedAt: now,
        version: current.version + 1,
      });
      await manager.save(Alert, current);
      // Improving from behind to at risk updates the alert quietly; only worsening is news.
      return escalates ? this.announce(manager, 'alert.escalated', current) : null;
    }
    if (progressResolvesAlert(finding.status)) {
      Object.assign(current, {
        status: 'resolved',
        resolvedAt: now,
        message: finding.message,
        progressStatus: finding.status,
        updatedAt: now,
        version: current.version + 1,
      });
      return this.announce(manager, 'alert.resolved', await manager.save(Alert, current));
    }
    return null;
  }

  async announce(manager: EntityManager, event: AlertEvent, alert: Alert): Promise<AlertEvent> {
    await this.notifications.announce(manager, event, alert);
    return event;
  }

  deliverSoon(): Promise<void> {
    return this.notifications.deliverSoon();
  }
}
