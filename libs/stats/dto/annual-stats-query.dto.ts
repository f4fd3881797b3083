import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR } from '#libs/calendar';
import { INDUSTRIES, type Industry } from '#libs/enterprises';

export class AnnualStatsQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: FIRST_CALENDAR_YEAR,
    maximum: LAST_CALENDAR_YEAR,
    example: 2026,
    description: 'Calendar year (APP_TIMEZONE); the current one by default',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_CALENDAR_YEAR)
  @Max(LAST_CALENDAR_YEAR)
  year?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Admins only; caseworkers and supervisors always get their own office's figures (another office's are all zero)",
  })
  @IsOptional()
  @IsUUID()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value))
  officeId?: string;

  @ApiPropertyOptional({
    enum: INDUSTRIES,
    description: 'Only requests of enterprises, and cases against respondent enterprises, of this industry',
  })
  @IsOptional()
  @IsIn(INDUSTRIES)
  industry?: Industry;
}
