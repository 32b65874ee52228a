import { registerEnumType } from 'type-graphql';
import { enumDescriptions } from './enum-descriptions.js';

/**
 * The categories of 多元表現 as the central rosters have them (DOMAIN.md §3). Which of them a school offers, and in
 * what order, is policy (PERFORMANCE_CATEGORIES, config.ts), so the list lives here where the configuration can
 * check a setting against it at start; the portfolio module re-exports it.
 */
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
  /** 職場學習: in newer central data files (DOMAIN.md §3). */
  WORKPLACE_LEARNING = 'WORKPLACE_LEARNING',
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
  [PerformanceCategory.WORKPLACE_LEARNING]: '職場學習',
};

/** Every category, in the order of the central rosters: the default of PERFORMANCE_CATEGORIES. */
export const ALL_PERFORMANCE_CATEGORIES: readonly PerformanceCategory[] = Object.values(PerformanceCategory);

registerEnumType(PerformanceCategory, {
  name: 'PerformanceCategory',
  description: '多元表現的類別（依中央資料庫名冊）',
  valuesConfig: enumDescriptions(PERFORMANCE_CATEGORY_LABELS),
});
