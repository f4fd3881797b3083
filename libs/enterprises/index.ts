export * from './credit-code';
export * from './dto/enterprise.dto';
export * from './enterprise.entity';
export * from './enterprises.module';
export * from './enterprises.service';
export * from './industry';
export * from './views';
