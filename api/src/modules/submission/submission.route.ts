import type { Request, Response } from 'express';
import { routeContext } from '../../common/http-session.js';
import { currentRequestId } from '../../common/request-id.js';
import { applyTenantScope } from '../../common/tenant.js';
import type { AppServices } from '../../services.js';
import { CATEGORY_LABELS } from '../timeline/timeline.enums.js';
import { Submission } from './submission.entity.js';
import { mayDownloadPackage } from './submission.service.js';

export const SUBMISSION_PATH = '/submissions';

export const packageUrlOf = (submission: Pick<Submission, 'id'>): string =>
  `${SUBMISSION_PATH}/${submission.id}/package.zip`;

/**
 * GET /submissions/:id/package.zip — the stored package, exactly the bytes submitted, as an attachment. Only for
 * 註冊組 (the package carries full national IDs), and only in the viewer's school.
 */
export async function servePackage(services: AppServices, req: Request, res: Response) {
  const ctx = await routeContext(services, req);
  const viewer = ctx.viewer;
  if (!viewer?.schoolId) {
    res.status(401).type('text/plain; charset=utf-8').send('請先登入。');
    return;
  }
  const id = String(req.params.id);
  // Read-only: a transaction only to scope row-level security to the viewer's school, as for GraphQL requests.
  await ctx.em.begin();
  let found: Submission | null = null;
  try {
    await applyTenantScope(ctx.em, { schoolId: viewer.schoolId, authorityId: viewer.authorityId });
    const submission = /^[0-9a-f-]{36}$/.test(id) ? await ctx.em.findOne(Submission, { id }) : null;
    found = submission && mayDownloadPackage(viewer) ? submission : null;
  } finally {
    await ctx.em.rollback();
  }
  if (!found) {
    res.status(404).type('text/plain; charset=utf-8').send('找不到這份提交資料，或您沒有權限下載。');
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await services.files.read(found.zipSha256);
  } catch (error) {
    services.log.error('stored submission package unreadable', {
      requestId: currentRequestId(),
      submissionId: found.id,
      sha256: found.zipSha256,
      error: String(error),
    });
    res
      .status(500)
      .type('text/plain; charset=utf-8')
      .send(`資料包暫時無法讀取，已通知系統管理者；請將錯誤編號 ${currentRequestId()} 告知學校資訊組。`);
    return;
  }
  const fileName = `提交_${CATEGORY_LABELS[found.category].replace(/[／/]/g, '_')}_${found.createdAt.toISOString().slice(0, 10)}.zip`;
  res
    .status(200)
    .type('application/zip')
    .setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .setHeader('Cache-Control', 'private, no-store')
    .setHeader('ETag', `"${found.zipSha256}"`)
    .send(bytes);
}
