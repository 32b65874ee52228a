import type { AppContext } from '../../../common/context.js';
import { toDate } from '../../../common/sql.js';
import { ReceiptImport } from '../receipt.entity.js';
import { Submission } from '../submission.entity.js';
import { TaskKind } from '../../timeline/timeline.enums.js';
import { SubmissionCategory } from '../../../common/submission-category.js';
import { FinalLock, ReceiptStaffConfirmation } from '../confirmation.entity.js';
import { CURRENT_IMPORTS_SQL } from '../current-receipts.js';
import { categoryOfKind, kindsOfCategory } from '../central/receipt-format.js';
import { forbidden, notFound } from '../../../common/errors.js';
import { idOfType } from '../../../common/ids.js';
import { Student } from '../../people/student.entity.js';
import { maySeeClass } from '../../people/people.permissions.js';
import { termArgument } from '../../term/term.service.js';
import type { Term } from '../../term/term.entity.js';
import { packagePeriod, roundCategoryProblem, roundTermOf } from '../round-cadence.js';
import { periodLabel } from '../../../common/data-period.js';
import { categoryReadiness } from './console-readiness.js';
import { correctionsAfter } from './confirmation.service.js';

export enum SubmissionStage {
  NOT_SUBMITTED = 'NOT_SUBMITTED',
  SUBMITTED = 'SUBMITTED',
  RECEIPTS_IMPORTED = 'RECEIPTS_IMPORTED',
  CONFIRMING = 'CONFIRMING',
  DISPUTES = 'DISPUTES',
  FINAL = 'FINAL',
}

export const SUBMISSION_STAGE_LABELS: Record<SubmissionStage, string> = {
  [SubmissionStage.NOT_SUBMITTED]: '預檢／尚未提交',
  [SubmissionStage.SUBMITTED]: '已提交，待匯入收訖明細',
  [SubmissionStage.RECEIPTS_IMPORTED]: '收訖明細已匯入，可完成最終提交',
  [SubmissionStage.CONFIRMING]: '確認收訖明細中',
  [SubmissionStage.DISPUTES]: '疑義處理中',
  [SubmissionStage.FINAL]: '已完成最終提交',
};

export interface ReviewCounts {
  rows: number;
  confirmed: number;
  disputed: number;
  unconfirmed: number;
}

export interface DisputeCounts {
  open: number;
  inReview: number;
  resolved: number;
  overdue: number;
  awaitingResubmission: number;
}

export interface CategoryProgressData {
  category: SubmissionCategory;
  stage: SubmissionStage;
  latestSubmission: Submission | null;
  submissionCount: number;
  receiptImports: ReceiptImport[];
  missingReceiptKinds: string[];
  staffConfirmedImports: number;
  review: ReviewCounts;
  disputes: DisputeCounts;
  finalLock: FinalLock | null;
  /** The data the category's package of this round covers, e.g. 「112學年度第1學期」 or 「112學年度」. */
  periodLabel: string;
  /** Why the category is not submitted in this round (an annual category on a first term, 修課紀錄 in the 高三 round). */
  notInRound: string | null;
  submitWindowProblem: string | null;
  finalWindowProblem: string | null;
  warnings: string[];
}

const zeroReview = (): ReviewCounts => ({ rows: 0, confirmed: 0, disputed: 0, unconfirmed: 0 });
const zeroDisputes = (): DisputeCounts => ({ open: 0, inReview: 0, resolved: 0, overdue: 0, awaitingResubmission: 0 });

