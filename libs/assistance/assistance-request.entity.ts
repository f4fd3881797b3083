import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AssistanceStatus, AssistanceType } from './assistance.workflow';

@Entity('assistance_requests')
export class AssistanceRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar' })
  reference!: string;

  @Column({ type: 'uuid' })
  enterpriseId!: string;

  @Column({ type: 'varchar' })
  type!: AssistanceType;

  @Column({ type: 'varchar' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar' })
  status!: AssistanceStatus;

  @Column({ type: 'uuid' })
  officeId!: string;

  @Column({ type: 'uuid' })
  createdById!: string;

  @Column({ type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  approvedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  approvedById!: string | null;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @Column({ type: 'integer' })
  version!: number;
}
