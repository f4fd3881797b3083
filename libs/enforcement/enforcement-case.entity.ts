import { Column, Entity } from 'typeorm';
import { CaseRecordColumns } from '#libs/casework';
import type { CaseCategory, CaseOutcome, CaseSource, CaseStatus, IpType } from './enforcement.workflow';

@Entity('enforcement_cases')
export class EnforcementCase extends CaseRecordColumns<CaseStatus> {
  @Column({ type: 'varchar' })
  ipType!: IpType;

  @Column({ type: 'varchar' })
  category!: CaseCategory;

  @Column({ type: 'varchar' })
  source!: CaseSource;

  @Column({ type: 'varchar' })
  respondentName!: string;

  @Column({ type: 'uuid', nullable: true })
  respondentEnterpriseId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  complainantEnterpriseId!: string | null;

  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  receivedAt!: Date;

  /** End of the working day by which a received case must be filed or declined. */
  @Column({ type: 'timestamptz', precision: 3 })
  intakeDueAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  filedAt!: Date | null;

  /** Conclusion deadline; moves later by the time suspended and once by an extension. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  suspendedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  extendedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', nullable: true })
  outcome!: CaseOutcome | null;

  /** numeric(14,2); pg returns it as a string, which is what the API shows. */
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  fineAmount!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt!: Date | null;
}
