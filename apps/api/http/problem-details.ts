import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import { DomainError, TooManyRequestsError } from '#libs/common';

/** An RFC 9457 problem document. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  [extension: string]: unknown;
}

export interface Problem {
  readonly status: number;
  readonly body: ProblemDocument;
  readonly headers: Readonly<Record<string, string>>;
}

/** Problem types are stable identifiers; the slug after the base is what clients match on. */
export const PROBLEM_TYPE_BASE = 'https://ipr-case-management.example/problems/';

const SLUG_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable-content',
  429: 'too-many-requests',
  503: 'service-unavailable',
};

function slugFor(status: number): string {
  return SLUG_BY_STATUS[status] ?? (status >= 500 ? 'internal-error' : 'bad-request');
}

function titleFor(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

function problem(
  status: number,
  slug: string,
  detail: string,
  extensions: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Problem {
  return {
    status,
    body: { type: PROBLEM_TYPE_BASE + slug, title: titleFor(status), status, detail, ...extensions },
    headers,
  };
}

function httpExceptionDetail(exception: HttpException): { detail: string; extensions: Record<string, unknown> } {
  const response = exception.getResponse();
  if (typeof response === 'string') return { detail: response, extensions: {} };
  const { message, error: _error, statusCode: _statusCode, ...extensions } = response as Record<string, unknown>;
  const detail = Array.isArray(message)
    ? message.join('; ')
    : typeof message === 'string'
      ? message
      : exception.message;
  return { detail, extensions };
}

/** Errors raised by Fastify itself (body parsing, size limits) carry a 4xx `statusCode`. */
function clientErrorStatus(exception: unknown): number | undefined {
  const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500 ? statusCode : undefined;
}

/**
 * Turns anything thrown while handling a request into a problem; `unexpected` marks the
 * ones the caller must log (their details never reach the client).
 */
export function toProblem(exception: unknown): Problem & { unexpected: boolean } {
  if (exception instanceof DomainError) {
    const headers: Record<string, string> =
      exception instanceof TooManyRequestsError ? { 'retry-after': String(exception.retryAfterSeconds) } : {};
    return {
      ...problem(exception.status, exception.type, exception.message, { ...exception.extensions }, headers),
      unexpected: false,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const { detail, extensions } = httpExceptionDetail(exception);
    return { ...problem(status, slugFor(status), detail, extensions), unexpected: status >= 500 };
  }
  const clientStatus = clientErrorStatus(exception);
  if (clientStatus !== undefined) {
    const detail = exception instanceof Error ? exception.message : titleFor(clientStatus);
    return { ...problem(clientStatus, slugFor(clientStatus), detail), unexpected: false };
  }
  return { ...problem(500, 'internal-error', 'The server could not complete the request'), unexpected: true };
}
