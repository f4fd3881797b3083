import { Transform } from 'class-transformer';
import { registerDecorator } from 'class-validator';

const MONEY = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

/** `"5"` → `"5.00"`, `"5.5"` → `"5.50"`: the text PostgreSQL's numeric(14,2) gives back, by string work alone. */
export function normalizeMoney(text: string): string {
  if (!MONEY.test(text)) return text;
  const [whole, fraction = ''] = text.split('.');
  return `${whole ?? ''}.${fraction.padEnd(2, '0')}`;
}

/**
 * A non-negative amount of CNY with at most two decimals, given as a decimal string or a JSON
 * number; kept as decimal text so that no float arithmetic ever touches it.
 */
export function IsMoney(): PropertyDecorator {
  return (target, propertyName) => {
    Transform(({ value }: { value: unknown }) => {
      const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
      return typeof text === 'string' ? normalizeMoney(text) : text;
    })(target, propertyName);
    registerDecorator({
      name: 'isMoney',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: { validate: (value: unknown) => typeof value === 'string' && MONEY.test(value) },
      options: {
        message: `${String(propertyName)} must be an amount of CNY ≥ 0 with at most two decimals, e.g. "5000.00"`,
      },
    });
  };
}
