import type { AnnualStatsView, OfficeCountView } from './views';

type Cell = string | number | null;
type Row = readonly [section: string, dimension: string, key: string, value: Cell];

export const CSV_HEADER: Row = ['section', 'dimension', 'key', 'value'];

/** One RFC 4180 field: quoted when it holds a quote, a comma or a line break; quotes doubled. */
export function csvField(cell: Cell): string {
  const text = cell === null ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A section's figures: a total, counts by key per dimension, and by office and month where kept. */
interface SectionFigures {
  readonly total: number;
  readonly byKey: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly byOffice?: readonly OfficeCountView[];
  readonly byMonth: readonly number[];
}

function section(name: string, year: number, figures: SectionFigures): Row[] {
  return [
    [name, 'total', 'all', figures.total],
    ...Object.entries(figures.byKey).flatMap(([dimension, counts]) =>
      Object.entries(counts).map(([key, count]): Row => [name, dimension, key, count]),
    ),
    ...(figures.byOffice ?? []).map((office): Row => [name, 'office', office.officeCode, office.count]),
    ...figures.byMonth.map((count, index): Row => [
      name,
      'month',
      `${year}-${String(index + 1).padStart(2, '0')}`,
      count,
    ]),
  ];
}

/** The annual statistics as `section,dimension,key,value` rows, header first, CRLF-terminated (RFC 4180). */
export function toCsv(view: AnnualStatsView): string {
  const { year, assistanceRequests: requests, enforcementCases: cases, assistedEnterprises: assisted } = view;
  const rows: Row[] = [
    CSV_HEADER,
    ['query', 'parameter', 'year', year],
    ['query', 'parameter', 'office_id', view.officeId],
    ['query', 'parameter', 'industry', view.industry],
    ['query', 'parameter', 'time_zone', view.timeZone],
    ...section('assistance_requests', year, {
      ...requests,
      byKey: { status: requests.byStatus, type: requests.byType, industry: requests.byIndustry },
    }),
    ...section('enforcement_cases', year, {
      ...cases,
      byKey: {
        status: cases.byStatus,
        ip_type: cases.byIpType,
        category: cases.byCategory,
        industry: cases.byIndustry,
      },
    }),
    ...section('assisted_enterprises', year, {
      total: assisted.count,
      byKey: { industry: assisted.byIndustry },
      byMonth: assisted.byMonth,
    }),
    ['filed_cases', 'year', String(year), view.filedCases.thisYear],
    ['filed_cases', 'year', String(year - 1), view.filedCases.lastYear],
    ['filed_cases', 'growth', `${year - 1}-${year}`, view.filedCases.growth],
  ];
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
