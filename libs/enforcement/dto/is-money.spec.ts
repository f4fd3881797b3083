import fc from 'fast-check';
import { normalizeMoney } from './is-money';

describe('money text', () => {
  it('pads to two decimals without touching the digits', () => {
    expect(normalizeMoney('5')).toBe('5.00');
    expect(normalizeMoney('50000.5')).toBe('50000.50');
    expect(normalizeMoney('0.05')).toBe('0.05');
    expect(normalizeMoney('999999999999.99')).toBe('999999999999.99');
  });

  it('agrees with exact integer arithmetic in cents for every amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 99_999_999_999_999n }), (cents) => {
        const text = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
        expect(normalizeMoney(text)).toBe(text);
      }),
    );
  });

  it('leaves text that is not an amount for the validator to refuse', () => {
    expect(normalizeMoney('-1')).toBe('-1');
    expect(normalizeMoney('1.005')).toBe('1.005');
  });
});
