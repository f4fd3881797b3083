import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ASSISTANCE_STATUSES, ASSISTANCE_TYPES, type AssistanceStatus, type AssistanceType } from '#libs/assistance';
import {
  CASE_CATEGORIES,
  CASE_STATUSES,
  type CaseCategory,
  type CaseStatus,
  IP_TYPES,
  type IpType,
} from '#libs/enforcement';
import { INDUSTRIES, type Industry } from '#libs/enterprises';
import { MONTHS } from './tally';

/** The industry key of cases whose respondent is not a registered enterprise. */
export const UNKNOWN_INDUSTRY = 'unknown';
export const RESPONDENT_INDUSTRIES = [...INDUSTRIES, UNKNOWN_INDUSTRY] as const;
export type RespondentIndustry = (typeof RESPONDENT_INDUSTRIES)[number];

/** The OpenAPI schema of a map holding a count for every one of `keys`. */
function CountsOf<Key extends string>(name: string, keys: readonly Key[]): Type<Record<Key, number>> {
  class Counts {}
  for (const key of keys) ApiProperty({ type: 'integer', minimum: 0 })(Counts.prototype, key);
  Object.defineProperty(Counts, 'name', { value: name });
  return Counts as Type<Record<Key, number>>;
}

const IndustryCounts = CountsOf('IndustryCounts', INDUSTRIES);

const BY_MONTH = {
  type: 'integer',
  isArray: true,
  minItems: MONTHS,
  maxItems: MONTHS,
  description: 'January to December, months in the time zone of the statistics',
} as const;
const BY_OFFICE_DESCRIPTION = 'Every office in scope, by code (0 when none)';

export class OfficeCountView {
  @ApiProperty({ format: 'uuid' }) officeId!: string;
  @ApiProperty({ example: 'SZ-NS' }) officeCode!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) count!: number;
}

export class AssistanceRequestStatsView {
  @ApiProperty({ type: 'integer', minimum: 0 }) total!: number;
  @ApiProperty({ type: CountsOf('AssistanceStatusCounts', ASSISTANCE_STATUSES) })
  byStatus!: Record<AssistanceStatus, number>;
  @ApiProperty({ type: CountsOf('AssistanceTypeCounts', ASSISTANCE_TYPES) }) byType!: Record<AssistanceType, number>;
  @ApiProperty({ type: IndustryCounts, description: "The enterprise's industry" })
  byIndustry!: Record<Industry, number>;
  @ApiProperty({ type: [OfficeCountView], description: BY_OFFICE_DESCRIPTION }) byOffice!: OfficeCountView[];
  @ApiProperty(BY_MONTH) byMonth!: number[];
}

export class EnforcementCaseStatsView {
  @ApiProperty({ type: 'integer', minimum: 0 }) total!: number;
  @ApiProperty({ type: CountsOf('CaseStatusCounts', CASE_STATUSES) }) byStatus!: Record<CaseStatus, number>;
  @ApiProperty({ type: CountsOf('IpTypeCounts', IP_TYPES) }) byIpType!: Record<IpType, number>;
  @ApiProperty({ type: CountsOf('CaseCategoryCounts', CASE_CATEGORIES) }) byCategory!: Record<CaseCategory, number>;
  @ApiProperty({
    type: CountsOf('RespondentIndustryCounts', RESPONDENT_INDUSTRIES),
    description: `The respondent enterprise's industry; "${UNKNOWN_INDUSTRY}" when the respondent is not a registered enterprise`,
  })
  byIndustry!: Record<RespondentIndustry, number>;
  @ApiProperty({ type: [OfficeCountView], description: BY_OFFICE_DESCRIPTION }) byOffice!: OfficeCountView[];
  @ApiProperty(BY_MONTH) byMonth!: number[];
}

export class AssistedEnterprisesStatsView {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Distinct enterprises with an assistance request approved in the year (metric assisted_enterprises)',
  })
  count!: number;
  @ApiProperty({ type: IndustryCounts }) byIndustry!: Record<Industry, number>;
  @ApiProperty({
    ...BY_MONTH,
    description:
      'Distinct enterprises with an approval in each month; an enterprise approved in two months counts in both, ' +
      'so the months may add up to more than `count`',
  })
  byMonth!: number[];
}

export class FiledCasesStatsView {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Cases filed in the year (metric enforcement_cases_filed)' })
  thisYear!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Cases filed in the year before' })
  lastYear!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '0.2500',
    pattern: '^-?\\d+\\.\\d{4}$',
    description: '(thisYear − lastYear) / lastYear with four decimals; null when lastYear is 0',
  })
  growth!: string | null;
}

export class AnnualStatsView {
  @ApiProperty({ type: 'integer', example: 2026 }) year!: number;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The office counted; null for city-wide (admins only)',
  })
  officeId!: string | null;
  @ApiProperty({ enum: INDUSTRIES, nullable: true, description: 'The industry counted; null for all' })
  industry!: Industry | null;
  @ApiProperty({ example: 'Asia/Shanghai', description: 'Years and months are calendar ones in this zone' })
  timeZone!: string;
  @ApiProperty({ description: 'Requests created in the year' }) assistanceRequests!: AssistanceRequestStatsView;
  @ApiProperty({ description: 'Cases received in the year' }) enforcementCases!: EnforcementCaseStatsView;
  @ApiProperty() assistedEnterprises!: AssistedEnterprisesStatsView;
  @ApiProperty() filedCases!: FiledCasesStatsView;
}
