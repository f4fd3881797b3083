import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Assistance requests, enforcement cases, their reference counters and their append-only history. */
export class Casework1764110000000 implements MigrationInterface {
  name = 'Casework1764110000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reference_counters (
        prefix varchar(8) NOT NULL,
        year integer NOT NULL,
        last_value integer NOT NULL,
        PRIMARY KEY (prefix, year)
      )`);

    await db.query(`
      CREATE TABLE assistance_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference varchar(20) NOT NULL,
        enterprise_id uuid NOT NULL REFERENCES enterprises (id),
        type varchar(32) NOT NULL CHECK (type IN ('infringement_dispute', 'overseas_dispute', 'expert_consultation',
          'fast_track_examination', 'pledge_financing', 'training')),
        title varchar(200) NOT NULL,
        description text,
        status varchar(16) NOT NULL CHECK (status IN ('draft', 'submitted', 'under_review', 'approved', 'rejected',
          'in_service', 'completed', 'withdrawn')),
        office_id uuid NOT NULL REFERENCES offices (id),
        created_by_id uuid NOT NULL REFERENCES users (id),
        assignee_id uuid REFERENCES users (id),
        approved_at timestamptz(3),
        approved_by_id uuid REFERENCES users (id),
        outcome text,
        completed_at timestamptz(3),
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT assistance_requests_reference_key UNIQUE (reference),
        CONSTRAINT assistance_requests_approval_complete CHECK ((approved_at IS NULL) = (approved_by_id IS NULL))
      )`);
    for (const index of [
      'assistance_requests_office_list_idx ON assistance_requests (office_id, created_at, id)',
      'assistance_requests_office_status_idx ON assistance_requests (office_id, status, created_at, id)',
      'assistance_requests_list_idx ON assistance_requests (created_at, id)',
      'assistance_requests_status_idx ON assistance_requests (status, created_at, id)',
      'assistance_requests_enterprise_idx ON assistance_requests (enterprise_id)',
      'assistance_requests_assignee_idx ON assistance_requests (assignee_id) WHERE assignee_id IS NOT NULL',
      // Serves the assisted-enterprises metric: approvals in a time range, per enterprise.
      'assistance_requests_approved_idx ON assistance_requests (approved_at, enterprise_id) WHERE approved_at IS NOT NULL',
    ]) {
      await db.query(`CREATE INDEX ${index}`);
    }

    await db.query(`
      CREATE TABLE enforcement_cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference varchar(20) NOT NULL,
        ip_type varchar(16) NOT NULL CHECK (ip_type IN ('patent', 'trademark')),
        category varchar(16) NOT NULL CHECK (category IN ('infringement', 'counterfeiting', 'passing_off', 'other')),
        source varchar(16) NOT NULL CHECK (source IN ('complaint', 'inspection', 'referral', 'campaign')),
        respondent_name varchar(200) NOT NULL,
        respondent_enterprise_id uuid REFERENCES enterprises (id),
        complainant_enterprise_id uuid REFERENCES enterprises (id),
        summary text,
        status varchar(16) NOT NULL CHECK (status IN ('received', 'not_filed', 'filed', 'investigating', 'suspended',
          'decided', 'closed')),
        office_id uuid NOT NULL REFERENCES offices (id),
        created_by_id uuid NOT NULL REFERENCES users (id),
        assignee_id uuid REFERENCES users (id),
        received_at timestamptz(3) NOT NULL,
        intake_due_at timestamptz(3) NOT NULL,
        filed_at timestamptz(3),
        due_at timestamptz(3),
        suspended_at timestamptz(3),
        extended_at timestamptz(3),
        decided_at timestamptz(3),
        outcome varchar(16) CHECK (outcome IN ('penalty', 'cease_order', 'mediated', 'no_violation', 'transferred')),
        fine_amount numeric(14, 2) CHECK (fine_amount >= 0),
        closed_at timestamptz(3),
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT enforcement_cases_reference_key UNIQUE (reference),
        CONSTRAINT enforcement_cases_fine_only_with_penalty CHECK (fine_amount IS NULL OR outcome = 'penalty'),
        CONSTRAINT enforcement_cases_penalty_has_fine CHECK (outcome IS DISTINCT FROM 'penalty' OR fine_amount IS NOT NULL)
      )`);
    for (const index of [
      'enforcement_cases_office_list_idx ON enforcement_cases (office_id, created_at, id)',
      'enforcement_cases_office_status_idx ON enforcement_cases (office_id, status, created_at, id)',
      'enforcement_cases_list_idx ON enforcement_cases (created_at, id)',
      'enforcement_cases_status_idx ON enforcement_cases (status, created_at, id)',
      'enforcement_cases_assignee_idx ON enforcement_cases (assignee_id) WHERE assignee_id IS NOT NULL',
      'enforcement_cases_respondent_idx ON enforcement_cases (respondent_enterprise_id) WHERE respondent_enterprise_id IS NOT NULL',
      'enforcement_cases_complainant_idx ON enforcement_cases (complainant_enterprise_id) WHERE complainant_enterprise_id IS NOT NULL',
      // Serves the cases-filed metric.
      'enforcement_cases_filed_idx ON enforcement_cases (filed_at) WHERE filed_at IS NOT NULL',
      // Serve the overdue filter and the deadline scan: only open cases carry a running clock.
      "enforcement_cases_due_idx ON enforcement_cases (due_at) WHERE status IN ('filed', 'investigating')",
      "enforcement_cases_intake_due_idx ON enforcement_cases (intake_due_at) WHERE status = 'received'",
    ]) {
      await db.query(`CREATE INDEX ${index}`);
    }

    await db.query(`
      CREATE TABLE case_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        subject_type varchar(32) NOT NULL CHECK (subject_type IN ('assistance_request', 'enforcement_case')),
        subject_id uuid NOT NULL,
        action varchar(32) NOT NULL,
        from_status varchar(16),
        to_status varchar(16),
        actor_id uuid NOT NULL REFERENCES users (id),
        at timestamptz(3) NOT NULL,
        comment text,
        changes jsonb NOT NULL DEFAULT '{}'
      )`);
    await db.query(`CREATE INDEX case_history_subject_idx ON case_history (subject_type, subject_id, id)`);
    // History is evidence: the database itself refuses to rewrite or erase it.
    await db.query(`
      CREATE FUNCTION case_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_history is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await db.query(`
      CREATE TRIGGER case_history_no_update_delete BEFORE UPDATE OR DELETE ON case_history
        FOR EACH ROW EXECUTE FUNCTION case_history_is_append_only()`);
    await db.query(`
      CREATE TRIGGER case_history_no_truncate BEFORE TRUNCATE ON case_history
        FOR EACH STATEMENT EXECUTE FUNCTION case_history_is_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE case_history');
    await db.query('DROP FUNCTION case_history_is_append_only()');
    await db.query('DROP TABLE enforcement_cases');
    await db.query('DROP TABLE assistance_requests');
    await db.query('DROP TABLE reference_counters');
  }
}
