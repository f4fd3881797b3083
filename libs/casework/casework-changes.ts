import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type EntityTarget } from 'typeorm';
import { assertVersion, Clock, NotFoundError, ValidationError } from '#libs/common';
import { type FieldChange, HistoryService, type HistorySubject } from '#libs/history';
import { User } from '#libs/offices-users';
import { restrictToOffice } from './office-scope';
import type { Actor } from './workflow';
import { CASEWORK_ROLES } from './workflow';

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

  /** Reads one record within the actor's office scope; 404 otherwise. */
  async find<Record extends CaseRecord>(
    target: EntityTarget<Record>,
    resource: string,
    actor: CaseActor,
    id: string,
  ): Promise<Record> {
    const record = await restrictToOffice(
      this.dataSource.createQueryBuilder(target, 'record').where('record.id = :id', { id }),
      actor,
    ).getOne();
    if (record === null) throw new NotFoundError(resource);
    return record;
  }

  apply<Record extends CaseRecord>(
    target: EntityTarget<Record>,
    subject: HistorySubject,
    resource: string,
    actor: CaseActor,
    id: string,
    version: number,
    change: (record: Record, context: ChangeContext) => Promise<ChangeOutcome> | ChangeOutcome,
  ): Promise<Record> {
    return this.dataSource.transaction(async (manager) => {
      const record = await restrictToOffice(
        manager.createQueryBuilder(target, 'record').where('record.id = :id', { id }).setLock('pessimistic_write'),
        actor,
      ).getOne();
      if (record === null) throw new NotFoundError(resource);
      assertVersion(record, version, resource);
      const now = this.clock.now();
      const outcome = await change(record, { manager, now });
      record.version += 1;
      record.updatedAt = now;
      await manager.save(target, record);
      await this.history.append(manager, {
        subjectType: subject,
        subjectId: record.id,
        actorId: actor.id,
        at: now,
        ...outcome,
      });
      return record;
    });
  }
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
