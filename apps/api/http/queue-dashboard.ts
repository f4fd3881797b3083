import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JwtService } from '@nestjs/jwt';
import type { Queue } from 'bullmq';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AccessTokenClaims, AuthService } from '#libs/auth';
import { type DomainError, ForbiddenError, UnauthorizedError } from '#libs/common';
import { QueueFactory } from '#libs/queue';
import { toProblem } from './problem-details';
import { PROBLEM_CONTENT_TYPE } from './problem-details.filter';

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';
export const QUEUE_DASHBOARD_COOKIE = 'ipr_queue_dashboard';
/** Every queue the system runs. */
export const QUEUE_NAMES = ['system', 'targets', 'alerts', 'notifications'] as const;

function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ') === true) return header.slice('Bearer '.length);
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === QUEUE_DASHBOARD_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** The dashboard's refusals are the same problem documents the API sends. */
function refuse(reply: FastifyReply, error: DomainError): FastifyReply {
  const problem = toProblem(error);
  return reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem.body);
}

/**
 * Bull Board for admins at /api/admin/queues, behind the same authentication as the API: an
 * admin's access token as a Bearer header, or in the cookie that
 * `POST /api/v1/admin/queues/session` sets for browsers.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const queues = app.get(QueueFactory);
  const jwt = app.get(JwtService);
  const auth = app.get(AuthService);
  const board = new BullBoardAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  // Bull Board types its adapter for the Redis-typed Queue but reads either backend (it asks
  // the queue for its backend); the instances are the same BullMQ Queue class.
  const adapters = QUEUE_NAMES.map((name) => new BullMQAdapter(queues.queue(name) as unknown as Queue));
  createBullBoard({ queues: adapters, serverAdapter: board });

  await app
    .getHttpAdapter()
    .getInstance()
    .register(async (scope) => {
      // Fastify's async hooks end a request by returning the reply they sent.
      /* eslint-disable @typescript-eslint/return-await */
      scope.addHook('onRequest', async (request, reply) => {
        const token = tokenOf(request);
        if (token === undefined) return refuse(reply, new UnauthorizedError('An admin access token is required'));
        try {
          const claims = await jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
          const user = await auth.resolveAccess(claims);
          if (user === null)
            return refuse(reply, new UnauthorizedError('The session has ended or the account is deactivated'));
          if (user.role !== 'admin') return refuse(reply, new ForbiddenError('The queue dashboard is for admins'));
        } catch {
          return refuse(reply, new UnauthorizedError('A valid access token is required'));
        }
        return undefined;
      });
      await scope.register(board.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
    });
}
