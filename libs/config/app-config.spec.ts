import { ConfigError, loadConfig } from './index';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration', () => {
  it('runs on defaults with nothing set: embedded database, PostgreSQL queues, port 3000, Shanghai time', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.databaseIsEmbedded).toBe(true);
    expect(config.queue.backend).toBe('postgres');
    expect(config.port).toBe(3000);
    expect(config.timezone).toBe('Asia/Shanghai');
    expect(config.jwt.accessTtlSeconds).toBe(900);
    expect(config.jwt.secret.length).toBeGreaterThanOrEqual(32);
    expect(config.notifications).toEqual({
      dispatchEveryMs: 5000,
      maxAttempts: 10,
      retryBaseMs: 1000,
      timeoutMs: 10_000,
    });
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://app@db:5432/ipr',
      QUEUE_BACKEND: 'redis',
      REDIS_URL: 'redis://cache:6379/2',
      QUEUE_PREFIX: 'ipr_prod',
      PORT: '8080',
      JWT_SECRET: 'x'.repeat(40),
      ADMIN_EMAIL: 'Root@Example.org',
      ADMIN_PASSWORD: 'a-long-password',
      APP_TIMEZONE: 'Europe/Berlin',
      LOG_LEVEL: 'debug',
      NOTIFY_DISPATCH_EVERY_MS: '200',
      NOTIFY_MAX_ATTEMPTS: '3',
      NOTIFY_RETRY_BASE_MS: '100',
      NOTIFY_TIMEOUT_MS: '2000',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://app@db:5432/ipr',
      queue: { backend: 'redis', redisUrl: 'redis://cache:6379/2', prefix: 'ipr_prod' },
      port: 8080,
      jwt: { secret: 'x'.repeat(40) },
      admin: { email: 'root@example.org', password: 'a-long-password' },
      timezone: 'Europe/Berlin',
      logLevel: 'debug',
      notifications: { dispatchEveryMs: 200, maxAttempts: 3, retryBaseMs: 100, timeoutMs: 2000 },
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ QUEUE_BACKEND: 'kafka' }, 'QUEUE_BACKEND'],
    [{ DATABASE_URL: 'mysql://localhost/ipr' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://localhost' }, 'REDIS_URL'],
    [{ APP_TIMEZONE: 'Mars/Olympus_Mons' }, 'APP_TIMEZONE'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [
      {
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(40),
        ADMIN_EMAIL: 'a@b.org',
        ADMIN_PASSWORD: 'short',
        REDIS_URL: 'redis://r',
      },
      'ADMIN_PASSWORD',
    ],
    [{ ADMIN_EMAIL: 'admin@example.org' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_PASSWORD: 'a-long-password' }, 'ADMIN_EMAIL'],
    [{ ADMIN_EMAIL: 'admin', ADMIN_PASSWORD: 'a-long-password' }, 'ADMIN_EMAIL'],
    [{ QUEUE_PREFIX: 'Has Spaces' }, 'QUEUE_PREFIX'],
    [{ NOTIFY_DISPATCH_EVERY_MS: '0' }, 'NOTIFY_DISPATCH_EVERY_MS'],
    [{ NOTIFY_MAX_ATTEMPTS: 'many' }, 'NOTIFY_MAX_ATTEMPTS'],
    [{ NOTIFY_RETRY_BASE_MS: '-1' }, 'NOTIFY_RETRY_BASE_MS'],
    [{ NOTIFY_TIMEOUT_MS: '999999999' }, 'NOTIFY_TIMEOUT_MS'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), QUEUE_BACKEND: 'redis' }, 'REDIS_URL'],
  ])('refuses %j with a message naming %s', (env, variable) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });

  it('tolerates a short JWT secret and admin password outside production', () => {
    const config = loadConfig({ JWT_SECRET: 'dev-secret', ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'admin' });
    expect(config.jwt.secret).toBe('dev-secret');
    expect(config.admin.password).toBe('admin');
  });

  it('keeps the rest of the configuration when one value is replaced', () => {
    const config = loadConfig({ PORT: '4000' });
    const resolved = config.with({ databaseUrl: 'postgres://localhost/ipr' });
    expect(resolved.port).toBe(4000);
    expect(resolved.databaseIsEmbedded).toBe(false);
    expect(config.databaseIsEmbedded).toBe(true);
  });
});
