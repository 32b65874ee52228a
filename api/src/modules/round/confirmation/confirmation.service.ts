import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppContext } from '../../../common/context.js';
import { forbidden } from '../../../common/errors.js';
import { idOfType } from '../../../common/ids.js';
import { pgTextArray } from '../../../common/sql.js';
import { type Result, userError, type UserError } from '../../../common/user-error.js';
import { ALERT_CHANNEL, type AlertEvent } from '../../alerts/alert-hub.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { Student } from '../../people/student.entity.js';
import { UserAccount } from '../../people/user-account.entity.js';
import { ReceiptImport, ReceiptRow } from '../receipt.entity.js';
import { RECEIPT_KINDS, categoryOfKind, kindsOfCategory } from '../central/receipt-format.js';
import { Submission } from '../submission.entity.js';
import { mayListSubmissions, maySubmit, mayReviewReceipts, SUBMITTING_SECTIONS } from '../round.permissions.js';
import { TaskKind } from '../../timeline/timeline.enums.js';
import { CATEGORY_LABELS, isAnnualCategory, type SubmissionCategory } from '../../../common/submission-category.js';
import { ADMIN_SECTION_LABELS } from '../../../common/roles.js';
import { grade12CohortOf } from '../../../common/data-period.js';
import type { Term } from '../../term/term.entity.js';
import {
  Dispute,
  DisputeStatus,
  FinalLock,
  ReceiptStaffConfirmation,
  UNRESOLVED_DISPUTE,
} from '../confirmation.entity.js';
import {
  finalLockedError,
  finalLockOf,
  holdFinalLockKey,
  roundCategoryOf,
  grade12Detail,
  ofRound,
  type RoundCategory,
} from '../final-lock.js';
import { roundOfRequest } from '../round-cadence.js';
import { rowsChangedSince } from '../submission/unsent-changes.js';
import { termArgument } from '../../term/term.service.js';

const MAX_ROWS_PER_CONFIRMATION = 500;
const MAX_TEXT = 500;

/** Tells the student's open alert subscriptions that their dispute moved; NOTIFY is delivered at commit. */
async function notifyStudent(em: EntityManager, dispute: Dispute): Promise<void> {
  const event: AlertEvent = { schoolId: dispute.school.id, disputeId: dispute.id };
  await em.execute('select pg_notify(?, ?)', [ALERT_CHANNEL, JSON.stringify(event)]);
}

async function viewerStudent(ctx: AppContext, action: string): Promise<Student> {
  const viewer = ctx.viewer;
  const student =
    viewer?.schoolId && mayReviewReceipts(viewer) ? await ctx.loaders.studentByAccountId.load(viewer.accountId) : null;
  if (!student) throw forbidden(action);
  return student;
}

const NOT_YOURS = (field: string) =>
  userError(field, 'RECEIPT_ROW_NOT_YOURS', '只能確認或提出疑義於自己的收訖明細，未做任何變更。');

/** The rows, if every id names a receipt row of this student; null otherwise (nothing is revealed about others). */
async function ownRows(ctx: AppContext, student: Student, ids: string[]): Promise<ReceiptRow[] | null> {
  const rowIds = ids.map((id) => idOfType(id, 'ReceiptRow'));
  if (rowIds.some((id) => !id)) return null;
  const unique = [...new Set(rowIds as string[])];
  const rows = await ctx.em.find(ReceiptRow, { id: { $in: unique } });
  if (rows.length !== unique.length || rows.some((row) => row.student?.id !== student.id)) return null;
  return rows;
}

/**
 * The confirmation window of each round the rows belong to must be open for this student (extensions count): a 高三
 * round's rows are confirmed in its own window.
 */
async function confirmationWindowProblem(
  ctx: AppContext,
  rows: ReceiptRow[],
  studentId: string | null,
  field: string,
): Promise<UserError | null> {
  const submissions = await ctx.em.find(Submission, { id: { $in: [...new Set(rows.map((r) => r.submission.id))] } });
  const rounds = new Map(submissions.map((s) => [`${s.term.id}:${s.grade12Round}`, s]));
  for (const submission of rounds.values()) {
    const answer = await ctx.services.windows.check(
      ctx.em,
      {
        period: { termId: submission.term.id },
        kind: TaskKind.CONFIRM_RECEIPTS,
        studentId,
        grade12Round: submission.grade12Round,
      },
      field,
    );
    if (answer.userError) return answer.userError;
  }
  return null;
}

