import { registerEnumType } from 'type-graphql';
import { enumDescriptions } from '../../common/enum-descriptions.js';

export enum StudentStatus {
  ENROLLED = 'ENROLLED',
  SUSPENDED = 'SUSPENDED',
  TRANSFERRED = 'TRANSFERRED',
  GRADUATED = 'GRADUATED',
}

export const STUDENT_STATUS_LABELS: Record<StudentStatus, string> = {
  [StudentStatus.ENROLLED]: '在學',
  [StudentStatus.SUSPENDED]: '休學',
  [StudentStatus.TRANSFERRED]: '轉出',
  [StudentStatus.GRADUATED]: '畢業',
};

/**
 * 學籍狀態 codes in the student roster (2_學生資料名冊). No published code list of the central format was found, so
 * these are the platform's own policy: 1 在學 … 4 畢業, in the order a student's schooling goes.
 */
export const STUDENT_STATUS_CODES: Record<StudentStatus, string> = {
  [StudentStatus.ENROLLED]: '1',
  [StudentStatus.SUSPENDED]: '2',
  [StudentStatus.TRANSFERRED]: '3',
  [StudentStatus.GRADUATED]: '4',
};

registerEnumType(StudentStatus, {
  name: 'StudentStatus',
  description: '學籍狀態',
  valuesConfig: enumDescriptions(STUDENT_STATUS_LABELS),
});
