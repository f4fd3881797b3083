import {
  type Actor,
  CASEWORK_ROLES,
  checkTransition,
  SUPERVISOR_ROLES,
  type TransitionTable,
  type WorkflowSubject,
} from '#libs/casework';

export const ASSISTANCE_TYPES = [
  'infringement_dispute',
  'overseas_dispute',
  'expert_consultation',
  'fast_track_examination',
  'pledge_financing',
  'training',
] as const;
export type AssistanceType = (typeof ASSISTANCE_TYPES)[number];

export const ASSISTANCE_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'approved',
  'rejected',
  'in_service',
  'completed',
  'withdrawn',
] as const;
export type AssistanceStatus = (typeof ASSISTANCE_STATUSES)[number];

export const ASSISTANCE_ACTIONS = [
  'submit',
  'start_review',
  'approve',
  'reject',
  'return',
  'start_service',
  'complete',
  'withdraw',
] as const;
export type AssistanceAction = (typeof ASSISTANCE_ACTIONS)[number];

export type AssistanceField = 'comment' | 'outcome';

/** States in which the request's own fields may still be edited. */
export const EDITABLE_ASSISTANCE_STATUSES: readonly AssistanceStatus[] = ['draft', 'submitted'];

/** SPEC §4, assistance request: state × action → state, who may, and what must be supplied. */
export const ASSISTANCE_WORKFLOW: TransitionTable<AssistanceStatus, AssistanceAction, AssistanceField> = {
  submit: { from: ['draft'], to: 'submitted', roles: CASEWORK_ROLES, fourEyes: false, requires: [] },
  start_review: { from: ['submitted'], to: 'under_review', roles: SUPERVISOR_ROLES, fourEyes: false, requires: [] },
  approve: { from: ['under_review'], to: 'approved', roles: SUPERVISOR_ROLES, fourEyes: true, requires: [] },
  reject: { from: ['under_review'], to: 'rejected', roles: SUPERVISOR_ROLES, fourEyes: true, requires: ['comment'] },
  return: { from: ['under_review'], to: 'draft', roles: SUPERVISOR_ROLES, fourEyes: false, requires: ['comment'] },
  start_service: { from: ['approved'], to: 'in_service', roles: CASEWORK_ROLES, fourEyes: false, requires: [] },
  complete: { from: ['in_service'], to: 'completed', roles: CASEWORK_ROLES, fourEyes: false, requires: ['outcome'] },
  withdraw: {
    from: ['draft', 'submitted', 'under_review'],
    to: 'withdrawn',
    roles: CASEWORK_ROLES,
    fourEyes: false,
    requires: ['comment'],
  },
};

export interface AssistanceState extends WorkflowSubject<AssistanceStatus> {
  readonly approvedAt: Date | null;
  readonly approvedById: string | null;
  readonly outcome: string | null;
  readonly completedAt: Date | null;
}

export interface AssistanceCommand {
  readonly action: AssistanceAction;
  readonly comment?: string;
  readonly outcome?: string;
}

/**
 * What `command` does to a request: its next state and the fields it sets. Throws the
 * workflow's 403/409/400 when the action is not allowed. Pure.
 */
export function applyAssistanceAction(
  request: AssistanceState,
  actor: Actor,
  command: AssistanceCommand,
  now: Date,
): AssistanceState {
  const supplied = new Set<AssistanceField>();
  if (command.comment !== undefined) supplied.add('comment');
  if (command.outcome !== undefined) supplied.add('outcome');
  const status = checkTransition(ASSISTANCE_WORKFLOW, request, actor, command.action, supplied);
  switch (command.action) {
    case 'approve':
      return { ...request, status, approvedAt: now, approvedById: actor.id };
    case 'complete':
      return { ...request, status, outcome: command.outcome ?? null, completedAt: now };
    default:
      return { ...request, status };
  }
}
