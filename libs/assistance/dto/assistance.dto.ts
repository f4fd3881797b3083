import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { CaseListQueryDto } from '#libs/casework';
import { Trim, Omittable } from '#libs/common';
import {
  ASSISTANCE_ACTIONS,
  ASSISTANCE_STATUSES,
  ASSISTANCE_TYPES,
  type AssistanceAction,
  type AssistanceStatus,
  type AssistanceType,
} from '../assistance.workflow';

export class CreateAssistanceRequestDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  enterpriseId!: string;

  @ApiProperty({ enum: ASSISTANCE_TYPES })
  @IsIn(ASSISTANCE_TYPES)
  type!: AssistanceType;

  @ApiProperty({ example: 'Trademark squatting in an overseas market' })
  @Trim()
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 10_000)
  description?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An active caseworker or supervisor of your office' })
  @Omittable()
  @IsUUID()
  assigneeId?: string;
}

export class UpdateAssistanceRequestDto extends PartialType(
  OmitType(CreateAssistanceRequestDto, ['assigneeId'] as const),
  { skipNullProperties: false },
) {
  @ApiProperty({ description: 'The version you read' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class AssistanceTransitionDto {
  @ApiProperty({ enum: ASSISTANCE_ACTIONS })
  @IsIn(ASSISTANCE_ACTIONS)
  action!: AssistanceAction;

  @ApiProperty({ description: 'The version you read' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ description: 'Required to reject, return and withdraw' })
  @Omittable()
  @Trim()
  @IsString()
  @Length(1, 2000)
  comment?: string;

  @ApiPropertyOptional({ description: 'Required to complete: what the service achieved' })
  @Omittable()
  @Trim()
  @IsString()
  @Length(1, 10_000)
  outcome?: string;
}

export class ListAssistanceRequestsQueryDto extends CaseListQueryDto {
  @ApiPropertyOptional({ enum: ASSISTANCE_STATUSES })
  @IsOptional()
  @IsIn(ASSISTANCE_STATUSES)
  status?: AssistanceStatus;

  @ApiPropertyOptional({ enum: ASSISTANCE_TYPES })
  @IsOptional()
  @IsIn(ASSISTANCE_TYPES)
  type?: AssistanceType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
}
