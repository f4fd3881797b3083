import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { webhookSignature } from './webhook-signature';

describe('webhook signature', () => {
  it('is HMAC-SHA256 in hex, prefixed sha256= (RFC 4231, test case 2)', () => {
    expect(webhookSignature('what do ya want for nothing?', 'Jefe')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('signs the UTF-8 bytes of the body, as a receiver hashing the raw request does', () => {
    const body = '{"message":"深圳 at risk"}';
    const secret = 'k'.repeat(16);
    const overBytes = createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest('hex');
    expect(webhookSignature(body, secret)).toBe(`sha256=${overBytes}`);
  });

  it('changes whenever the body or the secret changes', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string({ minLength: 16 }), (body, other, secret) => {
        fc.pre(body !== other);
        expect(webhookSignature(body, secret)).toMatch(/^sha256=[0-9a-f]{64}$/);
        expect(webhookSignature(body, secret)).not.toBe(webhookSignature(other, secret));
        expect(webhookSignature(body, secret)).not.toBe(webhookSignature(body, `${secret}x`));
      }),
    );
  });
});
