import { ALERT_SEVERITIES, type AlertSeverity } from './alert.entity';

/** The severity a target's progress status warrants; none for statuses that need no alert. */
export function severityOfProgress(status: string): AlertSeverity | null {
  switch (status) {
    case 'at_risk':
      return 'warning';
    case 'behind':
      return 'major';
    case 'missed':
      return 'critical';
    default:
      return null;
  }
}

/** Statuses that resolve a target's alert. */
export function progressResolvesAlert(status: string): boolean {
  return status === 'achieved' || status === 'on_track';
}

export function isMoreSevere(candidate: AlertSeverity, current: AlertSeverity): boolean {
  return ALERT_SEVERITIES.indexOf(candidate) > ALERT_SEVERITIES.indexOf(current);
}
