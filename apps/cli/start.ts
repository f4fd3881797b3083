import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, loadConfig } from '#libs/config';
import { runMigrations } from '#libs/database';
import { LocalSecrets } from './local-secrets';

/**
 * `npm start`: the whole system on one machine. Starts the embedded PostgreSQL when
 * DATABASE_URL is unset, migrates, then runs the api and the worker as child processes;
 * Ctrl+C stops the apps first and the database last.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = (message: string): void => console.log(`[start] ${message}`);
  const secrets = new LocalSecrets(config.dataDir);
  const env: NodeJS.ProcessEnv = { ...process.env };

  const embedded = config.databaseUrl === undefined ? await startEmbeddedDatabase() : undefined;
  const databaseUrl = config.databaseUrl ?? embedded?.url;
  if (databaseUrl === undefined) throw new Error('the embedded database did not report its URL');
  env.DATABASE_URL = databaseUrl;
  const admin = config.admin.email === undefined ? await secrets.initialAdmin() : undefined;
  if (admin !== undefined) {
    env.ADMIN_EMAIL = admin.email;
    env.ADMIN_PASSWORD = admin.password;
  }
  if (env.JWT_SECRET === undefined && config.nodeEnv !== 'production') env.JWT_SECRET = await secrets.jwtSecret();
  const applied = await runMigrations(databaseUrl);
  if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);

  const apps = ['api', 'worker'].map((app) =>
    fork(path.join(__dirname, '..', app, 'main.js'), { env, stdio: 'inherit' }),
  );
  let stopping = false;
  const stopAll = async (exitCode: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await Promise.all(apps.map((app) => stopChild(app, 'SIGTERM')));
    if (embedded !== undefined) await stopChild(embedded.process, 'SIGTERM');
    process.exit(exitCode);
  };
  for (const app of apps) app.on('exit', (code) => void stopAll(code ?? 1));
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const url = `http://localhost:${config.port}`;
  if (await waitForHealth(`http://127.0.0.1:${config.port}/api/v1/health`)) {
    const login =
      admin === undefined
        ? `  Log in with ADMIN_EMAIL / ADMIN_PASSWORD: POST ${url}/api/v1/auth/login`
        : `  Log in: POST ${url}/api/v1/auth/login {"email":"${admin.email}","password":"${admin.password}"}\n` +
          `  (the initial admin, kept in ${path.join(config.dataDir, 'initial-admin.json')})`;
    console.log(
      [
        '',
        `  IPR case management is running at ${url}/api/v1`,
        `  API documentation: ${url}/api/docs`,
        login,
        `  Stop with Ctrl+C; data is kept in ${config.databaseUrl === undefined ? config.dataDir : 'DATABASE_URL'}`,
        '',
      ].join('\n'),
    );
  }
}

/** Starts the embedded database in its own process group and waits for its URL. */
function startEmbeddedDatabase(): Promise<{ url: string; process: ChildProcess }> {
  const child = fork(path.join(__dirname, 'embedded-database.js'), {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { url?: unknown }) => {
      if (typeof message.url === 'string') resolve({ url: message.url, process: child });
      else reject(new Error('unexpected message from the embedded database'));
    });
    child.once('exit', (code) => reject(new Error(`the embedded database stopped (exit code ${code ?? 'none'})`)));
  });
}

async function waitForHealth(url: string): Promise<boolean> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  return false;
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
