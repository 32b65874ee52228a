import { registerEnumType } from 'type-graphql';
import { enumDescriptions } from '../../common/enum-descriptions.js';

export enum OutcomeKind {
  PROJECT = 'PROJECT',
  OTHER = 'OTHER',
}

registerEnumType(OutcomeKind, {
  name: 'OutcomeKind',
  description: '課程學習成果的種類',
  valuesConfig: enumDescriptions({ PROJECT: '專題實作及實習科目學習成果', OTHER: '其他課程學習成果' }),
});

export enum CertificationStatus {
  PENDING = 'PENDING',
  CERTIFIED = 'CERTIFIED',
  REJECTED = 'REJECTED',
}

export const CERTIFICATION_STATUS_LABELS: Record<CertificationStatus, string> = {
  [CertificationStatus.PENDING]: '待認證',
  [CertificationStatus.CERTIFIED]: '已認證',
  [CertificationStatus.REJECTED]: '未通過',
};

registerEnumType(CertificationStatus, {
  name: 'CertificationStatus',
  description: '認證狀態',
  valuesConfig: enumDescriptions(CERTIFICATION_STATUS_LABELS),
});

export enum PerformanceCategory {
  CADRE = 'CADRE',
  COMPETITION = 'COMPETITION',
  CERTIFICATE = 'CERTIFICATE',
  SERVICE_LEARNING = 'SERVICE_LEARNING',
  FLEXIBLE_LEARNING = 'FLEXIBLE_LEARNING',
  GROUP_ACTIVITY = 'GROUP_ACTIVITY',
  WORK = 'WORK',
  ADVANCED_COURSE = 'ADVANCED_COURSE',
  OTHER = 'OTHER',
}

export const PERFORMANCE_CATEGORY_LABELS: Record<PerformanceCategory, string> = {
  [PerformanceCategory.CADRE]: '幹部經歷暨事蹟',
  [PerformanceCategory.COMPETITION]: '競賽參與',
  [PerformanceCategory.CERTIFICATE]: '檢定證照',
  [PerformanceCategory.SERVICE_LEARNING]: '服務學習',
  [PerformanceCategory.FLEXIBLE_LEARNING]: '彈性學習時間',
  [PerformanceCategory.GROUP_ACTIVITY]: '團體活動時間（含社團）',
  [PerformanceCategory.WORK]: '作品成果',
  [PerformanceCategory.ADVANCED_COURSE]: '大學及技專校院先修課程',
  [PerformanceCategory.OTHER]: '其他多元表現',
};

registerEnumType(PerformanceCategory, {
  name: 'PerformanceCategory',
  description: '多元表現的類別（依中央資料庫名冊）',
  valuesConfig: enumDescriptions(PERFORMANCE_CATEGORY_LABELS),
});
