import { Injectable, type PipeTransform } from '@nestjs/common';
import { isUuid, NotFoundError } from '#libs/common';

/** A path id that is not a UUID cannot name a record: 404, exactly like an unknown one. */
@Injectable()
export class IdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUuid(value)) throw new NotFoundError('Record');
    return value.toLowerCase();
  }
}
