import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '#libs/auth';
import { AppConfig } from '#libs/config';
import { ApiAuthenticated, ApiProblems } from '../http/openapi';
import { QUEUE_DASHBOARD_COOKIE, QUEUE_DASHBOARD_PATH } from '../http/queue-dashboard';

@ApiTags('admin')
@ApiAuthenticated()
@Controller('admin/queues')
export class QueueDashboardController {
  constructor(private readonly config: AppConfig) {}

  /** Browsers cannot send a Bearer header when following a link: this puts the admin's token in a cookie for the dashboard's path only. */
  @Post('session')
  @HttpCode(204)
  @Roles('admin')
  @ApiNoContentResponse({ description: `Sets an HttpOnly cookie; then open ${QUEUE_DASHBOARD_PATH}/` })
  @ApiProblems(403)
  openSession(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    const secure = this.config.nodeEnv === 'production' ? '; Secure' : '';
    void reply.header(
      'set-cookie',
      `${QUEUE_DASHBOARD_COOKIE}=${encodeURIComponent(token)}; Path=${QUEUE_DASHBOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${this.config.jwt.accessTtlSeconds}${secure}`,
    );
  }
}
