/**
 * Runs `stop` once on the first SIGINT or SIGTERM, then exits. A second signal exits at once,
 * for the operator who does not want to wait for active jobs to finish.
 */
export function onShutdownSignal(stop: () => Promise<void>, log: (message: string) => void): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
    stopping = true;
    log(`${signal} received, shutting down`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}
