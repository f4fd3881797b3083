export * from './alert-notifications';
export * from './alert.entity';
export * from './alerts.module';
export * from './alerts.processor';
export * from './alerts.service';
export * from './deadline-alerts.service';
export * from './dto/alerts.dto';
export * from './views';
