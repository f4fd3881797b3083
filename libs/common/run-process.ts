import type { INestApplicationContext } from '@nestjs/common';
import { onShutdownSignal } from './shutdown';

/**
 * The life of an api or worker process: build it, run until SIGINT/SIGTERM, close it (letting
 * requests and jobs finish) and release what it held. A failure to start exits with status 1,
 * printing `describe(error)` (one clear line for a bad configuration).
 */
export function runProcess(
  start: () => Promise<{ app: INestApplicationContext; release: () => Promise<void>; log: (message: string) => void }>,
  describe: (error: unknown) => unknown,
): void {
  start().then(
    ({ app, release, log }) => {
      onShutdownSignal(async () => {
        await app.close();
        await release();
      }, log);
    },
    (error: unknown) => {
      console.error(describe(error));
      process.exit(1);
    },
  );
}
