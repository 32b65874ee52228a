import { hasRole, hasSection, type Viewer } from '../../common/viewer.js';
import { AdminSection, Role } from '../../common/roles.js';

export const mayRecordCadres = (viewer: Viewer | null): boolean => hasSection(viewer, AdminSection.STUDENT_AFFAIRS);

export const mayRecordCounseling = (viewer: Viewer | null): boolean => hasRole(viewer, Role.COUNSELOR);
