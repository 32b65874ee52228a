import type { AppContext } from '../../../common/context.js';
import { forbidden, notFound } from '../../../common/errors.js';
import { idOfType } from '../../../common/ids.js';
import { termLabel } from '../../../common/roc.js';
import { mayViewStudent } from '../../people/people.permissions.js';
import type { Student } from '../../people/student.entity.js';
import { termArgument } from '../../term/term.service.js';
import { RECEIPT_KINDS } from '../central/receipt-format.js';
import { DISPUTE_STATUS_LABELS, ReviewDecision } from '../confirmation.entity.js';
import { ReceiptStatus, Reconciliation } from '../receipt.entity.js';
import { receiptRowsOfStudent } from '../receipts/receipt.service.js';
import { fieldsOfRow } from './receipt-fields.js';
import type { StudentSheetInput } from './student-confirmation-sheet.js';

const STATUS_LABELS: Record<ReceiptStatus, string> = {
  [ReceiptStatus.RECEIVED]: '已收訖',
  [ReceiptStatus.REJECTED]: '退件',
  [ReceiptStatus.MISSING]: '收訖明細未列出',
};

const RECONCILIATION_LABELS: Record<Reconciliation, string> = {
  [Reconciliation.OK]: '相符',
  [Reconciliation.REJECTED]: '相符但被退件',
  [Reconciliation.MISSING]: '已提交但收訖明細未列出',
  [Reconciliation.EXTRA]: '收訖明細列出但未提交',
  [Reconciliation.CHANGED]: '內容與提交的不同',
};

/**
 * What a student's own confirmation sheet shows for a term: their current receipt rows (as on 收訖明細確認), each with
 * its fields and their answer. Whoever may see the student may print it (the student, their homeroom teacher, office
 * staff); anyone else is refused, as for the rows themselves.
 */
export async function studentSheetData(
  ctx: AppContext,
  studentGlobalId: string,
  termGlobalId: string,
): Promise<{ student: Student; input: StudentSheetInput }> {
  const id = idOfType(studentGlobalId, 'Student');
  const student = id ? await ctx.loaders.studentById.load(id) : null;
  if (!student) throw notFound('學生');
  if (!(await mayViewStudent(ctx, student))) throw forbidden('列印這位學生的收訖明細確認單');
  const term = await termArgument(ctx, termGlobalId);
  const [rows, year, school, schoolClass] = await Promise.all([
    receiptRowsOfStudent(ctx, student, term),
    ctx.loaders.academicYearById.load(term.academicYear.id),
    ctx.loaders.schoolById.load(student.schoolId),
    student.schoolClass ? ctx.loaders.classById.load(student.schoolClass.id) : null,
  ]);
  const sheetRows = await Promise.all(
    rows.map(async (row) => {
      const [fields, review, dispute] = await Promise.all([
        fieldsOfRow(ctx, row),
        ctx.loaders.reviewByReceiptRow.load(row.id),
        ctx.loaders.disputeByReceiptRow.load(row.id),
      ]);
      const raisedByStaff = dispute ? dispute.raisedBy.id !== student.account?.id : false;
      return {
        kindLabel: RECEIPT_KINDS[row.kind].label,
        statusLabel: STATUS_LABELS[row.status],
        reason: row.reason ?? null,
        reconciliationLabel: RECONCILIATION_LABELS[row.reconciliation],
        fields,
        answerLabel: dispute ? '已提出疑義' : review?.decision === ReviewDecision.CORRECT ? '已確認無誤' : '尚未確認',
        dispute: dispute
          ? {
              reason: dispute.reason,
              statusLabel: DISPUTE_STATUS_LABELS[dispute.status],
              raisedByStaff,
              answer: dispute.answer ?? null,
            }
          : null,
      };
    }),
  );
  return {
    student,
    input: {
      schoolName: school?.name ?? '',
      termLabel: termLabel(year!.year, term.semester),
      className: schoolClass?.name ?? null,
      seatNumber: student.seatNumber ?? null,
      studentNumber: student.studentNumber,
      name: student.name,
      generatedAt: ctx.services.clock.now(),
      rows: sheetRows,
    },
  };
}
