import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import type { AppServices } from '../../common/context.js';
import { forbidden, loggableError, notFound } from '../../common/errors.js';
import { readForRoute } from '../../common/http-session.js';
import { idOfType } from '../../common/ids.js';
import { currentRequestId } from '../../common/request-id.js';
import { inTenantTransaction } from '../../common/tenant.js';
import type { Viewer } from '../../common/viewer.js';
import { recordAudit } from '../audit/audit.service.js';
import { sendStoredDownload } from '../files/stored-download.js';
import { mayManageStudents, mayViewStudent } from '../people/people.permissions.js';
import { PiiAccessKind, recordPiiAccess, REGISTRATION_OFFICE } from '../privacy/pii-access.js';
import { archiveFileName, portfolioArchive } from './portfolio-archive.js';
import { readStudentPortfolio, type StudentPortfolio } from './portfolio-records.js';
import { zipStream } from '../files/zip-stream.js';

/** `/students/:id/portfolio.zip` (beside the other STUDENT_PATH routes): a student's whole portfolio as one ZIP. */
export const PORTFOLIO_ZIP_FILE = 'portfolio.zip';
/** `/exchange-exports/:id/exchange.zip`: an exchange file the school built, for 註冊組 to hand on. */
export const EXCHANGE_EXPORT_PATH = '/exchange-exports';
/** `/exchanged-files/:id`: a file that came with an exchange, for whoever may see the student. */
export const EXCHANGED_FILE_PATH = '/exchanged-files';

export const portfolioZipUrlOf = (studentGlobalId: string): string =>
  `/students/${encodeURIComponent(studentGlobalId)}/${PORTFOLIO_ZIP_FILE}`;
export const exchangeExportUrlOf = (id: string): string => `${EXCHANGE_EXPORT_PATH}/${id}/exchange.zip`;
export const exchangedFileUrlOf = (id: string): string => `${EXCHANGED_FILE_PATH}/${id}`;

/**
 * Who may download a student's whole portfolio: the student themself (a read-only graduate too, for the policy
 * period their account still signs in), and 註冊組 of their school.
 */
export const mayDownloadPortfolio = (viewer: Viewer | null, student: { accountId: string | null }): boolean =>
  viewer !== null && (student.accountId === viewer.accountId || mayManageStudents(viewer));

/**
 * GET /students/:id/portfolio.zip — the whole portfolio of one student (issue 21, point 5), streamed: the records are
 * read in the route's read-only transaction, the download is audited (and, for staff, entered in the student's
 * personal-data access log) in a transaction of its own committed before a byte goes out, then the ZIP is written
 * to the response as it is made, each stored file read from the store when the ZIP reaches it. A stored file missing
 * or altered mid-way cuts the response (the browser shows the download failed) and is logged; nothing half-right
 * passes for the portfolio.
 */
