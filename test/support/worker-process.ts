import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import type { TestSystem } from './test-app';

const ROOT = path.resolve(__dirname, '../..');

/** A worker in a process of its own, so that a test can kill it as a crash or the OOM killer would. */
export interface WorkerProcess {
  /** SIGKILL: no shutdown hook runs, no job finishes, no lock or lease is released. */
  kill(): Promise<void>;
}

/** Runs `apps/worker/main.ts`, exactly as production starts a worker, on the system's database and queues. */
export function startWorkerProcess(system: TestSystem): WorkerProcess {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--require', path.join(__dirname, 'register-typescript.cjs'), path.join(ROOT, 'apps/worker/main.ts')],
    { cwd: ROOT, env: { ...process.env, ...system.env }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const exited = once(child, 'exit');
  return {
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
