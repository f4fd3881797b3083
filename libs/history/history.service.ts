import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeIdCursor, type Page, toPage } from '#libs/common';
import { HistoryEntry, type HistorySubject } from './history-entry.entity';
import { HistoryItemView } from './views';

export type NewHistoryEntry = Omit<HistoryEntry, 'id'>;

/** Appends and reads the history of cases. Appending always happens inside the caller's transaction. */
@Injectable()
export class HistoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(manager: EntityManager, entry: NewHistoryEntry): Promise<void> {
    await manager.save(HistoryEntry, manager.create(HistoryEntry, entry));
  }

  /** Oldest first, by keyset on the id. */
  async list(
    subjectType: HistorySubject,
    subjectId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<HistoryItemView>> {
    const query = this.dataSource
      .getRepository(HistoryEntry)
      .createQueryBuilder('entry')
      .where('entry.subject_type = :subjectType AND entry.subject_id = :subjectId', { subjectType, subjectId });
    if (page.cursor !== undefined) query.andWhere('entry.id > :after', { after: decodeIdCursor(page.cursor) });
    const rows = await query
      .orderBy('entry.id', 'ASC')
      .limit(page.limit + 1)
      .getMany();
    return toPage(rows, page.limit, (row) => [row.id], HistoryItemView.of);
  }
}
