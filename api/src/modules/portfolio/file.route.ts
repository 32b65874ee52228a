import type { Request, Response } from 'express';
import type { AppServices } from '../../common/context.js';
import { sendStoredDownload } from '../files/stored-download.js';
import { FileUpload } from '../files/upload.entity.js';
import { mayReadUpload } from './portfolio.permissions.js';

export const FILE_PATH = '/files';

export const fileUrlOf = (upload: FileUpload): string => `${FILE_PATH}/${upload.id}`;

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
