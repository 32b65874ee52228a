import { registerEnumType } from 'type-graphql';
import type { RetentionPolicy } from '../../common/config.js';
import { enumDescriptions } from '../../common/enum-descriptions.js';

/**
 * The kinds of a student's data retention deletes, each with its own period after graduation or leaving. The order is
 * the job's: outcomes before the enrolments they point at, receipt rows before the submitted rows they answer.
 */
export enum RetentionKind {
  COURSE_OUTCOMES = 'COURSE_OUTCOMES',
  PERFORMANCES = 'PERFORMANCES',
  COUNSELING = 'COUNSELING',
  CADRE_RECORDS = 'CADRE_RECORDS',
  RECEIPTS = 'RECEIPTS',
  SUBMISSION_PACKAGES = 'SUBMISSION_PACKAGES',
  COURSE_RECORDS = 'COURSE_RECORDS',
}

export const RETENTION_KINDS: readonly RetentionKind[] = Object.values(RetentionKind);

export const RETENTION_KIND_LABELS: Record<RetentionKind, string> = {
  [RetentionKind.COURSE_OUTCOMES]: '課程學習成果（含檔案）',
  [RetentionKind.PERFORMANCES]: '多元表現（含檔案）',
  [RetentionKind.COUNSELING]: '課程諮詢紀錄',
  [RetentionKind.CADRE_RECORDS]: '校內幹部紀錄',
  [RetentionKind.RECEIPTS]: '收訖明細與疑義處理',
  [RetentionKind.SUBMISSION_PACKAGES]: '提交資料包',
  [RetentionKind.COURSE_RECORDS]: '修課紀錄（選課與成績）',
};

/** What one row of a kind is, for the report ("筆" of what). */
export const RETENTION_ROW_LABELS: Record<RetentionKind, string> = {
  [RetentionKind.COURSE_OUTCOMES]: '成果',
  [RetentionKind.PERFORMANCES]: '多元表現',
  [RetentionKind.COUNSELING]: '學生的諮詢紀錄',
  [RetentionKind.CADRE_RECORDS]: '幹部紀錄',
  [RetentionKind.RECEIPTS]: '收訖明細列與更正紀錄',
  [RetentionKind.SUBMISSION_PACKAGES]: '提交的名冊列',
  [RetentionKind.COURSE_RECORDS]: '修課紀錄與預檢差異',
};

registerEnumType(RetentionKind, {
  name: 'RetentionKind',
  description: '保存期限各自設定的資料種類（畢業或轉出後）',
  valuesConfig: enumDescriptions(RETENTION_KIND_LABELS),
});

/** Each kind's period in days under the policy; 0: never deleted. */
export function retentionDays(policy: RetentionPolicy): Record<RetentionKind, number> {
  return {
    [RetentionKind.COURSE_OUTCOMES]: policy.courseOutcomesDays,
    [RetentionKind.PERFORMANCES]: policy.performancesDays,
    [RetentionKind.COUNSELING]: policy.counselingDays,
    [RetentionKind.CADRE_RECORDS]: policy.cadreRecordsDays,
    [RetentionKind.RECEIPTS]: policy.receiptsDays,
    [RetentionKind.SUBMISSION_PACKAGES]: policy.submissionPackagesDays,
    [RetentionKind.COURSE_RECORDS]: policy.courseRecordsDays,
  };
}

/** The periods as the database functions take them (kind -> days; 0 leaves the kind alone). */
export const policyJson = (policy: RetentionPolicy): string => JSON.stringify(retentionDays(policy));

const DAY_MS = 24 * 3600_000;

/** Rows of students whose status changed before this moment are past the period (null: the kind is kept). */
export function retentionCutoff(days: number, now: Date): Date | null {
  return days > 0 ? new Date(now.getTime() - Math.max(days, 365) * DAY_MS) : null;
}
