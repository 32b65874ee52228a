import { Authority } from '../modules/authority/authority.entity.js';
import { Course, CourseSection, Enrolment } from '../modules/course/course.entity.js';
import { CadreRecord, CounselingParticipant, CounselingRecord } from '../modules/records/records.entity.js';
import { FileUpload } from '../modules/files/upload.entity.js';
import { ImportRun } from '../modules/imports/import-run.entity.js';
import { RolloverRun } from '../modules/rollover/rollover.types.js';
import { CertificationProxy, CourseOutcome, CourseOutcomeVersion } from '../modules/portfolio/course-outcome.entity.js';
import { DiversePerformance } from '../modules/portfolio/diverse-performance.entity.js';
import { BureauAccount } from '../modules/people/bureau-account.entity.js';
import { Student } from '../modules/people/student.entity.js';
import { UserAccount } from '../modules/people/user-account.entity.js';
import { Submission, SubmissionRow } from '../modules/round/submission.entity.js';
import { ReceiptImport, ReceiptRow } from '../modules/round/receipt.entity.js';
import { PrecheckMismatch, PrecheckRun } from '../modules/round/precheck.entity.js';
import { SchoolClass } from '../modules/people/school-class.entity.js';
import { School } from '../modules/school/school.entity.js';
import { AcademicYear, Term } from '../modules/term/term.entity.js';
import { TimelineTemplate, TimelineTemplateTask } from '../modules/timeline/timeline-template.entity.js';
import { DeadlineAlert, TimelineExtension, TimelineTask } from '../modules/timeline/timeline-task.entity.js';
import { AuditLogEntry } from '../modules/audit/audit-log.entity.js';
import { Dispute, FinalLock, ReceiptReview, ReceiptStaffConfirmation } from '../modules/round/confirmation.entity.js';

export const entities = [
  Authority,
  School,
  AcademicYear,
  Term,
  UserAccount,
  BureauAccount,
  SchoolClass,
  Student,
  TimelineTemplate,
  TimelineTemplateTask,
  TimelineTask,
  TimelineExtension,
  DeadlineAlert,
  Course,
  CourseSection,
  Enrolment,
  CadreRecord,
  CounselingRecord,
  CounselingParticipant,
  FileUpload,
  ImportRun,
  RolloverRun,
  CourseOutcome,
  CourseOutcomeVersion,
  CertificationProxy,
  DiversePerformance,
  Submission,
  SubmissionRow,
  ReceiptImport,
  ReceiptRow,
  PrecheckRun,
  PrecheckMismatch,
  ReceiptReview,
  ReceiptStaffConfirmation,
  Dispute,
  FinalLock,
  AuditLogEntry,
];
