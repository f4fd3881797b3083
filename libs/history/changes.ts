import type { FieldChange } from './history-entry.entity';

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** The fields whose values differ between `before` and `after`, as history records them. */
export function changedFields<T extends object>(
  before: T,
  after: T,
  fields: readonly Extract<keyof T, string>[],
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const field of fields) {
    const from = comparable(before[field]) ?? null;
    const to = comparable(after[field]) ?? null;
    if (from !== to) changes[field] = { from, to };
  }
  return changes;
}

/** A new record's initial values, as history records them (`from` is null). */
export function initialFields<T extends object>(
  record: T,
  fields: readonly Extract<keyof T, string>[],
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const field of fields) changes[field] = { from: null, to: comparable(record[field]) ?? null };
  return changes;
}
