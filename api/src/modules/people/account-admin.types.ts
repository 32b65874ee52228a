import { registerEnumType } from 'type-graphql';
import { enumDescriptions } from '../../common/enum-descriptions.js';

/** Whose account: staff (教職員) or a student's. */
export enum ManagedAccountKind {
  STAFF = 'STAFF',
  STUDENT = 'STUDENT',
}

/** One status the list filters by; an account may be in several at once (停用 and 鎖定中, say). */
export enum ManagedAccountStatus {
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
  LOCKED = 'LOCKED',
  MUST_CHANGE_PASSWORD = 'MUST_CHANGE_PASSWORD',
  SLIP_PENDING = 'SLIP_PENDING',
  TEMPORARY_ACCESS = 'TEMPORARY_ACCESS',
}

/** The roles account administration gives and takes; 行政人員 follows the admin sections, 學生 the roster. */
export enum TeachingRole {
  TEACHER = 'TEACHER',
  HOMEROOM_TEACHER = 'HOMEROOM_TEACHER',
  COUNSELOR = 'COUNSELOR',
}

export const ACCOUNT_KIND_LABELS: Record<ManagedAccountKind, string> = {
  [ManagedAccountKind.STAFF]: '教職員',
  [ManagedAccountKind.STUDENT]: '學生',
};

export const ACCOUNT_STATUS_LABELS: Record<ManagedAccountStatus, string> = {
  [ManagedAccountStatus.ACTIVE]: '啟用',
  [ManagedAccountStatus.DISABLED]: '停用',
  [ManagedAccountStatus.LOCKED]: '鎖定中',
  [ManagedAccountStatus.MUST_CHANGE_PASSWORD]: '須變更密碼',
  [ManagedAccountStatus.SLIP_PENDING]: '尚未發放初始密碼',
  [ManagedAccountStatus.TEMPORARY_ACCESS]: '臨時帳號',
};

export const TEACHING_ROLE_LABELS: Record<TeachingRole, string> = {
  [TeachingRole.TEACHER]: '任課教師',
  [TeachingRole.HOMEROOM_TEACHER]: '導師',
  [TeachingRole.COUNSELOR]: '課程諮詢教師',
};

registerEnumType(ManagedAccountKind, {
  name: 'ManagedAccountKind',
  description: '帳號類別',
  valuesConfig: enumDescriptions(ACCOUNT_KIND_LABELS),
});
registerEnumType(ManagedAccountStatus, {
  name: 'ManagedAccountStatus',
  description: '帳號狀態',
  valuesConfig: enumDescriptions(ACCOUNT_STATUS_LABELS),
});
registerEnumType(TeachingRole, {
  name: 'TeachingRole',
  description: '帳號管理可以授予或移除的教學身分',
  valuesConfig: enumDescriptions(TEACHING_ROLE_LABELS),
});
