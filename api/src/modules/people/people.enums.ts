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

registerEnumType(StudentStatus, {
  name: 'StudentStatus',
  description: '學籍狀態',
  valuesConfig: enumDescriptions(STUDENT_STATUS_LABELS),
});
