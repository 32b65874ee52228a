import { hasRole, type Viewer } from '../../common/viewer.js';
import { Role } from '../../common/roles.js';
import { UploadPurpose } from './upload.entity.js';

/** Who may upload for what: imports are school staff's work, evidence is the students'. */
export function mayUpload(viewer: Viewer | null, purpose: UploadPurpose): boolean {
  switch (purpose) {
    case UploadPurpose.IMPORT:
      return hasRole(viewer, Role.SCHOOL_ADMIN);
    case UploadPurpose.DOCUMENT:
    case UploadPurpose.MEDIA:
      return hasRole(viewer, Role.STUDENT);
  }
}
