import type { Request, Response } from 'express';
import type { AppContext } from '../../common/context.js';
import type { AppServices } from '../../common/context.js';
import { sendStoredDownload } from '../files/stored-download.js';
import { canViewStudent } from '../people/student.service.js';
import { FileUpload } from '../files/upload.entity.js';
import { certifiesSection } from './certification.service.js';
import { CourseOutcomeVersion } from './course-outcome.entity.js';
import { DiversePerformance } from './diverse-performance.entity.js';

export const FILE_PATH = '/files';

export const fileUrlOf = (upload: FileUpload): string => `${FILE_PATH}/${upload.id}`;

/**
 * Who may open a stored file: the person who uploaded it; for evidence, whoever may see the student (the student,
 * their homeroom teacher, office staff, counselors) and the teacher who certifies it (or their proxy).
 */
export async function mayReadUpload(ctx: AppContext, upload: FileUpload): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (upload.createdBy.id === viewer.accountId) return true;
  const version = await ctx.em.findOne(
    CourseOutcomeVersion,
    { $or: [{ document: upload }, { media: upload }] },
    { populate: ['outcome.student', 'outcome.enrolment.section'] },
  );
  if (version) {
    const outcome = version.outcome.getEntity();
    return (
      (await canViewStudent(ctx, outcome.student.getEntity())) ||
      (await certifiesSection(ctx, outcome.enrolment.getEntity().section.getEntity()))
    );
  }
  const performance = await ctx.em.findOne(
    DiversePerformance,
    { $or: [{ document: upload }, { media: upload }] },
    { populate: ['student'] },
  );
  return performance ? canViewStudent(ctx, performance.student.getEntity()) : false;
}

/** GET /files/:id — the stored bytes, inline with their content type, only for those allowed to see them. */
export function serveFile(services: AppServices, req: Request, res: Response) {
  return sendStoredDownload(services, req, res, {
    find: async (ctx, _viewer, id) => {
      const upload = await ctx.em.findOne(FileUpload, { id });
      if (!upload?.sha256 || !(await mayReadUpload(ctx, upload))) return null;
      return {
        sha256: upload.sha256,
        contentType: upload.contentType ?? 'application/octet-stream',
        fileName: upload.fileName,
        disposition: 'inline',
        headers: {
          // The client previews documents in a frame of its own page; other sites may not frame them.
          'X-Frame-Options': 'SAMEORIGIN',
          'Content-Security-Policy': "frame-ancestors 'self'",
          'Cache-Control': 'private, max-age=3600',
        },
        logFields: { uploadId: upload.id },
      };
    },
    notFoundMessage: '找不到這個檔案，或您沒有權限查看。',
    label: '檔案',
    logMessage: 'stored file unreadable',
  });
}