/** 確認無誤: a student marks their own receipt rows correct, inside the confirmation window. Disputed rows stay disputed. */
export async function confirmReceiptRows(
  ctx: AppContext,
  input: { receiptRowIds: string[] },
): Promise<Result<ReceiptRow[]>> {
  const student = await viewerStudent(ctx, '確認收訖明細');
  if (input.receiptRowIds.length === 0 || input.receiptRowIds.length > MAX_ROWS_PER_CONFIRMATION) {
    return {
      value: null,
      userErrors: [
        userError('receiptRowIds', 'INVALID_ROW_COUNT', `一次可確認 1 至 ${MAX_ROWS_PER_CONFIRMATION} 筆收訖明細。`),
      ],
    };
  }
  const rows = await ownRows(ctx, student, input.receiptRowIds);
  if (!rows) return { value: null, userErrors: [NOT_YOURS('receiptRowIds')] };
  const windowProblem = await confirmationWindowProblem(ctx, rows, student.id, 'receiptRowIds');
  if (windowProblem) return { value: null, userErrors: [windowProblem] };
  // A row under dispute, the student's own or one the school raised, is not marked correct meanwhile.
  const disputed = await ctx.em.count(Dispute, { receiptRow: { $in: rows.map((r) => r.id) } });
  if (disputed > 0) {
    return {
      value: null,
      userErrors: [
        userError('receiptRowIds', 'ROW_DISPUTED', '已提出疑義的資料不能再標為正確，請等候處室回覆。未做任何變更。'),
      ],
    };
  }
  const now = ctx.services.clock.now();
  await ctx.em.execute(
    `insert into receipt_review (school_id, id, receipt_row_id, student_id, decision, decided_by, decided_at)
     select ?, gen_random_uuid(), r, ?, 'CORRECT', ?, ? from unnest(?::uuid[]) r
     on conflict (school_id, receipt_row_id) do nothing`,
    [student.school.id, student.id, ctx.viewer!.accountId, now, pgTextArray(rows.map((r) => r.id))],
  );
  await recordAudit(ctx.em, ctx.viewer!, ctx.requestId, {
    operation: 'receipts.confirm',
    targetIds: [student.id],
    detail: { rows: rows.length },
  });
  return { value: rows, userErrors: [] };
}

/** When a new dispute is due: the end of the round's 疑義處理 window if it lies ahead, else a policy number of days. */
async function disputeDueAt(ctx: AppContext, submission: Submission, now: Date): Promise<Date> {
  const { task: window } = await ctx.services.windows.check(ctx.em, {
    period: { termId: submission.term.id },
    kind: TaskKind.RESOLVE_DISPUTES,
    grade12Round: submission.grade12Round,
  });
  if (window && window.endsAt > now) return window.endsAt;
  return new Date(now.getTime() + ctx.services.config.timeline.disputeAnswerDays * 24 * 3600_000);
}

function textProblem(field: string, value: string, what: string): UserError | null {
  const text = value.trim();
  if (text.length === 0) return userError(field, `${field.toUpperCase()}_REQUIRED`, `請填寫${what}。`);
  if (text.length > MAX_TEXT) {
    return userError(field, `${field.toUpperCase()}_TOO_LONG`, `${what}最多 ${MAX_TEXT} 字，目前 ${text.length} 字。`);
  }
  return null;
}

/** 提出疑義: a student on one of their own rows, inside the confirmation window; staff on a row of their category. */
export async function raiseDispute(
  ctx: AppContext,
  input: { receiptRowId: string; reason: string },
): Promise<Result<Dispute>> {
  if (!mayReviewReceipts(ctx.viewer)) return raiseStaffDispute(ctx, input);
  const student = await viewerStudent(ctx, '提出疑義');
  const rows = await ownRows(ctx, student, [input.receiptRowId]);
  if (!rows) return { value: null, userErrors: [NOT_YOURS('receiptRowId')] };
  const row = rows[0]!;
  const reasonProblem = textProblem('reason', input.reason, '疑義內容');
  if (reasonProblem) return { value: null, userErrors: [reasonProblem] };
  const windowProblem = await confirmationWindowProblem(ctx, rows, student.id, 'receiptRowId');
  if (windowProblem) return { value: null, userErrors: [windowProblem] };
  return openDispute(ctx, row, input.reason);
}

