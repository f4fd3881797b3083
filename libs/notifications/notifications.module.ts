import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeliveryStore } from './delivery-store';
import { NotificationOutbox } from './notification-outbox';
import { Webhook } from './webhook.entity';
import { WebhookDelivery, WebhookDeliveryAttempt } from './webhook-delivery.entity';
import { WebhooksService } from './webhooks.service';

/** Webhooks and the outbox; the worker adds `NotificationsProcessor` to deliver. */
@Module({
  imports: [TypeOrmModule.forFeature([Webhook, WebhookDelivery, WebhookDeliveryAttempt])],
  providers: [NotificationOutbox, WebhooksService, DeliveryStore],
  exports: [NotificationOutbox, WebhooksService, DeliveryStore],
})
export class NotificationsModule {}
