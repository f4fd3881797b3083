export * from './auth.module';
export * from './auth.service';
export * from './authenticated-user';
export * from './decorators';
export * from './dto/auth.dto';
export * from './guards';
