export * from './heartbeat.processor';
