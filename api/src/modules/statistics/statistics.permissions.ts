import { hasRole, type Viewer } from '../../common/viewer.js';
import { Role } from '../../common/roles.js';

export const mayReadCityStatistics = (viewer: Viewer | null): boolean =>
  viewer !== null && viewer.kind === 'BUREAU' && hasRole(viewer, Role.BUREAU_ADMIN);

/** The school offices (any section) read their own school's statistics per class. */
export const mayReadSchoolStatistics = (viewer: Viewer | null): boolean =>
  viewer !== null && viewer.schoolId !== null && hasRole(viewer, Role.SCHOOL_ADMIN);

/** Whether the statistics page is there for the viewer at all (the city's or their school's). */
export const mayViewStatistics = (viewer: Viewer | null): boolean =>
  mayReadCityStatistics(viewer) || mayReadSchoolStatistics(viewer);
