import { Transform } from 'class-transformer';

/** Trims surrounding white space from strings and leaves any other value for the validators to refuse. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}

/** Reads `true`/`false` from a query string. */
export function QueryBoolean(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
}
