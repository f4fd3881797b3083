import type { EntityManager } from 'typeorm';

/** Where and when to count: `[from, to)` instants, optionally one office. */
export interface MetricScope {
  readonly from: Date;
  readonly to: Date;
  readonly officeId?: string | null;
  /** Restricts the count to enterprises of one industry (statistics cut by industry). */
  readonly industry?: string;
}

/**
 * A countable commitment: one SQL aggregate, used alike by progress, evaluations and
 * statistics. Adding a metric means adding one of these and, where targets should use it, a
 * migration inserting the target row.
 */
export interface Metric {
  readonly key: string;
  readonly description: string;
  count(manager: EntityManager, scope: MetricScope): Promise<number>;
  /** Whether the system holds any record of this metric's kind created before `instant`. */
  hasRecordsBefore(manager: EntityManager, instant: Date): Promise<boolean>;
}

/** Runs a `SELECT … AS value` aggregate and returns the number. */
export async function scalar(manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
  const rows: { value: string | number | null }[] = await manager.query(sql, parameters);
  return Number(rows[0]?.value ?? 0);
}
