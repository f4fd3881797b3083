import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The working-day calendar: only the days that break the Monday-to-Friday rule are stored,
 * public holidays and the weekend days worked to make up for them.
 */
export class Calendar1764100000000 implements MigrationInterface {
  name = 'Calendar1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE calendar_days (
        day date PRIMARY KEY,
        kind varchar(16) NOT NULL CHECK (kind IN ('holiday', 'workday')),
        name varchar(100),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE calendar_days`);
  }
}
