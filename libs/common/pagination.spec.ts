import fc from 'fast-check';
import { ValidationError } from './domain-errors';
import { decodeCursor, encodeCursor, toPage } from './pagination';

describe('pagination', () => {
  it('decodes what it encodes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.integer()), { minLength: 1, maxLength: 4 }), (position) => {
        expect(decodeCursor(encodeCursor(position), position.length)).toEqual(position);
      }),
    );
  });

  it('refuses any other string as a 400 naming the cursor', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!text.startsWith('W'));
        try {
          decodeCursor(text, 2);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          expect((error as ValidationError).errors[0]?.field).toBe('cursor');
          return;
        }
        throw new Error(`accepted ${text}`);
      }),
    );
  });

  it('uses the extra row only to say whether there is a next page', () => {
    const rows = [1, 2, 3];
    expect(toPage(rows, 2, (row) => [row], String)).toEqual({ items: ['1', '2'], nextCursor: encodeCursor([2]) });
    expect(toPage(rows, 3, (row) => [row], String)).toEqual({ items: ['1', '2', '3'], nextCursor: null });
  });
});
