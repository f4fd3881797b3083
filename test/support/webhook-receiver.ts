import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as a webhook receiver saw it. */
export interface ReceivedWebhook {
  /** The raw body, exactly as signed. */
  readonly body: string;
  readonly json: Record<string, unknown>;
  readonly headers: IncomingMessage['headers'];
  readonly deliveryId: string;
  readonly event: string;
  readonly signature: string;
}

/**
 * How to answer the `index`-th request (from 0): a status code; `'reset'` to drop the
 * connection without answering; or a promise of either, to hold the answer back.
 */
export type Answer = number | 'reset';
export type Responder = (request: ReceivedWebhook, index: number) => Answer | Promise<Answer>;

export interface WebhookReceiver {
  readonly url: string;
  /** Every request so far, in order of arrival. */
  readonly received: readonly ReceivedWebhook[];
  respondWith(responder: Responder): void;
  /** Resolves as soon as `count` requests have arrived. */
  waitForRequests(count: number): Promise<readonly ReceivedWebhook[]>;
  close(): Promise<void>;
}

function header(request: IncomingMessage, name: string): string {
  const value = request.headers[name];
  return typeof value === 'string' ? value : '';
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A local HTTP server on a free port that records webhook requests and answers as told (200 by default). */
export async function startWebhookReceiver(responder: Responder = () => 200): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let respond = responder;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readBody(request);
    const webhook: ReceivedWebhook = {
      body,
      json: JSON.parse(body) as Record<string, unknown>,
      headers: request.headers,
      deliveryId: header(request, 'x-delivery-id'),
      event: header(request, 'x-webhook-event'),
      signature: header(request, 'x-signature'),
    };
    const index = received.push(webhook) - 1;
    for (const waiter of waiters.filter((candidate) => candidate.count <= received.length)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    const answer = await respond(webhook, index);
    if (answer === 'reset') request.socket.destroy();
    else response.writeHead(answer).end();
  };
  const server = createServer((request, response) => {
    handle(request, response).catch(() => request.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hooks/ipr`,
    received,
    respondWith(next) {
      respond = next;
    },
    waitForRequests(count) {
      if (received.length >= count) return Promise.resolve(received);
      return new Promise((resolve) => waiters.push({ count, resolve: () => resolve(received) }));
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
