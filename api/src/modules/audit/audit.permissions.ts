import { hasRole, type Viewer } from '../../common/viewer.js';
import { Role } from '../../common/roles.js';

export const mayReadAuditLog = (viewer: Viewer | null): boolean => hasRole(viewer, Role.SCHOOL_ADMIN);
