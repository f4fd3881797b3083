export * from './queue-factory';
export * from './queue-processor';
export * from './queue.module';
export * from './worker-host';
