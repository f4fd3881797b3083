import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationEvent } from './notification';

/** A receiver of notifications; deleting one only sets `deletedAt`, so its delivery log survives. */
@Entity('webhooks')
export class Webhook {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  url!: string;

  /** The HMAC key of `X-Signature`; shown once, when the webhook is created. */
  @Column({ type: 'text' })
  secret!: string;

  @Column({ type: 'text', array: true })
  events!: NotificationEvent[];

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  deletedAt!: Date | null;
}
