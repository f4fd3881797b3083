import {
  type Actor,
  CASEWORK_ROLES,
  checkTransition,
  SUPERVISOR_ROLES,
  type TransitionTable,
  type WorkflowSubject,
} from '#libs/casework';
import { ConflictError, ValidationError } from '#libs/common';
import { extendedDueAt, resumedDueAt } from './deadlines';

export const IP_TYPES = ['patent', 'trademark'] as const;
export type IpType = (typeof IP_TYPES)[number];
export const CASE_CATEGORIES = ['infringement', 'counterfeiting', 'passing_off', 'other'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];
export const CASE_SOURCES = ['complaint', 'inspection', 'referral', 'campaign'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const CASE_OUTCOMES = ['penalty', 'cease_order', 'mediated', 'no_violation', 'transferred'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const CASE_STATUSES = [
  'received',
  'not_filed',
  'filed',
  'investigating',
  'suspended',
  'decided',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = [
  'file',
  'decline',
  'start_investigation',
  'suspend',
  'resume',
  'decide',
  'extend',
  'close',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export type CaseField = 'comment' | 'outcome';

/** States in which the case's own fields may still be edited. */
export const EDITABLE_CASE_STATUSES: readonly CaseStatus[] = ['received'];
/** States in which the conclusion deadline runs. */
export const RUNNING_CLOCK_STATUSES: readonly CaseStatus[] = ['filed', 'investigating'];

/** SPEC §4, enforcement case: state × action → state, who may, and what must be supplied. */
export const ENFORCEMENT_WORKFLOW: TransitionTable<CaseStatus, CaseAction, CaseField> = {
  file: { from: ['received'], to: 'filed', roles: SUPERVISOR_ROLES, fourEyes: true, requires: [] },
  decline: { from: ['received'], to: 'not_filed', roles: SUPERVISOR_ROLES, fourEyes: false, requires: ['comment'] },
  start_investigation: { from: ['filed'], to: 'investigating', roles: CASEWORK_ROLES, fourEyes: false, requires: [] },
  suspend: { from: ['investigating'], to: 'suspended', roles: CASEWORK_ROLES, fourEyes: false, requires: ['comment'] },
  resume: { from: ['suspended'], to: 'investigating', roles: CASEWORK_ROLES, fourEyes: false, requires: [] },
  decide: { from: ['investigating'], to: 'decided', roles: SUPERVISOR_ROLES, fourEyes: true, requires: ['outcome'] },
  extend: {
    from: ['filed', 'investigating'],
    to: 'unchanged',
    roles: SUPERVISOR_ROLES,
    fourEyes: true,
    requires: ['comment'],
  },
  close: { from: ['decided'], to: 'closed', roles: CASEWORK_ROLES, fourEyes: false, requires: [] },
};

export interface CaseState extends WorkflowSubject<CaseStatus> {
  readonly filedAt: Date | null;
  readonly dueAt: Date | null;
  readonly suspendedAt: Date | null;
  readonly extendedAt: Date | null;
  readonly decidedAt: Date | null;
  readonly outcome: CaseOutcome | null;
  /** CNY as a decimal string (`"5000.00"`); never a float. */
  readonly fineAmount: string | null;
  readonly closedAt: Date | null;
}

export interface CaseCommand {
  readonly action: CaseAction;
  readonly comment?: string;
  readonly outcome?: CaseOutcome;
  readonly fineAmount?: string;
}

export interface DeadlineSettings {
  readonly conclusionDays: number;
  readonly extensionDays: number;
}

const DAY_MS = 86_400_000;

/**
 * What `command` does to a case: its next state and the fields it sets, including the
 * conclusion deadline (set on filing, pushed back by the time suspended, extended once).
 * Throws the workflow's 403/409/400 when the action is not allowed. Pure.
 */
export function applyCaseAction(
  current: CaseState,
  actor: Actor,
  command: CaseCommand,
  now: Date,
  settings: DeadlineSettings,
): CaseState {
  const supplied = new Set<CaseField>();
  if (command.comment !== undefined) supplied.add('comment');
  if (command.outcome !== undefined) supplied.add('outcome');
  const status = checkTransition(ENFORCEMENT_WORKFLOW, current, actor, command.action, supplied);
  switch (command.action) {
    case 'file':
      return { ...current, status, filedAt: now, dueAt: new Date(now.getTime() + settings.conclusionDays * DAY_MS) };
    case 'suspend':
      return { ...current, status, suspendedAt: now };
    case 'resume':
      return { ...current, status, suspendedAt: null, dueAt: resumedDueAt(current.dueAt, current.suspendedAt, now) };
    case 'extend':
      if (current.extendedAt !== null) throw new ConflictError('already-extended', 'A case can be extended only once');
      return { ...current, status, extendedAt: now, dueAt: extendedDueAt(current.dueAt, settings.extensionDays) };
    case 'decide':
      return { ...current, status, decidedAt: now, ...decision(command) };
    case 'close':
      return { ...current, status, closedAt: now };
    default:
      return { ...current, status };
  }
}

/** A penalty carries its fine; no other outcome has one. */
function decision(command: CaseCommand): { outcome: CaseOutcome; fineAmount: string | null } {
  const outcome = command.outcome as CaseOutcome;
  if (outcome === 'penalty' && command.fineAmount === undefined) {
    throw ValidationError.of('fineAmount', 'is required when the outcome is a penalty');
  }
  if (outcome !== 'penalty' && command.fineAmount !== undefined) {
    throw ValidationError.of('fineAmount', 'is only given with a penalty');
  }
  return { outcome, fineAmount: command.fineAmount ?? null };
}
