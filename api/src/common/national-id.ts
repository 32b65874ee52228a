/**
 * 身分證字號 and resident certificate numbers (DOMAIN.md §6). The letter stands for two digits; with those and
 * the nine digits weighted 1,9,8,7,6,5,4,3,2,1,1 the sum must be divisible by 10.
 */
const LETTER_VALUES: Record<string, number> = {
  A: 10,
  B: 11,
  C: 12,
  D: 13,
  E: 14,
  F: 15,
  G: 16,
  H: 17,
  I: 34,
  J: 18,
  K: 19,
  L: 20,
  M: 21,
  N: 22,
  O: 35,
  P: 23,
  Q: 24,
  R: 25,
  S: 26,
  T: 27,
  U: 28,
  V: 29,
  W: 32,
  X: 30,
  Y: 31,
  Z: 33,
};

const WEIGHTS = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1];

/** National ID (second digit 1 or 2) and the new resident certificate (8 or 9), both checksummed the same way. */
const CURRENT_SHAPE = /^[A-Z][1289]\d{8}$/;
/** The old resident certificate (two letters and eight digits), valid until 2031; its checksum is not published here. */
const OLD_RESIDENT_SHAPE = /^[A-Z][A-D]\d{8}$/;

export function normalizeNationalId(raw: string): string {
  return raw.trim().toUpperCase();
}

function checksumOk(id: string): boolean {
  const letterValue = LETTER_VALUES[id[0]!];
  if (letterValue === undefined) return false;
  const digits = [Math.floor(letterValue / 10), letterValue % 10, ...id.slice(1).split('').map(Number)];
  const sum = digits.reduce((acc, digit, index) => acc + digit * WEIGHTS[index]!, 0);
  return sum % 10 === 0;
}

export type NationalIdProblem = 'EMPTY' | 'SHAPE' | 'CHECKSUM';

export function nationalIdProblem(raw: string): NationalIdProblem | null {
  const id = normalizeNationalId(raw);
  if (id === '') return 'EMPTY';
  if (OLD_RESIDENT_SHAPE.test(id)) return null;
  if (!CURRENT_SHAPE.test(id)) return 'SHAPE';
  return checksumOk(id) ? null : 'CHECKSUM';
}

export function isValidNationalId(raw: string): boolean {
  return nationalIdProblem(raw) === null;
}

export const NATIONAL_ID_MESSAGES: Record<NationalIdProblem, string> = {
  EMPTY: '請輸入身分證字號。',
  SHAPE: '身分證字號格式不正確：應為 1 個英文字母加 9 個數字，例如 A123456789。',
  CHECKSUM: '身分證字號檢查碼不正確，請再核對一次。',
};

/** A12****789: enough to tell two students apart on screen, not enough to use the number. */
export function maskNationalId(id: string): string {
  return `${id.slice(0, 3)}****${id.slice(-3)}`;
}

/** Builds a valid national ID from a letter, the gender digit and seven digits, by computing the check digit. */
export function withCheckDigit(letter: string, gender: 1 | 2, sevenDigits: string): string {
  const stem = `${letter}${gender}${sevenDigits}`;
  for (let check = 0; check <= 9; check += 1) {
    const candidate = `${stem}${check}`;
    if (checksumOk(candidate)) return candidate;
  }
  throw new Error('unreachable: one check digit always fits');
}
