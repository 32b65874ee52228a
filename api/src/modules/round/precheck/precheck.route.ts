import type { Request, Response } from 'express';
import type { AppServices } from '../../../common/context.js';
import { sendStoredDownload } from '../../files/stored-download.js';
import { XLSX_TYPE } from '../../files/generated-upload.js';
import { PrecheckRun } from '../precheck.entity.js';
import { precheckRosterFileName } from './precheck.service.js';
import { mayDownloadPrecheckRoster } from '../round.permissions.js';

export const PRECHECK_PATH = '/prechecks';

export const rosterUrlOf = (run: Pick<PrecheckRun, 'id'>): string => `${PRECHECK_PATH}/${run.id}/roster.xlsx`;

/**
 * GET /prechecks/:id/roster.xlsx — the stored pre-check roster, exactly the bytes exported, as an attachment. Only
 * for 註冊組 (the roster carries full national IDs), and only in the viewer's school.
 */
export function servePrecheckRoster(services: AppServices, req: Request, res: Response) {
  return sendStoredDownload(services, req, res, {
    find: async (ctx, viewer, id) => {
      const run = await ctx.em.findOne(PrecheckRun, { id });
      if (!run || !mayDownloadPrecheckRoster(viewer)) return null;
      return {
        sha256: run.rosterSha256,
        contentType: XLSX_TYPE,
        fileName: await precheckRosterFileName(ctx, run),
        disposition: 'attachment',
        headers: { 'Cache-Control': 'private, no-store' },
        logFields: { precheckRunId: run.id },
      };
    },
    notFoundMessage: '找不到這份預檢名冊，或您沒有權限下載。',
    label: '預檢名冊',
    logMessage: 'stored precheck roster unreadable',
  });
}
