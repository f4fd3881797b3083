import { ValidationPipe } from '@nestjs/common';
import { toFieldErrors, VALIDATION_OPTIONS, ValidationError } from '#libs/common';

/** Bodies, queries and params are transformed to their DTO classes; unknown fields are refused. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...VALIDATION_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => new ValidationError(toFieldErrors(errors)),
  });
}
