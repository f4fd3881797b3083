import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Repository } from 'typeorm';
import { Clock, NotFoundError, type Page, type PageQueryDto } from '#libs/common';
import { pageNewestFirst } from '#libs/database';
import type { CreateWebhookDto } from './dto/webhook.dto';
import { Webhook } from './webhook.entity';
import { WebhookDelivery, WebhookDeliveryAttempt } from './webhook-delivery.entity';
import { CreatedWebhookView, WebhookDeliveryView, WebhookView } from './views';

/** Admins' management of webhooks and the reading of their delivery logs. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectRepository(Webhook) private readonly webhooks: Repository<Webhook>,
    @InjectRepository(WebhookDelivery) private readonly deliveries: Repository<WebhookDelivery>,
    @InjectRepository(WebhookDeliveryAttempt) private readonly attempts: Repository<WebhookDeliveryAttempt>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateWebhookDto): Promise<CreatedWebhookView> {
    const webhook = await this.webhooks.save(
      this.webhooks.create({
        url: dto.url,
        events: dto.events,
        secret: dto.secret ?? randomBytes(32).toString('base64url'),
        active: true,
        createdAt: this.clock.now(),
        deletedAt: null,
      }),
    );
    return CreatedWebhookView.withSecret(webhook);
  }

  list(page: PageQueryDto): Promise<Page<WebhookView>> {
    const query = this.webhooks.createQueryBuilder('webhook').where('webhook.deleted_at IS NULL');
    return pageNewestFirst(query, page, WebhookView.of);
  }

  /** Soft delete: nothing more is sent to the webhook, and what it was still owed is given up. */
  async delete(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const { affected } = await manager.update(Webhook, { id, deletedAt: IsNull() }, { deletedAt: now });
      if (affected !== 1) throw new NotFoundError('Webhook');
      await manager.update(
        WebhookDelivery,
        { webhookId: id, status: 'pending' },
        { status: 'failed', nextAttemptAt: null, leaseUntil: null, lastError: 'the webhook was deleted' },
      );
    });
  }

  /** Newest first; a deleted webhook's log stays readable. */
  async deliveryLog(webhookId: string, page: PageQueryDto): Promise<Page<WebhookDeliveryView>> {
    if (!(await this.webhooks.existsBy({ id: webhookId }))) throw new NotFoundError('Webhook');
    const query = this.deliveries
      .createQueryBuilder('delivery')
      .where('delivery.webhook_id = :webhookId', { webhookId });
    const { items, nextCursor } = await pageNewestFirst(query, page, (delivery) => delivery);
    const attempts =
      items.length === 0
        ? []
        : await this.attempts.find({
            where: { deliveryId: In(items.map((delivery) => delivery.id)) },
            order: { deliveryId: 'ASC', attempt: 'ASC' },
          });
    const attemptsByDelivery = new Map<string, WebhookDeliveryAttempt[]>();
    for (const attempt of attempts) {
      const log = attemptsByDelivery.get(attempt.deliveryId) ?? [];
      log.push(attempt);
      attemptsByDelivery.set(attempt.deliveryId, log);
    }
    return {
      items: items.map((delivery) => WebhookDeliveryView.of(delivery, attemptsByDelivery.get(delivery.id) ?? [])),
      nextCursor,
    };
  }
}
