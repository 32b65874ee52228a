/**
 * 課程代碼 (DOMAIN.md §6): 23 characters of digits and capital letters. Only some positions are published:
 * 17 the course type, 19 the subject attribute, 20–21 the domain of general subjects. The rest is not checked.
 */
const COURSE_TYPES = new Set(['1', '2', '3', '9', 'B', 'C', 'D', 'E', 'F']);
const SUBJECT_ATTRIBUTES = new Set(['1', '2', '3', '4', '5', 'D']);

export type CourseCodeProblem = 'LENGTH' | 'ALPHABET' | 'COURSE_TYPE' | 'SUBJECT_ATTRIBUTE' | 'DOMAIN';

export const COURSE_CODE_MESSAGES: Record<CourseCodeProblem, string> = {
  LENGTH: '課程代碼應為 23 碼。',
  ALPHABET: '課程代碼只能有數字與大寫英文字母。',
  COURSE_TYPE: '課程代碼第 17 碼（課程類型）不正確。',
  SUBJECT_ATTRIBUTE: '課程代碼第 19 碼（科目屬性）不正確。',
  DOMAIN: '課程代碼第 20–21 碼（領域）應為 01 到 09。',
};

export function courseCodeProblem(raw: string): CourseCodeProblem | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 23) return 'LENGTH';
  if (!/^[0-9A-Z]+$/.test(code)) return 'ALPHABET';
  if (!COURSE_TYPES.has(code[16]!)) return 'COURSE_TYPE';
  if (!SUBJECT_ATTRIBUTES.has(code[18]!)) return 'SUBJECT_ATTRIBUTE';
  // The domain list (01 語文 … 09 全民國防教育) is published for general subjects only.
  if (code[18] === '1' && !/^0[1-9]$/.test(code.slice(19, 21))) return 'DOMAIN';
  return null;
}
