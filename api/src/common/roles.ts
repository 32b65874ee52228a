import { registerEnumType } from 'type-graphql';
import { enumDescriptions } from './enum-descriptions.js';

// What a viewer may be: every permission check reads these, so they sit below every module.

export enum Role {
  BUREAU_ADMIN = 'BUREAU_ADMIN',
  SCHOOL_ADMIN = 'SCHOOL_ADMIN',
  TEACHER = 'TEACHER',
  HOMEROOM_TEACHER = 'HOMEROOM_TEACHER',
  COUNSELOR = 'COUNSELOR',
  STUDENT = 'STUDENT',
}

export const ROLE_LABELS: Record<Role, string> = {
  [Role.BUREAU_ADMIN]: '教育局管理者',
  [Role.SCHOOL_ADMIN]: '學校行政人員',
  [Role.TEACHER]: '任課教師',
  [Role.HOMEROOM_TEACHER]: '導師',
  [Role.COUNSELOR]: '課程諮詢教師',
  [Role.STUDENT]: '學生',
};

export enum AdminSection {
  REGISTRATION = 'REGISTRATION',
  TEACHING = 'TEACHING',
  STUDENT_AFFAIRS = 'STUDENT_AFFAIRS',
  IT = 'IT',
  COORDINATOR = 'COORDINATOR',
}

export const ADMIN_SECTION_LABELS: Record<AdminSection, string> = {
  [AdminSection.REGISTRATION]: '註冊組',
  [AdminSection.TEACHING]: '教學組',
  [AdminSection.STUDENT_AFFAIRS]: '訓育組',
  [AdminSection.IT]: '資訊組',
  [AdminSection.COORDINATOR]: '執行秘書',
};

registerEnumType(Role, {
  name: 'Role',
  description: '角色；一個人可以同時有多個角色',
  valuesConfig: enumDescriptions(ROLE_LABELS),
});
registerEnumType(AdminSection, {
  name: 'AdminSection',
  description: '學校行政分組',
  valuesConfig: enumDescriptions(ADMIN_SECTION_LABELS),
});
