import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** What office scoping needs of the current user. */
export interface ScopedActor {
  readonly role: string;
  readonly officeId: string | null;
}

/**
 * Caseworkers and supervisors see only their own office's records; admins see every office.
 * Out-of-scope records are then simply not found (404), exactly like records that do not exist.
 */
export function restrictToOffice<Entity extends ObjectLiteral>(
  query: SelectQueryBuilder<Entity>,
  actor: ScopedActor,
): SelectQueryBuilder<Entity> {
  if (actor.role === 'admin') return query;
  return query.andWhere(`${query.alias}.office_id = :scopeOfficeId`, { scopeOfficeId: actor.officeId });
}
