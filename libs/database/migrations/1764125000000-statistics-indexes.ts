import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Annual statistics count enforcement cases by the year they were received, city-wide or per office. */
export class StatisticsIndexes1764125000000 implements MigrationInterface {
  name = 'StatisticsIndexes1764125000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX enforcement_cases_received_idx ON enforcement_cases (received_at)');
    await db.query('CREATE INDEX enforcement_cases_office_received_idx ON enforcement_cases (office_id, received_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX enforcement_cases_office_received_idx');
    await db.query('DROP INDEX enforcement_cases_received_idx');
  }
}
