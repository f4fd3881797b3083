import { ForbiddenError, InvalidTransitionError, ValidationError } from '#libs/common';
import type { Role } from '#libs/offices-users';

/** Who takes an action, as far as the workflow rules care. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
}

/** What the rules need to know about the record an action is taken on. */
export interface WorkflowSubject<Status extends string> {
  readonly status: Status;
  readonly createdById: string;
  readonly assigneeId: string | null;
  /** Everyone the record was ever assigned to: reassigning it away must not clear the way to approving it. */
  readonly formerAssigneeIds?: readonly string[];
}

/** Four eyes: whoever created the record or is or was assigned to it. */
function isInvolved(subject: WorkflowSubject<string>, actor: Actor): boolean {
  return (
    subject.createdById === actor.id ||
    subject.assigneeId === actor.id ||
    (subject.formerAssigneeIds ?? []).includes(actor.id)
  );
}

/** One row of a transition table. */
export interface TransitionRule<Status extends string, Field extends string> {
  readonly from: readonly Status[];
  /** The state after the action; `from` states are kept when the action changes no state. */
  readonly to: Status | 'unchanged';
  readonly roles: readonly Role[];
  /** Four eyes: the creator or assignee of the record may not take the action. */
  readonly fourEyes: boolean;
  readonly requires: readonly Field[];
}

export type TransitionTable<Status extends string, Action extends string, Field extends string> = Readonly<
  Record<Action, TransitionRule<Status, Field>>
>;

/** The roles that work cases ("caseworker and above" in the rules; admins only read). */
export const CASEWORK_ROLES: readonly Role[] = ['caseworker', 'supervisor'];
export const SUPERVISOR_ROLES: readonly Role[] = ['supervisor'];

/**
 * May `actor` take `action` on `subject` now, with these fields supplied? Returns the state
 * after the action, or throws: 403 for a role that may never take it or a four-eyes
 * violation, 409 for a state it is not allowed from, 400 for a missing required field.
 * Pure: no I/O, the same answer for the same input.
 */
export function checkTransition<Status extends string, Action extends string, Field extends string>(
  table: TransitionTable<Status, Action, Field>,
  subject: WorkflowSubject<Status>,
  actor: Actor,
  action: Action,
  supplied: ReadonlySet<Field>,
): Status {
  const rule = table[action];
  if (!rule.roles.includes(actor.role)) {
    throw new ForbiddenError(`The ${actor.role} role may not ${action.replaceAll('_', ' ')}`);
  }
  if (!rule.from.includes(subject.status)) throw new InvalidTransitionError(action, subject.status);
  if (rule.fourEyes && isInvolved(subject, actor)) {
    throw new ForbiddenError(
      `Four eyes: you may not ${action.replaceAll('_', ' ')} a record you created or are (or were) assigned to`,
    );
  }
  const missing = rule.requires.filter((field) => !supplied.has(field));
  if (missing.length > 0) {
    throw new ValidationError(
      missing.map((field) => ({ field, message: `${field} is required to ${action.replaceAll('_', ' ')}` })),
    );
  }
  return rule.to === 'unchanged' ? subject.status : rule.to;
}

/** The actions the table would let `actor` take on `subject` now (for clients' buttons). */
export function availableActions<Status extends string, Action extends string, Field extends string>(
  table: TransitionTable<Status, Action, Field>,
  subject: WorkflowSubject<Status>,
  actor: Actor,
): Action[] {
  return (Object.keys(table) as Action[]).filter((action) => {
    const rule = table[action];
    return (
      rule.roles.includes(actor.role) &&
      rule.from.includes(subject.status) &&
      !(rule.fourEyes && isInvolved(subject, actor))
    );
  });
}

/** All states a table can produce or start from. */
export function statesOf<Status extends string, Action extends string, Field extends string>(
  table: TransitionTable<Status, Action, Field>,
): Set<Status> {
  const states = new Set<Status>();
  for (const rule of Object.values<TransitionRule<Status, Field>>(table)) {
    for (const state of rule.from) states.add(state);
    if (rule.to !== 'unchanged') states.add(rule.to);
  }
  return states;
}
