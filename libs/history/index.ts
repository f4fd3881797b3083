export * from './changes';
export * from './history-entry.entity';
export * from './history-query.dto';
export * from './history.module';
export * from './history.service';
export * from './views';
