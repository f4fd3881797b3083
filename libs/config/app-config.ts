import { randomBytes } from 'node:crypto';
import { ConfigError } from './config.error';

export type NodeEnv = 'development' | 'production' | 'test';
export type QueueBackend = 'postgres' | 'redis';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The validated environment, one typed object. Built once at start by {@link loadConfig};
 * nothing else in the code base reads `process.env`.
 */
export class AppConfig {
  readonly nodeEnv!: NodeEnv;
  readonly host!: string;
  readonly port!: number;
  /** Unset means "run an embedded PostgreSQL under {@link dataDir}". */
  readonly databaseUrl!: string | undefined;
  readonly dataDir!: string;
  readonly embeddedPostgresPort!: number;
  readonly queue!: {
    readonly backend: QueueBackend;
    readonly redisUrl: string;
    /** Redis key prefix; on PostgreSQL the queues live in schema `<prefix>_queue`. */
    readonly prefix: string;
  };
  readonly jwt!: {
    readonly secret: string;
    readonly accessTtlSeconds: number;
    readonly refreshTtlSeconds: number;
  };
  readonly admin!: { readonly email: string | undefined; readonly password: string | undefined };
  readonly timezone!: string;
  readonly logLevel!: LogLevel;
  readonly login!: { readonly maxFailures: number; readonly failureWindowSeconds: number };
  readonly heartbeatEveryMs!: number;
  /** When background jobs run (cron patterns, in {@link timezone}). */
  readonly schedules!: {
    readonly targetsCron: string;
    readonly targetsYearEndCron: string;
    readonly deadlineScanCron: string;
  };
  /** Enforcement-case deadlines (administrative-procedure defaults; every number is configuration). */
  readonly deadlines!: {
    readonly intakeWorkingDays: number;
    readonly patentDisputeIntakeWorkingDays: number;
    readonly conclusionDays: number;
    readonly extensionDays: number;
    readonly dueSoonDays: number;
  };
  /** Webhook notifications: how often the outbox is scanned, and how deliveries are retried. */
  readonly notifications!: {
    readonly dispatchEveryMs: number;
    readonly maxAttempts: number;
    /** Retry n waits `retryBaseMs · 2^(n−1)`, capped at one hour. */
    readonly retryBaseMs: number;
    readonly timeoutMs: number;
  };

  constructor(values: AppConfigValues) {
    Object.assign(this, values);
  }

  get databaseIsEmbedded(): boolean {
    return this.databaseUrl === undefined;
  }

  /** The same configuration with some values replaced (used once the embedded database is up). */
  with(overrides: Partial<AppConfigValues>): AppConfig {
    return new AppConfig({ ...this, ...overrides });
  }
}

export type AppConfigValues = Omit<AppConfig, 'databaseIsEmbedded' | 'with'>;

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = optional(env, name) ?? fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}

