import { ApiProperty } from '@nestjs/swagger';
import type { HistoryEntry } from './history-entry.entity';

export class HistoryItemView {
  @ApiProperty({ description: 'Increasing in the order steps happened' }) id!: string;
  @ApiProperty({ example: 'approve', description: '`create`, `edit`, `assign` or the workflow action' })
  action!: string;
  @ApiProperty({ nullable: true, type: String, example: 'under_review' }) fromStatus!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'approved' }) toStatus!: string | null;
  @ApiProperty({ format: 'uuid' }) actorId!: string;
  @ApiProperty() at!: Date;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', properties: { from: {}, to: {} } },
    example: { approvedAt: { from: null, to: '2026-11-25T08:00:00.000Z' } },
  })
  changes!: Record<string, { from: unknown; to: unknown }>;

  static of(entry: HistoryEntry): HistoryItemView {
    const { id, action, fromStatus, toStatus, actorId, at, comment, changes } = entry;
    return { id, action, fromStatus, toStatus, actorId, at, comment, changes };
  }
}
