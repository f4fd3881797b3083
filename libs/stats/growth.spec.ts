import fc from 'fast-check';
import { growth } from './growth';

const count = fc.integer({ min: 0, max: 10_000_000 });

describe('growth', () => {
  it('formats the ratio with four decimals', () => {
    expect(growth(5, 4)).toBe('0.2500');
    expect(growth(4, 3)).toBe('0.3333');
    expect(growth(5, 3)).toBe('0.6667');
    expect(growth(3, 3)).toBe('0.0000');
    expect(growth(0, 7)).toBe('-1.0000');
    expect(growth(1, 3)).toBe('-0.6667');
    expect(growth(1_000_001, 1)).toBe('1000000.0000');
  });

  it('rounds half away from zero and never writes "-0.0000"', () => {
    expect(growth(20_001, 20_000)).toBe('0.0001'); // exactly 0.00005
    expect(growth(19_999, 20_000)).toBe('-0.0001');
    expect(growth(29_999, 30_000)).toBe('0.0000'); // -0.0000333…
  });

  it('is null without a last year', () => {
    expect(growth(0, 0)).toBeNull();
    expect(growth(12, 0)).toBeNull();
  });

  it('parses back to within 0.00005 of the exact ratio', () => {
    fc.assert(
      fc.property(
        count,
        count.filter((lastYear) => lastYear > 0),
        (thisYear, lastYear) => {
          const text = growth(thisYear, lastYear);
          expect(text).toMatch(/^-?\d+\.\d{4}$/);
          // Exactly, on integers: |text − (this − last)/last| ≤ 1/20 000.
          const scaled = BigInt(text!.replace('.', ''));
          const error = scaled * BigInt(lastYear) - (BigInt(thisYear) - BigInt(lastYear)) * 10_000n;
          expect(2n * (error < 0n ? -error : error) <= BigInt(lastYear)).toBe(true);
          // And as a client parsing the text would see it.
          expect(Math.abs(Number(text) - (thisYear - lastYear) / lastYear)).toBeLessThanOrEqual(0.00005 + 1e-8);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
