import { requestLoader } from '../../common/loaders.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { registerEnumType } from 'type-graphql';
import type { AppContext, AppServices } from '../../common/context.js';
import { enumDescriptions } from '../../common/enum-descriptions.js';
import { ADMIN_SECTION_LABELS, AdminSection, ROLE_LABELS, Role } from '../../common/roles.js';
import { inTenantTransaction } from '../../common/tenant.js';
import type { Viewer } from '../../common/viewer.js';

// Who looked at a student's personal data (issue 18, point 6). Every place that shows a full national ID, hands staff
// a student's evidence or exports student rows calls recordPiiAccess; the rows are append-only in pii_access_log
// (see its migration) and read by the student and 註冊組 (./log/). This folder imports nothing but common/, so every
// module that reads personal data may import it.

export enum PiiAccessKind {
  NATIONAL_ID_VIEW = 'NATIONAL_ID_VIEW',
  PACKAGE_DOWNLOAD = 'PACKAGE_DOWNLOAD',
  ROSTER_DOWNLOAD = 'ROSTER_DOWNLOAD',
  EVIDENCE_DOWNLOAD = 'EVIDENCE_DOWNLOAD',
  STUDENT_EXPORT = 'STUDENT_EXPORT',
}

export const PII_ACCESS_LABELS: Record<PiiAccessKind, string> = {
  [PiiAccessKind.NATIONAL_ID_VIEW]: '檢視完整身分證號',
  [PiiAccessKind.PACKAGE_DOWNLOAD]: '下載提交資料包',
  [PiiAccessKind.ROSTER_DOWNLOAD]: '下載名冊',
  [PiiAccessKind.EVIDENCE_DOWNLOAD]: '下載學生檔案',
  [PiiAccessKind.STUDENT_EXPORT]: '匯出學生資料',
};

registerEnumType(PiiAccessKind, {
  name: 'PiiAccessKind',
  description: '個資存取的種類',
  valuesConfig: enumDescriptions(PII_ACCESS_LABELS),
});

/** The office of 註冊組, which alone sees full national IDs and downloads packages and rosters. */
export const REGISTRATION_OFFICE = ADMIN_SECTION_LABELS[AdminSection.REGISTRATION];

/** Teaching roles in the order a student recognises them by, for a viewer with no admin section. */
const TEACHING_ROLES = [Role.HOMEROOM_TEACHER, Role.COUNSELOR, Role.TEACHER];

/**
 * What the student reads as "who": the office, never a person. The viewer's admin sections (註冊組、教學組), else
 * their teaching roles (導師), else 教育局 for the bureau.
 */
export function officeOf(viewer: Viewer): string {
  if (viewer.kind === 'BUREAU') return '教育局';
  const sections = Object.values(AdminSection).filter((section) => viewer.adminSections.includes(section));
  if (sections.length > 0) return sections.map((section) => ADMIN_SECTION_LABELS[section]).join('、');
  if (viewer.roles.includes(Role.SCHOOL_ADMIN)) return ROLE_LABELS[Role.SCHOOL_ADMIN];
  const roles = TEACHING_ROLES.filter((role) => viewer.roles.includes(role));
  return roles.length > 0 ? roles.map((role) => ROLE_LABELS[role]).join('、') : '學校人員';
}

/** One read: what it was, whose data, and (when it was one thing) what was read. */
export interface PiiAccess {
  kind: PiiAccessKind;
  /** Raw student ids; repeats count once. */
  studentIds: readonly string[];
  /** The submission, pre-check run, upload or class read, if the read concerns one. */
  targetId?: string | null;
  /** The office the student sees; by default officeOf(viewer). Pass the section whose task the read is. */
  office?: string;
}

/** Who read, in which request, and when (the platform's clock, as every other time it keeps). */
export interface PiiReader {
  viewer: Viewer;
  requestId: string;
  at: Date;
}

export const readerOf = (
  ctx: Pick<AppContext, 'viewer' | 'requestId' | 'services'>,
  viewer = ctx.viewer,
): PiiReader => {
  if (!viewer) throw new Error('a personal-data read needs a signed-in viewer');
  return { viewer, requestId: ctx.requestId, at: ctx.services.clock.now() };
};

/**
 * Appends one row per student, in one set-based statement, in the caller's transaction: the caller's read and its
 * record commit together. Reads of school data only: the bureau has no path to student rows (its statistics are
 * aggregates), and a bureau row would have no school to belong to, so one is refused rather than lost.
 */
export async function recordPiiAccess(em: EntityManager, reader: PiiReader, access: PiiAccess): Promise<void> {
  if (access.studentIds.length === 0) return;
  const { viewer } = reader;
  if (viewer.kind !== 'SCHOOL' || !viewer.schoolId) {
    throw new Error('personal-data reads are recorded for school accounts only');
  }
  await em.execute(
    `insert into pii_access_log (school_id, id, student_id, occurred_at, actor_kind, actor_account_id, actor_name,
                                 office, kind, target_id, request_id)
     select ?, gen_random_uuid(), s.id, ?, ?, ?, ?, ?, ?, ?, ?
     from (select distinct unnest(?::uuid[]) as id) s`,
    [
      viewer.schoolId,
      reader.at,
      viewer.kind,
      viewer.accountId,
      viewer.displayName.slice(0, 100) || viewer.username,
      (access.office ?? officeOf(viewer)).slice(0, 100),
      access.kind,
      access.targetId ?? null,
      reader.requestId,
      `{${access.studentIds.join(',')}}`,
    ],
  );
}

/**
 * For a plain download route, whose lookup runs in a read-only transaction that is always rolled back: the record
 * gets a transaction of its own, committed before the route sends a byte (no record, no bytes).
 */
export function recordPiiAccessApart(
  services: Pick<AppServices, 'orm'>,
  reader: PiiReader,
  access: PiiAccess,
): Promise<void> {
  if (access.studentIds.length === 0) return Promise.resolve();
  const scope = { schoolId: reader.viewer.schoolId, authorityId: reader.viewer.authorityId };
  return inTenantTransaction(services.orm.em, scope, (em) => recordPiiAccess(em, reader, access));
}

const NATIONAL_ID_READS = Symbol('national ID reads');

/**
 * A full national ID is about to be returned by a GraphQL field: the students of one request's fields are recorded
 * together (a page of 100 students is one INSERT, not 100), once each per request, in the request's transaction.
 * The field returns the number only after the record is written.
 */
export function recordNationalIdRead(ctx: AppContext, studentId: string): Promise<true> {
  return requestLoader(ctx, NATIONAL_ID_READS, async (ids: readonly string[]) => {
    const access: PiiAccess = { kind: PiiAccessKind.NATIONAL_ID_VIEW, studentIds: ids, office: REGISTRATION_OFFICE };
    // A WebSocket operation has no request transaction: the record then takes one of its own. Over HTTP a response
    // whose transaction rolls back carries no data (requestTransactionPlugin), so no number leaves unrecorded.
    if (ctx.em.isInTransaction()) await recordPiiAccess(ctx.em, readerOf(ctx), access);
    else await recordPiiAccessApart(ctx.services, readerOf(ctx), access);
    return ids.map(() => true as const);
  }).load(studentId);
}
