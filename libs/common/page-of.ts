import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/** The OpenAPI schema of a `{ items, nextCursor }` page of `View`s. */
export function PageOf<View>(view: Type<View>): Type<{ items: View[]; nextCursor: string | null }> {
  class PageOfView {
    @ApiProperty({ type: [view] }) items!: View[];
    @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last' })
    nextCursor!: string | null;
  }
  Object.defineProperty(PageOfView, 'name', { value: `${view.name.replace(/View$/, '')}Page` });
  return PageOfView;
}
