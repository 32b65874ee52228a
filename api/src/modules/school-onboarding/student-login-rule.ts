import { LOGIN_NAME, studentLoginName } from '../people/student-login.service.js';
import { defaultStudentLoginPattern } from '../school/school.entity.js';

export { defaultStudentLoginPattern, LOGIN_NAME, studentLoginName };

/** A 學號 as schools write them, to try a rule on. */
export const TYPICAL_STUDENT_NUMBER = '110001';

const PATTERN_MIN = 8;
const PATTERN_MAX = 40;

/** What is wrong with a login rule, if anything, as a message a bureau officer reads. */
export function studentLoginPatternProblem(pattern: string): string | null {
  if (pattern.length < PATTERN_MIN || pattern.length > PATTERN_MAX) {
    return `學生帳號規則須為 ${PATTERN_MIN} 到 ${PATTERN_MAX} 個字元，例如「{code}{number}」。`;
  }
  const placeholders = pattern.match(/\{[^{}]*\}/g) ?? [];
  const unknown = placeholders.find((token) => token !== '{code}' && token !== '{number}');
  if (unknown) return `學生帳號規則只能使用 {code}（學校代碼）與 {number}（學號），不認得「${unknown}」。`;
  if (placeholders.filter((token) => token === '{number}').length !== 1) {
    return '學生帳號規則必須包含一次 {number}（學號），每位學生的帳號才會不同。';
  }
  if (placeholders.filter((token) => token === '{code}').length > 1) return '學生帳號規則中 {code} 只能出現一次。';
  const literal = pattern.replaceAll('{code}', '').replaceAll('{number}', '');
  if (/[{}]/.test(literal)) return '學生帳號規則的大括號只能用在 {code} 與 {number}。';
  const example = studentLoginName(pattern, 'ABC123', TYPICAL_STUDENT_NUMBER);
  if (!LOGIN_NAME.test(example)) {
    return '學生帳號規則除了 {code} 與 {number} 之外，只能使用英文字母、數字與 . _ @ - 符號。';
  }
  return null;
}
