import { formatRocDate } from '../../../common/roc.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { AppServices } from '../../../common/context.js';
import { sendStoredDownload } from '../../files/stored-download.js';
import { CATEGORY_LABELS } from '../../../common/submission-category.js';
import { Submission } from '../submission.entity.js';
import { mayDownloadPackage } from '../round.permissions.js';
import { PiiAccessKind, REGISTRATION_OFFICE } from '../../privacy/pii-access.js';

export const SUBMISSION_PATH = '/submissions';

export const packageUrlOf = (submission: Pick<Submission, 'id'>): string =>
  `${SUBMISSION_PATH}/${submission.id}/package.zip`;

/** Every student the package names, for the access log of each (from the rows kept of it, one snapshot). */
async function packagedStudentIds(em: EntityManager, submission: Pick<Submission, 'id'>): Promise<string[]> {
  const rows = await em.execute<{ student_id: string }[]>(
    'select distinct student_id from submission_row where submission_id = ? and student_id is not null',
    [submission.id],
  );
  return rows.map((row) => row.student_id);
}

/**
 * GET /submissions/:id/package.zip — the stored package, exactly the bytes submitted, as an attachment. Only for
 * 註冊組 (the package carries full national IDs), and only in the viewer's school.
 */
export function servePackage(services: AppServices, req: Request, res: Response) {
  return sendStoredDownload(services, req, res, {
    find: async (ctx, viewer, id) => {
      const submission = await ctx.em.findOne(Submission, { id });
      if (!submission || !mayDownloadPackage(viewer)) return null;
      const day = submission.createdAt.toISOString().slice(0, 10);
      const [removed] = await ctx.em.execute<{ at: Date | null }[]>(
        'select package_removed_at as at from submission where id = ?',
        [submission.id],
      );
      return {
        sha256: submission.zipSha256,
        size: submission.zipSize,
        contentType: 'application/zip',
        fileName: `提交_${CATEGORY_LABELS[submission.category].replace(/[／/]/g, '_')}_${day}.zip`,
        disposition: 'attachment',
        headers: { 'Cache-Control': 'private, no-store' },
        logFields: { submissionId: submission.id },
        ...(removed?.at
          ? {
              goneMessage: `這份資料包的學生資料已超過保存期限，已於 ${formatRocDate(removed.at)} 依資料保存規定刪除。`,
            }
          : {}),
        piiAccess: {
          kind: PiiAccessKind.PACKAGE_DOWNLOAD,
          studentIds: await packagedStudentIds(ctx.em, submission),
          targetId: submission.id,
          office: REGISTRATION_OFFICE,
        },
      };
    },
    notFoundMessage: '找不到這份提交資料，或您沒有權限下載。',
    label: '資料包',
    logMessage: 'stored submission package unreadable',
  });
}
