import {
  ENROLMENT_ROSTER_PATHS,
  LEGACY_PERFORMANCE_ROSTER,
  PERFORMANCE_ROSTER_PATHS,
  ROSTER_PATHS,
  rosterNameOf,
} from './rosters.js';
import { isAnnualCategory, SubmissionCategory } from '../../../common/submission-category.js';

import { registerEnumType } from 'type-graphql';
import { enumDescriptions } from '../../../common/enum-descriptions.js';
import { CENTRAL_CREATOR, oneSheetWorkbook } from './central-workbook.js';

/** The four kinds of receipt list (收訖明細) the central database returns. */
export enum ReceiptKind {
  CADRES = 'CADRES',
  COURSE_RECORDS = 'COURSE_RECORDS',
  COURSE_OUTCOMES = 'COURSE_OUTCOMES',
  PERFORMANCES = 'PERFORMANCES',
}

registerEnumType(ReceiptKind, {
  name: 'ReceiptKind',
  description: '收訖明細的種類',
  valuesConfig: enumDescriptions({
    CADRES: '校內幹部',
    COURSE_RECORDS: '修課紀錄',
    COURSE_OUTCOMES: '課程學習成果',
    PERFORMANCES: '多元表現',
  }),
});

/**
 * The receipt file (收訖明細) format, as the reference central repository writes it and the import reads it: one
 * XLSX per kind, first sheet 收訖明細, columns 學校代碼, 學年度, 學期, 收訖種類, then the submitted roster's own
 * columns after its first three, then 收訖狀態 (已收訖 or 退件) and 退件原因.
 *
 * A kind answering several rosters (修課紀錄: 3/6, 4 and 5; 多元表現: one per category) is still one file: after
 * 收訖種類 comes 名冊 (the roster's name, e.g. 競賽參與名冊), then the union of those rosters' own columns, each row
 * filling its own roster's and leaving the others empty. The import reconciles each row against the submitted rows
 * of the roster its 名冊 names, by that roster's columns.
 */
export interface ReceiptKindSpec {
  label: string;
  /** The rosters this kind answers, by path; a package holds some of them. */
  rosters: readonly string[];
  category: SubmissionCategory;
  /**
   * Columns that name the same row in the package and the receipt, those of them a roster has; any other difference
   * is a change. Rows are matched within one roster, so a roster per category needs no category column.
   */
  identity: string[];
}

export const RECEIPT_KINDS: Record<ReceiptKind, ReceiptKindSpec> = {
  [ReceiptKind.CADRES]: {
    label: '校內幹部',
    rosters: [ROSTER_PATHS.cadres],
    category: SubmissionCategory.BASIC,
    identity: ['身分證號', '單位名稱', '擔任職務', '開始日期'],
  },
  [ReceiptKind.COURSE_RECORDS]: {
    label: '修課紀錄',
    rosters: ENROLMENT_ROSTER_PATHS,
    category: SubmissionCategory.COURSE_RECORDS,
    identity: ['身分證號', '課程代碼', '修課類別'],
  },
  [ReceiptKind.COURSE_OUTCOMES]: {
    label: '課程學習成果',
    rosters: [ROSTER_PATHS.outcomes],
    category: SubmissionCategory.COURSE_OUTCOMES,
    identity: ['身分證號', '課程代碼', '成果類別', '文件SHA-256', '影音SHA-256'],
  },
  [ReceiptKind.PERFORMANCES]: {
    label: '多元表現',
    // The single roster of earlier submissions last: their receipts are reconciled as they were.
    rosters: [...Object.values(PERFORMANCE_ROSTER_PATHS), LEGACY_PERFORMANCE_ROSTER],
    category: SubmissionCategory.PERFORMANCES,
    identity: ['身分證號', '多元表現類別', '名稱'],
  },
};

export const kindOfLabel = (label: string): ReceiptKind | null =>
  (Object.keys(RECEIPT_KINDS) as ReceiptKind[]).find((kind) => RECEIPT_KINDS[kind].label === label) ?? null;

export const RECEIPT_HEAD = ['學校代碼', '學年度', '學期', '收訖種類'];
export const RECEIPT_TAIL = ['收訖狀態', '退件原因'];
/** The column naming a row's roster, in the receipt files of kinds with several rosters. */
export const RECEIPT_ROSTER_COLUMN = '名冊';
export const RECEIVED = '已收訖';
export const REJECTED = '退件';

/** Whether a kind's receipt files carry the 名冊 column: it answers more than one roster. */
export const hasSeveralRosters = (kind: ReceiptKind): boolean => RECEIPT_KINDS[kind].rosters.length > 1;

/** The kind's roster a receipt row's 名冊 names, by path; null when it names none of them. */
export const rosterOfName = (kind: ReceiptKind, name: string): string | null =>
  RECEIPT_KINDS[kind].rosters.find((path) => rosterNameOf(path) === name.trim()) ?? null;

/**
 * The union of several rosters' own columns, in an order that keeps each roster's: a column new to the union goes
 * in before the next column of its roster that the union already has (so the common trailing columns, 名稱, 簡述
 * and the files, stay last), or at the end.
 */
export function unionOfColumns(lists: readonly (readonly string[])[]): string[] {
  const union: string[] = [];
  for (const list of lists) {
    list.forEach((column, index) => {
      if (union.includes(column)) return;
      const next = list.slice(index + 1).find((later) => union.includes(later));
      union.splice(next === undefined ? union.length : union.indexOf(next), 0, column);
    });
  }
  return union;
}

/** A receipt file as XLSX: the rows (full cells, as text or number) under RECEIPT_HEAD, roster columns, RECEIPT_TAIL. */
export function receiptWorkbook(columns: string[], rows: (string | number)[][], at: Date): Promise<Buffer> {
  return oneSheetWorkbook({ name: '收訖明細', columns, rows }, at, CENTRAL_CREATOR);
}

export const categoryOfKind = (kind: ReceiptKind): SubmissionCategory => RECEIPT_KINDS[kind].category;

export const kindsOfCategory = (category: SubmissionCategory): ReceiptKind[] =>
  (Object.keys(RECEIPT_KINDS) as ReceiptKind[]).filter((kind) => RECEIPT_KINDS[kind].category === category);

/** The 學期 cell a receipt row of this kind carries: 0 for the kinds submitted per academic year. */
export const semesterCellOf = (kind: ReceiptKind, semester: number): string =>
  isAnnualCategory(RECEIPT_KINDS[kind].category) ? '0' : String(semester);
