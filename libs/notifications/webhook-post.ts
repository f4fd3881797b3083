import { performance } from 'node:perf_hooks';
import { webhookSignature } from './webhook-signature';

export interface WebhookRequest {
  readonly deliveryId: string;
  readonly event: string;
  readonly payload: Record<string, unknown>;
  readonly url: string;
  readonly secret: string;
}

export interface WebhookAnswer {
  readonly durationMs: number;
  /** Null when no HTTP answer came (refused, reset, timed out). */
  readonly statusCode: number | null;
  readonly error: string | null;
}

/** Why a request got no answer, in words an admin reading the delivery log can act on. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if ((error as { name?: unknown } | null)?.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const reason = cause?.message ?? cause?.code;
  return typeof reason === 'string' ? `${error.message}: ${reason}` : error.message;
}

/**
 * POSTs one delivery, signed. Never throws: every way it can end is an answer for the log.
 * Redirects are not followed: a 3xx is an answer like any other non-2xx.
 */
export async function postWebhook(request: WebhookRequest, timeoutMs: number): Promise<WebhookAnswer> {
  const body = JSON.stringify(request.payload);
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'ipr-case-management-webhooks/1',
        'x-signature': webhookSignature(body, request.secret),
        'x-webhook-event': request.event,
        'x-delivery-id': request.deliveryId,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Only the status matters; not reading the body frees the connection at once.
    await response.body?.cancel().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 300;
    return {
      durationMs: elapsed(),
      statusCode: response.status,
      error: ok ? null : `HTTP ${response.status} ${response.statusText}`.trim(),
    };
  } catch (error) {
    return { durationMs: elapsed(), statusCode: null, error: describeFailure(error, timeoutMs) };
  }
}
