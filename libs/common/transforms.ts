import { ValidateIf } from 'class-validator';
import { Transform } from 'class-transformer';

/** Trims surrounding white space from strings and leaves any other value for the validators to refuse. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}

/** Reads `true`/`false` from a query string. */
export function QueryBoolean(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
}

/**
 * The field may be left out, but not sent as null: for optional fields whose column is NOT
 * NULL. (`@IsOptional()` lets null through too, which suits nullable fields only.)
 */
export function Omittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
