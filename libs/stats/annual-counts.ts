import type { EntityManager } from 'typeorm';
import { startOfLocalDay, yearBounds } from '#libs/common';
import { INDUSTRIES, type Industry } from '#libs/enterprises';
import { assistedEnterprises, enforcementCasesFiled, type MetricScope, yearValue } from '#libs/targets';
import type { StatsScope } from './stats-scope';
import { type CountRow, MONTHS } from './tally';
import { UNKNOWN_INDUSTRY } from './views';

/** Where a section's records come from and how each dimension keys them. */
interface RecordSource {
  /** FROM and JOINs; the counted rows are `record`, the enterprise that cuts by industry `enterprise`. */
  readonly from: string;
  /** The instant that places a record in a year and a month. */
  readonly at: string;
  /** Dimension → SQL expression of a record's key in it. */
  readonly dimensions: Readonly<Record<string, string>>;
}

const ASSISTANCE_REQUESTS_CREATED: RecordSource = {
  from: `assistance_requests record JOIN enterprises enterprise ON enterprise.id = record.enterprise_id`,
  at: 'record.created_at',
  dimensions: { status: 'record.status', type: 'record.type', industry: 'enterprise.industry' },
};

const ENFORCEMENT_CASES_RECEIVED: RecordSource = {
  from: `enforcement_cases record LEFT JOIN enterprises enterprise ON enterprise.id = record.respondent_enterprise_id`,
  at: 'record.received_at',
  dimensions: {
    status: 'record.status',
    ipType: 'record.ip_type',
    category: 'record.category',
    industry: `coalesce(enterprise.industry, '${UNKNOWN_INDUSTRY}')`,
  },
};

export interface OfficeRow {
  readonly id: string;
  readonly code: string;
}

/** Everything the annual statistics count, before it is shaped for the reader. */
export interface AnnualCounts {
  readonly offices: readonly OfficeRow[];
  readonly assistanceRequests: readonly CountRow[];
  readonly enforcementCases: readonly CountRow[];
  readonly assistedEnterprises: {
    readonly count: number;
    readonly byIndustry: Partial<Record<Industry, number>>;
    readonly byMonth: readonly number[];
  };
  readonly filedCases: { readonly thisYear: number; readonly lastYear: number };
}

export const NOTHING_COUNTED: AnnualCounts = {
  offices: [],
  assistanceRequests: [],
  enforcementCases: [],
  assistedEnterprises: { count: 0, byIndustry: {}, byMonth: Array<number>(MONTHS).fill(0) },
  filedCases: { thisYear: 0, lastYear: 0 },
};

/**
 * Counts a section's records of the year in total and by every dimension, office and month, in
 * one scan: the records are grouped once by all dimensions together (far fewer groups than
 * records), and those groups are then summed per dimension, several times faster than grouping
 * every record once per dimension. The SQL fragments are this module's constants; values are parameters.
 */
async function countByDimension(manager: EntityManager, source: RecordSource, scope: StatsScope): Promise<CountRow[]> {
  const { start, end } = yearBounds(scope.year, scope.timeZone);
  const dimensions = Object.entries({
    ...source.dimensions,
    office: 'record.office_id',
    month: `extract(month FROM ${source.at} AT TIME ZONE $3)::int`,
  });
  const columns = dimensions.map(([dimension, key]) => `${key} AS "${dimension}"`).join(', ');
  const positions = dimensions.map((_, index) => index + 1).join(', ');
  const keys = dimensions.map(([dimension]) => `('${dimension}', grouped."${dimension}"::text)`).join(', ');
  const rows: { dimension: string; key: string; count: string }[] = await manager.query(
    `WITH grouped AS (
       SELECT ${columns}, count(*) AS count
         FROM ${source.from}
        WHERE ${source.at} >= $1 AND ${source.at} < $2
          AND ($4::uuid IS NULL OR record.office_id = $4)
          AND ($5::text IS NULL OR enterprise.industry = $5)
        GROUP BY ${positions})
     SELECT breakdown.dimension, breakdown.key, sum(grouped.count) AS count
       FROM grouped
      CROSS JOIN LATERAL (VALUES ('total', 'all'), ${keys}) AS breakdown (dimension, key)
      GROUP BY breakdown.dimension, breakdown.key`,
    [start, end, scope.timeZone, scope.officeId, scope.industry],
  );
  return rows.map((row) => ({ dimension: row.dimension, key: row.key, count: Number(row.count) }));
}

function officesIn(manager: EntityManager, scope: StatsScope): Promise<OfficeRow[]> {
  return manager.query('SELECT id, code FROM offices WHERE ($1::uuid IS NULL OR id = $1) ORDER BY code', [
    scope.officeId,
  ]);
}

/** `[from, to)` of each month of the year, in the scope's time zone. */
function monthsOf(scope: StatsScope): { from: Date; to: Date }[] {
  const startOf = (month: number): Date =>
    month > MONTHS
      ? yearBounds(scope.year, scope.timeZone).end
      : startOfLocalDay(`${scope.year}-${String(month).padStart(2, '0')}-01`, scope.timeZone);
  return Array.from({ length: MONTHS }, (_, index) => ({ from: startOf(index + 1), to: startOf(index + 2) }));
}

/** The metrics' scope for a whole year. */
function metricScope(scope: StatsScope, year: number): MetricScope {
  const { start, end } = yearBounds(year, scope.timeZone);
  return { from: start, to: end, officeId: scope.officeId, industry: scope.industry ?? undefined };
}

/** Assisted enterprises and filed cases through their metrics, so each counting rule stays in one place. */
async function countAssistedEnterprises(
  manager: EntityManager,
  scope: StatsScope,
): Promise<AnnualCounts['assistedEnterprises']> {
  const year = metricScope(scope, scope.year);
  const byIndustry: Partial<Record<Industry, number>> = {};
  for (const industry of scope.industry === null ? INDUSTRIES : [scope.industry]) {
    byIndustry[industry] = await assistedEnterprises.count(manager, { ...year, industry });
  }
  const byMonth: number[] = [];
  for (const month of monthsOf(scope)) byMonth.push(await assistedEnterprises.count(manager, { ...year, ...month }));
  // A baseline entered for the year stands for the whole (city-wide) figure, as in progress.
  const count =
    scope.industry === null
      ? await yearValue(manager, assistedEnterprises, scope.year, scope.timeZone, { officeId: scope.officeId })
      : await assistedEnterprises.count(manager, year);
  return { count, byIndustry, byMonth };
}

async function countFiledCases(manager: EntityManager, scope: StatsScope): Promise<AnnualCounts['filedCases']> {
  const valueOf = (year: number): Promise<number> =>
    scope.industry === null
      ? yearValue(manager, enforcementCasesFiled, year, scope.timeZone, { officeId: scope.officeId })
      : enforcementCasesFiled.count(manager, metricScope(scope, year));
  return { thisYear: await valueOf(scope.year), lastYear: await valueOf(scope.year - 1) };
}

/** Every figure of the annual statistics; run it in one snapshot so that they agree. */
export async function countAnnual(manager: EntityManager, scope: StatsScope): Promise<AnnualCounts> {
  return {
    offices: await officesIn(manager, scope),
    assistanceRequests: await countByDimension(manager, ASSISTANCE_REQUESTS_CREATED, scope),
    enforcementCases: await countByDimension(manager, ENFORCEMENT_CASES_RECEIVED, scope),
    assistedEnterprises: await countAssistedEnterprises(manager, scope),
    filedCases: await countFiledCases(manager, scope),
  };
}
