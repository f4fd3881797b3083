export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
}

/** The wait after the `attempt`-th failed attempt (from 1): `base · 2^(attempt−1)`, at most one hour. */
export function retryDelayMs(attempt: number, baseMs: number): number {
  if (!Number.isInteger(attempt) || attempt < 1)
    throw new RangeError(`attempt must be a positive integer (${attempt})`);
  // 2 ** attempt overflows to Infinity for large attempts; the cap still applies.
  return Math.min(baseMs * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS);
}

export type DeliveryStep =
  | { readonly status: 'delivered' }
  | { readonly status: 'failed' }
  | { readonly status: 'pending'; readonly nextAttemptAt: Date };

/** What follows the `attempt`-th attempt, which the receiver answered with `statusCode` (null: no answer). */
export function stepAfter(attempt: number, statusCode: number | null, policy: RetryPolicy, now: Date): DeliveryStep {
  if (statusCode !== null && statusCode >= 200 && statusCode < 300) return { status: 'delivered' };
  if (attempt >= policy.maxAttempts) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempt, policy.retryBaseMs)) };
}
