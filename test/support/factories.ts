import { randomInt } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '#libs/enterprises';
import { bearer, http, login, type Session } from './test-app';
import { uniqueSuffix } from './test-env';

/** A random, valid Unified Social Credit Code. */
export function validCreditCode(): string {
  const body = Array.from({ length: 17 }, () =>
    CREDIT_CODE_ALPHABET.charAt(randomInt(CREDIT_CODE_ALPHABET.length)),
  ).join('');
  return body + creditCodeCheckCharacter(body);
}

export async function createOffice(app: NestFastifyApplication, admin: Session): Promise<{ id: string; code: string }> {
  const code = `SZ-${uniqueSuffix().toUpperCase()}`;
  const response = await http(app)
    .post('/api/v1/offices')
    .set(bearer(admin))
    .send({ code, name: `District Office ${code}` })
    .expect(201);
  return response.body as { id: string; code: string };
}

export interface TestUser {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly version: number;
}

export async function createUser(
  app: NestFastifyApplication,
  admin: Session,
  role: 'caseworker' | 'supervisor' | 'admin',
  officeId?: string,
): Promise<TestUser> {
  const email = `${role}.${uniqueSuffix()}@test.local`;
  const password = `pw-${uniqueSuffix()}`;
  const response = await http(app)
    .post('/api/v1/users')
    .set(bearer(admin))
    .send({ email, name: `Test ${role} ${email}`, role, officeId, password })
    .expect(201);
  const { id, version } = response.body as { id: string; version: number };
  return { id, email, password, version };
}

/** Creates a user of the role and logs them in. */
export async function signIn(
  app: NestFastifyApplication,
  admin: Session,
  role: 'caseworker' | 'supervisor' | 'admin',
  officeId?: string,
): Promise<Session & { account: TestUser }> {
  const account = await createUser(app, admin, role, officeId);
  return { ...(await login(app, account.email, account.password)), account };
}

export function enterpriseInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Shenzhen Test ${uniqueSuffix()} Co., Ltd.`,
    creditCode: validCreditCode(),
    industry: pick(['new_energy', 'internet', 'biomedicine', 'other']),
    size: pick(['micro', 'small', 'medium', 'large']),
    district: pick(['Nanshan', 'Futian', 'Longgang', "Bao'an"]),
    ...overrides,
  };
}

export function pick<T>(choices: readonly T[]): T {
  return choices[randomInt(choices.length)] as T;
}
