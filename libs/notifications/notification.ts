export const NOTIFICATION_EVENTS = ['alert.raised', 'alert.escalated', 'alert.resolved'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** What a webhook receives: the body is `payload`, as JSON. */
export interface Notification {
  readonly event: NotificationEvent;
  /** `{ event, kind: 'target' | 'deadline', alert: { … } }` for the alert events. */
  readonly payload: Record<string, unknown>;
}
