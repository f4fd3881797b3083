import { Client } from 'pg';
import { runMigrations } from '../../libs/database/migrate';
import { databaseUrl, RUN_ID_ENV, TEMPLATE_DATABASE_ENV, TEST_SERVER_URL, uniqueSuffix } from './test-env';

/**
 * Migrates one template database per test run; each test file then copies it
 * (CREATE DATABASE … TEMPLATE), which is much faster than migrating per file.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}_${uniqueSuffix()}`;
  const template = `ipr_tpl_${runId}`;
  const server = new Client({ connectionString: TEST_SERVER_URL });
  await server.connect();
  try {
    await server.query(`CREATE DATABASE "${template}"`);
  } finally {
    await server.end();
  }
  await runMigrations(databaseUrl(template));
  process.env[TEMPLATE_DATABASE_ENV] = template;
  process.env[RUN_ID_ENV] = runId;
}
