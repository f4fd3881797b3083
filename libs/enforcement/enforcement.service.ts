import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CalendarService, type CalendarYearView, type PutCalendarYearDto } from '#libs/calendar';
import {
  applyCaseListFilters,
  assertAssignable,
  type AssignDto,
  type CaseActor,
  type CaseKind,
  CaseworkChanges,
  changeOutcome,
  nextReference,
} from '#libs/casework';
import {
  addDays,
  Clock,
  parseInstant,
  ConflictError,
  localDate,
  localYear,
  type Page,
  ValidationError,
} from '#libs/common';
import { AppConfig } from '#libs/config';
import { escapeLike, pageNewestFirst } from '#libs/database';
import { Enterprise } from '#libs/enterprises';
import { HistoryService, type HistoryItemView } from '#libs/history';
import { intakeDueAt, type IntakeSubject } from './deadlines';
import type {
  CaseTransitionDto,
  CreateEnforcementCaseDto,
  ListEnforcementCasesQueryDto,
  UpdateEnforcementCaseDto,
} from './dto/enforcement.dto';
import { EnforcementCase } from './enforcement-case.entity';
import { applyCaseAction, EDITABLE_CASE_STATUSES } from './enforcement.workflow';
import { EnforcementCaseView } from './views';

const KIND: CaseKind<EnforcementCase> = {
  target: EnforcementCase,
  subject: 'enforcement_case',
  resource: 'Enforcement case',
  terminalStatuses: ['not_filed', 'closed'],
};
const EDITABLE_FIELDS = [
  'ipType',
  'category',
  'source',
  'respondentName',
  'respondentEnterpriseId',
  'complainantEnterpriseId',
  'summary',
  'receivedAt',
  'intakeDueAt',
] as const;
const WORKFLOW_FIELDS = [
  'status',
  'filedAt',
  'dueAt',
  'suspendedAt',
  'extendedAt',
  'decidedAt',
  'outcome',
  'fineAmount',
  'closedAt',
] as const;
/** Intake deadlines are at most a few weeks out; the calendar is loaded for a generous window. */
const CALENDAR_WINDOW_DAYS = 180;

async function assertEnterprisesExist(
  manager: EntityManager,
  parties: { respondentEnterpriseId?: string | null; complainantEnterpriseId?: string | null },
): Promise<void> {
  for (const field of ['respondentEnterpriseId', 'complainantEnterpriseId'] as const) {
    const id = parties[field];
    if (typeof id === 'string' && !(await manager.existsBy(Enterprise, { id }))) {
      throw ValidationError.of(field, 'does not name a registered enterprise');
    }
  }
}

