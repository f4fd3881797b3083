/** One row of a grouped count: how many records have `key` in `dimension`. */
export interface CountRow {
  readonly dimension: string;
  readonly key: string;
  readonly count: number;
}

export const MONTHS = 12;

/** A count for every one of `keys`, 0 where none, so that clients can chart without guessing. */
export function everyKey<Key extends string>(
  keys: readonly Key[],
  counts: Readonly<Partial<Record<string, number>>>,
): Record<Key, number> {
  return { ...(Object.fromEntries(keys.map((key) => [key, 0])) as Record<Key, number>), ...counts };
}

/** The counts of one section's records, read by dimension. */
export class Tally {
  constructor(private readonly rows: readonly CountRow[]) {}

  /** The count of `key` in `dimension`, 0 when no record has it. */
  count(dimension: string, key: string): number {
    return this.rows.find((row) => row.dimension === dimension && row.key === key)?.count ?? 0;
  }

  byKey<Key extends string>(dimension: string, keys: readonly Key[]): Record<Key, number> {
    const rows = this.rows.filter((row) => row.dimension === dimension);
    return everyKey(keys, Object.fromEntries(rows.map((row) => [row.key, row.count])));
  }

  /** January to December; the rows name months 1 to 12. */
  byMonth(dimension = 'month'): number[] {
    return Array.from({ length: MONTHS }, (_, index) => this.count(dimension, String(index + 1)));
  }
}
