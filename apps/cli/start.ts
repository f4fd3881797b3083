import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, loadConfig } from '#libs/config';
import { prepareDatabase } from '#libs/database';
import { LocalSecrets } from './local-secrets';

/**
 * `npm start`: the whole system on one machine. Starts the embedded PostgreSQL when
 * DATABASE_URL is unset, migrates, then runs the api and the worker as child processes
 * and stops everything together.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = (message: string): void => console.log(`[start] ${message}`);
  const env: NodeJS.ProcessEnv = { ...process.env };
  const secrets = new LocalSecrets(config.dataDir);

  const database = await prepareDatabase(config, log);
  env.DATABASE_URL = database.config.databaseUrl;
  const admin = config.admin.email === undefined ? await secrets.initialAdmin() : undefined;
  if (admin !== undefined) {
    env.ADMIN_EMAIL = admin.email;
    env.ADMIN_PASSWORD = admin.password;
  }
  if (env.JWT_SECRET === undefined && config.nodeEnv !== 'production') env.JWT_SECRET = await secrets.jwtSecret();

  const children = ['api', 'worker'].map((app) =>
    spawn(process.execPath, [path.join(__dirname, '..', app, 'main.js')], { env, stdio: 'inherit' }),
  );
  let stopping = false;
  const stopAll = async (exitCode: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      await Promise.all(children.map(stopChild));
      await database.stop();
    }
    process.exit(exitCode);
  };
  for (const child of children) {
    child.on('exit', (code) => void stopAll(stopping ? 0 : (code ?? 1)));
  }
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const url = `http://localhost:${config.port}`;
  if (await waitForHealth(`http://127.0.0.1:${config.port}/api/v1/health`)) {
    console.log(
      [
        '',
        `  IPR case management is running at ${url}/api/v1`,
        `  API documentation: ${url}/api/docs`,
        admin === undefined
          ? `  Log in with ADMIN_EMAIL / ADMIN_PASSWORD: POST ${url}/api/v1/auth/login`
          : `  Log in: POST ${url}/api/v1/auth/login {"email":"${admin.email}","password":"${admin.password}"}` +
            `\n  (initial admin, kept in ${path.join(config.dataDir, 'initial-admin.json')})`,
        '  Stop with Ctrl+C; data is kept in ' + (config.databaseUrl === undefined ? config.dataDir : 'DATABASE_URL'),
        '',
      ].join('\n'),
    );
  }
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

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
