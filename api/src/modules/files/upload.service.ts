import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import type { AppContext, AppServices } from '../../common/context.js';
import { routeContext } from '../../common/http-session.js';
import { readableSize } from '../../common/bytes.js';
import { databaseUnavailable, forbidden, loggableError } from '../../common/errors.js';
import { currentRequestId } from '../../common/request-id.js';
import { inTenantTransaction } from '../../common/tenant.js';
import { idOfType } from '../../common/ids.js';
import { type Result, userError, type UserError } from '../../common/user-error.js';
import { type Viewer } from '../../common/viewer.js';
import { formatRocDateTime } from '../../common/roc.js';
import { UserAccount } from '../people/user-account.entity.js';
import type { RequestUploadInput } from './dto/upload.input.js';
import { acceptedTypeFor, HEAD_BYTES, isProblem, MISMATCH_ADVICE } from './file-types.js';
import { isStorageUnavailable } from './file-storage.js';
import { FileUpload, UploadPurpose } from './upload.entity.js';
import { mayUpload } from './files.permissions.js';

export const UPLOAD_PATH = '/uploads';

function maxBytes(services: AppServices, purpose: UploadPurpose): number {
  switch (purpose) {
    case UploadPurpose.IMPORT:
      return services.config.files.importMaxBytes;
    case UploadPurpose.DOCUMENT:
      return services.config.files.documentMaxBytes;
    case UploadPurpose.MEDIA:
      return services.config.files.mediaMaxBytes;
  }
}

export const uploadUrlOf = (upload: FileUpload): string => `${UPLOAD_PATH}/${upload.id}`;

/** Hands out a slot for one file: the bytes follow with a PUT to its URL. */
export async function requestUpload(ctx: AppContext, input: RequestUploadInput): Promise<Result<FileUpload>> {
  const viewer = ctx.viewer;
  if (!viewer?.schoolId || !mayUpload(viewer, input.purpose)) throw forbidden('上傳這類檔案');
  const fileName = input.fileName.trim();
  const errors = [];
  const type = acceptedTypeFor(input.purpose, fileName);
  if (fileName === '' || fileName.length > 255) {
    errors.push(userError('fileName', 'INVALID_FILE_NAME', '檔名不可空白，最多 255 個字。'));
  } else if (isProblem(type)) errors.push(userError('fileName', type.code, type.message));
  const limit = maxBytes(ctx.services, input.purpose);
  if (!Number.isInteger(input.size) || input.size <= 0) {
    errors.push(userError('size', 'EMPTY_FILE', '檔案是空的。'));
  } else if (input.size > limit) {
    errors.push(
      userError(
        'size',
        'FILE_TOO_LARGE',
        `檔案 ${readableSize(input.size)}，超過上限 ${readableSize(limit)}，請分成幾個檔案。`,
      ),
    );
  }
  if (errors.length > 0) return { value: null, userErrors: errors };

  const now = ctx.services.clock.now();
  const upload = ctx.em.create(FileUpload, {
    school: viewer.schoolId,
    purpose: input.purpose,
    fileName,
    declaredSize: input.size,
    createdBy: ctx.em.getReference(UserAccount, viewer.accountId),
    createdAt: now,
    expiresAt: new Date(now.getTime() + ctx.services.config.files.slotMinutes * 60_000),
  });
  await ctx.em.flush();
  return { value: upload, userErrors: [] };
}

/** An upload the PUT cannot take, with the HTTP status it answers with. */
class UploadRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function refuse(res: Response, error: UploadRefused): void {
  res.status(error.status).json({ code: error.code, message: error.message, requestId: currentRequestId() });
}

/** Counts and hashes the bytes passing through, keeps the first ones for the magic check, and stops at a limit. */
class Digest extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  private headChunks: Buffer[] = [];
  private headSize = 0;

  constructor(private readonly limit: number) {
    super();
  }

  get head(): Buffer {
    return Buffer.concat(this.headChunks).subarray(0, HEAD_BYTES);
  }

  override _transform(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null, data?: Buffer) => void,
  ) {
    this.size += chunk.length;
    if (this.size > this.limit) {
      callback(new UploadRefused(413, 'FILE_TOO_LARGE', `檔案超過上限 ${readableSize(this.limit)}。`));
      return;
    }
    if (this.headSize < HEAD_BYTES) {
      this.headChunks.push(chunk);
      this.headSize += chunk.length;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }
}

async function findOpenSlot(services: AppServices, viewer: Viewer, id: string): Promise<FileUpload> {
  return inTenantTransaction(
    services.orm.em,
    { schoolId: viewer.schoolId, authorityId: viewer.authorityId },
    async (em) => {
      const upload = /^[0-9a-f-]{36}$/.test(id)
        ? await em.findOne(FileUpload, { id, createdBy: viewer.accountId })
        : null;
      if (!upload) throw new UploadRefused(404, 'UPLOAD_NOT_FOUND', '找不到這個上傳位置，請重新選擇檔案。');
      if (upload.storedAt) throw new UploadRefused(409, 'ALREADY_UPLOADED', '這個檔案已經上傳完成。');
      if (upload.expiresAt <= services.clock.now()) {
        throw new UploadRefused(
          410,
          'UPLOAD_EXPIRED',
          `上傳位置已於 ${formatRocDateTime(upload.expiresAt)} 過期，請重新選擇檔案。`,
        );
      }
      return upload;
    },
  );
}

/**
 * What a failure that is not the upload's fault becomes: the student is told the file was not kept and to try again
 * (with the request id to quote), and the operator finds the cause in the log.
 */
