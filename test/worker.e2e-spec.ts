import { Client } from 'pg';
import type { QueueBackend } from '#libs/config';
import { QueueFactory } from '#libs/queue';
import { SYSTEM_QUEUE } from '#libs/system';
import { eventually } from './support/eventually';
import { createTestSystem, loseQueuedJobs, type TestSystem } from './support/test-app';

interface HeartbeatRow {
  worker_id: string;
  queue_backend: string;
  beat_at: Date;
}

async function heartbeats(system: TestSystem): Promise<HeartbeatRow[]> {
  const client = new Client({ connectionString: system.database.url });
  await client.connect();
  try {
    return (await client.query<HeartbeatRow>('SELECT worker_id, queue_backend, beat_at FROM worker_heartbeats')).rows;
  } finally {
    await client.end();
  }
}

describe.each<QueueBackend>(['postgres', 'redis'])('the worker on the %s queue backend', (queueBackend) => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await createTestSystem({ queueBackend, env: { HEARTBEAT_EVERY_MS: '250' } });
  });

  afterAll(() => system.close());

  it('consumes the system queue: its heartbeat job scheduler keeps beating', async () => {
    const worker = await system.startWorker();
    const first = await eventually(async () => (await heartbeats(system))[0], 20_000, 'a first heartbeat');
    expect(first.queue_backend).toBe(queueBackend);
    await eventually(
      async () => {
        const [latest] = await heartbeats(system);
        return latest !== undefined && latest.beat_at > first.beat_at ? latest : undefined;
      },
      20_000,
      'a later heartbeat',
    );
    await worker.close();
  });

  it('shuts down gracefully and a restarted worker carries on from the same scheduler', async () => {
    const before = new Set((await heartbeats(system)).map((row) => row.worker_id));
    const restarted = await system.startWorker();
    await eventually(
      async () => (await heartbeats(system)).find((row) => !before.has(row.worker_id)),
      20_000,
      'a heartbeat from the restarted worker',
    );
    await restarted.close();
  });

  it('puts its job scheduler back when the queue loses its jobs while it runs (a Redis flush)', async () => {
    const worker = await system.startWorker();
    const queue = worker.get(QueueFactory).queue(SYSTEM_QUEUE);
    const nextHeartbeatJob = async () => {
      const scheduler = await queue.getJobScheduler('heartbeat');
      return scheduler?.next === undefined ? undefined : queue.getJob(`repeat:heartbeat:${scheduler.next}`);
    };
    await eventually(nextHeartbeatJob, 20_000, 'the heartbeat scheduler');

    // A job moving to active while the jobs are deleted can schedule its successor after the
    // deletion; lose the jobs until the loss is complete.
    await eventually(
      async () => {
        await loseQueuedJobs(system, SYSTEM_QUEUE);
        return (await nextHeartbeatJob()) === undefined ? true : undefined;
      },
      20_000,
      'the heartbeat scheduler without its next job',
    );

    await eventually(nextHeartbeatJob, 20_000, 'the heartbeat scheduler back with its next job');
    const restoredAt = new Date();
    await eventually(
      async () => (await heartbeats(system)).find((row) => row.beat_at > restoredAt),
      20_000,
      'a heartbeat from the restored scheduler',
    );
    await worker.close();
  });
});
