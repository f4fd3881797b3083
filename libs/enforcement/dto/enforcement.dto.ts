import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { CaseListQueryDto } from '#libs/casework';
import { QueryBoolean, Trim, Omittable } from '#libs/common';
import {
  CASE_ACTIONS,
  CASE_CATEGORIES,
  CASE_OUTCOMES,
  CASE_SOURCES,
  CASE_STATUSES,
  type CaseAction,
  type CaseCategory,
  type CaseOutcome,
  type CaseSource,
  type CaseStatus,
  IP_TYPES,
  type IpType,
} from '../enforcement.workflow';
import { IsMoney } from './is-money';

export class CreateEnforcementCaseDto {
  @ApiProperty({ enum: IP_TYPES })
  @IsIn(IP_TYPES)
  ipType!: IpType;

  @ApiProperty({ enum: CASE_CATEGORIES })
  @IsIn(CASE_CATEGORIES)
  category!: CaseCategory;

  @ApiProperty({ enum: CASE_SOURCES })
  @IsIn(CASE_SOURCES)
  source!: CaseSource;

  @ApiProperty({ example: 'Shenzhen Knock-off Electronics Co., Ltd.' })
  @Trim()
  @IsString()
  @Length(1, 200)
  respondentName!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  respondentEnterpriseId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  complainantEnterpriseId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 10_000)
  summary?: string;

  @ApiPropertyOptional({ description: 'When the office received the matter; defaults to now, never in the future' })
  @Omittable()
  @IsDateString({ strict: true })
  receivedAt?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An active caseworker or supervisor of your office' })
  @Omittable()
  @IsUUID()
  assigneeId?: string;
}

export class UpdateEnforcementCaseDto extends PartialType(OmitType(CreateEnforcementCaseDto, ['assigneeId'] as const), {
  skipNullProperties: false,
}) {
  @ApiProperty({ description: 'The version you read' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class CaseTransitionDto {
  @ApiProperty({ enum: CASE_ACTIONS })
  @IsIn(CASE_ACTIONS)
  action!: CaseAction;

  @ApiProperty({ description: 'The version you read' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ description: 'Required to decline, suspend and extend' })
  @Omittable()
  @Trim()
  @IsString()
  @Length(1, 2000)
  comment?: string;

  @ApiPropertyOptional({ enum: CASE_OUTCOMES, description: 'Required to decide' })
  @Omittable()
  @IsIn(CASE_OUTCOMES)
  outcome?: CaseOutcome;

  @ApiPropertyOptional({
    type: String,
    example: '50000.00',
    description: 'CNY; required with a penalty, refused otherwise',
  })
  @Omittable()
  @IsMoney()
  fineAmount?: string;
}

export class ListEnforcementCasesQueryDto extends CaseListQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ enum: IP_TYPES })
  @IsOptional()
  @IsIn(IP_TYPES)
  ipType?: IpType;

  @ApiPropertyOptional({ format: 'uuid', description: 'Respondent or complainant' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional({ description: 'true: past the deadline that binds the case now; false: not' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;
}
