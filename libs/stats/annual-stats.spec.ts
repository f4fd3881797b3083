import fc from 'fast-check';
import { ASSISTANCE_STATUSES, ASSISTANCE_TYPES } from '#libs/assistance';
import { CASE_CATEGORIES, CASE_STATUSES, IP_TYPES } from '#libs/enforcement';
import { INDUSTRIES } from '#libs/enterprises';
import { type AnnualCounts, NOTHING_COUNTED } from './annual-counts';
import { annualStatsView } from './annual-stats';
import type { StatsScope } from './stats-scope';
import type { CountRow } from './tally';
import { RESPONDENT_INDUSTRIES } from './views';

const SCOPE: StatsScope = { year: 2026, timeZone: 'Asia/Shanghai', officeId: null, industry: null, visible: true };
const OFFICES = [
  { id: '11111111-1111-4111-8111-111111111111', code: 'SZ-FT' },
  { id: '22222222-2222-4222-8222-222222222222', code: 'SZ-NS' },
];

/** What the grouped SQL count returns for these records: each one once per dimension, and in the total. */
function countRows(records: readonly Record<string, string>[]): CountRow[] {
  const counts = new Map<string, number>();
  for (const record of records) {
    for (const [dimension, key] of [['total', 'all'], ...Object.entries(record)]) {
      const group = `${dimension}\u0000${key}`;
      counts.set(group, (counts.get(group) ?? 0) + 1);
    }
  }
  return [...counts].map(([group, count]) => {
    const [dimension = '', key = ''] = group.split('\u0000');
    return { dimension, key, count };
  });
}

const office = fc.constantFrom(...OFFICES.map((each) => each.id));
const month = fc.integer({ min: 1, max: 12 }).map(String);
const request = fc.record({
  status: fc.constantFrom(...ASSISTANCE_STATUSES),
  type: fc.constantFrom(...ASSISTANCE_TYPES),
  industry: fc.constantFrom(...INDUSTRIES),
  office,
  month,
});
const enforcementCase = fc.record({
  status: fc.constantFrom(...CASE_STATUSES),
  ipType: fc.constantFrom(...IP_TYPES),
  category: fc.constantFrom(...CASE_CATEGORIES),
  industry: fc.constantFrom(...RESPONDENT_INDUSTRIES),
  office,
  month,
});

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

describe('the annual statistics view', () => {
  it('lists every enum value, with zeros, when nothing was counted', () => {
    const view = annualStatsView({ ...SCOPE, visible: false }, NOTHING_COUNTED);
    expect(Object.keys(view.assistanceRequests.byStatus)).toEqual([...ASSISTANCE_STATUSES]);
    expect(Object.keys(view.assistanceRequests.byType)).toEqual([...ASSISTANCE_TYPES]);
    expect(Object.keys(view.assistanceRequests.byIndustry)).toEqual([...INDUSTRIES]);
    expect(Object.keys(view.enforcementCases.byStatus)).toEqual([...CASE_STATUSES]);
    expect(Object.keys(view.enforcementCases.byIpType)).toEqual([...IP_TYPES]);
    expect(Object.keys(view.enforcementCases.byCategory)).toEqual([...CASE_CATEGORIES]);
    expect(Object.keys(view.enforcementCases.byIndustry)).toEqual([...INDUSTRIES, 'unknown']);
    expect(Object.keys(view.assistedEnterprises.byIndustry)).toEqual([...INDUSTRIES]);
    const all = [
      ...Object.values(view.assistanceRequests.byStatus),
      ...Object.values(view.enforcementCases.byIndustry),
      ...view.assistanceRequests.byMonth,
      ...view.enforcementCases.byMonth,
      ...view.assistedEnterprises.byMonth,
    ];
    expect(new Set(all)).toEqual(new Set([0]));
    expect(view.assistanceRequests.byMonth).toHaveLength(12);
    expect(view.filedCases).toEqual({ thisYear: 0, lastYear: 0, growth: null });
    expect(view.assistanceRequests.byOffice).toEqual([]);
  });

  it('adds every breakdown up to its total', () => {
    fc.assert(
      fc.property(
        fc.array(request, { maxLength: 60 }),
        fc.array(enforcementCase, { maxLength: 60 }),
        (requests, cases) => {
          const counts: AnnualCounts = {
            ...NOTHING_COUNTED,
            offices: OFFICES,
            assistanceRequests: countRows(requests),
            enforcementCases: countRows(cases),
          };
          const view = annualStatsView(SCOPE, counts);
          const { assistanceRequests: r, enforcementCases: c } = view;
          expect(r.total).toBe(requests.length);
          for (const breakdown of [r.byStatus, r.byType, r.byIndustry])
            expect(sum(Object.values(breakdown))).toBe(r.total);
          expect(sum(r.byMonth)).toBe(r.total);
          expect(sum(r.byOffice.map((each) => each.count))).toBe(r.total);
          expect(c.total).toBe(cases.length);
          for (const breakdown of [c.byStatus, c.byIpType, c.byCategory, c.byIndustry])
            expect(sum(Object.values(breakdown))).toBe(c.total);
          expect(sum(c.byMonth)).toBe(c.total);
          expect(sum(c.byOffice.map((each) => each.count))).toBe(c.total);
          expect(c.byOffice.map((each) => each.officeCode)).toEqual(['SZ-FT', 'SZ-NS']);
        },
      ),
    );
  });

  it('takes assisted enterprises and filed cases as the metrics counted them', () => {
    const view = annualStatsView(SCOPE, {
      ...NOTHING_COUNTED,
      assistedEnterprises: {
        count: 3,
        byIndustry: { new_energy: 2, internet: 1 },
        byMonth: [1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1],
      },
      filedCases: { thisYear: 4, lastYear: 3 },
    });
    expect(view.assistedEnterprises).toEqual({
      count: 3,
      byIndustry: { ...Object.fromEntries(INDUSTRIES.map((industry) => [industry, 0])), new_energy: 2, internet: 1 },
      byMonth: [1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1],
    });
    expect(view.filedCases).toEqual({ thisYear: 4, lastYear: 3, growth: '0.3333' });
  });
});
