import { IMPORT_KINDS } from './import.service.js';
import { hasRole, type Viewer } from '../../common/viewer.js';
import { Role } from '../../common/roles.js';

/** Import pages are for school office staff; what each may import is decided per kind. */
export const mayImport = (viewer: Viewer | null): boolean =>
  hasRole(viewer, Role.SCHOOL_ADMIN) && Object.values(IMPORT_KINDS).some((kind) => kind.mayImport(viewer!));
