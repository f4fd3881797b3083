export * from './assistance-request.entity';
export * from './assistance.module';
export * from './assistance.service';
export * from './assistance.workflow';
export * from './dto/assistance.dto';
export * from './views';
