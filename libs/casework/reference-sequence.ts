import type { EntityManager } from 'typeorm';

export type ReferencePrefix = 'AR' | 'EC';

/**
 * The next human-readable reference, e.g. `AR-2026-000123`: sequential per prefix and year.
 * The counter row is locked by the upsert until the caller's transaction ends, so concurrent
 * creations queue for it and never share a number; a rolled-back creation gives its number back.
 */
export async function nextReference(manager: EntityManager, prefix: ReferencePrefix, year: number): Promise<string> {
  const rows: { last_value: number }[] = await manager.query(
    `INSERT INTO reference_counters (prefix, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (prefix, year) DO UPDATE SET last_value = reference_counters.last_value + 1
     RETURNING last_value`,
    [prefix, year],
  );
  const value = rows[0]?.last_value;
  if (value === undefined) throw new Error('reference counter returned no row');
  return `${prefix}-${year}-${String(value).padStart(6, '0')}`;
}
