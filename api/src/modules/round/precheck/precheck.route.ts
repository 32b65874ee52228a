import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { AppServices } from '../../../common/context.js';
import { sendStoredDownload } from '../../files/stored-download.js';
import { XLSX_TYPE } from '../../files/generated-upload.js';
import { PrecheckRun } from '../precheck.entity.js';
import { precheckRosterFileName } from './precheck.service.js';
import { mayDownloadPrecheckRoster } from '../round.permissions.js';
import { PiiAccessKind, REGISTRATION_OFFICE } from '../../privacy/pii-access.js';

export const PRECHECK_PATH = '/prechecks';

export const rosterUrlOf = (run: Pick<PrecheckRun, 'id'>): string => `${PRECHECK_PATH}/${run.id}/roster.xlsx`;

/**
 * The students of the term's enrolments, for the access log of each. The roster keeps no row per student: this is
 * who the term's enrolment roster names now, which is who the export named unless enrolments changed since.
 */
async function rosterStudentIds(em: EntityManager, run: Pick<PrecheckRun, 'term'>): Promise<string[]> {
  const rows = await em.execute<{ student_id: string }[]>(
    `select distinct e.student_id
     from enrolment e
     join course_section cs on cs.school_id = e.school_id and cs.id = e.section_id
     join course c on c.school_id = cs.school_id and c.id = cs.course_id
     where c.term_id = ?`,
    [run.term.id],
  );
  return rows.map((row) => row.student_id);
}

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
        piiAccess: {
          kind: PiiAccessKind.ROSTER_DOWNLOAD,
          studentIds: await rosterStudentIds(ctx.em, run),
          targetId: run.id,
          office: REGISTRATION_OFFICE,
        },
      };
    },
    notFoundMessage: '找不到這份預檢名冊，或您沒有權限下載。',
    label: '預檢名冊',
    logMessage: 'stored precheck roster unreadable',
  });
}
