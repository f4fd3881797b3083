import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const HISTORY_SUBJECTS = ['assistance_request', 'enforcement_case'] as const;
export type HistorySubject = (typeof HISTORY_SUBJECTS)[number];

/** A field that changed: its value before and after. */
export interface FieldChange {
  readonly from: unknown;
  readonly to: unknown;
}

/** One step in the life of a case. Rows are append-only: the database refuses UPDATE and DELETE. */
@Entity('case_history')
export class HistoryEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar' })
  subjectType!: HistorySubject;

  @Column({ type: 'uuid' })
  subjectId!: string;

  /** `create`, `edit`, `assign` or the workflow action. */
  @Column({ type: 'varchar' })
  action!: string;

  @Column({ type: 'varchar', nullable: true })
  fromStatus!: string | null;

  @Column({ type: 'varchar', nullable: true })
  toStatus!: string | null;

  @Column({ type: 'uuid' })
  actorId!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  at!: Date;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'jsonb' })
  changes!: Record<string, FieldChange>;
}
