import { registerEnumType } from 'type-graphql';
import { enumDescriptions } from './enum-descriptions.js';

/** The four categories the central database receives (DOMAIN.md §3); SUBMIT windows are per category. */
export enum SubmissionCategory {
  BASIC = 'BASIC',
  COURSE_RECORDS = 'COURSE_RECORDS',
  COURSE_OUTCOMES = 'COURSE_OUTCOMES',
  PERFORMANCES = 'PERFORMANCES',
}

export const CATEGORY_LABELS: Record<SubmissionCategory, string> = {
  [SubmissionCategory.BASIC]: '基本資料／校內幹部',
  [SubmissionCategory.COURSE_RECORDS]: '修課紀錄',
  [SubmissionCategory.COURSE_OUTCOMES]: '課程學習成果',
  [SubmissionCategory.PERFORMANCES]: '多元表現',
};

/**
 * Submitted once per academic year (DOMAIN.md §3, slide 2 「每學年」): their packages, receipts and locks cover the whole
 * year and ride on the round of its second term (or on the 高三 round).
 */
const ANNUAL_CATEGORIES: ReadonlySet<SubmissionCategory> = new Set([
  SubmissionCategory.COURSE_OUTCOMES,
  SubmissionCategory.PERFORMANCES,
]);

export const isAnnualCategory = (category: SubmissionCategory): boolean => ANNUAL_CATEGORIES.has(category);

/** What the 高三 round submits for grade-12 students (DOMAIN.md §4): their 第2學期 基本資料 and the year's items, no 修課紀錄. */
export const GRADE12_ROUND_CATEGORIES: readonly SubmissionCategory[] = [
  SubmissionCategory.BASIC,
  SubmissionCategory.COURSE_OUTCOMES,
  SubmissionCategory.PERFORMANCES,
];

registerEnumType(SubmissionCategory, {
  name: 'SubmissionCategory',
  description: '提交中央資料庫的資料類別',
  valuesConfig: enumDescriptions(CATEGORY_LABELS),
});
