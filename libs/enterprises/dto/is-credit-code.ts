import { registerDecorator, type ValidationArguments } from 'class-validator';
import { creditCodeProblem } from '../credit-code';

/** Validates a Unified Social Credit Code, saying whether its shape or its check character is wrong. */
export function IsCreditCode(): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isCreditCode',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && creditCodeProblem(value) === null,
        defaultMessage: ({ value, property }: ValidationArguments) =>
          typeof value === 'string' && creditCodeProblem(value) === 'check-character'
            ? `${property} has a wrong check character (18th character)`
            : `${property} must be 18 characters from 0-9 and A-Y without I, O, S, V and Z`,
      },
    });
  };
}