function serverFailure(error: unknown): UploadRefused {
  if (databaseUnavailable(error)) {
    return new UploadRefused(503, 'DATABASE_UNAVAILABLE', '系統暫時無法存取資料庫，檔案沒有存下來，請稍後再上傳一次。');
  }
  if (isStorageUnavailable(error)) {
    return new UploadRefused(503, 'STORAGE_UNAVAILABLE', '伺服器暫時無法儲存檔案，檔案沒有存下來，請稍後再上傳一次。');
  }
  return new UploadRefused(500, 'INTERNAL', '上傳時發生錯誤，檔案沒有存下來，請稍後再試。');
}

/**
 * PUT /uploads/:id — the bytes of a slot. Streams to a temporary file while hashing, checks the size against the
 * slot and the limit and the first bytes against the file type; only a complete, matching file is kept and recorded.
 * Anything else leaves no file and no change behind, and every request is answered unless its client has gone.
 */
export async function receiveUpload(services: AppServices, req: Request, res: Response) {
  const tempPath = services.files.newTempPath();
  try {
    const ctx = await routeContext(services, req);
    const viewer = ctx.viewer;
    if (!viewer?.schoolId) throw new UploadRefused(401, 'UNAUTHENTICATED', '請先登入。');
    // A slot is only opened by a mutation, which a restricted viewer cannot run; the bytes are held to the same.
    if (viewer.restriction) throw new UploadRefused(403, viewer.restriction.code, viewer.restriction.message);
    const upload = await findOpenSlot(services, viewer, String(req.params.id));
    const limit = Math.min(upload.declaredSize, maxBytes(services, upload.purpose));
    const declaredLength = Number(req.headers['content-length'] ?? Number.NaN);
    if (Number.isFinite(declaredLength) && declaredLength > limit) {
      throw new UploadRefused(413, 'FILE_TOO_LARGE', `檔案大小與選擇時不符或超過上限 ${readableSize(limit)}。`);
    }
    const digest = new Digest(limit);
    await pipeline(req, digest, createWriteStream(tempPath));
    if (digest.size !== upload.declaredSize) {
      throw new UploadRefused(
        400,
        'INCOMPLETE_UPLOAD',
        `只收到 ${digest.size.toLocaleString('en-US')} 位元組，檔案有 ${upload.declaredSize.toLocaleString('en-US')} 位元組：上傳不完整，請再試一次。`,
      );
    }
    const type = acceptedTypeFor(upload.purpose, upload.fileName);
    if (isProblem(type) || !type.matches(digest.head)) {
      throw new UploadRefused(
        400,
        'FILE_TYPE_MISMATCH',
        `檔案內容與副檔名不符：「${upload.fileName}」不是真正的 ${isProblem(type) ? '' : type.extension} 檔，${MISMATCH_ADVICE[upload.purpose]}`,
      );
    }
    const sha256 = digest.hash.digest('hex');
    const stored = await inTenantTransaction(
      services.orm.em,
      { schoolId: viewer.schoolId, authorityId: viewer.authorityId },
      async (em) => {
        const updated = await em.nativeUpdate(
          FileUpload,
          { id: upload.id, storedAt: null },
          { sha256, size: digest.size, contentType: type.contentType, storedAt: services.clock.now() },
        );
        if (updated !== 1) {
          // Either another PUT finished first, or the slot ran out and the cleanup job removed it meanwhile.
          if ((await em.count(FileUpload, { id: upload.id })) > 0) {
            throw new UploadRefused(409, 'ALREADY_UPLOADED', '這個檔案已經上傳完成。');
          }
          throw new UploadRefused(410, 'UPLOAD_EXPIRED', '上傳位置已過期並已清除，請重新選擇檔案。');
        }
        // Kept before the commit: a commit that then fails leaves a file nothing points at, which the leftover
        // collection removes, never a row that points at no file.
        await services.files.keep(tempPath, sha256);
        return { id: upload.globalId, sha256, size: digest.size };
      },
    );
    res.status(200).json({ upload: stored });
  } catch (error) {
    await services.files.discard(tempPath).catch(() => undefined);
    // Node marks a request destroyed once its body has been read, so only the connection tells whether anyone is
    // still there to answer. A client that hung up mid-upload is not a failure of ours.
    if (res.headersSent || req.socket.destroyed) {
      if (!(error instanceof UploadRefused)) {
        services.log.info('upload ended by its client', { requestId: currentRequestId() });
      }
      return;
    }
    if (error instanceof UploadRefused) {
      refuse(res, error);
      return;
    }
    const failure = serverFailure(error);
    services.log.error('upload failed', {
      requestId: currentRequestId(),
      answered: failure.status,
      ...loggableError(error),
    });
    refuse(res, failure);
  }
}

/**
 * An upload the viewer may attach to an item: their own, complete, of the right purpose. Whether it is already
 * attached elsewhere is left to the unique constraints of the tables that point at uploads.
 */
export async function findAttachableUpload(
  ctx: AppContext,
  globalId: string,
  purpose: UploadPurpose,
  field: string,
): Promise<{ upload: FileUpload | null; error: UserError | null }> {
  const id = idOfType(globalId, 'FileUpload');
  const upload = id ? await ctx.em.findOne(FileUpload, { id, createdBy: ctx.viewer?.accountId ?? null }) : null;
  if (!upload || upload.purpose !== purpose) {
    return { upload: null, error: userError(field, 'UPLOAD_NOT_FOUND', '找不到上傳的檔案，請重新上傳。') };
  }
  if (!upload.storedAt) {
    return { upload: null, error: userError(field, 'UPLOAD_INCOMPLETE', '檔案還沒有上傳完成，請重新上傳。') };
  }
  return { upload, error: null };
}
