import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Annual targets with their baselines and daily evaluations, and the alerts they (and deadlines) raise. */
export class TargetsAlerts1764120000000 implements MigrationInterface {
  name = 'TargetsAlerts1764120000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE targets (
        key varchar(64) PRIMARY KEY,
        metric varchar(64) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('annual_minimum', 'annual_growth')),
        comparator varchar(3) NOT NULL CHECK (comparator IN ('gte', 'gt')),
        threshold numeric(12, 4) NOT NULL CHECK (threshold >= 0),
        active boolean NOT NULL DEFAULT true,
        office_id uuid REFERENCES offices (id),
        description text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    // The two commitments of the 2018 Shenzhen rules (SPEC §1).
    await db.query(`
      INSERT INTO targets (key, metric, kind, comparator, threshold, description) VALUES
        ('assisted-enterprises', 'assisted_enterprises', 'annual_minimum', 'gte', 120,
         'Enterprises receiving IPR assistance services: no fewer than 120 each year'),
        ('enforcement-case-growth', 'enforcement_cases_filed', 'annual_growth', 'gt', 0.20,
         'Administrative law-enforcement cases for patents and trademarks: increase by more than 20 % annually')`);

    await db.query(`
      CREATE TABLE target_baselines (
        metric varchar(64) NOT NULL,
        year integer NOT NULL,
        value integer NOT NULL CHECK (value >= 0),
        entered_by_id uuid REFERENCES users (id),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (metric, year)
      )`);

    await db.query(`
      CREATE TABLE target_evaluations (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        target_key varchar(64) NOT NULL REFERENCES targets (key),
        year integer NOT NULL,
        day date NOT NULL,
        actual integer NOT NULL,
        required integer,
        expected_to_date numeric(14, 2),
        projected numeric(14, 2),
        status varchar(16) NOT NULL,
        as_of timestamptz(3) NOT NULL,
        evaluated_at timestamptz(3) NOT NULL,
        CONSTRAINT target_evaluations_once_a_day UNIQUE (target_key, year, day)
      )`);
    await db.query(`CREATE INDEX target_evaluations_year_idx ON target_evaluations (year, day, target_key)`);

    await db.query(`
      CREATE TABLE alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL CHECK (kind IN ('target', 'deadline')),
        type varchar(32) NOT NULL CHECK (type IN ('target.progress', 'case.due_soon', 'case.overdue')),
        target_key varchar(64) REFERENCES targets (key),
        case_id uuid REFERENCES enforcement_cases (id),
        deadline varchar(16) CHECK (deadline IN ('intake', 'conclusion')),
        office_id uuid REFERENCES offices (id),
        year integer,
        severity varchar(16) NOT NULL CHECK (severity IN ('warning', 'major', 'critical')),
        status varchar(16) NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
        progress_status varchar(16),
        message text NOT NULL,
        raised_at timestamptz(3) NOT NULL,
        acknowledged_at timestamptz(3),
        acknowledged_by_id uuid REFERENCES users (id),
        resolved_at timestamptz(3),
        updated_at timestamptz(3) NOT NULL,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT alerts_subject CHECK (
          (kind = 'target' AND target_key IS NOT NULL AND year IS NOT NULL AND case_id IS NULL)
          OR (kind = 'deadline' AND case_id IS NOT NULL AND deadline IS NOT NULL AND target_key IS NULL))
      )`);
    // At most one unresolved alert per target and year: evaluations escalate or resolve it.
    await db.query(`
      CREATE UNIQUE INDEX alerts_one_unresolved_per_target_year ON alerts (target_key, year)
        WHERE kind = 'target' AND status <> 'resolved'`);
    // Deadline alerts are raised once each per case, deadline and type, ever.
    await db.query(
      `CREATE UNIQUE INDEX alerts_once_per_case_deadline ON alerts (case_id, deadline, type) WHERE kind = 'deadline'`,
    );
    await db.query(`CREATE INDEX alerts_list_idx ON alerts (raised_at, id)`);
    await db.query(`CREATE INDEX alerts_status_idx ON alerts (status, raised_at, id)`);
    await db.query(
      `CREATE INDEX alerts_unresolved_deadline_idx ON alerts (case_id) WHERE kind = 'deadline' AND status <> 'resolved'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['alerts', 'target_evaluations', 'target_baselines', 'targets'])
      await db.query(`DROP TABLE ${table}`);
  }
}
