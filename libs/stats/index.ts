export * from './csv';
export * from './dto/annual-stats-query.dto';
export * from './growth';
export * from './stats.module';
export * from './stats.service';
export * from './views';
