import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type EntityTarget } from 'typeorm';
import { assertVersion, Clock, InvalidTransitionError, NotFoundError, type Page, ValidationError } from '#libs/common';
import {
  changedFields,
  type FieldChange,
  type HistoryItemView,
  HistoryService,
  type HistorySubject,
  initialFields,
} from '#libs/history';
import { User } from '#libs/offices-users';
import type { AssignDto } from './dto/assign.dto';
import { restrictToOffice } from './office-scope';
import { type Actor, CASEWORK_ROLES } from './workflow';

/** The columns every case record (assistance request, enforcement case) has. */
export interface CaseRecord {
  id: string;
  officeId: string;
  status: string;
  createdById: string;
  assigneeId: string | null;
  version: number;
  updatedAt: Date;
}

/** Which kind of case record an operation is on. */
export interface CaseKind<Record extends CaseRecord> {
  readonly target: EntityTarget<Record>;
  readonly subject: HistorySubject;
  /** The record's name in messages, e.g. "Enforcement case". */
  readonly resource: string;
  /** States in which a record is finished and takes no assignment. */
  readonly terminalStatuses: readonly string[];
}

export interface CaseActor extends Actor {
  readonly officeId: string | null;
}

/** What a change did, as its history row tells it. */
export interface ChangeOutcome {
  readonly action: string;
  readonly fromStatus: string;
  readonly toStatus: string;
  readonly comment: string | null;
  readonly changes: Record<string, FieldChange>;
}

export interface ChangeContext {
  readonly manager: EntityManager;
  readonly now: Date;
}

/** A workflow action as clients send it. */
export interface TransitionCommand {
  readonly version: number;
  readonly action: string;
  readonly comment?: string;
}

/** What a change did to `fields`, for its history row. */
export function changeOutcome<Record extends CaseRecord>(
  action: string,
  before: Record,
  after: Record,
  comment: string | null,
  fields: readonly Extract<keyof Record, string>[],
): ChangeOutcome {
  return {
    action,
    fromStatus: before.status,
    toStatus: after.status,
    comment,
    changes: changedFields(before, after, fields),
  };
}

/** An assignee works in the record's office, in a casework role, and is active. */
export async function assertAssignable(manager: EntityManager, assigneeId: string, officeId: string): Promise<void> {
  const assignee = await manager.findOneBy(User, { id: assigneeId });
  if (
    assignee === null ||
    assignee.officeId !== officeId ||
    !assignee.active ||
    !CASEWORK_ROLES.includes(assignee.role)
  ) {
    throw ValidationError.of('assigneeId', 'must be an active caseworker or supervisor of the same office');
  }
}

/**
 * The one way a case record changes after creation (edit, assignment, workflow action):
 * in one transaction it loads the record within the actor's office scope with a row lock,
 * checks the version the client read, lets `change` mutate it, bumps the version and
 * appends the history row. Concurrent changes queue on the lock; the losers see a newer
 * version and get 409.
 */
@Injectable()
export class CaseworkChanges {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: HistoryService,
    private readonly clock: Clock,
  ) {}

  /** Reads one record within the actor's office scope; 404 otherwise, exactly as for a record that does not exist. */
  async find<Record extends CaseRecord>(kind: CaseKind<Record>, actor: CaseActor, id: string): Promise<Record> {
    const query = this.dataSource.createQueryBuilder(kind.target, 'record').where('record.id = :id', { id });
    const record = await restrictToOffice(query, actor).getOne();
    if (record === null) throw new NotFoundError(kind.resource);
    return record;
  }

  /** The history of one record within the actor's office scope, oldest first. */
  async historyOf<Record extends CaseRecord>(
    kind: CaseKind<Record>,
    actor: CaseActor,
    id: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<HistoryItemView>> {
    await this.find(kind, actor, id);
    return this.history.list(kind.subject, id, page);
  }

  /** The history row of a record just created in the caller's transaction. */
  async recordCreation<Record extends CaseRecord>(
    manager: EntityManager,
    kind: CaseKind<Record>,
    record: Record,
    actor: CaseActor,
    fields: readonly Extract<keyof Record, string>[],
  ): Promise<void> {
    await this.history.append(manager, {
      subjectType: kind.subject,
      subjectId: record.id,
      action: 'create',
      fromStatus: null,
      toStatus: record.status,
      actorId: actor.id,
      at: record.updatedAt,
      comment: null,
      changes: initialFields(record, fields),
    });
  }

  /** Assigns (or, with null, unassigns) a record to a caseworker or supervisor of its office. */
  assign<Record extends CaseRecord>(
    kind: CaseKind<Record>,
    actor: CaseActor,
    id: string,
    dto: AssignDto,
  ): Promise<Record> {
    return this.apply(kind, actor, id, dto.version, async (record, { manager }) => {
      if (kind.terminalStatuses.includes(record.status)) throw new InvalidTransitionError('assign', record.status);
      if (dto.assigneeId !== null) await assertAssignable(manager, dto.assigneeId, record.officeId);
      const before = { ...record };
      record.assigneeId = dto.assigneeId;
      return changeOutcome<CaseRecord>('assign', before, record, null, ['assigneeId']);
    });
  }

  /**
   * A workflow action: `decide` (the context's pure workflow function) gets the record with
   * everyone it was ever assigned to, for four eyes, and answers with the record's next state.
   */
  transition<Record extends CaseRecord>(
    kind: CaseKind<Record>,
    actor: CaseActor,
    id: string,
    command: TransitionCommand,
    decide: (subject: Record & { formerAssigneeIds: string[] }, now: Date) => Partial<Record>,
    fields: readonly Extract<keyof Record, string>[],
  ): Promise<Record> {
    return this.apply(kind, actor, id, command.version, async (record, { manager, now }) => {
      const before = { ...record };
      const subject = { ...record, formerAssigneeIds: await this.formerAssignees(manager, kind, record.id) };
      const { formerAssigneeIds: _former, ...next } = decide(subject, now) as Partial<Record> & {
        formerAssigneeIds?: unknown;
      };
      Object.assign(record, next);
      return changeOutcome(command.action, before, record, command.comment ?? null, fields);
    });
  }

  apply<Record extends CaseRecord>(
    kind: CaseKind<Record>,
    actor: CaseActor,
    id: string,
    version: number,
    change: (record: Record, context: ChangeContext) => Promise<ChangeOutcome> | ChangeOutcome,
  ): Promise<Record> {
    return this.dataSource.transaction(async (manager) => {
      const query = manager
        .createQueryBuilder(kind.target, 'record')
        .where('record.id = :id', { id })
        .setLock('pessimistic_write');
      const record = await restrictToOffice(query, actor).getOne();
      if (record === null) throw new NotFoundError(kind.resource);
      assertVersion(record, version, kind.resource);
      const now = this.clock.now();
      const outcome = await change(record, { manager, now });
      record.version += 1;
      record.updatedAt = now;
      await manager.save(kind.target, record);
      await this.history.append(manager, {
        subjectType: kind.subject,
        subjectId: record.id,
        actorId: actor.id,
        at: now,
        ...outcome,
      });
      return record;
    });
  }

  /** Reassigning a record away must not clear the way to approving it: four eyes counts every assignee it had. */
  private async formerAssignees(manager: EntityManager, kind: CaseKind<CaseRecord>, id: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT DISTINCT changes -> 'assigneeId' ->> 'to' AS id FROM case_history
        WHERE subject_type = $1 AND subject_id = $2 AND changes -> 'assigneeId' ->> 'to' IS NOT NULL`,
      [kind.subject, id],
    );
    return rows.map((row) => row.id);
  }
}
