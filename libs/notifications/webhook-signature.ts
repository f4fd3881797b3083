import { createHmac } from 'node:crypto';

/**
 * The `X-Signature` of a delivery: HMAC-SHA256 of the exact body bytes, keyed by the UTF-8
 * bytes of the webhook's secret, as `sha256=<hex>`.
 */
export function webhookSignature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
