/**
 * The Unified Social Credit Code of GB 32100-2015: 18 characters from a 31-character
 * alphabet (no I, O, S, V, Z), the last one a check character over the first 17.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
export const CREDIT_CODE_LENGTH = 18;

const SHAPE = new RegExp(`^[${CREDIT_CODE_ALPHABET}]{${CREDIT_CODE_LENGTH}}$`);

/** The check character for the first 17 characters of a code. */
export function creditCodeCheckCharacter(body: string): string {
  if (body.length !== CREDIT_CODE_LENGTH - 1) throw new RangeError('a credit code body has 17 characters');
  let sum = 0;
  for (let position = 0; position < body.length; position++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(body.charAt(position));
    if (value < 0) throw new RangeError(`"${body.charAt(position)}" is not a credit code character`);
    sum += value * (CREDIT_CODE_WEIGHTS[position] as number);
  }
  return CREDIT_CODE_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

export type CreditCodeProblem = 'shape' | 'check-character';

/** Why a code is not valid, or null when it is. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (!SHAPE.test(code)) return 'shape';
  return creditCodeCheckCharacter(code.slice(0, -1)) === code.slice(-1) ? null : 'check-character';
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}
