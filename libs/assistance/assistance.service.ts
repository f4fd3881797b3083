import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
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
import { Clock, ConflictError, localYear, type Page, ValidationError } from '#libs/common';
import { AppConfig } from '#libs/config';
import { escapeLike, pageNewestFirst } from '#libs/database';
import { Enterprise } from '#libs/enterprises';
import { HistoryService, type HistoryItemView } from '#libs/history';
import { AssistanceRequest } from './assistance-request.entity';
import { applyAssistanceAction, EDITABLE_ASSISTANCE_STATUSES } from './assistance.workflow';
import type {
  AssistanceTransitionDto,
  CreateAssistanceRequestDto,
  ListAssistanceRequestsQueryDto,
  UpdateAssistanceRequestDto,
} from './dto/assistance.dto';
import { AssistanceRequestView } from './views';

const KIND: CaseKind<AssistanceRequest> = {
  target: AssistanceRequest,
  subject: 'assistance_request',
  resource: 'Assistance request',
  terminalStatuses: ['rejected', 'completed', 'withdrawn'],
};
const EDITABLE_FIELDS = ['enterpriseId', 'type', 'title', 'description'] as const;
const WORKFLOW_FIELDS = ['status', 'approvedAt', 'approvedById', 'outcome', 'completedAt'] as const;

async function assertEnterpriseExists(manager: EntityManager, enterpriseId: string): Promise<void> {
  if (!(await manager.existsBy(Enterprise, { id: enterpriseId }))) {
    throw ValidationError.of('enterpriseId', 'does not name a registered enterprise');
  }
}

/** Use-cases of assistance requests; every change is one transaction with its history row. */
@Injectable()
export class AssistanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: CaseworkChanges,
    private readonly history: HistoryService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  create(actor: CaseActor, dto: CreateAssistanceRequestDto): Promise<AssistanceRequest> {
    const officeId = actor.officeId;
    if (officeId === null)
      throw new ValidationError([{ field: 'officeId', message: 'your account belongs to no office' }]);
    return this.dataSource.transaction(async (manager) => {
      await assertEnterpriseExists(manager, dto.enterpriseId);
      if (dto.assigneeId !== undefined) await assertAssignable(manager, dto.assigneeId, officeId);
      const now = this.clock.now();
      const request = manager.create(AssistanceRequest, {
        reference: await nextReference(manager, 'AR', localYear(now, this.config.timezone)),
        enterpriseId: dto.enterpriseId,
        type: dto.type,
        title: dto.title,
        description: dto.description ?? null,
        status: 'draft',
        officeId,
        createdById: actor.id,
        assigneeId: dto.assigneeId ?? null,
        approvedAt: null,
        approvedById: null,
        outcome: null,
        completedAt: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      await manager.save(AssistanceRequest, request);
      await this.changes.recordCreation(manager, KIND, request, actor, [...EDITABLE_FIELDS, 'reference', 'assigneeId']);
      return request;
    });
  }

  list(actor: CaseActor, query: ListAssistanceRequestsQueryDto): Promise<Page<AssistanceRequestView>> {
    const requests = applyCaseListFilters(
      this.dataSource.getRepository(AssistanceRequest).createQueryBuilder('request'),
      query,
      actor,
      this.config.timezone,
    );
    if (query.status !== undefined) requests.andWhere('request.status = :status', { status: query.status });
    if (query.type !== undefined) requests.andWhere('request.type = :type', { type: query.type });
    if (query.enterpriseId !== undefined)
      requests.andWhere('request.enterprise_id = :enterpriseId', { enterpriseId: query.enterpriseId });
    if (query.q !== undefined) {
      requests.andWhere('(request.reference ILIKE :q OR request.title ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    }
    return pageNewestFirst(requests, query, AssistanceRequestView.of);
  }

  get(actor: CaseActor, id: string): Promise<AssistanceRequest> {
    return this.changes.find(KIND, actor, id);
  }

  update(actor: CaseActor, id: string, dto: UpdateAssistanceRequestDto): Promise<AssistanceRequest> {
    return this.changes.apply(KIND, actor, id, dto.version, async (request, { manager }) => {
      if (!EDITABLE_ASSISTANCE_STATUSES.includes(request.status)) {
        throw new ConflictError(
          'not-editable',
          `An assistance request can only be edited while ${EDITABLE_ASSISTANCE_STATUSES.join(' or ')}`,
        );
      }
      if (dto.enterpriseId !== undefined) await assertEnterpriseExists(manager, dto.enterpriseId);
      const before = { ...request };
      Object.assign(request, {
        enterpriseId: dto.enterpriseId ?? request.enterpriseId,
        type: dto.type ?? request.type,
        title: dto.title ?? request.title,
        // null clears the description; leaving it out keeps it.
        description: dto.description === undefined ? request.description : dto.description,
      });
      return changeOutcome('edit', before, request, null, EDITABLE_FIELDS);
    });
  }

  assign(actor: CaseActor, id: string, dto: AssignDto): Promise<AssistanceRequest> {
    return this.changes.assign(KIND, actor, id, dto);
  }

  transition(actor: CaseActor, id: string, dto: AssistanceTransitionDto): Promise<AssistanceRequest> {
    return this.changes.transition(
      KIND,
      actor,
      id,
      dto,
      (subject, now) => applyAssistanceAction(subject, actor, dto, now),
      WORKFLOW_FIELDS,
    );
  }

  historyOf(actor: CaseActor, id: string, page: { limit: number; cursor?: string }): Promise<Page<HistoryItemView>> {
    return this.changes.historyOf(KIND, actor, id, page);
  }
}
