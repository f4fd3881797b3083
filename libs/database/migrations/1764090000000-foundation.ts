import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Offices, users and their sessions, login throttling, the enterprise registry, worker heartbeats. */
export class Foundation1764090000000 implements MigrationInterface {
  name = 'Foundation1764090000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE offices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL,
        name varchar(200) NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    // SZ-NS and sz-ns are the same office.
    await db.query(`CREATE UNIQUE INDEX offices_code_key ON offices (upper(code))`);
    await db.query(`CREATE INDEX offices_list_idx ON offices (created_at, id)`);

    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        name varchar(200) NOT NULL,
        role varchar(16) NOT NULL CHECK (role IN ('caseworker', 'supervisor', 'admin')),
        office_id uuid REFERENCES offices (id),
        active boolean NOT NULL DEFAULT true,
        password_hash text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT users_office_required CHECK (role = 'admin' OR office_id IS NOT NULL)
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await db.query(`CREATE INDEX users_office_idx ON users (office_id)`);
    await db.query(`CREATE INDEX users_list_idx ON users (created_at, id)`);

    // A session is one refresh-token family: rotating tokens share it, reuse revokes it,
    // and access tokens name it so that logout and deactivation take effect at once.
    await db.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        revoked_at timestamptz(3),
        revoked_reason varchar(32)
      )`);
    await db.query(`CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id) WHERE revoked_at IS NULL`);
    await db.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES auth_sessions (id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL,
        expires_at timestamptz(3) NOT NULL,
        used_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)`);

    await db.query(`
      CREATE TABLE login_failures (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email varchar(254) NOT NULL,
        ip varchar(64) NOT NULL,
        failed_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX login_failures_email_ip_idx ON login_failures (email, ip, failed_at)`);
    await db.query(`CREATE INDEX login_failures_failed_at_idx ON login_failures (failed_at)`);

    await db.query(`
      CREATE TABLE enterprises (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        credit_code char(18) NOT NULL,
        industry varchar(32) NOT NULL CHECK (industry IN ('new_energy', 'internet', 'biomedicine', 'new_materials',
          'high_end_equipment', 'digital_creative', 'energy_saving', 'other')),
        size varchar(16) CHECK (size IN ('micro', 'small', 'medium', 'large')),
        district varchar(64),
        address varchar(300),
        contact_name varchar(100),
        contact_phone varchar(32),
        contact_email varchar(254),
        created_by_id uuid REFERENCES users (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT enterprises_credit_code_key UNIQUE (credit_code)
      )`);
    await db.query(`CREATE INDEX enterprises_list_idx ON enterprises (created_at, id)`);
    await db.query(`CREATE INDEX enterprises_industry_idx ON enterprises (industry, created_at, id)`);
    await db.query(`CREATE INDEX enterprises_size_idx ON enterprises (size, created_at, id)`);

    await db.query(`
      CREATE TABLE worker_heartbeats (
        worker_id varchar(128) PRIMARY KEY,
        hostname varchar(255) NOT NULL,
        pid integer NOT NULL,
        queue_backend varchar(16) NOT NULL,
        started_at timestamptz(3) NOT NULL,
        beat_at timestamptz(3) NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'worker_heartbeats',
      'enterprises',
      'login_failures',
      'refresh_tokens',
      'auth_sessions',
      'users',
      'offices',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
