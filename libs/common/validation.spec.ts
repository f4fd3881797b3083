import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsString, ValidateNested } from 'class-validator';
import { ValidationError } from './domain-errors';
import { validateInput } from './validation';

class Line {
  @IsString() text!: string;
}

class Document {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => Line)
  lines!: Line[];
}

describe('validation', () => {
  it('names fields inside arrays as JavaScript would: lines[1].text', async () => {
    const refused = await validateInput(Document, { lines: [{ text: 'a' }, { text: 1 }, { text: 'c', extra: true }] })
      .then(() => undefined)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).errors).toEqual([
      { field: 'lines[1].text', message: 'text must be a string' },
      { field: 'lines[2].extra', message: 'lines[2].extra is not an accepted field' },
    ]);
  });
});
