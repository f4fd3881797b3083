/**
 * The arithmetic of SPEC §5, pure: what a target requires for a year, how far along it is,
 * and what that means. Counts are integers; thresholds are exact decimals (never floats) so
 * that "more than 20 % over 10" is 13, not 12.000000001.
 */

export type TargetKind = 'annual_minimum' | 'annual_growth';
export type Comparator = 'gte' | 'gt';
export type ProgressStatus = 'achieved' | 'on_track' | 'at_risk' | 'behind' | 'missed' | 'no_baseline';

export const PROGRESS_STATUSES: readonly ProgressStatus[] = [
  'achieved',
  'on_track',
  'at_risk',
  'behind',
  'missed',
  'no_baseline',
];

/** Below this share of the expected pace a target is behind rather than at risk. */
export const AT_RISK_SHARE = 0.8;

export interface TargetRule {
  readonly kind: TargetKind;
  readonly comparator: Comparator;
  /** Decimal text as stored (`"120.0000"`, `"0.2000"`). */
  readonly threshold: string;
}

export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export function parseDecimal(text: string): Fraction {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (match === null) throw new RangeError(`not a non-negative decimal: ${text}`);
  const fraction = match[2] ?? '';
  return { numerator: BigInt(`${match[1] ?? '0'}${fraction}`), denominator: 10n ** BigInt(fraction.length) };
}

/** The smallest integer n with n ≥ x (gte) or n > x (gt), for an exact fraction x. */
function smallestCountSatisfying(value: Fraction, comparator: Comparator): number {
  const whole = value.numerator / value.denominator;
  const exact = value.numerator % value.denominator === 0n;
  return Number(comparator === 'gt' ? whole + 1n : exact ? whole : whole + 1n);
}

/**
 * The count year Y needs: the minimum itself, or the smallest count beating the previous
 * year's by the growth rate. Null when a growth target has no previous-year figure.
 */
export function requiredCount(rule: TargetRule, previousYear: number | null): number | null {
  const threshold = parseDecimal(rule.threshold);
  if (rule.kind === 'annual_minimum') return smallestCountSatisfying(threshold, rule.comparator);
  if (previousYear === null) return null;
  const base = BigInt(previousYear);
  return smallestCountSatisfying(
    { numerator: base * (threshold.denominator + threshold.numerator), denominator: threshold.denominator },
    rule.comparator,
  );
}

export interface ProgressInput {
  readonly rule: TargetRule;
  readonly actual: number;
  readonly previousYear: number | null;
  /** Elapsed share of the year at the moment of evaluation, in [0, 1]. */
  readonly elapsedShare: number;
}

export interface ProgressFigures {
  readonly required: number | null;
  readonly expectedToDate: number | null;
  readonly projected: number | null;
  readonly status: ProgressStatus;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function computeProgress({ rule, actual, previousYear, elapsedShare }: ProgressInput): ProgressFigures {
  const required = requiredCount(rule, previousYear);
  const projected = elapsedShare > 0 ? round2(actual / elapsedShare) : null;
  if (required === null) return { required, expectedToDate: null, projected, status: 'no_baseline' };
  const expectedToDate = round2(required * elapsedShare);
  return {
    required,
    expectedToDate,
    projected,
    status: progressStatus(actual, required, expectedToDate, elapsedShare >= 1),
  };
}

/** Met → achieved; year over → missed; otherwise measured against a linear pace. */
export function progressStatus(
  actual: number,
  required: number,
  expectedToDate: number,
  yearOver: boolean,
): ProgressStatus {
  if (actual >= required) return 'achieved';
  if (yearOver) return 'missed';
  if (actual >= expectedToDate) return 'on_track';
  if (actual >= AT_RISK_SHARE * expectedToDate) return 'at_risk';
  return 'behind';
}

/** How good a status is, for comparisons: higher is better. */
export const STATUS_RANK: Readonly<Record<Exclude<ProgressStatus, 'no_baseline'>, number>> = {
  achieved: 4,
  on_track: 3,
  at_risk: 2,
  behind: 1,
  missed: 0,
};

/** One sentence a supervisor can read: where the target stands and why. */
export function explainProgress(actual: number, figures: ProgressFigures, previousYear: number | null): string {
  if (figures.required === null) {
    return `${actual} so far; no figure for the previous year yet (enter a baseline to measure growth)`;
  }
  const basis = previousYear === null ? '' : ` (previous year ${previousYear})`;
  const pace =
    figures.expectedToDate === null
      ? ''
      : `; ${figures.expectedToDate} expected by now at a linear pace${figures.projected === null ? '' : `, ${figures.projected} projected for the year`}`;
  return `${actual} of ${figures.required} required${basis}${pace}: ${figures.status.replace('_', ' ')}`;
}
