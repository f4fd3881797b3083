import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto, Omittable } from '#libs/common';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

export class UpdateTargetDto {
  @ApiPropertyOptional({ description: 'The version you read; when given, a newer one on the server is a 409' })
  @Omittable()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ example: 120, description: 'A count for minimums, a rate (0.20 = 20 %) for growth' })
  @Omittable()
  @IsNumber({ maxDecimalPlaces: 4, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(99_999_999)
  threshold?: number;

  @ApiPropertyOptional({ enum: ['gte', 'gt'] })
  @Omittable()
  @IsIn(['gte', 'gt'])
  comparator?: 'gte' | 'gt';

  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'null: city-wide' })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @IsUUID()
  officeId?: string | null;
}

export class PutBaselineDto {
  @ApiProperty({ example: 98, description: "The metric's value for that year" })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  value!: number;
}

export class ProgressQueryDto {
  @ApiPropertyOptional({ example: 2026, description: 'Calendar year in APP_TIMEZONE; the current one by default' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number;

  @ApiPropertyOptional({ description: 'Measure as of this instant (default now; capped at the end of the year)' })
  @IsOptional()
  @IsDateString({ strict: true })
  asOf?: string;
}

export class TriggerEvaluationDto {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number;

  @ApiPropertyOptional({ description: 'Evaluate as of this instant (default now)' })
  @IsOptional()
  @IsDateString({ strict: true })
  asOf?: string;
}

export class ListEvaluationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number;
}
