import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PageQueryDto, Trim } from '#libs/common';

/** Filters every case list offers; each context adds its own (status, type, …). */
export class CaseListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Calendar year of creation (APP_TIMEZONE)', example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2200)
  year?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Admins only; others always see their own office' })
  @IsOptional()
  @IsUUID()
  officeId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ description: 'Created at or after: an ISO date (local day) or date-time' })
  @IsOptional()
  @IsDateString({ strict: true })
  createdFrom?: string;

  @ApiPropertyOptional({ description: 'Created at or before: an ISO date (whole local day) or date-time' })
  @IsOptional()
  @IsDateString({ strict: true })
  createdTo?: string;

  @ApiPropertyOptional({ description: 'Searches reference and text fields' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  q?: string;
}
