import { isIsoCalendarDate } from '../../common/roc.js';
import { PERFORMANCE_CATEGORY_LABELS, PerformanceCategory } from './portfolio.enums.js';

export type FieldKind = 'text' | 'date' | 'number' | 'choice';

/**
 * One value of a coded choice: the code the central roster carries in the field's 代碼 column, and the label the
 * student picks and the platform stores. `aliases` are other spellings read as the same value (an older label, the
 * code typed by hand), so stored details written before the codes existed still map to their code.
 */
export interface FieldChoice {
  code: string;
  label: string;
  aliases?: string[];
}

export interface PerformanceField {
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  /** For a choice: the allowed values with their codes. */
  choices?: FieldChoice[];
}

/*
 * The code tables. No published specification of the central database's code lists was found (see README, the
 * package section), so these are the platform's own policy: a code and its Chinese label each, numbered from the
 * smallest scope or the most common kind, with 9 for "other". A central format with other codes needs only these
 * tables changed: the stored details keep the labels.
 */

/** 競賽等級: from a school's own contest to an international one. */
export const COMPETITION_LEVELS: FieldChoice[] = [
  { code: '1', label: '校內', aliases: ['校級'] },
  { code: '2', label: '縣市', aliases: ['縣市級'] },
  { code: '3', label: '區域', aliases: ['區域級'] },
  { code: '4', label: '全國', aliases: ['全國級'] },
  { code: '5', label: '國際', aliases: ['國際級'] },
];

/** 參與形式 of a competition. */
export const PARTICIPATION: FieldChoice[] = [
  { code: '1', label: '個人' },
  { code: '2', label: '團體' },
];

/** 獎項類別: the award's place, beside its name as written on the certificate (獎項). */
export const AWARD_KINDS: FieldChoice[] = [
  { code: '1', label: '第一名或金牌' },
  { code: '2', label: '第二名或銀牌' },
  { code: '3', label: '第三名或銅牌' },
  { code: '4', label: '佳作或入選' },
  { code: '5', label: '參賽未獲獎' },
  { code: '9', label: '其他獎項' },
];

/** 證照類別. */
export const CERTIFICATE_KINDS: FieldChoice[] = [
  { code: '1', label: '語文能力檢定' },
  { code: '2', label: '技術士技能檢定' },
  { code: '3', label: '資訊能力檢定' },
  { code: '4', label: '專業證照' },
  { code: '9', label: '其他檢定' },
];

/** 幹部類別 of a cadre experience the student records themselves. */
export const CADRE_KINDS: FieldChoice[] = [
  { code: '1', label: '校級幹部' },
  { code: '2', label: '班級幹部' },
  { code: '3', label: '社團幹部' },
  { code: '9', label: '其他幹部' },
];

/** 彈性學習時間 kinds, as the curriculum names them; universities read which kind it was. */
export const FLEXIBLE_LEARNING_KINDS: FieldChoice[] = [
  { code: '1', label: '自主學習' },
  { code: '2', label: '選手培訓' },
  { code: '3', label: '充實（增廣）教學', aliases: ['充實(增廣)教學', '充實教學', '增廣教學'] },
  { code: '4', label: '補強性教學', aliases: ['補強教學'] },
  { code: '5', label: '學校特色活動' },
];

/** 團體活動時間 activities, as the curriculum names them. */
export const GROUP_ACTIVITY_KINDS: FieldChoice[] = [
  { code: '1', label: '班級活動' },
  { code: '2', label: '社團活動' },
  { code: '3', label: '學生自治會活動' },
  { code: '4', label: '學生服務學習活動' },
  { code: '5', label: '週會或講座' },
];

/** 職場學習形式. */
export const WORKPLACE_LEARNING_KINDS: FieldChoice[] = [
  { code: '1', label: '職場體驗' },
  { code: '2', label: '職場見習' },
  { code: '3', label: '職場實習' },
];

const DATES = (required: boolean): PerformanceField[] => [
  { key: 'startsOn', label: '開始日期', kind: 'date', required },
  { key: 'endsOn', label: '結束日期', kind: 'date', required },
];

/**
 * Each category's own fields, after the central rosters; the title (名稱) and 簡述 are common to all. Fields added
 * to a category that already had records are optional, so that what students recorded before stays complete; a
 * new category's, and 彈性學習時間's kind (which universities read), are required.
 */
