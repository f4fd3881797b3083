import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { decodeCursor, isUuid, type Page, type PageQueryDto, toPage, ValidationError } from '#libs/common';

interface Timestamped {
  readonly id: string;
}

/** The timestamp a list is ordered by: its property and its column. */
export interface SortTimestamp<Entity> {
  readonly property: Extract<keyof Entity, string>;
  readonly column: string;
}

function decodeNewestFirstCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = decodeCursor(cursor, 2);
  const year = typeof at === 'string' ? new Date(at).getUTCFullYear() : Number.NaN;
  // Only instants PostgreSQL can compare (and lists can hold) make a position.
  if (typeof at !== 'string' || !(year >= 1900 && year <= 9999) || !isUuid(id)) {
    throw ValidationError.of('cursor', 'is not a cursor returned by this list');
  }
  return { at: new Date(at), id };
}

/**
 * One page of `query`, newest first, by keyset on `(created_at, id)`: every list has an index
 * on those columns, so page 10 000 costs what page 1 costs, and rows created meanwhile neither
 * repeat nor go missing.
 */
export async function pageNewestFirst<Entity extends Timestamped & ObjectLiteral, View>(
  query: SelectQueryBuilder<Entity>,
  page: PageQueryDto,
  toView: (entity: Entity) => View,
  sortBy: SortTimestamp<Entity> = { property: 'createdAt' as Extract<keyof Entity, string>, column: 'created_at' },
): Promise<Page<View>> {
  const alias = query.alias;
  if (page.cursor !== undefined) {
    const { at, id } = decodeNewestFirstCursor(page.cursor);
    query.andWhere(`(${alias}.${sortBy.column}, ${alias}.id) < (:cursorAt, :cursorId)`, { cursorAt: at, cursorId: id });
  }
  const rows = await query
    .orderBy(`${alias}.${sortBy.property}`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(page.limit + 1)
    .getMany();
  return toPage(rows, page.limit, (row) => [(row[sortBy.property] as Date).toISOString(), row.id], toView);
}
