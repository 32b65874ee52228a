import { RoundViewerResolver } from './modules/round/round-viewer.resolver.js';
import { StudentLocksResolver } from './modules/round/student-locks.resolver.js';
import { LedgerResolver } from './modules/ledger/ledger.resolver.js';
import { TimelineViewerResolver } from './modules/timeline/timeline-viewer.resolver.js';
import { CourseViewerResolver } from './modules/course/course-viewer.resolver.js';
import { RecordsViewerResolver } from './modules/records/records-viewer.resolver.js';
import { ImportsViewerResolver } from './modules/imports/imports-viewer.resolver.js';
import { StatisticsViewerResolver } from './modules/statistics/statistics-viewer.resolver.js';
import path from 'node:path';
import { FilesResolver } from './modules/files/files.resolver.js';
import { ImportResolver } from './modules/imports/imports.resolver.js';
import { RolloverResolver, RolloverViewerResolver } from './modules/rollover/rollover.resolver.js';
import { CertificationProxyResolver } from './modules/portfolio/certification.resolver.js';
import { CertificationHealthResolver } from './modules/portfolio/certification-health.resolver.js';
import {
  CourseOutcomeResolver,
  CourseOutcomeVersionResolver,
  EnrolmentOutcomesResolver,
  FileUploadResolver,
} from './modules/portfolio/outcome.resolver.js';
import { DiversePerformanceResolver } from './modules/portfolio/performance.resolver.js';
import { SelectionResolver } from './modules/portfolio/selection.resolver.js';
import { StudentPortfolioResolver } from './modules/portfolio/student-portfolio.resolver.js';
import { PerformanceEditResolver } from './modules/portfolio/performance-edit.resolver.js';
import {
  CadreRecordCorrectionResolver,
  CorrectionsResolver,
  EnrolmentCorrectionResolver,
  PerformanceCorrectionResolver,
} from './modules/round/confirmation/corrections.resolver.js';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema, type PubSub } from 'type-graphql';
import { repoRoot } from './common/config.js';
import { RoleAuthChecker } from './common/auth-checker.js';
import { answerDatabaseRefusalsAsUserErrors } from './common/database-refusals.js';
import { Node } from './common/node.js';
import { AuthResolver } from './modules/auth/auth.resolver.js';
import { SsoResolver, SsoViewerResolver } from './modules/auth/sso.resolver.js';
import { StudentResolver, UserAccountResolver } from './modules/people/people.resolver.js';
import { AccountAdminResolver } from './modules/people/account-admin.resolver.js';
import { FirstPasswordSlipsResolver } from './modules/people/first-password-slips.resolver.js';
import { SchoolClassResolver } from './modules/people/school-class.resolver.js';
import { SchoolResolver } from './modules/school/school.resolver.js';
import {
  SchoolManagementResolver,
  SchoolOnboardingResolver,
} from './modules/school-onboarding/school-onboarding.resolver.js';
import { SubmissionResolver } from './modules/round/submission/submission.resolver.js';
import { ReceiptResolver, ReceiptRowResolver } from './modules/round/receipts/receipt.resolver.js';
import { AuditLogResolver } from './modules/audit/audit.resolver.js';
import { AuditActorResolver } from './modules/people/audit-actor.resolver.js';
import {
  ConfirmationResolver,
  DisputeResolver,
  ReceiptImportConfirmationResolver,
  ReceiptRowReviewResolver,
} from './modules/round/confirmation/confirmation.resolver.js';
import { PrecheckMismatchResolver, PrecheckResolver } from './modules/round/precheck/precheck.resolver.js';
import { NodeResolver } from './modules/system/node.resolver.js';
import { SystemResolver } from './modules/system/system.resolver.js';
import { TermResolver } from './modules/term/term.resolver.js';
import { AlertsResolver } from './modules/alerts/alerts.resolver.js';
import {
  CadreRecordResolver,
  CounselingRecordResolver,
  StudentCadreResolver,
} from './modules/records/records.resolver.js';
import {
  ClassRosterResolver,
  CourseResolver,
  CourseSectionResolver,
  EnrolmentResolver,
  StudentRecordsResolver,
} from './modules/course/course.resolver.js';
import { TimelineResolver, TimelineTemplateResolver } from './modules/timeline/timeline.resolver.js';
import { StaggerResolver } from './modules/timeline/stagger.resolver.js';
import { StatisticsResolver } from './modules/statistics/statistics.resolver.js';
import { BoardResolver } from './modules/board/board.resolver.js';
import { StudentExchangeResolver } from './modules/exchange/exchange.resolver.js';
import {
  TransferInResolver,
  TransferNewStudentResolver,
  TransferOutResolver,
} from './modules/transfers/transfers.resolver.js';
import { TransfersViewerResolver } from './modules/transfers/transfers-viewer.resolver.js';
import {
  PiiAccessLogPolicyResolver,
  PiiAccessLogResolver,
  PrivacyViewerResolver,
} from './modules/privacy/log/access-log.resolver.js';
import { RetentionResolver, RetentionViewerResolver } from './modules/retention/retention.resolver.js';

