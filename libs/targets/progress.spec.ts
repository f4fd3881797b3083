import fc from 'fast-check';
import { elapsedShareOfYear } from '#libs/common';
import {
  computeProgress,
  type ProgressStatus,
  progressStatus,
  requiredCount,
  STATUS_RANK,
  type TargetRule,
} from './progress';

const MINIMUM: TargetRule = { kind: 'annual_minimum', comparator: 'gte', threshold: '120.0000' };
const GROWTH: TargetRule = { kind: 'annual_growth', comparator: 'gt', threshold: '0.2000' };

describe('target progress arithmetic', () => {
  it('requires 120 for "no fewer than 120", 121 for "more than 120"', () => {
    expect(requiredCount(MINIMUM, null)).toBe(120);
    expect(requiredCount({ ...MINIMUM, comparator: 'gt' }, null)).toBe(121);
  });

  it('needs 13 after 10 for "more than 20 %", 12 for "at least 20 %", exactly at the boundary', () => {
    expect(requiredCount(GROWTH, 10)).toBe(13);
    expect(requiredCount({ ...GROWTH, comparator: 'gte' }, 10)).toBe(12);
    // 12 × 1.2 = 14.4: more than that is 15, at least that is also 15.
    expect(requiredCount(GROWTH, 12)).toBe(15);
    expect(requiredCount({ ...GROWTH, comparator: 'gte' }, 12)).toBe(15);
    expect(requiredCount(GROWTH, 0)).toBe(1);
    expect(requiredCount(GROWTH, null)).toBeNull();
  });

  it('computes the growth requirement exactly, for any previous year and rate', () => {
    fc.assert(
      fc.property(
        fc.nat(1_000_000),
        fc.nat(10_000),
        fc.constantFrom<'gt' | 'gte'>('gt', 'gte'),
        (previous, basisPoints, comparator) => {
          const threshold = `${Math.floor(basisPoints / 10_000)}.${String(basisPoints % 10_000).padStart(4, '0')}`;
          const required = requiredCount({ kind: 'annual_growth', comparator, threshold }, previous) as number;
          // In integers: required × 10000 vs previous × (10000 + basis points).
          const target = BigInt(previous) * BigInt(10_000 + basisPoints);
          const scaled = (count: number) => BigInt(count) * 10_000n;
          if (comparator === 'gt') {
            expect(scaled(required) > target).toBe(true);
            expect(scaled(required - 1) > target).toBe(false);
          } else {
            expect(scaled(required) >= target).toBe(true);
            expect(required === 0 || scaled(required - 1) >= target).toBe(required === 0);
          }
        },
      ),
    );
  });

  it('reports the figures of SPEC §5', () => {
    expect(computeProgress({ rule: MINIMUM, actual: 45, previousYear: null, elapsedShare: 0.5 })).toEqual({
      required: 120,
      expectedToDate: 60,
      projected: 90,
      status: 'behind',
    });
    expect(computeProgress({ rule: MINIMUM, actual: 50, previousYear: null, elapsedShare: 0.5 }).status).toBe(
      'at_risk',
    );
    expect(computeProgress({ rule: MINIMUM, actual: 60, previousYear: null, elapsedShare: 0.5 }).status).toBe(
      'on_track',
    );
    expect(computeProgress({ rule: MINIMUM, actual: 120, previousYear: null, elapsedShare: 0.5 }).status).toBe(
      'achieved',
    );
    expect(computeProgress({ rule: MINIMUM, actual: 119, previousYear: null, elapsedShare: 1 }).status).toBe('missed');
    expect(computeProgress({ rule: GROWTH, actual: 7, previousYear: null, elapsedShare: 0.5 })).toEqual({
      required: null,
      expectedToDate: null,
      projected: 14,
      status: 'no_baseline',
    });
  });

  it('never improves a status when actual falls', () => {
    fc.assert(
      fc.property(
        fc.nat(500),
        fc.nat(500),
        fc.nat(1000),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b, required, share) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const expected = Math.round(required * share * 100) / 100;
          const rank = (actual: number) =>
            STATUS_RANK[
              progressStatus(actual, required, expected, share >= 1) as Exclude<ProgressStatus, 'no_baseline'>
            ];
          expect(rank(low)).toBeLessThanOrEqual(rank(high));
        },
      ),
    );
  });

  it('paces leap years by 366 days', () => {
    // Noon on 1 July Shanghai time is 182.5 days into 2028, 181.5 into 2026.
    expect(elapsedShareOfYear(2028, new Date('2028-07-01T04:00:00Z'), 'Asia/Shanghai')).toBeCloseTo(182.5 / 366, 10);
    expect(elapsedShareOfYear(2026, new Date('2026-07-01T04:00:00Z'), 'Asia/Shanghai')).toBeCloseTo(181.5 / 365, 10);
  });
});
