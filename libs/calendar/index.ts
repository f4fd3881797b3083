export * from './calendar-day.entity';
export * from './calendar-year';
export * from './calendar.module';
export * from './calendar.service';
export * from './dto/calendar.dto';
export * from './dto/is-iso-date';
export * from './views';
export * from './working-calendar';
