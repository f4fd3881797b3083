import fc from 'fast-check';
import { MAX_RETRY_DELAY_MS, retryDelayMs, stepAfter } from './retry-schedule';

const attempt = fc.integer({ min: 1, max: 2000 });
const base = fc.integer({ min: 10, max: MAX_RETRY_DELAY_MS });

describe('retry schedule', () => {
  it('waits the base, then doubles: 1 s, 2 s, 4 s, 8 s … with the default base', () => {
    expect([1, 2, 3, 4, 10].map((n) => retryDelayMs(n, 1000))).toEqual([1000, 2000, 4000, 8000, 512_000]);
  });

  it('never waits longer after a later attempt than after an earlier one', () => {
    fc.assert(
      fc.property(attempt, attempt, base, (a, b, baseMs) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        expect(retryDelayMs(earlier, baseMs)).toBeLessThanOrEqual(retryDelayMs(later, baseMs));
      }),
    );
  });

  it('never waits longer than an hour, and reaches the hour in the end', () => {
    fc.assert(
      fc.property(attempt, base, (n, baseMs) => {
        const delay = retryDelayMs(n, baseMs);
        expect(delay).toBeGreaterThanOrEqual(Math.min(baseMs, MAX_RETRY_DELAY_MS));
        expect(delay).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS);
        expect(retryDelayMs(n + 40, baseMs)).toBe(MAX_RETRY_DELAY_MS);
      }),
    );
  });

  it('refuses attempt numbers below one', () => {
    expect(() => retryDelayMs(0, 1000)).toThrow(RangeError);
  });

  describe('the step after an attempt', () => {
    const policy = { maxAttempts: 3, retryBaseMs: 100 };
    const now = new Date('2026-11-25T10:00:00Z');

    it('is delivered on any 2xx, even on the last attempt', () => {
      expect(stepAfter(1, 200, policy, now)).toEqual({ status: 'delivered' });
      expect(stepAfter(3, 204, policy, now)).toEqual({ status: 'delivered' });
    });

    it('retries a non-2xx answer or no answer after the back-off', () => {
      expect(stepAfter(1, 500, policy, now)).toEqual({
        status: 'pending',
        nextAttemptAt: new Date('2026-11-25T10:00:00.100Z'),
      });
      expect(stepAfter(2, null, policy, now)).toEqual({
        status: 'pending',
        nextAttemptAt: new Date('2026-11-25T10:00:00.200Z'),
      });
      expect(stepAfter(1, 302, policy, now).status).toBe('pending');
    });

    it('gives up after the last allowed attempt', () => {
      expect(stepAfter(3, 500, policy, now)).toEqual({ status: 'failed' });
      expect(stepAfter(4, null, policy, now)).toEqual({ status: 'failed' });
    });
  });
});