export const SCHEMA_FILE = path.join(repoRoot, 'schema', 'schema.graphql');

/**
 * pubSub carries events to subscribers of this process. Deadline alerts will bridge it to PostgreSQL LISTEN/NOTIFY
 * so that every instance hears every event.
 */
export async function buildAppSchema(pubSub: PubSub = createPubSub()): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    pubSub,
    resolvers: [
      AuthResolver,
      SsoResolver,
      SsoViewerResolver,
      NodeResolver,
      SubmissionResolver,
      ReceiptResolver,
      ReceiptRowResolver,
      ConfirmationResolver,
      StudentLocksResolver,
      LedgerResolver,
      AuditLogResolver,
      AuditActorResolver,
      DisputeResolver,
      ReceiptRowReviewResolver,
      ReceiptImportConfirmationResolver,
      PrecheckResolver,
      PrecheckMismatchResolver,
      RoundViewerResolver,
      TimelineViewerResolver,
      CourseViewerResolver,
      RecordsViewerResolver,
      ImportsViewerResolver,
      StatisticsViewerResolver,
      PiiAccessLogResolver,
      PiiAccessLogPolicyResolver,
      PrivacyViewerResolver,
      SystemResolver,
      SchoolResolver,
      SchoolOnboardingResolver,
      SchoolManagementResolver,
      SchoolClassResolver,
      TermResolver,
      StudentResolver,
      UserAccountResolver,
      AccountAdminResolver,
      FirstPasswordSlipsResolver,
      TimelineTemplateResolver,
      TimelineResolver,
      StaggerResolver,
      AlertsResolver,
      CourseSectionResolver,
      CourseResolver,
      EnrolmentResolver,
      ClassRosterResolver,
      StudentRecordsResolver,
      CounselingRecordResolver,
      CadreRecordResolver,
      StudentCadreResolver,
      FilesResolver,
      ImportResolver,
      RolloverResolver,
      RolloverViewerResolver,
      CourseOutcomeResolver,
      CertificationProxyResolver,
      CertificationHealthResolver,
      CourseOutcomeVersionResolver,
      FileUploadResolver,
      DiversePerformanceResolver,
      SelectionResolver,
      EnrolmentOutcomesResolver,
      StudentPortfolioResolver,
      PerformanceEditResolver,
      CorrectionsResolver,
      CadreRecordCorrectionResolver,
      EnrolmentCorrectionResolver,
      PerformanceCorrectionResolver,
      StatisticsResolver,
      BoardResolver,
      StudentExchangeResolver,
      RetentionResolver,
      RetentionViewerResolver,
      TransferInResolver,
      TransferNewStudentResolver,
      TransferOutResolver,
      TransfersViewerResolver,
    ],
    orphanedTypes: [Node],
    authChecker: RoleAuthChecker,
    // Inputs are validated in the services, where problems become userErrors a person can act on.
    validate: false,
  });
  return answerDatabaseRefusalsAsUserErrors(schema);
}

export function printAppSchema(schema: GraphQLSchema): string {
  return `# Generated by \`npm run generate\` from the type-graphql classes in api/src. Do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
