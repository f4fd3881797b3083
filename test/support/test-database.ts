import { Client } from 'pg';
import { databaseUrl, RUN_ID_ENV, TEMPLATE_DATABASE_ENV, TEST_SERVER_URL, uniqueSuffix } from './test-env';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

async function onServer<T>(work: (server: Client) => Promise<T>): Promise<T> {
  const server = new Client({ connectionString: TEST_SERVER_URL });
  await server.connect();
  try {
    return await work(server);
  } finally {
    await server.end();
  }
}

function handle(name: string): TestDatabase {
  return {
    name,
    url: databaseUrl(name),
    drop: async () => {
      await onServer((server) => server.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

function newName(): string {
  return `ipr_t_${process.env[RUN_ID_ENV] ?? 'adhoc'}_${uniqueSuffix()}`;
}

/** A migrated database of this test file's own, copied from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env[TEMPLATE_DATABASE_ENV];
  if (template === undefined) throw new Error('run the tests through jest (its globalSetup migrates the template)');
  const name = newName();
  await onServer((server) => server.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return handle(name);
}

/** An empty database (no migrations), for tests of the migrations themselves. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const name = newName();
  await onServer((server) => server.query(`CREATE DATABASE "${name}"`));
  return handle(name);
}
