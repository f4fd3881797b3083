import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface InitialAdmin {
  readonly email: string;
  readonly password: string;
}

/**
 * For the embedded, single-machine set-up only: values a newcomer should not have to invent,
 * generated on first start and kept under the data folder (never in the repository).
 */
export class LocalSecrets {
  constructor(private readonly dataDir: string) {}

  async initialAdmin(): Promise<InitialAdmin> {
    return this.readOrCreate('initial-admin.json', () => ({
      email: 'admin@ipr.local',
      password: randomBytes(12).toString('base64url'),
    }));
  }

  async jwtSecret(): Promise<string> {
    const { secret } = await this.readOrCreate('jwt-secret.json', () => ({
      secret: randomBytes(48).toString('base64url'),
    }));
    return secret;
  }

  private async readOrCreate<T>(file: string, create: () => T): Promise<T> {
    const target = path.resolve(this.dataDir, file);
    if (existsSync(target)) return JSON.parse(await readFile(target, 'utf8')) as T;
    const value = create();
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
    return value;
  }
}