/** Where each category of a round stands, from pre-check to the final lock, with the counts the console shows. */
export async function categoryProgress(
  ctx: AppContext,
  term: Term,
  grade12Round: boolean,
): Promise<CategoryProgressData[]> {
  const em = ctx.em;
  const termId = term.id;
  const roundTerm = await roundTermOf(ctx, term);
  const now = ctx.services.clock.now();
  const submissions = await em.find(
    Submission,
    { term: termId, grade12Round },
    { orderBy: { createdAt: 'desc', id: 'desc' } },
  );
  const latestIds = new Map<SubmissionCategory, Submission>();
  for (const submission of submissions)
    if (!latestIds.has(submission.category)) latestIds.set(submission.category, submission);
  const imports = latestIds.size
    ? await em.find(
        ReceiptImport,
        { submission: { $in: [...latestIds.values()].map((s) => s.id) } },
        { orderBy: { kind: 'asc' } },
      )
    : [];
  const confirmations = imports.length
    ? await em.find(ReceiptStaffConfirmation, { receiptImport: { $in: imports.map((i) => i.id) } })
    : [];
  const confirmedImports = new Set(confirmations.map((c) => c.receiptImport.id));
  const locks = await em.find(FinalLock, { term: termId, grade12Round });

  const reviewRows = await em.execute<(ReviewCounts & { kind: string })[]>(
    `with cur as (${CURRENT_IMPORTS_SQL})
     select cur.kind,
            count(r.id)::int as rows,
            count(v.id) filter (where v.decision = 'CORRECT')::int as confirmed,
            count(v.id) filter (where v.decision = 'DISPUTED')::int as disputed,
            count(r.id) filter (where v.id is null)::int as unconfirmed
     from cur
     join receipt_row r on r.school_id = cur.school_id and r.receipt_import_id = cur.id
     left join receipt_review v on v.school_id = r.school_id and v.receipt_row_id = r.id
     where cur.grade12_round = ?
     group by cur.kind`,
    [termId, grade12Round],
  );
  const disputeRows = await em.execute<(DisputeCounts & { category: SubmissionCategory })[]>(
    `select category,
            count(*) filter (where status = 'OPEN')::int as open,
            count(*) filter (where status = 'IN_REVIEW')::int as "inReview",
            count(*) filter (where status like 'RESOLVED%')::int as resolved,
            count(*) filter (where status in ('OPEN', 'IN_REVIEW') and due_at < ?)::int as overdue,
            count(*) filter (where status = 'RESOLVED_CORRECTED' and resubmission_id is null)::int as "awaitingResubmission"
     from dispute where term_id = ? and grade12_round = ? group by category`,
    [now, termId, grade12Round],
  );
  const confirming = !(
    await ctx.services.windows.check(em, { period: { termId }, kind: TaskKind.CONFIRM_RECEIPTS, grade12Round })
  ).userError;

  const notInRound = new Map(
    Object.values(SubmissionCategory).map((category) => [
      category,
      roundCategoryProblem(roundTerm, category, grade12Round, null)?.message ?? null,
    ]),
  );
  const readiness = await categoryReadiness(
    ctx,
    term,
    roundTerm,
    grade12Round,
    Object.values(SubmissionCategory).filter(
      (category) => !notInRound.get(category) && !locks.some((lock) => lock.category === category),
    ),
  );

  // Corrections newer than the latest submission: the final submission waits for a resubmission (finalizeTerm).
  const lateCorrections = new Map<SubmissionCategory, number>();
  for (const [category, latest] of latestIds) {
    if (locks.some((lock) => lock.category === category)) continue;
    const round = { termId, category, grade12Round };
    lateCorrections.set(category, await correctionsAfter(ctx, term, round, latest));
  }

  return Object.values(SubmissionCategory).map((category) => {
    const latest = latestIds.get(category) ?? null;
    const corrections = lateCorrections.get(category) ?? 0;
    const ownImports = latest ? imports.filter((i) => i.submission.id === latest.id) : [];
    const imported = new Set(ownImports.map((i) => i.kind));
    const missing = kindsOfCategory(category).filter((kind) => !imported.has(kind));
    const review = zeroReview();
    for (const row of reviewRows.filter((r) => categoryOfKind(r.kind as never) === category)) {
      review.rows += row.rows;
      review.confirmed += row.confirmed;
      review.disputed += row.disputed;
      review.unconfirmed += row.unconfirmed;
    }
    const disputes = disputeRows.find((d) => d.category === category) ?? { ...zeroDisputes(), category };
    const finalLock = locks.find((lock) => lock.category === category) ?? null;
    let stage: SubmissionStage;
    if (finalLock) stage = SubmissionStage.FINAL;
    else if (!latest) stage = SubmissionStage.NOT_SUBMITTED;
    else if (missing.length > 0) stage = SubmissionStage.SUBMITTED;
    else if (disputes.open + disputes.inReview + disputes.awaitingResubmission + corrections > 0) {
      stage = SubmissionStage.DISPUTES;
    } else if (confirming) stage = SubmissionStage.CONFIRMING;
    else stage = SubmissionStage.RECEIPTS_IMPORTED;
    return {
      category,
      stage,
      latestSubmission: latest,
      submissionCount: submissions.filter((s) => s.category === category).length,
      receiptImports: ownImports,
      missingReceiptKinds: missing,
      staffConfirmedImports: ownImports.filter((i) => confirmedImports.has(i.id)).length,
      review,
      disputes: {
        open: disputes.open,
        inReview: disputes.inReview,
        resolved: disputes.resolved,
        overdue: disputes.overdue,
        awaitingResubmission: disputes.awaitingResubmission,
      },
      finalLock,
      periodLabel: periodLabel(packagePeriod(roundTerm, category)),
      notInRound: notInRound.get(category) ?? null,
      submitWindowProblem: readiness.get(category)?.submitWindowProblem ?? null,
      finalWindowProblem: readiness.get(category)?.finalWindowProblem ?? null,
      warnings: [
        ...(readiness.get(category)?.warnings ?? []),
        ...(corrections > 0
          ? [`有 ${corrections} 筆更正是在最近一次提交之後做的，完成最終提交前請重新提交並匯入收訖明細。`]
          : []),
      ],
    };
  });
}

