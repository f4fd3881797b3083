import { ApiProperty } from '@nestjs/swagger';
import {
  ALERT_KINDS,
  ALERT_SEVERITIES,
  ALERT_STATUSES,
  ALERT_TYPES,
  type Alert,
  type AlertKind,
  type AlertSeverity,
  type AlertStatus,
  type AlertType,
  type CaseDeadline,
} from './alert.entity';

export class AlertView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ALERT_KINDS }) kind!: AlertKind;
  @ApiProperty({ enum: ALERT_TYPES }) type!: AlertType;
  @ApiProperty({ nullable: true, type: String, description: 'Target alerts' }) targetKey!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Deadline alerts' }) caseId!: string | null;
  @ApiProperty({ nullable: true, enum: ['intake', 'conclusion'] }) deadline!: CaseDeadline | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) officeId!: string | null;
  @ApiProperty({ nullable: true, type: Number }) year!: number | null;
  @ApiProperty({ enum: ALERT_SEVERITIES }) severity!: AlertSeverity;
  @ApiProperty({ enum: ALERT_STATUSES }) status!: AlertStatus;
  @ApiProperty({ nullable: true, type: String, description: 'Target alerts: the progress status behind it' })
  progressStatus!: string | null;
  @ApiProperty() message!: string;
  @ApiProperty() raisedAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) acknowledgedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) resolvedAt!: Date | null;
  @ApiProperty() version!: number;

  static of(alert: Alert): AlertView {
    const { acknowledgedById: _acknowledgedBy, updatedAt: _updatedAt, ...view } = alert;
    return view;
  }
}
