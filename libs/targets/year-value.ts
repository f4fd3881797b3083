import type { EntityManager } from 'typeorm';
import { yearBounds } from '#libs/common';
import type { Metric } from './metrics';
import { TargetBaseline } from './target-baseline.entity';

/**
 * A metric's value for a calendar year, counted up to `until` (the whole year by default) —
 * or, city-wide, the baseline an admin entered for that year, which replaces the count
 * (SPEC §5). Progress, evaluations and statistics all read year values through here.
 */
export async function yearValue(
  manager: EntityManager,
  metric: Metric,
  year: number,
  timeZone: string,
  options: { readonly officeId?: string | null; readonly until?: Date } = {},
): Promise<number> {
  const officeId = options.officeId ?? null;
  if (officeId === null) {
    const baseline = await manager.findOneBy(TargetBaseline, { metric: metric.key, year });
    if (baseline !== null) return baseline.value;
  }
  const { start, end } = yearBounds(year, timeZone);
  return metric.count(manager, { from: start, to: options.until ?? end, officeId });
}
