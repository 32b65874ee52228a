import { AdminSection, Role } from '../../common/roles.js';
import { SubmissionCategory } from '../../common/submission-category.js';
import { hasRole, hasSection, type Viewer } from '../../common/viewer.js';

// Who may do what in the round, in one place: pre-check, submission, receipts and confirmation all ask here.

/** Who builds (and downloads) each category's package: the sections responsible for that data (DOMAIN.md §3). */
export const SUBMITTING_SECTIONS: Record<SubmissionCategory, AdminSection[]> = {
  [SubmissionCategory.BASIC]: [AdminSection.REGISTRATION, AdminSection.STUDENT_AFFAIRS],
  [SubmissionCategory.COURSE_RECORDS]: [AdminSection.REGISTRATION, AdminSection.TEACHING],
  [SubmissionCategory.COURSE_OUTCOMES]: [AdminSection.REGISTRATION, AdminSection.TEACHING],
  [SubmissionCategory.PERFORMANCES]: [AdminSection.STUDENT_AFFAIRS, AdminSection.REGISTRATION],
};

export const maySubmit = (viewer: Viewer | null, category: SubmissionCategory): boolean =>
  SUBMITTING_SECTIONS[category].some((section) => hasSection(viewer, section));

/**
 * The package carries full national IDs, which only 註冊組 sees (README, API conventions): only 註冊組 downloads it,
 * whichever section submitted it.
 */
export const mayDownloadPackage = (viewer: Viewer | null): boolean => hasSection(viewer, AdminSection.REGISTRATION);

/** Office staff of any responsible section see the list of their school's submissions. */
export const mayListSubmissions = (viewer: Viewer | null): boolean =>
  Object.values(SubmissionCategory).some((category) => maySubmit(viewer, category));

/** 預檢 is 教學組's and 註冊組's task (DOMAIN.md §4): they export, import and read the mismatches. */
export const mayPrecheck = (viewer: Viewer | null): boolean =>
  hasSection(viewer, AdminSection.TEACHING) || hasSection(viewer, AdminSection.REGISTRATION);

/** The roster carries full national IDs, like a submission package: only 註冊組 downloads it. */
export const mayDownloadPrecheckRoster = mayDownloadPackage;

/**
 * Sending to the reference repository stores its answer, which carries full national IDs, as the viewer's own
 * upload (readable by them at /files/:id): only 註冊組, like receipts.
 */
export const maySendPrecheck = mayDownloadPackage;

/** Receipt files carry full national IDs, like the package: only 註冊組 sends packages and imports receipts. */
export const mayHandleReceipts = mayDownloadPackage;

/** Students confirm their own receipt rows or dispute them. */
export const mayReviewReceipts = (viewer: Viewer | null): boolean => hasRole(viewer, Role.STUDENT);
