import type { AdminSection } from '../gql/graphql';

/** The school offices (處室) an account may hold, in the order the slides list them. */
export const SECTION_LABELS: Record<AdminSection, string> = {
  REGISTRATION: '註冊組',
  TEACHING: '教學組',
  STUDENT_AFFAIRS: '訓育組',
  IT: '資訊組',
  COORDINATOR: '執行秘書',
};

export const SECTIONS = Object.keys(SECTION_LABELS) as AdminSection[];
