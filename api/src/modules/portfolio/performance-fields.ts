import { isIsoCalendarDate } from '../../common/roc.js';
import { PerformanceCategory } from './portfolio.enums.js';

export type FieldKind = 'text' | 'date' | 'number' | 'choice';

export interface PerformanceField {
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  /** For a choice: the allowed values (stored as written). */
  choices?: string[];
}

const LEVELS = ['校內', '縣市', '區域', '全國', '國際'];
const DATES = (required: boolean): PerformanceField[] => [
  { key: 'startsOn', label: '開始日期', kind: 'date', required },
  { key: 'endsOn', label: '結束日期', kind: 'date', required },
];

/** Each category's own fields, after the central rosters; the title (名稱) and 簡述 are common to all. */
export const PERFORMANCE_FIELDS: Record<PerformanceCategory, PerformanceField[]> = {
  [PerformanceCategory.CADRE]: [{ key: 'unit', label: '單位', kind: 'text', required: true }, ...DATES(true)],
  [PerformanceCategory.COMPETITION]: [
    { key: 'item', label: '項目', kind: 'text', required: true },
    { key: 'level', label: '競賽等級', kind: 'choice', required: true, choices: LEVELS },
    { key: 'award', label: '獎項', kind: 'text', required: true },
    { key: 'resultDate', label: '結果公布日期', kind: 'date', required: true },
    { key: 'participation', label: '參與形式', kind: 'choice', required: true, choices: ['個人', '團體'] },
  ],
  [PerformanceCategory.CERTIFICATE]: [
    { key: 'issuer', label: '發證單位', kind: 'text', required: true },
    { key: 'obtainedOn', label: '取得日期', kind: 'date', required: true },
    { key: 'score', label: '分數或等級', kind: 'text', required: false },
  ],
  [PerformanceCategory.SERVICE_LEARNING]: [
    { key: 'organization', label: '服務單位', kind: 'text', required: true },
    { key: 'hours', label: '時數', kind: 'number', required: true },
    ...DATES(true),
  ],
  [PerformanceCategory.FLEXIBLE_LEARNING]: [
    { key: 'content', label: '內容', kind: 'text', required: true },
    { key: 'hours', label: '時數', kind: 'number', required: true },
  ],
  [PerformanceCategory.GROUP_ACTIVITY]: [
    {
      key: 'activity',
      label: '活動類型',
      kind: 'choice',
      required: true,
      choices: ['班級活動', '社團活動', '學生自治會活動', '學生服務學習活動', '週會或講座'],
    },
    { key: 'hours', label: '時數', kind: 'number', required: false },
  ],
  [PerformanceCategory.WORK]: [{ key: 'completedOn', label: '完成日期', kind: 'date', required: true }],
  [PerformanceCategory.ADVANCED_COURSE]: [
    { key: 'university', label: '開課學校', kind: 'text', required: true },
    { key: 'credits', label: '學分', kind: 'number', required: true },
    ...DATES(true),
  ],
  [PerformanceCategory.OTHER]: DATES(false),
};

/** Checks a category's fields: every problem in Chinese with its key, and the clean values to store. */
export function checkPerformanceDetails(
  category: PerformanceCategory,
  given: { key: string; value: string }[],
): { details: Record<string, string>; problems: { key: string; code: string; message: string }[] } {
  const fields = PERFORMANCE_FIELDS[category];
  const details: Record<string, string> = {};
  const problems: { key: string; code: string; message: string }[] = [];
  const values = new Map(given.map((entry) => [entry.key, entry.value.trim()]));
  for (const key of values.keys()) {
    if (!fields.some((field) => field.key === key)) {
      problems.push({ key, code: 'UNKNOWN_FIELD', message: `這個類別沒有「${key}」欄位。` });
    }
  }
  for (const field of fields) {
    const value = values.get(field.key) ?? '';
    if (value === '') {
      if (field.required) problems.push({ key: field.key, code: 'REQUIRED', message: `請填寫${field.label}。` });
      continue;
    }
    if (value.length > 100) {
      problems.push({ key: field.key, code: 'TOO_LONG', message: `${field.label}最多 100 個字。` });
    } else if (field.kind === 'date' && !isIsoCalendarDate(value)) {
      problems.push({ key: field.key, code: 'INVALID_DATE', message: `${field.label}的格式應為 YYYY-MM-DD。` });
    } else if (
      field.kind === 'number' &&
      !(Number.isFinite(Number(value)) && Number(value) >= 0 && Number(value) <= 10000)
    ) {
      problems.push({ key: field.key, code: 'INVALID_NUMBER', message: `${field.label}請填 0 以上的數字。` });
    } else if (field.kind === 'choice' && !field.choices!.includes(value)) {
      problems.push({
        key: field.key,
        code: 'INVALID_CHOICE',
        message: `${field.label}請選 ${field.choices!.join('、')} 其中之一。`,
      });
    } else details[field.key] = value;
  }
  if (details.startsOn && details.endsOn && details.endsOn < details.startsOn) {
    problems.push({ key: 'endsOn', code: 'ENDS_BEFORE_START', message: '結束日期不可早於開始日期。' });
  }
  return { details, problems };
}
