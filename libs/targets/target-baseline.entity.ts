import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A metric's value for a year before the system held records, entered by an admin. */
@Entity('target_baselines')
export class TargetBaseline {
  @PrimaryColumn({ type: 'varchar' })
  metric!: string;

  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer' })
  value!: number;

  @Column({ type: 'uuid', nullable: true })
  enteredById!: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
