import { Column, Entity } from 'typeorm';
import { CaseRecordColumns } from '#libs/casework';
import type { AssistanceStatus, AssistanceType } from './assistance.workflow';

@Entity('assistance_requests')
export class AssistanceRequest extends CaseRecordColumns<AssistanceStatus> {
  @Column({ type: 'uuid' })
  enterpriseId!: string;

  @Column({ type: 'varchar' })
  type!: AssistanceType;

  @Column({ type: 'varchar' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  approvedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  approvedById!: string | null;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  completedAt!: Date | null;
}