export async function servePortfolioZip(services: AppServices, req: Request, res: Response): Promise<void> {
  let reader = null as Viewer | null;
  const portfolio = await readForRoute(
    services,
    req,
    res,
    async (ctx, viewer): Promise<StudentPortfolio> => {
      reader = viewer;
      const id = idOfType(String(req.params.id), 'Student');
      const found = id ? await readStudentPortfolio(ctx, id) : null;
      if (!found) throw notFound('學生');
      if (!mayDownloadPortfolio(viewer, found.student)) throw forbidden('下載這位學生的完整學習歷程');
      return found;
    },
    { schoolOnly: true },
  );
  if (!portfolio || !reader) return;
  const viewer: Viewer = reader;
  const now = services.clock.now();
  const { entries, fileCount } = await portfolioArchive(portfolio, services.pii, now);
  const own = portfolio.student.accountId === viewer.accountId;
  const requestId = currentRequestId();
  await inTenantTransaction(
    services.orm.em,
    { schoolId: viewer.schoolId, authorityId: viewer.authorityId },
    async (em) => {
      await recordAudit(em, viewer, requestId, {
        operation: 'downloadPortfolioZip',
        targetIds: [portfolio.student.id],
        detail: { own, records: portfolio.records.length, files: fileCount },
      });
      if (!own) {
        await recordPiiAccess(
          em,
          { viewer, requestId, at: now },
          {
            kind: PiiAccessKind.STUDENT_EXPORT,
            studentIds: [portfolio.student.id],
            targetId: portfolio.student.id,
            office: REGISTRATION_OFFICE,
          },
        );
      }
    },
  );
  const { zip } = zipStream(entries, now, services.files, { failOnTrouble: true });
  res
    .status(200)
    .type('application/zip')
    .setHeader('Cache-Control', 'private, no-store')
    .setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(archiveFileName(portfolio, now))}`,
    );
  try {
    await pipeline(zip, res);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE' && !zip.errored) return;
    services.log.error('portfolio zip failed', {
      requestId,
      studentId: portfolio.student.id,
      ...loggableError(zip.errored ?? error),
    });
    res.destroy();
  }
}

/** GET /exchange-exports/:id/exchange.zip — an exchange file of the school, for its 註冊組 only. */
export function serveExchangeExport(services: AppServices, req: Request, res: Response) {
  return sendStoredDownload(services, req, res, {
    find: async (ctx, viewer, id) => {
      if (!mayManageStudents(viewer)) return null;
      const [row] = await ctx.em.execute<{ student_id: string; sha256: string; size: string; file_name: string }[]>(
        'select student_id, sha256, size, file_name from exchange_export where id = ?',
        [id],
      );
      if (!row) return null;
      return {
        sha256: row.sha256,
        size: Number(row.size),
        contentType: 'application/zip',
        fileName: row.file_name,
        disposition: 'attachment',
        headers: { 'Cache-Control': 'private, no-store' },
        logFields: { exchangeExportId: id },
        piiAccess: {
          kind: PiiAccessKind.STUDENT_EXPORT,
          studentIds: [row.student_id],
          targetId: id,
          office: REGISTRATION_OFFICE,
        },
      };
    },
    notFoundMessage: '找不到這份交換檔，或您沒有權限下載。',
    label: '交換檔',
    logMessage: 'stored exchange file unreadable',
  });
}

const INLINE_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png', 'audio/mpeg', 'video/mp4']);

/** GET /exchanged-files/:id — a file that came with an exchange, inline, for whoever may see the student. */
export function serveExchangedFile(services: AppServices, req: Request, res: Response) {
  return sendStoredDownload(services, req, res, {
    find: async (ctx, viewer, id) => {
      const [row] = await ctx.em.execute<
        { student_id: string; sha256: string; size: string; name: string; content_type: string }[]
      >(
        `select r.student_id, f.sha256, f.size, f.name, f.content_type
         from exchanged_file f join exchanged_record r on r.school_id = f.school_id and r.id = f.record_id
         where f.id = ?`,
        [id],
      );
      if (!row) return null;
      const student = await ctx.loaders.studentById.load(row.student_id);
      if (!student || !(await mayViewStudent(ctx, student))) return null;
      const own = student.account?.id === viewer.accountId;
      // The content type came from another installation's manifest: only the evidence kinds are shown inline.
      const shown = INLINE_TYPES.has(row.content_type);
      return {
        sha256: row.sha256,
        size: Number(row.size),
        contentType: shown ? row.content_type : 'application/octet-stream',
        fileName: row.name,
        disposition: shown ? 'inline' : 'attachment',
        headers: {
          'X-Frame-Options': 'SAMEORIGIN',
          'Content-Security-Policy': "frame-ancestors 'self'",
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'private, max-age=3600',
        },
        logFields: { exchangedFileId: id },
        piiAccess: { kind: PiiAccessKind.EVIDENCE_DOWNLOAD, studentIds: own ? [] : [row.student_id], targetId: id },
      };
    },
    notFoundMessage: '找不到這個檔案，或您沒有權限查看。',
    label: '檔案',
    logMessage: 'stored exchanged file unreadable',
  });
}
