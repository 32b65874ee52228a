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

// The category list is policy the configuration checks at start, so it lives in common/ (see there).
export {
  ALL_PERFORMANCE_CATEGORIES,
  PERFORMANCE_CATEGORY_LABELS,
  PerformanceCategory,
} from '../../common/performance-category.js';
