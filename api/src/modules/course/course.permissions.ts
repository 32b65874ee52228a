import { Role } from '../../common/roles.js';
import { hasRole, type Viewer } from '../../common/viewer.js';

/** Teachers enter the grades of the sections they teach. */
export const mayEnterGrades = (viewer: Viewer | null): boolean => hasRole(viewer, Role.TEACHER);
