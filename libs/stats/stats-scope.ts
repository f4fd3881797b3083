import type { ScopedActor } from '#libs/casework';
import type { Industry } from '#libs/enterprises';
import type { AnnualStatsQueryDto } from './dto/annual-stats-query.dto';

/** What one request for statistics counts. */
export interface StatsScope {
  readonly year: number;
  readonly timeZone: string;
  /** The office counted; null for city-wide. */
  readonly officeId: string | null;
  readonly industry: Industry | null;
  /** False when the office is out of the reader's reach: every figure is then zero. */
  readonly visible: boolean;
}

/**
 * Admins count any office or the whole city. Caseworkers and supervisors count their own
 * office; naming another one gives all zeros rather than its figures (or a 403, which would
 * tell that the office exists), like another office's record answers 404.
 */
export function statsScope(
  actor: ScopedActor,
  query: AnnualStatsQueryDto & { year: number },
  timeZone: string,
): StatsScope {
  const base = { year: query.year, timeZone, industry: query.industry ?? null };
  if (actor.role === 'admin') return { ...base, officeId: query.officeId ?? null, visible: true };
  const officeId = query.officeId ?? actor.officeId;
  return { ...base, officeId, visible: actor.officeId !== null && officeId === actor.officeId };
}
