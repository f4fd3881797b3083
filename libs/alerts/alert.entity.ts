import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ALERT_KINDS = ['target', 'deadline'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_TYPES = ['target.progress', 'case.due_soon', 'case.overdue'] as const;
export type AlertType = (typeof ALERT_TYPES)[number];
export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
/** In rising order of urgency. */
export const ALERT_SEVERITIES = ['warning', 'major', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export type CaseDeadline = 'intake' | 'conclusion';

@Entity('alerts')
export class Alert {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar' })
  kind!: AlertKind;

  @Column({ type: 'varchar' })
  type!: AlertType;

  @Column({ type: 'varchar', nullable: true })
  targetKey!: string | null;

  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'varchar', nullable: true })
  deadline!: CaseDeadline | null;

  /** The office the alert concerns; null for city-wide targets. */
  @Column({ type: 'uuid', nullable: true })
  officeId!: string | null;

  @Column({ type: 'integer', nullable: true })
  year!: number | null;

  @Column({ type: 'varchar' })
  severity!: AlertSeverity;

  @Column({ type: 'varchar' })
  status!: AlertStatus;

  /** For target alerts: the progress status that raised or last escalated it. */
  @Column({ type: 'varchar', nullable: true })
  progressStatus!: string | null;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  raisedAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acknowledgedById!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @Column({ type: 'integer' })
  version!: number;
}
