import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_EVENTS, type NotificationEvent } from './notification';
import type { Webhook } from './webhook.entity';
import {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  type WebhookDelivery,
  type WebhookDeliveryAttempt,
} from './webhook-delivery.entity';

/** A webhook as lists show it: never its secret. */
export class WebhookView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uri' }) url!: string;
  @ApiProperty({ enum: NOTIFICATION_EVENTS, isArray: true }) events!: NotificationEvent[];
  @ApiProperty() active!: boolean;
  @ApiProperty() createdAt!: Date;

  static of(webhook: Webhook): WebhookView {
    const { id, url, events, active, createdAt } = webhook;
    return { id, url, events, active, createdAt };
  }
}

export class CreatedWebhookView extends WebhookView {
  @ApiProperty({ description: 'Key of the X-Signature HMAC; this response is the only time it is shown' })
  secret!: string;

  static withSecret(webhook: Webhook): CreatedWebhookView {
    return { ...WebhookView.of(webhook), secret: webhook.secret };
  }
}

export class DeliveryAttemptView {
  @ApiProperty({ example: 1 }) attempt!: number;
  @ApiProperty() startedAt!: Date;
  @ApiProperty({ type: Number, nullable: true, description: 'Null while in flight or when no outcome was recorded' })
  durationMs!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: "The receiver's HTTP status; null when it gave none" })
  statusCode!: number | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;

  static of(attempt: WebhookDeliveryAttempt): DeliveryAttemptView {
    const { attempt: number, startedAt, durationMs, statusCode, error } = attempt;
    return { attempt: number, startedAt, durationMs, statusCode, error };
  }
}

export class WebhookDeliveryView {
  @ApiProperty({ format: 'uuid', description: 'Sent as X-Delivery-Id; a repeated delivery carries the same one' })
  id!: string;
  @ApiProperty({ enum: NOTIFICATION_EVENTS }) event!: NotificationEvent;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: Number, nullable: true }) lastStatusCode!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: Date, nullable: true, description: 'When the next attempt is due; null once finished' })
  nextAttemptAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) deliveredAt!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The JSON body POSTed' })
  payload!: Record<string, unknown>;
  @ApiProperty({ type: [DeliveryAttemptView] }) attemptLog!: DeliveryAttemptView[];

  static of(delivery: WebhookDelivery, attempts: readonly WebhookDeliveryAttempt[]): WebhookDeliveryView {
    const { id, event, status, lastStatusCode, lastError, nextAttemptAt, deliveredAt, createdAt, payload } = delivery;
    return {
      id,
      event,
      status,
      attempts: delivery.attempts,
      lastStatusCode,
      lastError,
      nextAttemptAt,
      deliveredAt,
      createdAt,
      payload,
      attemptLog: attempts.map(DeliveryAttemptView.of),
    };
  }
}
