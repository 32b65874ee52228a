import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import type { AppContext, AppServices } from '../../common/context.js';
import { readForRoute } from '../../common/http-session.js';
import { currentRequestId } from '../../common/request-id.js';
import type { Viewer } from '../../common/viewer.js';
import { loggableError } from '../../common/errors.js';
import { type PiiAccess, recordPiiAccessApart } from '../privacy/pii-access.js';

/** A stored file the viewer may have, and how to send it. */
export interface StoredDownload {
  sha256: string;
  contentType: string;
  fileName: string;
  disposition: 'inline' | 'attachment';
  /** The stored size in bytes, sent as Content-Length so the browser can show the download's progress. */
  size?: number | null;
  headers: Record<string, string>;
  /** Facts for the log line when the bytes cannot be read. */
  logFields: Record<string, unknown>;
  /** Whose personal data the bytes carry, when this viewer's download goes into the students' access log. */
  piiAccess?: PiiAccess;
  /** Set when the bytes were let go on purpose (retention): answered 410 with this message, nothing read. */
  goneMessage?: string;
}

export interface DownloadSpec {
  /** Looks the item up in the viewer's school (row-level security applies) and checks who may have it. */
  find(ctx: AppContext, viewer: Viewer, id: string): Promise<StoredDownload | null>;
  notFoundMessage: string;
  /** What it is, in words, for the message when it cannot be read, e.g. 檔案. */
  label: string;
  logMessage: string;
}

/**
 * A GET of stored bytes outside GraphQL: the session's viewer, a read-only transaction scoped to their school for
 * the lookup, then the bytes with their headers, streamed from the store (a submission package can be gigabytes). An
 * unreadable stored file is the loss DOMAIN.md §7 warns about: it is logged and answered in Chinese with the request
 * id, never with a stack trace. A read that fails once the bytes are under way can only cut the response short.
 */
export async function sendStoredDownload(services: AppServices, req: Request, res: Response, spec: DownloadSpec) {
  const id = String(req.params.id);
  let reader = null as Viewer | null;
  const found = await readForRoute(
    services,
    req,
    res,
    (ctx, viewer) => {
      reader = viewer;
      return /^[0-9a-f-]{36}$/.test(id) ? spec.find(ctx, viewer, id) : Promise.resolve(null);
    },
    { schoolOnly: true },
  );
  if (found === undefined) return;
  if (!found) {
    res.status(404).type('text/plain; charset=utf-8').send(spec.notFoundMessage);
    return;
  }
  if (found.goneMessage) {
    res.status(410).type('text/plain; charset=utf-8').send(found.goneMessage);
    return;
  }
  let stream: Readable | null;
  try {
    stream = await services.files.open(found.sha256);
    if (!stream) throw Object.assign(new Error('stored file missing'), { code: 'ENOENT' });
  } catch (error) {
    services.log.error(spec.logMessage, {
      requestId: currentRequestId(),
      ...found.logFields,
      sha256: found.sha256,
      ...loggableError(error),
    });
    res
      .status(500)
      .type('text/plain; charset=utf-8')
      .send(`${spec.label}暫時無法讀取，已通知系統管理者；請將錯誤編號 ${currentRequestId()} 告知學校資訊組。`);
    return;
  }
  try {
    if (found.piiAccess && reader) {
      // Committed before a byte goes out: a download the log does not know of never happens.
      await recordPiiAccessApart(
        services,
        { viewer: reader, requestId: currentRequestId(), at: services.clock.now() },
        found.piiAccess,
      );
    }
  } catch (error) {
    stream.destroy();
    throw error;
  }
  res.status(200);
  for (const [name, value] of Object.entries(found.headers)) res.setHeader(name, value);
  res
    .type(found.contentType)
    .setHeader('Content-Disposition', `${found.disposition}; filename*=UTF-8''${encodeURIComponent(found.fileName)}`)
    .setHeader('ETag', `"${found.sha256}"`);
  if (found.size !== undefined && found.size !== null) res.setHeader('Content-Length', String(found.size));
  try {
    await pipeline(stream, res);
  } catch (error) {
    // The reader going away is theirs to retry; a store failing mid-file is logged like an unreadable one.
    if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    services.log.error(spec.logMessage, {
      requestId: currentRequestId(),
      ...found.logFields,
      sha256: found.sha256,
      ...loggableError(error),
    });
  }
}
