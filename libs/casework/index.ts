export * from './casework-changes';
export * from './casework.module';
export * from './office-scope';
export * from './reference-sequence';
export * from './workflow';
export * from './case-list';
export * from './dto/assign.dto';
export * from './dto/case-list-query.dto';
