import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Comparator, TargetKind } from './progress';

@Entity('targets')
export class Target {
  @PrimaryColumn({ type: 'varchar' })
  key!: string;

  /** The key of the metric module that counts it. */
  @Column({ type: 'varchar' })
  metric!: string;

  @Column({ type: 'varchar' })
  kind!: TargetKind;

  @Column({ type: 'varchar' })
  comparator!: Comparator;

  /** numeric(12,4), kept as decimal text: 120 for a minimum, 0.20 for 20 % growth. */
  @Column({ type: 'numeric', precision: 12, scale: 4 })
  threshold!: string;

  @Column({ type: 'boolean' })
  active!: boolean;

  /** Null: city-wide. */
  @Column({ type: 'uuid', nullable: true })
  officeId!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @Column({ type: 'integer' })
  version!: number;
}
