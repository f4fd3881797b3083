import { ASSISTANCE_STATUSES, ASSISTANCE_TYPES } from '#libs/assistance';
import { CASE_CATEGORIES, CASE_STATUSES, IP_TYPES } from '#libs/enforcement';
import { INDUSTRIES } from '#libs/enterprises';
import type { AnnualCounts, OfficeRow } from './annual-counts';
import { growth } from './growth';
import type { StatsScope } from './stats-scope';
import { everyKey, Tally } from './tally';
import { type AnnualStatsView, type OfficeCountView, RESPONDENT_INDUSTRIES } from './views';

function byOffice(offices: readonly OfficeRow[], tally: Tally): OfficeCountView[] {
  return offices.map((office) => ({
    officeId: office.id,
    officeCode: office.code,
    count: tally.count('office', office.id),
  }));
}

/** Shapes the counts for the reader: every enum value listed, 0 where none. Pure. */
export function annualStatsView(scope: StatsScope, counts: AnnualCounts): AnnualStatsView {
  const requests = new Tally(counts.assistanceRequests);
  const cases = new Tally(counts.enforcementCases);
  const assisted = counts.assistedEnterprises;
  const { thisYear, lastYear } = counts.filedCases;
  return {
    year: scope.year,
    officeId: scope.officeId,
    industry: scope.industry,
    timeZone: scope.timeZone,
    assistanceRequests: {
      total: requests.count('total', 'all'),
      byStatus: requests.byKey('status', ASSISTANCE_STATUSES),
      byType: requests.byKey('type', ASSISTANCE_TYPES),
      byIndustry: requests.byKey('industry', INDUSTRIES),
      byOffice: byOffice(counts.offices, requests),
      byMonth: requests.byMonth(),
    },
    enforcementCases: {
      total: cases.count('total', 'all'),
      byStatus: cases.byKey('status', CASE_STATUSES),
      byIpType: cases.byKey('ipType', IP_TYPES),
      byCategory: cases.byKey('category', CASE_CATEGORIES),
      byIndustry: cases.byKey('industry', RESPONDENT_INDUSTRIES),
      byOffice: byOffice(counts.offices, cases),
      byMonth: cases.byMonth(),
    },
    assistedEnterprises: {
      count: assisted.count,
      byIndustry: everyKey(INDUSTRIES, assisted.byIndustry),
      byMonth: [...assisted.byMonth],
    },
    filedCases: { thisYear, lastYear, growth: growth(thisYear, lastYear) },
  };
}
