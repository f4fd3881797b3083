import { ValidationError } from './domain-errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** The position after the last item of a page: the values of the sort key, in order. */
export type CursorPosition = readonly (string | number)[];

/** Cursors are opaque to clients: base64url JSON of the keyset position. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): CursorPosition {
  try {
    const position: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(position) &&
      position.length === arity &&
      position.every((value) => typeof value === 'string' || typeof value === 'number')
    ) {
      return position;
    }
  } catch {
    // falls through to the validation error below
  }
  throw ValidationError.of('cursor', 'is not a cursor returned by this list');
}

/**
 * Turns `limit + 1` rows fetched in keyset order into a page: the extra row only says
 * whether another page exists.
 */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  positionOf: (row: Row) => CursorPosition,
  toItem: (row: Row) => Item,
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(toItem),
    nextCursor: hasMore && last !== undefined ? encodeCursor(positionOf(last)) : null,
  };
}

const MAX_BIGINT = 9_223_372_036_854_775_807n;

/** The position of an id-ordered list: a bigint identity, as text. */
export function decodeIdCursor(cursor: string): string {
  const [after] = decodeCursor(cursor, 1);
  if (typeof after !== 'string' || !/^\d{1,19}$/.test(after) || BigInt(after) > MAX_BIGINT) {
    throw ValidationError.of('cursor', 'is not a cursor returned by this list');
  }
  return after;
}
