import { describe, expect, it } from 'vitest';
import { isValidNationalId, maskNationalId, nationalIdProblem, withCheckDigit } from '../national-id.js';

describe('national ID checksum (DOMAIN.md §6)', () => {
  it.each([
    'A123456789', // the textbook example
    'a123456789', // typed in lower case
    ' F131104093 ',
    'A800000014', // new resident certificate, second digit 8
    'Z990000014', // new resident certificate, second digit 9, letter Z = 33
    'AB12345678', // old resident certificate, still valid until 2031
  ])('accepts %s', (id) => {
    expect(nationalIdProblem(id)).toBeNull();
    expect(isValidNationalId(id)).toBe(true);
  });

  it.each([
    ['A123456788', 'CHECKSUM'],
    ['B123456789', 'CHECKSUM'],
    ['A323456789', 'SHAPE'], // second digit must be 1, 2, 8 or 9
    ['A12345678', 'SHAPE'],
    ['A1234567890', 'SHAPE'],
    ['1123456789', 'SHAPE'],
    ['A12345678X', 'SHAPE'],
    ['', 'EMPTY'],
  ])('rejects %s (%s)', (id, problem) => {
    expect(nationalIdProblem(id)).toBe(problem);
  });

  it('weights the letter I as 34 and O as 35, not by alphabet position', () => {
    // I = 34: 3×1 + 4×9 + 1×8 + 0 … + check; computed by hand: 3 + 36 + 8 = 47, so the check digit is 3.
    expect(isValidNationalId('I100000003')).toBe(true);
    expect(isValidNationalId('I100000004')).toBe(false);
  });

  it('builds valid IDs for generated people', () => {
    for (let n = 0; n < 200; n += 1) {
      const id = withCheckDigit('H', n % 2 === 0 ? 1 : 2, String(1234567 + n).slice(-7));
      expect(isValidNationalId(id), id).toBe(true);
    }
  });

  it('masks the middle', () => {
    expect(maskNationalId('A123456789')).toBe('A12****789');
  });
});
