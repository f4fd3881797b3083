import { Foundation1764090000000 } from './1764090000000-foundation';
import { Calendar1764100000000 } from './1764100000000-calendar';
import { Casework1764110000000 } from './1764110000000-casework';
import { TargetsAlerts1764120000000 } from './1764120000000-targets-alerts';
import { StatisticsIndexes1764125000000 } from './1764125000000-statistics-indexes';
import { Notifications1764130000000 } from './1764130000000-notifications';

/** Every migration, oldest first. Listed explicitly so that built and test code load the same set. */
export const MIGRATIONS = [
  Foundation1764090000000,
  Calendar1764100000000,
  Casework1764110000000,
  TargetsAlerts1764120000000,
  StatisticsIndexes1764125000000,
  Notifications1764130000000,
];
