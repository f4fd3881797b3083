import { randomBytes } from 'node:crypto';

/** The PostgreSQL server tests create their databases on (trust auth on CI machines). */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const TEMPLATE_DATABASE_ENV = 'IPR_TEST_TEMPLATE_DATABASE';
export const RUN_ID_ENV = 'IPR_TEST_RUN_ID';

export function databaseUrl(name: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function uniqueSuffix(): string {
  return randomBytes(5).toString('hex');
}
