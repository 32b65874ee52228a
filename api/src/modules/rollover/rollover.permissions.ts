import { AdminSection } from '../../common/roles.js';
import { hasSection, type Viewer } from '../../common/viewer.js';

/** The new academic year is 註冊組's: it moves the student register (DOMAIN.md §1). */
export const mayRollOver = (viewer: Viewer | null): boolean => hasSection(viewer, AdminSection.REGISTRATION);
