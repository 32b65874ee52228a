import type { Request, Response } from 'express';
import type { AppServices } from '../../../common/context.js';
import { sendStoredDownload } from '../../files/stored-download.js';
import { CATEGORY_LABELS } from '../../../common/submission-category.js';
import { Submission } from '../submission.entity.js';
import { mayDownloadPackage } from '../round.permissions.js';

export const SUBMISSION_PATH = '/submissions';

export const packageUrlOf = (submission: Pick<Submission, 'id'>): string =>
  `${SUBMISSION_PATH}/${submission.id}/package.zip`;

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
      return {
        sha256: submission.zipSha256,
        contentType: 'application/zip',
        fileName: `提交_${CATEGORY_LABELS[submission.category].replace(/[／/]/g, '_')}_${day}.zip`,
        disposition: 'attachment',
        headers: { 'Cache-Control': 'private, no-store' },
        logFields: { submissionId: submission.id },
      };
    },
    notFoundMessage: '找不到這份提交資料，或您沒有權限下載。',
    label: '資料包',
    logMessage: 'stored submission package unreadable',
  });
}
