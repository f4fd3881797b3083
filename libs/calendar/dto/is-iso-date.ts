import { registerDecorator, type ValidationArguments } from 'class-validator';
import { isIsoDate } from '#libs/common';

/** A real calendar date written `YYYY-MM-DD` (so `2026-02-30` is refused). */
export function IsIsoDate(): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isIsoDate(value),
        defaultMessage: ({ property }: ValidationArguments) => `${property} must be a date in the form YYYY-MM-DD`,
      },
    });
  };
}
