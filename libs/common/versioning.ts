import { StaleVersionError } from './domain-errors';

/** Optimistic concurrency: the client must have read the version it is changing. */
export function assertVersion(record: { readonly version: number }, expectedVersion: number, resource: string): void {
  if (record.version !== expectedVersion) throw new StaleVersionError(resource, record.version);
}
