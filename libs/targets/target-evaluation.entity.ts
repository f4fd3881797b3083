import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ProgressStatus } from './progress';

/** One evaluation of a target for a year on a day; a re-run the same day replaces it. */
@Entity('target_evaluations')
export class TargetEvaluation {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar' })
  targetKey!: string;

  @Column({ type: 'integer' })
  year!: number;

  /** Local date (APP_TIMEZONE) of the evaluation's `asOf`. */
  @Column({ type: 'date' })
  day!: string;

  @Column({ type: 'integer' })
  actual!: number;

  @Column({ type: 'integer', nullable: true })
  required!: number | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  expectedToDate!: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  projected!: string | null;

  @Column({ type: 'varchar' })
  status!: ProgressStatus;

  @Column({ type: 'timestamptz', precision: 3 })
  asOf!: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  evaluatedAt!: Date;
}
