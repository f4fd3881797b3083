import type { QueueBackend } from '#libs/config';
import { QueueFactory } from '#libs/queue';
import { eventually } from './support/eventually';
import { sql } from './support/sql';
import { createTestSystem, type TestSystem } from './support/test-app';

describe.each<QueueBackend>(['postgres', 'redis'])('job schedulers with two workers on %s', (queueBackend) => {
  let system: TestSystem;

  beforeAll(async () => {
    // A tick every two seconds instead of every day.
    system = await createTestSystem({ queueBackend, env: { TARGETS_CRON: '*/2 * * * * *' } });
  });

  afterAll(() => system.close());

  it('runs each evaluation tick exactly once, and its effects are those of one run', async () => {
    const [first] = await Promise.all([system.startWorker(), system.startWorker()]);
    const queue = first.get(QueueFactory).queue('targets');
    const ticks = await eventually(
      async () => {
        const completed = await queue.getJobs(['completed'], 0, 100);
        const daily = completed.filter((job) => job.name === 'evaluate-daily');
        return daily.length >= 3 ? daily : undefined;
      },
      30_000,
      'three completed ticks',
    );
    // One job per tick: each job carries its tick's time in its id, and ticks are two seconds apart.
    const tickTimes = ticks.map((job) => Number(/(\d{13})$/.exec(job.id ?? '')?.[1])).sort((a, b) => a - b);
    expect(tickTimes.every(Number.isFinite)).toBe(true);
    expect(new Set(tickTimes).size).toBe(tickTimes.length);
    for (let index = 1; index < tickTimes.length; index++) {
      expect(tickTimes[index]! - tickTimes[index - 1]!).toBeGreaterThanOrEqual(2000);
    }

    const evaluations = await sql<{ target_key: string; count: string }>(
      system.database.url,
      'SELECT target_key, count(*) FROM target_evaluations GROUP BY target_key ORDER BY target_key',
    );
    expect(evaluations).toEqual([
      { target_key: 'assisted-enterprises', count: '1' },
      { target_key: 'enforcement-case-growth', count: '1' },
    ]);
    const alerts = await sql<{ count: string }>(
      system.database.url,
      "SELECT count(*) FROM alerts WHERE kind = 'target'",
    );
    expect(Number(alerts[0]!.count)).toBeLessThanOrEqual(1);
  });
});
