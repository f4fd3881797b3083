import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from './problem-details';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Sends a problem as the reply; shared by the Nest filter and Fastify's own error handler. */
export function sendProblem(exception: unknown, request: FastifyRequest, reply: FastifyReply, logger: Logger): void {
  const problem = toProblem(exception);
  if (problem.unexpected) {
    logger.error(
      `${request.method} ${request.url} failed (request ${request.id}): ${exception instanceof Error ? exception.stack : String(exception)}`,
    );
  }
  void reply
    .status(problem.status)
    .headers(problem.headers)
    .type(PROBLEM_CONTENT_TYPE)
    .send({ ...problem.body, instance: request.url });
}

/** Every error, from any route (including unknown ones), leaves as `application/problem+json`. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), this.logger);
  }
}