/**
 * 學校人員就收訖明細提出疑義 (the slides): the section that submits a row's category raises a dispute on it while the
 * round's confirmation or dispute window is open, and answers it as any other. The student sees it on their page.
 */
async function raiseStaffDispute(ctx: AppContext, input: { receiptRowId: string; reason: string }) {
  const viewer = ctx.viewer;
  if (!viewer?.schoolId || !mayListSubmissions(viewer)) throw forbidden('提出疑義');
  const id = idOfType(input.receiptRowId, 'ReceiptRow');
  const row = id ? await ctx.em.findOne(ReceiptRow, { id }) : null;
  if (!row) {
    return fail<Dispute>('receiptRowId', 'RECEIPT_ROW_NOT_FOUND', '找不到指定的收訖明細，未做任何變更。');
  }
  const category = categoryOfKind(row.kind);
  if (!maySubmit(viewer, category)) return { value: null, userErrors: [notYourCategory('receiptRowId', category)] };
  const reasonProblem = textProblem('reason', input.reason, '疑義內容');
  if (reasonProblem) return { value: null, userErrors: [reasonProblem] };
  const submission = await ctx.em.findOneOrFail(Submission, { id: row.submission.id });
  const question = { period: { termId: submission.term.id }, grade12Round: submission.grade12Round };
  const confirming = await ctx.services.windows.check(
    ctx.em,
    { ...question, kind: TaskKind.CONFIRM_RECEIPTS },
    'receiptRowId',
  );
  if (confirming.userError) {
    const resolving = await ctx.services.windows.check(
      ctx.em,
      { ...question, kind: TaskKind.RESOLVE_DISPUTES },
      'receiptRowId',
    );
    if (resolving.userError) return { value: null, userErrors: [resolving.userError] };
  }
  return openDispute(ctx, row, input.reason);
}

const fail = <T>(field: string, code: string, message: string): Result<T> => ({
  value: null,
  userErrors: [userError(field, code, message)],
});

/** What staff of another section read when they try to act on a category that is not theirs. */
export const notYourCategory = (field: string | null, category: SubmissionCategory): UserError =>
  userError(
    field,
    'NOT_YOUR_CATEGORY',
    `「${CATEGORY_LABELS[category]}」由${SUBMITTING_SECTIONS[category].map((s) => ADMIN_SECTION_LABELS[s]).join('或')}處理，未做任何變更。`,
  );

