import { AdminSection, Role } from '../../common/roles.js';
import { hasRole, hasSection, type Viewer } from '../../common/viewer.js';

/** 註冊組 and 資訊組 read their school's retention report (the data they keep and the system they run). */
export const mayReadSchoolRetention = (viewer: Viewer | null): boolean =>
  viewer?.kind === 'SCHOOL' && (hasSection(viewer, AdminSection.REGISTRATION) || hasSection(viewer, AdminSection.IT));

/** The bureau reads the same report of each of its schools, as counts. */
export const mayReadCityRetention = (viewer: Viewer | null): boolean =>
  viewer?.kind === 'BUREAU' && hasRole(viewer, Role.BUREAU_ADMIN);

export const mayReadRetention = (viewer: Viewer | null): boolean =>
  mayReadSchoolRetention(viewer) || mayReadCityRetention(viewer);
