import { Column, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Columns every case record shares (assistance requests, enforcement cases). Timestamps come
 * from the injected clock, not the database, so that the demo seed and tests control them.
 */
// Status narrows `status` to each subclass's own states.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export abstract class CaseRecordColumns<Status extends string> {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Human-readable and sequential per year, e.g. `AR-2026-000123`. */
  @Column({ type: 'varchar' })
  reference!: string;

  @Column({ type: 'varchar' })
  status!: Status;

  @Column({ type: 'uuid' })
  officeId!: string;

  @Column({ type: 'uuid' })
  createdById!: string;

  @Column({ type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @Column({ type: 'integer' })
  version!: number;
}
