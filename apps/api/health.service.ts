import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '#libs/common';
import { QueueFactory } from '#libs/queue';

type DependencyStatus = { status: 'up' } | { status: 'down'; error: string };

export interface HealthReport {
  status: 'ok';
  database: DependencyStatus;
  queue: DependencyStatus;
  queueBackend: string;
}

export class DependencyDownError extends DomainError {
  readonly status = 503;
  readonly type = 'service-unavailable';
  readonly title = 'Service Unavailable';
  override readonly extensions: Readonly<Record<string, unknown>>;
  constructor(report: Omit<HealthReport, 'status'>) {
    super('A dependency of the service is down');
    this.extensions = { ...report };
  }
}

const CHECK_TIMEOUT_MS = 3000;

async function probe(check: () => Promise<unknown>): Promise<DependencyStatus> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness of what the api depends on: PostgreSQL and the queue backend. */
@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueFactory,
  ) {}

  async check(): Promise<HealthReport> {
    const [database, queue] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.queues.ping()),
    ]);
    const report = { database, queue, queueBackend: this.queues.backend };
    if (database.status === 'down' || queue.status === 'down') throw new DependencyDownError(report);
    return { status: 'ok', ...report };
  }
}
