import type { Request, Response } from 'express';
import type { AppContext } from '../../common/context.js';
import { routeContext } from '../../common/http-session.js';
import { currentRequestId } from '../../common/request-id.js';
import { applyTenantScope } from '../../common/tenant.js';
import type { AppServices } from '../../services.js';
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
export async function serveFile(services: AppServices, req: Request, res: Response) {
  const ctx = await routeContext(services, req);
  const viewer = ctx.viewer;
  if (!viewer?.schoolId) {
    res.status(401).type('text/plain; charset=utf-8').send('請先登入。');
    return;
  }
  const id = String(req.params.id);
  // Read-only: a transaction only to scope row-level security to the viewer's school, as for GraphQL requests.
  await ctx.em.begin();
  let found: FileUpload | null = null;
  try {
    await applyTenantScope(ctx.em, { schoolId: viewer.schoolId, authorityId: viewer.authorityId });
    const upload = /^[0-9a-f-]{36}$/.test(id) ? await ctx.em.findOne(FileUpload, { id }) : null;
    found = upload?.sha256 && (await mayReadUpload(ctx, upload)) ? upload : null;
  } finally {
    await ctx.em.rollback();
  }
  if (!found) {
    res.status(404).type('text/plain; charset=utf-8').send('找不到這個檔案，或您沒有權限查看。');
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await services.files.read(found.sha256!);
  } catch (error) {
    // A stored file that cannot be read is the loss DOMAIN.md §7 warns about: say so, log it, never a stack trace.
    services.log.error('stored file unreadable', {
      requestId: currentRequestId(),
      uploadId: found.id,
      sha256: found.sha256,
      error: String(error),
    });
    res
      .status(500)
      .type('text/plain; charset=utf-8')
      .send(`檔案暫時無法讀取，已通知系統管理者；請將錯誤編號 ${currentRequestId()} 告知學校資訊組。`);
    return;
  }
  res
    .status(200)
    // The client previews documents in a frame of its own page; other sites may not frame them.
    .setHeader('X-Frame-Options', 'SAMEORIGIN')
    .setHeader('Content-Security-Policy', "frame-ancestors 'self'")
    .type(found.contentType ?? 'application/octet-stream')
    .setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(found.fileName)}`)
    .setHeader('Cache-Control', 'private, max-age=3600')
    .setHeader('ETag', `"${found.sha256}"`)
    .send(bytes);
}
