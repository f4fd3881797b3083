import { hostname } from 'node:os';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '#libs/common';
import { AppConfig } from '#libs/config';
import { type JobSchedule, type QueueJob, QueueProcessor } from '#libs/queue';

export const SYSTEM_QUEUE = 'system';

/**
 * The `system` queue's heartbeat: proves end to end that a worker is consuming jobs, by
 * recording the last beat of each worker process in `worker_heartbeats`.
 */
@Injectable()
export class HeartbeatProcessor extends QueueProcessor {
  readonly queueName = SYSTEM_QUEUE;
  private readonly workerId: string;
  private readonly startedAt: Date;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    super();
    this.startedAt = clock.now();
    this.workerId = `${hostname()}:${process.pid}:${this.startedAt.getTime()}`;
  }

  override schedules(): readonly JobSchedule[] {
    return [{ id: 'heartbeat', repeat: { every: this.config.heartbeatEveryMs }, jobName: 'heartbeat' }];
  }

  async process(job: QueueJob): Promise<{ workerId: string }> {
    if (job.name !== 'heartbeat') throw new Error(`unknown system job "${job.name}"`);
    await this.dataSource.query(
      `INSERT INTO worker_heartbeats (worker_id, hostname, pid, queue_backend, started_at, beat_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (worker_id) DO UPDATE SET beat_at = excluded.beat_at`,
      [this.workerId, hostname(), process.pid, this.config.queue.backend, this.startedAt, this.clock.now()],
    );
    return { workerId: this.workerId };
  }
}
