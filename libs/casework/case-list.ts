import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { parseInstant, yearBounds } from '#libs/common';
import type { CaseListQueryDto } from './dto/case-list-query.dto';
import { restrictToOffice, type ScopedActor } from './office-scope';

/** Office scope plus the filters all case lists share; each one is served by an index. */
export function applyCaseListFilters<Entity extends ObjectLiteral>(
  query: SelectQueryBuilder<Entity>,
  filters: CaseListQueryDto,
  actor: ScopedActor,
  timeZone: string,
): SelectQueryBuilder<Entity> {
  const alias = query.alias;
  restrictToOffice(query, actor);
  if (filters.officeId !== undefined) query.andWhere(`${alias}.office_id = :officeId`, { officeId: filters.officeId });
  if (filters.assigneeId !== undefined)
    query.andWhere(`${alias}.assignee_id = :assigneeId`, { assigneeId: filters.assigneeId });
  if (filters.year !== undefined) {
    const { start, end } = yearBounds(filters.year, timeZone);
    query.andWhere(`${alias}.created_at >= :yearStart AND ${alias}.created_at < :yearEnd`, {
      yearStart: start,
      yearEnd: end,
    });
  }
  if (filters.createdFrom !== undefined) {
    query.andWhere(`${alias}.created_at >= :createdFrom`, {
      createdFrom: parseInstant(filters.createdFrom, timeZone, 'start'),
    });
  }
  if (filters.createdTo !== undefined) {
    query.andWhere(`${alias}.created_at <= :createdTo`, {
      createdTo: parseInstant(filters.createdTo, timeZone, 'end'),
    });
  }
  return query;
}