/** The dispute itself, once whoever raises it may: one per row, none once the round's category is locked. */
async function openDispute(ctx: AppContext, row: ReceiptRow, reason: string): Promise<Result<Dispute>> {
  const viewer = ctx.viewer!;
  const submission = await ctx.em.findOneOrFail(Submission, { id: row.submission.id });
  if (await finalLockOf(ctx.em, roundCategoryOf(submission))) {
    return { value: null, userErrors: [finalLockedError('receiptRowId', submission.category)] };
  }
  if (await ctx.em.findOne(Dispute, { receiptRow: row.id })) {
    return {
      value: null,
      userErrors: [userError('receiptRowId', 'ALREADY_DISPUTED', '這筆資料已提出過疑義，請在下方查看處理進度。')],
    };
  }
  const now = ctx.services.clock.now();
  const studentId = row.student?.id ?? null;
  const dispute = ctx.em.create(Dispute, {
    school: viewer.schoolId!,
    receiptRow: row.id,
    student: studentId,
    submission: submission.id,
    term: submission.term.id,
    category: submission.category,
    grade12Round: submission.grade12Round,
    reason: reason.trim(),
    status: DisputeStatus.OPEN,
    raisedBy: viewer.accountId,
    raisedAt: now,
    dueAt: await disputeDueAt(ctx, submission, now),
  });
  await ctx.em.flush();
  const byStaff = !mayReviewReceipts(viewer);
  // receipt_review is the student's own answer (confirmation rates, the class sheet and the student's confirmation
  // count it): a dispute the school raises leaves it as the student gave it, or unanswered.
  if (!byStaff) {
    await ctx.em.execute(
      `insert into receipt_review (school_id, id, receipt_row_id, student_id, decision, decided_by, decided_at)
       values (?, gen_random_uuid(), ?, ?, 'DISPUTED', ?, ?)
       on conflict (school_id, receipt_row_id)
       do update set decision = 'DISPUTED', decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
      [viewer.schoolId, row.id, studentId, viewer.accountId, now],
    );
  }
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'dispute.raise',
    targetIds: [dispute.id, row.id, ...(studentId ? [studentId] : [])],
    detail: { category: submission.category, kind: row.kind, ...(byStaff ? { byStaff } : {}) },
  });
  return { value: dispute, userErrors: [] };
}

/** A section's staff confirm that they checked a receipt list of their category, inside the confirmation window. */
export async function confirmReceiptImport(
  ctx: AppContext,
  input: { receiptImportId: string },
): Promise<Result<ReceiptStaffConfirmation>> {
  const viewer = ctx.viewer;
  const id = idOfType(input.receiptImportId, 'ReceiptImport');
  const receiptImport = id ? await ctx.em.findOne(ReceiptImport, { id }) : null;
  if (!receiptImport) {
    return {
      value: null,
      userErrors: [userError('receiptImportId', 'RECEIPT_IMPORT_NOT_FOUND', '找不到指定的收訖明細。')],
    };
  }
  const category = categoryOfKind(receiptImport.kind);
  if (!viewer?.schoolId || !maySubmit(viewer, category)) throw forbidden('確認這個類別的收訖明細');
  const submission = await ctx.em.findOneOrFail(Submission, { id: receiptImport.submission.id });
  const window = await ctx.services.windows.check(
    ctx.em,
    { period: { termId: submission.term.id }, kind: TaskKind.CONFIRM_RECEIPTS, grade12Round: submission.grade12Round },
    'receiptImportId',
  );
  if (window.userError) return { value: null, userErrors: [window.userError] };
  const existing = await ctx.em.findOne(ReceiptStaffConfirmation, { receiptImport: receiptImport.id });
  if (existing) return { value: existing, userErrors: [] };
  const confirmation = ctx.em.create(ReceiptStaffConfirmation, {
    school: viewer.schoolId,
    receiptImport: receiptImport.id,
    confirmedBy: viewer.accountId,
    confirmedAt: ctx.services.clock.now(),
  });
  await ctx.em.flush();
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'receipts.staff_confirm',
    targetIds: [receiptImport.id, submission.id],
    detail: { kind: receiptImport.kind },
  });
  return { value: confirmation, userErrors: [] };
}

export enum DisputeResolution {
  NO_CHANGE = 'NO_CHANGE',
  CORRECTED = 'CORRECTED',
}

const viewerRef = (ctx: AppContext) => ctx.em.getReference(UserAccount, ctx.viewer!.accountId, { wrapped: true });

/**
 * The dispute, its row locked until the transaction ends and read after the lock: two people answering or correcting
 * it at once take turns, and the second sees it closed instead of overwriting the first one's answer.
 */
export async function lockedDispute(ctx: AppContext, id: string): Promise<Dispute | null> {
  const [row] = await ctx.em.execute<{ id: string }[]>('select id from dispute where id = ? for update', [id]);
  return row ? ctx.em.findOne(Dispute, { id }, { refresh: true }) : null;
}

export async function disputeForStaff(
  ctx: AppContext,
  globalId: string,
): Promise<{ dispute: Dispute | null; error: UserError | null }> {
  const id = idOfType(globalId, 'Dispute');
  const dispute = id ? await lockedDispute(ctx, id) : null;
  if (!dispute) {
    return { dispute: null, error: userError('disputeId', 'DISPUTE_NOT_FOUND', '找不到指定的疑義。') };
  }
  if (!maySubmit(ctx.viewer, dispute.category)) throw forbidden('處理這個類別的疑義');
  if (await finalLockOf(ctx.em, roundCategoryOf(dispute))) {
    return { dispute: null, error: finalLockedError('disputeId', dispute.category) };
  }
  return { dispute, error: null };
}

/** 受理: the section starts looking into an open dispute; the student hears of it. */
export async function startDisputeReview(ctx: AppContext, input: { disputeId: string }): Promise<Result<Dispute>> {
  const { dispute, error } = await disputeForStaff(ctx, input.disputeId);
  if (!dispute) return { value: null, userErrors: [error!] };
  if (dispute.status !== DisputeStatus.OPEN) {
    return {
      value: null,
      userErrors: [userError('disputeId', 'DISPUTE_NOT_OPEN', '這件疑義已在處理中或已處理完畢。')],
    };
  }
  dispute.status = DisputeStatus.IN_REVIEW;
  dispute.reviewedBy = viewerRef(ctx);
  dispute.reviewedAt = ctx.services.clock.now();
  await ctx.em.flush();
  await recordAudit(ctx.em, ctx.viewer!, ctx.requestId, {
    operation: 'dispute.review',
    targetIds: [dispute.id],
    detail: { category: dispute.category },
  });
  await notifyStudent(ctx.em, dispute);
  return { value: dispute, userErrors: [] };
}

/**
 * 疑義處理完畢: either the data was right (the answer says why) or it was corrected in the school's records and goes to
 * the central database with the next submission of the category (submitTerm links it).
 */
export async function resolveDispute(
  ctx: AppContext,
  input: { disputeId: string; resolution: DisputeResolution; answer: string },
): Promise<Result<Dispute>> {
  const { dispute, error } = await disputeForStaff(ctx, input.disputeId);
  if (!dispute) return { value: null, userErrors: [error!] };
  if (!UNRESOLVED_DISPUTE.includes(dispute.status)) {
    return { value: null, userErrors: [userError('disputeId', 'DISPUTE_RESOLVED', '這件疑義已處理完畢。')] };
  }
  const answerProblem = textProblem('answer', input.answer, '給學生的回覆');
  if (answerProblem) return { value: null, userErrors: [answerProblem] };
  await closeDispute(ctx, dispute, input.resolution, input.answer.trim(), {});
  return { value: dispute, userErrors: [] };
}

/** Closes an unresolved dispute with its answer, audits it and tells the student; `detail` adds to the audit. */
export async function closeDispute(
  ctx: AppContext,
  dispute: Dispute,
  resolution: DisputeResolution,
  answer: string,
  detail: Record<string, unknown>,
): Promise<void> {
  const now = ctx.services.clock.now();
  dispute.status =
    resolution === DisputeResolution.CORRECTED ? DisputeStatus.RESOLVED_CORRECTED : DisputeStatus.RESOLVED_NO_CHANGE;
  dispute.answer = answer;
  dispute.resolvedBy = viewerRef(ctx);
  dispute.resolvedAt = now;
  if (!dispute.reviewedAt) {
    dispute.reviewedBy = viewerRef(ctx);
    dispute.reviewedAt = now;
  }
  await ctx.em.flush();
  await recordAudit(ctx.em, ctx.viewer!, ctx.requestId, {
    operation: 'dispute.resolve',
    targetIds: [dispute.id],
    detail: { category: dispute.category, resolution, ...detail },
  });
  await notifyStudent(ctx.em, dispute);
}

export interface FinalizeInput {
  termId: string;
  category: SubmissionCategory;
  grade12Round?: boolean | null;
}

/**
 * 完成最終提交: possible once the newest submission's receipt lists are all imported, every dispute is resolved and
 * every correction has been resubmitted. From then on the database refuses changes to the category's data of the term.
 */
export async function finalizeTerm(ctx: AppContext, input: FinalizeInput): Promise<Result<FinalLock>> {
  const viewer = ctx.viewer;
  if (!viewer?.schoolId || !maySubmit(viewer, input.category)) throw forbidden('完成這個類別的最終提交');
  const term = await termArgument(ctx, input.termId);
  const refuse = (code: string, message: string): Result<FinalLock> => ({
    value: null,
    userErrors: [userError('category', code, message)],
  });
  const { round, problem } = await roundOfRequest(ctx, term, input);
  if (problem) return { value: null, userErrors: [problem] };
  await holdFinalLockKey(ctx.em, round);
  if (await finalLockOf(ctx.em, round))
    return { value: null, userErrors: [finalLockedError('category', input.category)] };
  const window = await ctx.services.windows.check(
    ctx.em,
    { period: { termId: term.id }, kind: TaskKind.FINAL_SUBMIT, grade12Round: round.grade12Round },
    'termId',
  );
  if (window.userError) return { value: null, userErrors: [window.userError] };

  const label = CATEGORY_LABELS[input.category];
  const latest = await ctx.em.findOne(Submission, ofRound(round), { orderBy: { createdAt: 'desc', id: 'desc' } });
  if (!latest) return refuse('NOT_SUBMITTED', `「${label}」還沒有提交過，不能完成最終提交。`);
  const imported = new Set((await ctx.em.find(ReceiptImport, { submission: latest.id })).map((r) => r.kind));
  const missing = kindsOfCategory(input.category).filter((kind) => !imported.has(kind));
  if (missing.length > 0) {
    const names = missing.map((kind) => RECEIPT_KINDS[kind].label).join('、');
    return refuse('RECEIPTS_NOT_IMPORTED', `最近一次提交的「${names}」收訖明細尚未匯入，不能完成最終提交。`);
  }
  const unresolved = await ctx.em.count(Dispute, { ...ofRound(round), status: { $in: UNRESOLVED_DISPUTE } });
  if (unresolved > 0) return refuse('DISPUTES_OPEN', `還有 ${unresolved} 件疑義尚未處理完畢，不能完成最終提交。`);
  const notResubmitted = await ctx.em.count(Dispute, {
    ...ofRound(round),
    status: DisputeStatus.RESOLVED_CORRECTED,
    resubmission: null,
  });
  if (notResubmitted > 0) {
    return refuse(
      'CORRECTIONS_NOT_RESUBMITTED',
      `有 ${notResubmitted} 件已更正的疑義尚未重新提交，請先重新提交「${label}」並匯入收訖明細。`,
    );
  }
  // What is locked must be what was sent: compared row by row, not by the times of corrections, so a change that
  // committed while the package was being built (it was not in the package's snapshot) is caught too.
  const changed = await rowsChangedSince(ctx, term, round, latest);
  if (changed > 0) {
    return refuse(
      'CORRECTIONS_NOT_RESUBMITTED',
      `「${label}」有 ${changed} 筆資料在最近一次提交之後有變動（更正、新增或刪除），請先重新提交並匯入收訖明細，再完成最終提交。`,
    );
  }
  const lock = ctx.em.create(FinalLock, {
    school: viewer.schoolId,
    ...ofRound(round),
    submission: latest.id,
    lockedBy: viewer.accountId,
    lockedAt: ctx.services.clock.now(),
  });
  await ctx.em.flush();
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'final.lock',
    targetIds: [lock.id, term.id, latest.id],
    detail: { category: input.category, ...grade12Detail(round) },
  });
  return { value: lock, userErrors: [] };
}

/**
 * Staff corrections (record_correction) of the round's data made after its latest submission, for the console's
 * hint (cheap; finalizeTerm compares the rows themselves, see rowsChangedSince): the lock would freeze data the
 * central database has not received. Term-wise categories match the term, yearly ones the academic year;
 * the 高三 round counts only its students' corrections.
 */
export async function correctionsAfter(
  ctx: AppContext,
  term: Term,
  round: RoundCategory,
  latest: Submission,
): Promise<number> {
  const annual = isAnnualCategory(round.category);
  const year = (await ctx.loaders.academicYearById.load(term.academicYear.id))!;
  const [row] = await ctx.em.execute<{ n: number }[]>(
    `select count(*)::int as n
       from record_correction c
       join student s on s.school_id = c.school_id and s.id = c.student_id
      where c.category = ?
        and ${annual ? 'c.academic_year_id = ?' : 'c.term_id = ?'}
        and (c.corrected_at, c.id) > (?::timestamptz, ?::uuid)
        and (not ? or s.cohort = ?)`,
    [
      round.category,
      annual ? term.academicYear.id : term.id,
      latest.createdAt,
      latest.id,
      round.grade12Round,
      grade12CohortOf(year.year),
    ],
  );
  return row?.n ?? 0;
}
