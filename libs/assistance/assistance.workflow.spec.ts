import fc from 'fast-check';
import { statesOf } from '#libs/casework';
import { DomainError, ForbiddenError, InvalidTransitionError, ValidationError } from '#libs/common';
import type { Role } from '#libs/offices-users';
import {
  applyAssistanceAction,
  ASSISTANCE_ACTIONS,
  ASSISTANCE_STATUSES,
  ASSISTANCE_WORKFLOW,
  type AssistanceAction,
  type AssistanceState,
} from './assistance.workflow';

const CREATOR = 'creator';
const SUPERVISOR = { id: 'supervisor', role: 'supervisor' as Role };
const CASEWORKER = { id: CREATOR, role: 'caseworker' as Role };
const NOW = new Date('2026-06-01T02:00:00Z');

function draft(): AssistanceState {
  return {
    status: 'draft',
    createdById: CREATOR,
    assigneeId: null,
    approvedAt: null,
    approvedById: null,
    outcome: null,
    completedAt: null,
  };
}

const actor = fc.constantFrom(
  SUPERVISOR,
  CASEWORKER,
  { id: 'other-caseworker', role: 'caseworker' },
  { id: 'admin', role: 'admin' },
);
const step = fc.record({
  actor,
  action: fc.constantFrom(...ASSISTANCE_ACTIONS),
  comment: fc.option(fc.constant('because'), { nil: undefined }),
  outcome: fc.option(fc.constant('done'), { nil: undefined }),
});

/** Runs a sequence of attempted actions; refused ones leave the request as it was. */
function run(steps: { actor: typeof SUPERVISOR; action: AssistanceAction; comment?: string; outcome?: string }[]) {
  let request = draft();
  const applied: AssistanceAction[] = [];
  const trail: AssistanceState[] = [request];
  for (const attempt of steps) {
    try {
      request = applyAssistanceAction(request, attempt.actor, attempt, NOW);
      applied.push(attempt.action);
      trail.push(request);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return { request, applied, trail };
}

describe('the assistance request workflow', () => {
  it('walks the happy path from draft to completed', () => {
    let request = draft();
    request = applyAssistanceAction(request, CASEWORKER, { action: 'submit' }, NOW);
    request = applyAssistanceAction(request, SUPERVISOR, { action: 'start_review' }, NOW);
    request = applyAssistanceAction(request, SUPERVISOR, { action: 'approve' }, NOW);
    expect(request).toMatchObject({ status: 'approved', approvedAt: NOW, approvedById: SUPERVISOR.id });
    request = applyAssistanceAction(request, CASEWORKER, { action: 'start_service' }, NOW);
    request = applyAssistanceAction(request, CASEWORKER, { action: 'complete', outcome: 'Mediation agreed' }, NOW);
    expect(request).toMatchObject({ status: 'completed', outcome: 'Mediation agreed', completedAt: NOW });
  });

  it('refuses by role (403), by state (409), by four eyes (403) and for a missing field (400)', () => {
    const underReview = { ...draft(), status: 'under_review' as const };
    expect(() => applyAssistanceAction(underReview, CASEWORKER, { action: 'approve' }, NOW)).toThrow(ForbiddenError);
    expect(() => applyAssistanceAction(draft(), SUPERVISOR, { action: 'approve' }, NOW)).toThrow(
      InvalidTransitionError,
    );
    const ownRequest = { ...underReview, createdById: SUPERVISOR.id };
    expect(() => applyAssistanceAction(ownRequest, SUPERVISOR, { action: 'approve' }, NOW)).toThrow(ForbiddenError);
    const assigned = { ...underReview, assigneeId: SUPERVISOR.id };
    expect(() => applyAssistanceAction(assigned, SUPERVISOR, { action: 'reject', comment: 'no' }, NOW)).toThrow(
      ForbiddenError,
    );
    const formerlyAssigned = { ...underReview, assigneeId: 'someone-else', formerAssigneeIds: [SUPERVISOR.id] };
    expect(() => applyAssistanceAction(formerlyAssigned, SUPERVISOR, { action: 'approve' }, NOW)).toThrow(
      ForbiddenError,
    );
    expect(() => applyAssistanceAction(underReview, SUPERVISOR, { action: 'reject' }, NOW)).toThrow(ValidationError);
  });

  it('never leaves the states of its table', () => {
    const states = statesOf(ASSISTANCE_WORKFLOW);
    expect([...states].sort()).toEqual([...ASSISTANCE_STATUSES].sort());
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        for (const request of run(steps).trail) expect(states.has(request.status)).toBe(true);
      }),
    );
  });

  it('sets approvedAt exactly when the request has been approved', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const { trail, applied } = run(steps);
        trail.forEach((request, index) => {
          const approvedSoFar = applied.slice(0, index).includes('approve');
          expect(request.approvedAt !== null).toBe(approvedSoFar);
          expect(request.approvedById !== null).toBe(approvedSoFar);
        });
      }),
    );
  });

  it('never moves a withdrawn or rejected request again', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const { trail } = run(steps);
        const ended = trail.findIndex((request) => request.status === 'withdrawn' || request.status === 'rejected');
        if (ended >= 0) expect(trail.slice(ended + 1)).toEqual([]);
      }),
    );
  });

  it('never lets a caseworker or an admin approve, reject or return', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ASSISTANCE_STATUSES),
        fc.constantFrom<AssistanceAction>('approve', 'reject', 'return', 'start_review'),
        fc.constantFrom<Role>('caseworker', 'admin'),
        (status, action, role) => {
          const request = { ...draft(), status };
          expect(() => applyAssistanceAction(request, { id: 'x', role }, { action, comment: 'c' }, NOW)).toThrow(
            ForbiddenError,
          );
        },
      ),
    );
  });
});
