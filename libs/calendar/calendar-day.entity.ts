import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CalendarDayKind } from './calendar-year';

/** One day that breaks the Monday-to-Friday rule: a public holiday or a make-up workday. */
@Entity('calendar_days')
export class CalendarDay {
  /**
   * An ISO date string (`2026-02-14`), never a JS Date: pg parses `date` columns to local
   * midnight, and TypeORM turns that back into the same local date for `date` columns.
   * Keep `utc` off: with it TypeORM would read that local midnight in UTC and shift the day
   * in zones east of UTC.
   */
  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ type: 'varchar' })
  kind!: CalendarDayKind;

  @Column({ type: 'varchar', nullable: true })
  name!: string | null;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