export const PERFORMANCE_FIELDS: Record<PerformanceCategory, PerformanceField[]> = {
  [PerformanceCategory.CADRE]: [
    { key: 'unit', label: '單位', kind: 'text', required: true },
    { key: 'cadreKind', label: '幹部類別', kind: 'choice', required: false, choices: CADRE_KINDS },
    ...DATES(true),
  ],
  [PerformanceCategory.COMPETITION]: [
    { key: 'item', label: '項目', kind: 'text', required: true },
    { key: 'level', label: '競賽等級', kind: 'choice', required: true, choices: COMPETITION_LEVELS },
    { key: 'award', label: '獎項', kind: 'text', required: true },
    { key: 'awardKind', label: '獎項類別', kind: 'choice', required: false, choices: AWARD_KINDS },
    { key: 'resultDate', label: '結果公布日期', kind: 'date', required: true },
    { key: 'participation', label: '參與形式', kind: 'choice', required: true, choices: PARTICIPATION },
  ],
  [PerformanceCategory.CERTIFICATE]: [
    { key: 'certificateKind', label: '證照類別', kind: 'choice', required: false, choices: CERTIFICATE_KINDS },
    { key: 'certificateCode', label: '證照代碼', kind: 'text', required: false },
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
    { key: 'kind', label: '彈性學習時間類別', kind: 'choice', required: true, choices: FLEXIBLE_LEARNING_KINDS },
    { key: 'content', label: '內容', kind: 'text', required: true },
    { key: 'hours', label: '時數', kind: 'number', required: true },
  ],
  [PerformanceCategory.GROUP_ACTIVITY]: [
    { key: 'activity', label: '活動類型', kind: 'choice', required: true, choices: GROUP_ACTIVITY_KINDS },
    { key: 'hours', label: '時數', kind: 'number', required: false },
  ],
  [PerformanceCategory.WORK]: [{ key: 'completedOn', label: '完成日期', kind: 'date', required: true }],
  [PerformanceCategory.ADVANCED_COURSE]: [
    { key: 'university', label: '開課學校', kind: 'text', required: true },
    { key: 'credits', label: '學分', kind: 'number', required: true },
    ...DATES(true),
  ],
  [PerformanceCategory.OTHER]: DATES(false),
  [PerformanceCategory.WORKPLACE_LEARNING]: [
    { key: 'workplace', label: '職場名稱', kind: 'text', required: true },
    { key: 'learningKind', label: '職場學習形式', kind: 'choice', required: true, choices: WORKPLACE_LEARNING_KINDS },
    { key: 'position', label: '職務或學習內容', kind: 'text', required: false },
    { key: 'hours', label: '時數', kind: 'number', required: true },
    ...DATES(true),
  ],
};

/** The choice a stored or typed value names: by its label, its code or an alias; null when it names none. */
export function choiceOf(field: PerformanceField, value: unknown): FieldChoice | null {
  // Stored details are JSON: a value written by SQL or an old script may be a number, or anything else.
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : null;
  if (!text || !field.choices) return null;
  return (
    field.choices.find((choice) => choice.label === text || choice.code === text || choice.aliases?.includes(text)) ??
    null
  );
}

/** The roster columns of a field: a coded choice gives its code column, then its label; any other field one column. */
export const columnsOfField = (field: PerformanceField): string[] =>
  field.kind === 'choice' ? [codeColumnOf(field), field.label] : [field.label];

export const codeColumnOf = (field: PerformanceField): string => `${field.label}代碼`;

/**
 * Why a category may not be recorded anew under the policy (PERFORMANCE_CATEGORIES), or null when it may. A category
 * outside the policy keeps its records: they can still be selected and are still packaged; only new ones are refused.
 */
export function categoryNotOffered(
  category: PerformanceCategory,
  offered: readonly PerformanceCategory[],
): { code: string; message: string } | null {
  if (offered.includes(category)) return null;
  return {
    code: 'CATEGORY_NOT_OFFERED',
    message: `學校目前不開放登錄「${PERFORMANCE_CATEGORY_LABELS[category]}」類別的多元表現；已登錄的資料不受影響。`,
  };
}

/**
 * Checks a category's fields: every problem in Chinese with its key, and the clean values to store. A choice may be
 * given by its label or its code; the label is stored (as it always was), the code is looked up when packaging.
 */
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
    } else if (field.kind === 'choice') {
      const choice = choiceOf(field, value);
      if (choice) details[field.key] = choice.label;
      else {
        problems.push({
          key: field.key,
          code: 'INVALID_CHOICE',
          message: `${field.label}請選 ${field.choices!.map((c) => c.label).join('、')} 其中之一。`,
        });
      }
    } else details[field.key] = value;
  }
  if (details.startsOn && details.endsOn && details.endsOn < details.startsOn) {
    problems.push({ key: 'endsOn', code: 'ENDS_BEFORE_START', message: '結束日期不可早於開始日期。' });
  }
  return { details, problems };
}
