import { ApiProperty } from '@nestjs/swagger';
import type { AssistanceRequest } from './assistance-request.entity';
import {
  ASSISTANCE_STATUSES,
  ASSISTANCE_TYPES,
  type AssistanceStatus,
  type AssistanceType,
} from './assistance.workflow';

export class AssistanceRequestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'AR-2026-000123' }) reference!: string;
  @ApiProperty({ format: 'uuid' }) enterpriseId!: string;
  @ApiProperty({ enum: ASSISTANCE_TYPES }) type!: AssistanceType;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ enum: ASSISTANCE_STATUSES }) status!: AssistanceStatus;
  @ApiProperty({ format: 'uuid' }) officeId!: string;
  @ApiProperty({ format: 'uuid' }) createdById!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assigneeId!: string | null;
  @ApiProperty({ nullable: true, type: Date }) approvedAt!: Date | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) approvedById!: string | null;
  @ApiProperty({ nullable: true, type: String }) outcome!: string | null;
  @ApiProperty({ nullable: true, type: Date }) completedAt!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty() version!: number;

  static of(request: AssistanceRequest): AssistanceRequestView {
    return { ...request };
  }
}
