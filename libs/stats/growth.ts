const SCALE = 10_000n;
const DECIMALS = 4;

/**
 * Year-on-year growth `(thisYear − lastYear) / lastYear` as a decimal string with four
 * decimals, rounded half away from zero; null when there is no last year to grow from.
 * Computed on integers so that "0.2500" is exactly a quarter, never 0.24999999.
 */
export function growth(thisYear: number, lastYear: number): string | null {
  if (lastYear === 0) return null;
  const numerator = (BigInt(thisYear) - BigInt(lastYear)) * SCALE;
  const denominator = BigInt(lastYear);
  const magnitude = abs(numerator);
  let scaled = magnitude / denominator;
  if (2n * (magnitude % denominator) >= denominator) scaled += 1n;
  const sign = numerator < 0n && scaled > 0n ? '-' : '';
  return `${sign}${scaled / SCALE}.${(scaled % SCALE).toString().padStart(DECIMALS, '0')}`;
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}
