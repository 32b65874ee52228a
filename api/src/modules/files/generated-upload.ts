import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../../common/context.js';
import { UserAccount } from '../people/user-account.entity.js';
import type { FileStorage } from './file-storage.js';
import { FileUpload, UploadPurpose } from './upload.entity.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Puts a stream the server made itself into the content-addressed store: written to a temporary file while hashed and
 * counted, then kept under its hash, so it is never whole in memory. `beforeKeep` may refuse it once it is written
 * (it is then discarded and the refusal returned). A failure anywhere leaves no temporary file behind.
 */
export async function keepStream<Refusal>(
  files: FileStorage,
  source: Readable,
  beforeKeep: () => Refusal | null = () => null,
): Promise<{ kept: { sha256: string; size: number }; refused: null } | { kept: null; refused: Refusal }> {
  const tempPath = files.newTempPath();
  const hash = createHash('sha256');
  let size = 0;
  try {
    await pipeline(
      source,
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      }),
      createWriteStream(tempPath),
    );
    const refused = beforeKeep();
    if (refused !== null) {
      await files.discard(tempPath);
      return { kept: null, refused };
    }
    const sha256 = hash.digest('hex');
    await files.keep(tempPath, sha256);
    return { kept: { sha256, size }, refused: null };
  } catch (error) {
    await files.discard(tempPath);
    throw error;
  }
}

/** Puts bytes the server made itself into the content-addressed store; returns their SHA-256. */
export async function keepBytes(files: FileStorage, bytes: Buffer): Promise<string> {
  const { kept } = await keepStream(files, Readable.from([bytes]));
  return kept!.sha256;
}

/**
 * A file the (reference) central repository answered with, stored as a complete IMPORT upload of the viewer, as if
 * they had uploaded it: the importers (`importReceipts`, `importPrecheckResult`) take it like any uploaded file.
 * Not flushed: the caller flushes with its own rows.
 */
export async function storeAnswerAsUpload(
  ctx: AppContext,
  file: { fileName: string; bytes: Buffer; contentType: string },
  now: Date,
): Promise<FileUpload> {
  const viewer = ctx.viewer!;
  const sha256 = await keepBytes(ctx.services.files, file.bytes);
  return ctx.em.create(FileUpload, {
    school: viewer.schoolId!,
    purpose: UploadPurpose.IMPORT,
    fileName: file.fileName,
    declaredSize: file.bytes.length,
    createdBy: ctx.em.getReference(UserAccount, viewer.accountId),
    createdAt: now,
    expiresAt: now,
    sha256,
    size: file.bytes.length,
    contentType: file.contentType,
    storedAt: now,
  });
}
