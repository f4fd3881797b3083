import { ApiProperty } from '@nestjs/swagger';
import { isOverdue } from './deadlines';
import type { EnforcementCase } from './enforcement-case.entity';
import {
  CASE_CATEGORIES,
  CASE_OUTCOMES,
  CASE_SOURCES,
  CASE_STATUSES,
  type CaseCategory,
  type CaseOutcome,
  type CaseSource,
  type CaseStatus,
  IP_TYPES,
  type IpType,
} from './enforcement.workflow';

export class EnforcementCaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'EC-2026-000045' }) reference!: string;
  @ApiProperty({ enum: IP_TYPES }) ipType!: IpType;
  @ApiProperty({ enum: CASE_CATEGORIES }) category!: CaseCategory;
  @ApiProperty({ enum: CASE_SOURCES }) source!: CaseSource;
  @ApiProperty() respondentName!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) respondentEnterpriseId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) complainantEnterpriseId!: string | null;
  @ApiProperty({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ format: 'uuid' }) officeId!: string;
  @ApiProperty({ format: 'uuid' }) createdById!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assigneeId!: string | null;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty({ description: 'File or decline by then (end of the working day)' }) intakeDueAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) filedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date, description: 'Conclusion deadline; while suspended it moves on resume' })
  dueAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) suspendedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date, description: 'Set by the one extension a case may have' })
  extendedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) decidedAt!: Date | null;
  @ApiProperty({ enum: CASE_OUTCOMES, nullable: true }) outcome!: CaseOutcome | null;
  @ApiProperty({ type: String, nullable: true, example: '50000.00', description: 'CNY, decimal string' })
  fineAmount!: string | null;
  @ApiProperty({ nullable: true, type: Date }) closedAt!: Date | null;
  @ApiProperty({ description: 'Past the deadline that binds the case now' }) overdue!: boolean;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty() version!: number;

  static of(enforcementCase: EnforcementCase, now: Date): EnforcementCaseView {
    return { ...enforcementCase, overdue: isOverdue(enforcementCase, now) };
  }
}