/** Use-cases of administrative enforcement cases; every change is one transaction with its history row. */
@Injectable()
export class EnforcementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: CaseworkChanges,
    private readonly history: HistoryService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  create(actor: CaseActor, dto: CreateEnforcementCaseDto): Promise<EnforcementCase> {
    const officeId = actor.officeId;
    if (officeId === null) throw ValidationError.of('officeId', 'your account belongs to no office');
    const now = this.clock.now();
    const receivedAt = this.receivedAt(dto.receivedAt, now);
    return this.dataSource.transaction(async (manager) => {
      await assertEnterprisesExist(manager, dto);
      if (dto.assigneeId !== undefined) await assertAssignable(manager, dto.assigneeId, officeId);
      const subject = { ipType: dto.ipType, source: dto.source, receivedAt };
      const enforcementCase = manager.create(EnforcementCase, {
        reference: await nextReference(manager, 'EC', localYear(now, this.config.timezone)),
        ipType: dto.ipType,
        category: dto.category,
        source: dto.source,
        respondentName: dto.respondentName,
        respondentEnterpriseId: dto.respondentEnterpriseId ?? null,
        complainantEnterpriseId: dto.complainantEnterpriseId ?? null,
        summary: dto.summary ?? null,
        status: 'received',
        officeId,
        createdById: actor.id,
        assigneeId: dto.assigneeId ?? null,
        receivedAt,
        intakeDueAt: await this.intakeDueAt(subject, manager),
        filedAt: null,
        dueAt: null,
        suspendedAt: null,
        extendedAt: null,
        decidedAt: null,
        outcome: null,
        fineAmount: null,
        closedAt: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      await manager.save(EnforcementCase, enforcementCase);
      await this.changes.recordCreation(manager, KIND, enforcementCase, actor, [
        ...EDITABLE_FIELDS,
        'reference',
        'assigneeId',
      ]);
      return enforcementCase;
    });
  }

  list(actor: CaseActor, query: ListEnforcementCasesQueryDto): Promise<Page<EnforcementCaseView>> {
    const now = this.clock.now();
    const cases = applyCaseListFilters(
      this.dataSource.getRepository(EnforcementCase).createQueryBuilder('case'),
      query,
      actor,
      this.config.timezone,
    );
    if (query.status !== undefined) cases.andWhere('case.status = :status', { status: query.status });
    if (query.ipType !== undefined) cases.andWhere('case.ip_type = :ipType', { ipType: query.ipType });
    if (query.enterpriseId !== undefined) {
      cases.andWhere(
        '(case.respondent_enterprise_id = :enterpriseId OR case.complainant_enterprise_id = :enterpriseId)',
        {
          enterpriseId: query.enterpriseId,
        },
      );
    }
    if (query.q !== undefined) {
      cases.andWhere('(case.reference ILIKE :q OR case.respondent_name ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    }
    if (query.overdue !== undefined) {
      const overdue = `((case.status = 'received' AND case.intake_due_at < :now)
        OR (case.status IN ('filed', 'investigating') AND case.due_at < :now))`;
      cases.andWhere(query.overdue ? overdue : `NOT ${overdue}`, { now });
    }
    return pageNewestFirst(cases, query, (enforcementCase) => EnforcementCaseView.of(enforcementCase, now));
  }

  get(actor: CaseActor, id: string): Promise<EnforcementCase> {
    return this.changes.find(KIND, actor, id);
  }

  update(actor: CaseActor, id: string, dto: UpdateEnforcementCaseDto): Promise<EnforcementCase> {
    return this.changes.apply(KIND, actor, id, dto.version, async (enforcementCase, { manager, now }) => {
      if (!EDITABLE_CASE_STATUSES.includes(enforcementCase.status)) {
        throw new ConflictError('not-editable', 'An enforcement case can only be edited while received');
      }
      await assertEnterprisesExist(manager, dto);
      const before = { ...enforcementCase };
      const { version: _version, receivedAt, ...fields } = dto;
      Object.assign(enforcementCase, fields);
      if (receivedAt !== undefined) enforcementCase.receivedAt = this.receivedAt(receivedAt, now);
      enforcementCase.intakeDueAt = await this.intakeDueAt(enforcementCase, manager);
      return changeOutcome('edit', before, enforcementCase, null, EDITABLE_FIELDS);
    });
  }

  assign(actor: CaseActor, id: string, dto: AssignDto): Promise<EnforcementCase> {
    return this.changes.assign(KIND, actor, id, dto);
  }

  transition(actor: CaseActor, id: string, dto: CaseTransitionDto): Promise<EnforcementCase> {
    return this.changes.transition(
      KIND,
      actor,
      id,
      dto,
      (subject, now) => applyCaseAction(subject, actor, dto, now, this.config.deadlines),
      WORKFLOW_FIELDS,
    );
  }

  historyOf(actor: CaseActor, id: string, page: { limit: number; cursor?: string }): Promise<Page<HistoryItemView>> {
    return this.changes.historyOf(KIND, actor, id, page);
  }

  /**
   * Replaces a year of the working-day calendar and, in the same transaction, recomputes the
   * intake deadline of every received case: deadlines always follow the calendar in force.
   */
  replaceCalendarYear(year: number, dto: PutCalendarYearDto): Promise<CalendarYearView> {
    return this.calendar.replaceYear(year, dto, (manager) => this.recomputeIntakeDeadlines(manager));
  }

  private async recomputeIntakeDeadlines(manager: EntityManager): Promise<void> {
    const received = await manager.find(EnforcementCase, {
      where: { status: 'received' },
      lock: { mode: 'pessimistic_write' },
    });
    if (received.length === 0) return;
    const days = received.map((enforcementCase) => localDate(enforcementCase.receivedAt, this.config.timezone)).sort();
    const calendar = await this.calendar.workingCalendar(
      days[0] as string,
      addDays(days.at(-1) as string, CALENDAR_WINDOW_DAYS),
      manager,
    );
    for (const enforcementCase of received) {
      const dueAt = intakeDueAt(enforcementCase, this.config.deadlines, calendar, this.config.timezone);
      if (dueAt.getTime() !== enforcementCase.intakeDueAt.getTime()) {
        await manager.update(EnforcementCase, { id: enforcementCase.id }, { intakeDueAt: dueAt });
      }
    }
  }

  private async intakeDueAt(subject: IntakeSubject, manager: EntityManager): Promise<Date> {
    const receivedDay = localDate(subject.receivedAt, this.config.timezone);
    const calendar = await this.calendar.workingCalendar(
      receivedDay,
      addDays(receivedDay, CALENDAR_WINDOW_DAYS),
      manager,
    );
    return intakeDueAt(subject, this.config.deadlines, calendar, this.config.timezone);
  }

  private receivedAt(value: string | undefined, now: Date): Date {
    if (value === undefined) return now;
    const receivedAt = parseInstant(value, this.config.timezone, 'start');
    if (receivedAt.getTime() > now.getTime()) throw ValidationError.of('receivedAt', 'cannot be in the future');
    return receivedAt;
  }
}