export interface StudentReviewRow extends ReviewCounts {
  studentId: string;
  received: number;
  rejected: number;
  flagged: number;
}

/** Per student of a class: the term's current receipt rows and how many the student confirmed or disputed. */
async function classReviewCounts(ctx: AppContext, termId: string, classId: string): Promise<StudentReviewRow[]> {
  return ctx.em.execute<StudentReviewRow[]>(
    `with cur as (${CURRENT_IMPORTS_SQL}),
     rows as (
       select r.school_id, r.id, r.student_id, r.status, r.reconciliation
       from receipt_row r join cur on cur.school_id = r.school_id and cur.id = r.receipt_import_id
     )
     select s.id as "studentId",
            count(r.id)::int as rows,
            count(r.id) filter (where r.status = 'RECEIVED')::int as received,
            count(r.id) filter (where r.status = 'REJECTED')::int as rejected,
            count(r.id) filter (where r.reconciliation <> 'OK')::int as flagged,
            count(v.id) filter (where v.decision = 'CORRECT')::int as confirmed,
            count(v.id) filter (where v.decision = 'DISPUTED')::int as disputed,
            count(r.id) filter (where v.id is null)::int as unconfirmed
     from student s
     left join rows r on r.school_id = s.school_id and r.student_id = s.id
     left join receipt_review v on v.school_id = r.school_id and v.receipt_row_id = r.id
     where s.class_id = ?
     group by s.id`,
    [termId, classId],
  );
}

export const isOverdue = (dueAt: Date | string, unresolved: boolean, now: Date): boolean =>
  unresolved && toDate(dueAt) < now;

/** The class's students by seat and their counts; shared by the query and the confirmation sheet downloads. */
export async function classConfirmationData(ctx: AppContext, classGlobalId: string, termGlobalId: string) {
  const classId = idOfType(classGlobalId, 'SchoolClass');
  const schoolClass = classId ? await ctx.loaders.classById.load(classId) : null;
  if (!schoolClass) throw notFound('班級');
  if (!maySeeClass(ctx.viewer, schoolClass)) throw forbidden('查看這個班級的確認進度');
  const term = await termArgument(ctx, termGlobalId);
  const [students, rows] = await Promise.all([
    ctx.em.find(Student, { schoolClass: schoolClass.id }, { orderBy: { seatNumber: 'asc', studentNumber: 'asc' } }),
    classReviewCounts(ctx, term.id, schoolClass.id),
  ]);
  return { schoolClass, term, students, counts: new Map(rows.map((row) => [row.studentId, row])) };
}
