import fc from 'fast-check';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter, creditCodeProblem, isValidCreditCode } from './credit-code';

const codeCharacter = fc.constantFrom(...CREDIT_CODE_ALPHABET.split(''));
const body = fc.array(codeCharacter, { minLength: 17, maxLength: 17 }).map((characters) => characters.join(''));
const validCode = body.map((text) => text + creditCodeCheckCharacter(text));

describe('Unified Social Credit Code', () => {
  it('accepts published codes', () => {
    // Codes printed on real business licences.
    expect(isValidCreditCode('91440300708461136T')).toBe(true); // Huawei Technologies, Shenzhen
    expect(isValidCreditCode('9144030071526726XG')).toBe(true); // Tencent Computer Systems, Shenzhen
    expect(isValidCreditCode('91440300192317458F')).toBe(true); // BYD Co., Ltd., Shenzhen
  });

  it('accepts every code whose last character is its check character', () => {
    fc.assert(fc.property(validCode, (code) => isValidCreditCode(code)));
  });

  it('refuses a code when any single character is replaced by another', () => {
    fc.assert(
      fc.property(validCode, fc.nat(17), codeCharacter, (code, position, replacement) => {
        fc.pre(code.charAt(position) !== replacement);
        const altered = code.slice(0, position) + replacement + code.slice(position + 1);
        // The weights are distinct and non-zero mod 31 (a prime), so a single substitution
        // always changes the checksum.
        expect(isValidCreditCode(altered)).toBe(false);
      }),
    );
  });

  it('names a wrong check character as such, and a wrong shape as such', () => {
    expect(creditCodeProblem('91440300708461136A')).toBe('check-character');
    expect(creditCodeProblem('91440300708461136')).toBe('shape');
    expect(creditCodeProblem('91440300708461136I')).toBe('shape'); // I is not in the alphabet
    expect(creditCodeProblem('91440300708461136t')).toBe('shape');
  });

  it('refuses strings outside the alphabet or of the wrong length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        fc.pre(!/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(text));
        expect(creditCodeProblem(text)).toBe('shape');
      }),
    );
  });
});
