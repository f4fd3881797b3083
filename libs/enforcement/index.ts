export * from './deadlines';
export * from './dto/enforcement.dto';
export * from './enforcement-case.entity';
export * from './enforcement.module';
export * from './enforcement.service';
export * from './enforcement.workflow';
export * from './views';