function url(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = optional(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must be a ${protocols.join(' or ')} URL`);
  }
  return raw;
}

function timezone(env: Env, name: string, fallback: string): string {
  const value = optional(env, name) ?? fallback;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    throw new ConfigError(name, `must be an IANA time zone such as Asia/Shanghai (got "${value}")`);
  }
  return value;
}

function identifier(env: Env, name: string, fallback: string): string {
  const value = optional(env, name) ?? fallback;
  if (!/^[a-z][a-z0-9_]{0,39}$/.test(value)) {
    throw new ConfigError(name, 'must be lower-case letters, digits and underscores, starting with a letter');
  }
  return value;
}

const CRON_FIELD = String.raw`(\*|\d+(-\d+)?)(\/\d+)?(,(\*|\d+(-\d+)?)(\/\d+)?)*`;
const CRON = new RegExp(`^${CRON_FIELD}( ${CRON_FIELD}){4,5}$`);

function cron(env: Env, name: string, fallback: string): string {
  const value = optional(env, name) ?? fallback;
  if (!CRON.test(value)) throw new ConfigError(name, `must be a cron pattern such as "0 8 * * *" (got "${value}")`);
  return value;
}

function jwtSecret(env: Env, nodeEnv: NodeEnv): string {
  const secret = optional(env, 'JWT_SECRET');
  if (secret === undefined) {
    if (nodeEnv === 'production') throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
    // Outside production a per-process secret keeps a newcomer's first start free of set-up;
    // tokens simply do not survive a restart.
    return randomBytes(32).toString('base64url');
  }
  // Strength is enforced where it matters; a short secret is tolerated on a laptop or in a test run.
  if (nodeEnv === 'production' && secret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long when NODE_ENV=production');
  }
  return secret;
}

function admin(env: Env, nodeEnv: NodeEnv): AppConfig['admin'] {
  const email = optional(env, 'ADMIN_EMAIL');
  const password = optional(env, 'ADMIN_PASSWORD');
  if ((email === undefined) !== (password === undefined)) {
    throw new ConfigError(email === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD', 'must be set together with its pair');
  }
  if (email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new ConfigError('ADMIN_EMAIL', 'must be an e-mail address');
  }
  if (password !== undefined && nodeEnv === 'production' && password.length < 12) {
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 12 characters long when NODE_ENV=production');
  }
  return { email: email?.toLowerCase(), password };
}

/** Reads and validates the environment; throws {@link ConfigError} naming the first bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf<NodeEnv>(env, 'NODE_ENV', ['development', 'production', 'test'], 'development');
  const backend = oneOf<QueueBackend>(env, 'QUEUE_BACKEND', ['postgres', 'redis'], 'postgres');
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:']);
  if (backend === 'redis' && redisUrl === undefined && nodeEnv === 'production') {
    throw new ConfigError('REDIS_URL', 'is required when QUEUE_BACKEND=redis');
  }
  return new AppConfig({
    nodeEnv,
    host: optional(env, 'HOST') ?? '0.0.0.0',
    port: integer(env, 'PORT', 3000, 0, 65535),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: optional(env, 'DATA_DIR') ?? '.data',
    embeddedPostgresPort: integer(env, 'EMBEDDED_POSTGRES_PORT', 54329, 1, 65535),
    queue: {
      backend,
      redisUrl: redisUrl ?? 'redis://127.0.0.1:6379',
      prefix: identifier(env, 'QUEUE_PREFIX', 'ipr'),
    },
    jwt: {
      secret: jwtSecret(env, nodeEnv),
      accessTtlSeconds: integer(env, 'JWT_ACCESS_TTL_SECONDS', 15 * 60, 60, 24 * 3600),
      refreshTtlSeconds: integer(env, 'JWT_REFRESH_TTL_SECONDS', 30 * 24 * 3600, 300, 365 * 24 * 3600),
    },
    admin: admin(env, nodeEnv),
    timezone: timezone(env, 'APP_TIMEZONE', 'Asia/Shanghai'),
    logLevel: oneOf<LogLevel>(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    login: {
      maxFailures: integer(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
      failureWindowSeconds: integer(env, 'LOGIN_FAILURE_WINDOW_SECONDS', 15 * 60, 1, 24 * 3600),
    },
    heartbeatEveryMs: integer(env, 'HEARTBEAT_EVERY_MS', 60_000, 100, 24 * 3600 * 1000),
    schedules: {
      targetsCron: cron(env, 'TARGETS_CRON', '0 8 * * *'),
      targetsYearEndCron: cron(env, 'TARGETS_YEAR_END_CRON', '30 0 1 1 *'),
      deadlineScanCron: cron(env, 'DEADLINE_SCAN_CRON', '0 7 * * *'),
    },
    deadlines: {
      intakeWorkingDays: integer(env, 'INTAKE_WORKING_DAYS', 15, 1, 365),
      patentDisputeIntakeWorkingDays: integer(env, 'PATENT_DISPUTE_INTAKE_WORKING_DAYS', 5, 1, 365),
      conclusionDays: integer(env, 'CONCLUSION_DAYS', 90, 1, 3650),
      extensionDays: integer(env, 'EXTENSION_DAYS', 30, 1, 3650),
      dueSoonDays: integer(env, 'DUE_SOON_DAYS', 7, 1, 365),
    },
    notifications: {
      dispatchEveryMs: integer(env, 'NOTIFY_DISPATCH_EVERY_MS', 5000, 100, 3600 * 1000),
      maxAttempts: integer(env, 'NOTIFY_MAX_ATTEMPTS', 10, 1, 100),
      retryBaseMs: integer(env, 'NOTIFY_RETRY_BASE_MS', 1000, 10, 3600 * 1000),
      timeoutMs: integer(env, 'NOTIFY_TIMEOUT_MS', 10_000, 100, 300_000),
    },
  });
}
