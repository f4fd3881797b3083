import { endOfLocalDay, localDate } from '#libs/common';

const DAY_MS = 86_400_000;

/** What the intake deadline depends on. */
export interface IntakeSubject {
  readonly ipType: string;
  readonly source: string;
  readonly receivedAt: Date;
}

export interface IntakeSettings {
  readonly intakeWorkingDays: number;
  readonly patentDisputeIntakeWorkingDays: number;
}

/** Anything that can count working days (the admin-maintained calendar). */
export interface WorkingDayCounter {
  addWorkingDays(date: string, workingDays: number): string;
}

/** A patent dispute is a right holder's complaint about a patent: it must be taken in faster. */
export function intakeWorkingDays(subject: Omit<IntakeSubject, 'receivedAt'>, settings: IntakeSettings): number {
  return subject.ipType === 'patent' && subject.source === 'complaint'
    ? settings.patentDisputeIntakeWorkingDays
    : settings.intakeWorkingDays;
}

/**
 * A received case must be filed or declined by the end of the n-th working day after the
 * day of receipt (in APP_TIMEZONE); the day of receipt itself does not count.
 */
export function intakeDueAt(
  subject: IntakeSubject,
  settings: IntakeSettings,
  calendar: WorkingDayCounter,
  timeZone: string,
): Date {
  const lastDay = calendar.addWorkingDays(
    localDate(subject.receivedAt, timeZone),
    intakeWorkingDays(subject, settings),
  );
  return endOfLocalDay(lastDay, timeZone);
}

/** The clock stops while suspended: resuming moves the deadline later by the time suspended. */
export function resumedDueAt(dueAt: Date | null, suspendedAt: Date | null, now: Date): Date | null {
  if (dueAt === null || suspendedAt === null) return dueAt;
  return new Date(dueAt.getTime() + Math.max(0, now.getTime() - suspendedAt.getTime()));
}

export function extendedDueAt(dueAt: Date | null, extensionDays: number): Date | null {
  return dueAt === null ? null : new Date(dueAt.getTime() + extensionDays * DAY_MS);
}

/** Whether a case is past the deadline that currently binds it (none while suspended or finished). */
export function isOverdue(subject: { status: string; intakeDueAt: Date; dueAt: Date | null }, now: Date): boolean {
  if (subject.status === 'received') return subject.intakeDueAt < now;
  if (subject.status === 'filed' || subject.status === 'investigating')
    return subject.dueAt !== null && subject.dueAt < now;
  return false;
}
