import type { Request, Response } from 'express';
import { readForRoute } from '../../../common/http-session.js';
import { termLabel } from '../../../common/roc.js';
import type { AppServices } from '../../../common/context.js';
import {
  type ConfirmationSheetInput,
  confirmationSheetFileName,
  confirmationSheetPdf,
  confirmationSheetXlsx,
} from './confirmation-sheet.js';
import { classConfirmationData } from './progress.service.js';
import type { Viewer } from '../../../common/viewer.js';
import { currentRequestId } from '../../../common/request-id.js';
import { PiiAccessKind, recordPiiAccessApart } from '../../privacy/pii-access.js';
import { studentConfirmationPdf, studentSheetFileName } from './student-confirmation-sheet.js';
import { studentSheetData } from './student-confirmation.service.js';

export const CLASS_PATH = '/classes';
/** `${STUDENT_PATH}/:id/confirmation.pdf?termId=…`: a student's own confirmation sheet (serveStudentConfirmation). */
export const STUDENT_PATH = '/students';

const FORMATS = {
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    build: confirmationSheetXlsx,
  },
  pdf: { contentType: 'application/pdf', build: confirmationSheetPdf },
} as const;

/**
 * GET /classes/:id/confirmation-sheet.(xlsx|pdf)?termId=… — the homeroom teacher's 收訖明細確認單 for the term's
 * current receipt lists: built from the same counts as classConfirmationProgress, read in one read-only transaction
 * scoped to the viewer's school.
 */
export async function serveConfirmationSheet(services: AppServices, req: Request, res: Response): Promise<void> {
  const format = FORMATS[String(req.params.format) as keyof typeof FORMATS];
  if (!format) {
    res.status(404).type('text/plain; charset=utf-8').send('確認單只提供 XLSX 與 PDF 兩種格式。');
    return;
  }
  let exported = null as { viewer: Viewer; classId: string; studentIds: string[] } | null;
  const input = await readForRoute(
    services,
    req,
    res,
    async (ctx, viewer): Promise<ConfirmationSheetInput> => {
      const { schoolClass, term, students, counts } = await classConfirmationData(
        ctx,
        String(req.params.id),
        String(req.query.termId ?? ''),
      );
      const school = await ctx.loaders.schoolById.load(viewer.schoolId!);
      const year = await ctx.loaders.academicYearById.load(term.academicYear.id);
      exported = { viewer, classId: schoolClass.id, studentIds: students.map((student) => student.id) };
      return {
        schoolName: school?.name ?? '',
        className: schoolClass.name,
        termLabel: termLabel(year!.year, term.semester),
        categoryLabel: '全部收訖明細',
        generatedAt: services.clock.now(),
        students: students.map((student) => ({
          seatNumber: student.seatNumber ?? null,
          studentNumber: student.studentNumber,
          name: student.name,
          ...counts.get(student.id)!,
        })),
      };
    },
    { schoolOnly: true },
  );
  if (!input || !exported) return;
  const bytes = await format.build(input);
  // The sheet lists the class's students by 學號 and name: an export with student rows, logged before it goes out.
  const { viewer, classId, studentIds } = exported;
  await recordPiiAccessApart(
    services,
    { viewer, requestId: currentRequestId(), at: services.clock.now() },
    { kind: PiiAccessKind.STUDENT_EXPORT, studentIds, targetId: classId },
  );
  const extension = String(req.params.format) as 'xlsx' | 'pdf';
  res
    .status(200)
    .type(format.contentType)
    .setHeader('Cache-Control', 'private, no-store')
    .setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(confirmationSheetFileName(input, extension))}`,
    )
    .send(bytes);
}

/**
 * GET /students/:id/confirmation.pdf?termId=… — a student's own 收訖明細確認單 for the term: their current receipt
 * rows with the fields they checked and their answers, to print and sign. The student prints their own; whoever may
 * see the student (the homeroom teacher, office staff) may print it too, and that export is logged for the student.
 */
export async function serveStudentConfirmation(services: AppServices, req: Request, res: Response): Promise<void> {
  let read = null as { viewer: Viewer; studentId: string; own: boolean } | null;
  const input = await readForRoute(
    services,
    req,
    res,
    async (ctx, viewer) => {
      const { student, input } = await studentSheetData(ctx, String(req.params.id), String(req.query.termId ?? ''));
      read = { viewer, studentId: student.id, own: student.account?.id === viewer.accountId };
      return input;
    },
    { schoolOnly: true },
  );
  if (!input || !read) return;
  const bytes = await studentConfirmationPdf(input);
  const { viewer, studentId, own } = read;
  if (!own) {
    await recordPiiAccessApart(
      services,
      { viewer, requestId: currentRequestId(), at: services.clock.now() },
      { kind: PiiAccessKind.STUDENT_EXPORT, studentIds: [studentId], targetId: studentId },
    );
  }
  res
    .status(200)
    .type('application/pdf')
    .setHeader('Cache-Control', 'private, no-store')
    .setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(studentSheetFileName(input))}`)
    .send(bytes);
}
