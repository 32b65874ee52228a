import { hasRole, type Viewer } from '../../common/viewer.js';
import { Role, AdminSection } from '../../common/roles.js';

/** 執行秘書, 教學組 and 註冊組 run the school's timeline. */
export const mayEditTimeline = (viewer: Viewer | null): boolean =>
  hasRole(viewer, Role.SCHOOL_ADMIN) && viewer!.adminSections.some((section) => EDITOR_SECTIONS.includes(section));

export const mayPublishTemplates = (viewer: Viewer | null): boolean => hasRole(viewer, Role.BUREAU_ADMIN);

const EDITOR_SECTIONS = [AdminSection.COORDINATOR, AdminSection.TEACHING, AdminSection.REGISTRATION];
