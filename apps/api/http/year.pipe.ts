import { Injectable, type PipeTransform } from '@nestjs/common';
import { assertCalendarYear } from '#libs/calendar';

/**
 * A calendar year in the path, else 400 naming `year`. The global validation pipe has already
 * turned the text into a number (NaN when it is not one).
 */
@Injectable()
export class YearPipe implements PipeTransform<unknown, number> {
  transform(value: unknown): number {
    const year = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
    assertCalendarYear(year);
    return year;
  }
}
