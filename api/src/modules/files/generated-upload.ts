import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { AppContext } from '../../common/context.js';
import { UserAccount } from '../people/user-account.entity.js';
import type { FileStorage } from './file-storage.js';
import { FileUpload, UploadPurpose } from './upload.entity.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Puts bytes the server made itself into the content-addressed store; returns their SHA-256. */
export async function keepBytes(files: FileStorage, bytes: Buffer): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const tempPath = files.newTempPath();
  try {
    await writeFile(tempPath, bytes);
    await files.keep(tempPath, sha256);
  } catch (error) {
    await files.discard(tempPath);
    throw error;
  }
  return sha256;
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
