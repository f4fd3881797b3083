import fc from 'fast-check';
import { statesOf } from '#libs/casework';
import { ConflictError, DomainError, ForbiddenError, ValidationError } from '#libs/common';
import type { Role } from '#libs/offices-users';
import {
  applyCaseAction,
  CASE_ACTIONS,
  CASE_STATUSES,
  type CaseAction,
  type CaseState,
  ENFORCEMENT_WORKFLOW,
} from './enforcement.workflow';

const SETTINGS = { conclusionDays: 90, extensionDays: 30 };
const DAY = 86_400_000;
const CASEWORKER = { id: 'caseworker', role: 'caseworker' as Role };
const SUPERVISOR = { id: 'supervisor', role: 'supervisor' as Role };

function received(): CaseState {
  return {
    status: 'received',
    createdById: CASEWORKER.id,
    assigneeId: null,
    filedAt: null,
    dueAt: null,
    suspendedAt: null,
    extendedAt: null,
    decidedAt: null,
    outcome: null,
    fineAmount: null,
    closedAt: null,
  };
}

describe('the enforcement case workflow', () => {
  it('files with a 90-day deadline, stops the clock while suspended, extends once by 30 days', () => {
    const t0 = new Date('2026-03-02T02:00:00Z');
    let current = applyCaseAction(received(), SUPERVISOR, { action: 'file' }, t0, SETTINGS);
    expect(current).toMatchObject({ status: 'filed', filedAt: t0, dueAt: new Date(t0.getTime() + 90 * DAY) });
    current = applyCaseAction(current, CASEWORKER, { action: 'start_investigation' }, t0, SETTINGS);
    current = applyCaseAction(
      current,
      CASEWORKER,
      { action: 'suspend', comment: 'awaiting expert opinion' },
      new Date(t0.getTime() + 10 * DAY),
      SETTINGS,
    );
    current = applyCaseAction(current, CASEWORKER, { action: 'resume' }, new Date(t0.getTime() + 25 * DAY), SETTINGS);
    expect(current).toMatchObject({
      status: 'investigating',
      suspendedAt: null,
      dueAt: new Date(t0.getTime() + 105 * DAY),
    });
    current = applyCaseAction(current, SUPERVISOR, { action: 'extend', comment: 'complex' }, t0, SETTINGS);
    expect(current.dueAt).toEqual(new Date(t0.getTime() + 135 * DAY));
    expect(() => applyCaseAction(current, SUPERVISOR, { action: 'extend', comment: 'again' }, t0, SETTINGS)).toThrow(
      ConflictError,
    );
    current = applyCaseAction(
      current,
      SUPERVISOR,
      { action: 'decide', outcome: 'penalty', fineAmount: '50000.00' },
      t0,
      SETTINGS,
    );
    expect(current).toMatchObject({ status: 'decided', outcome: 'penalty', fineAmount: '50000.00', decidedAt: t0 });
    current = applyCaseAction(current, CASEWORKER, { action: 'close' }, t0, SETTINGS);
    expect(current).toMatchObject({ status: 'closed', closedAt: t0 });
  });

  it('needs a fine with a penalty and refuses one otherwise', () => {
    const investigating = { ...received(), status: 'investigating' as const };
    expect(() =>
      applyCaseAction(investigating, SUPERVISOR, { action: 'decide', outcome: 'penalty' }, new Date(), SETTINGS),
    ).toThrow(ValidationError);
    expect(() =>
      applyCaseAction(
        investigating,
        SUPERVISOR,
        { action: 'decide', outcome: 'mediated', fineAmount: '1.00' },
        new Date(),
        SETTINGS,
      ),
    ).toThrow(ValidationError);
  });

  it('keeps four eyes on filing, deciding and extending', () => {
    for (const [status, action] of [
      ['received', 'file'],
      ['investigating', 'decide'],
      ['investigating', 'extend'],
    ] as const) {
      const own = { ...received(), status, createdById: SUPERVISOR.id };
      expect(() =>
        applyCaseAction(own, SUPERVISOR, { action, comment: 'c', outcome: 'mediated' }, new Date(), SETTINGS),
      ).toThrow(ForbiddenError);
    }
  });

  it('never leaves its states, and the clock never runs backwards', () => {
    const states = statesOf(ENFORCEMENT_WORKFLOW);
    expect([...states].sort()).toEqual([...CASE_STATUSES].sort());
    const step = fc.record({
      actor: fc.constantFrom(CASEWORKER, SUPERVISOR, { id: 'admin', role: 'admin' }),
      action: fc.constantFrom<CaseAction>(...CASE_ACTIONS),
      advanceDays: fc.integer({ min: 0, max: 40 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let current = received();
        let now = new Date('2026-01-05T02:00:00Z').getTime();
        for (const attempt of steps) {
          now += attempt.advanceDays * DAY;
          try {
            const next = applyCaseAction(
              current,
              attempt.actor,
              { action: attempt.action, comment: 'c', outcome: 'cease_order' },
              new Date(now),
              SETTINGS,
            );
            if (current.dueAt !== null && next.dueAt !== null)
              expect(next.dueAt.getTime()).toBeGreaterThanOrEqual(current.dueAt.getTime());
            current = next;
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
          expect(states.has(current.status)).toBe(true);
          if (current.status === 'suspended') expect(current.suspendedAt).not.toBeNull();
          if (current.filedAt !== null) expect(current.dueAt).not.toBeNull();
        }
      }),
    );
  });
});
