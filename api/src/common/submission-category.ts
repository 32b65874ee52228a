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

registerEnumType(SubmissionCategory, {
  name: 'SubmissionCategory',
  description: '提交中央資料庫的資料類別',
  valuesConfig: enumDescriptions(CATEGORY_LABELS),
});
