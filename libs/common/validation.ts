import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError as ClassValidatorError } from 'class-validator';
import { type FieldError, ValidationError } from './domain-errors';

/** Options every request body and query is validated with: unknown fields are refused. */
export const VALIDATION_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

/** class-validator names the items of a validated array by their index. */
const ARRAY_INDEX = /^\d+$/;

/**
 * Flattens class-validator's tree into one entry per failing field, with paths for nested ones
 * written as in JavaScript: `holidays[1].date`.
 */
export function toFieldErrors(errors: readonly ClassValidatorError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field =
      parent === ''
        ? error.property
        : ARRAY_INDEX.test(error.property)
          ? `${parent}[${error.property}]`
          : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: error.constraints?.whitelistValidation === message ? `${field} is not an accepted field` : message,
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** Validates a plain value against a DTO class outside the HTTP pipeline (guards, jobs). */
export async function validateInput<T extends object>(type: ClassConstructor<T>, value: unknown): Promise<T> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw ValidationError.of('body', 'must be a JSON object');
  }
  const instance = plainToInstance(type, value);
  const errors = await validate(instance, VALIDATION_OPTIONS);
  if (errors.length > 0) throw new ValidationError(toFieldErrors(errors));
  return instance;
}
