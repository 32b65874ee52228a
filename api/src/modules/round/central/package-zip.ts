import type { Readable } from 'node:stream';
import type { FileStorage } from '../../files/file-storage.js';
import { type StoredZipEntry, type ZipEntry, type ZipTrouble, zipStream } from '../../files/zip-stream.js';
import { keepStream } from '../../files/generated-upload.js';
import { rosterWorkbook } from './central-workbook.js';
import type { EvidenceFile } from './evidence.js';
import type { Roster } from './rosters.js';

/** Every evidence file the rosters list, once each, in the order first listed. */
export function evidenceOfRosters(rosters: Roster[]): EvidenceFile[] {
  const byName = new Map<string, EvidenceFile>();
  for (const roster of rosters) {
    for (const row of roster.rows) {
      for (const file of row.evidence ?? []) if (!byName.has(file.name)) byName.set(file.name, file);
    }
  }
  return [...byName.values()];
}

/** Why a package could not be built: stored files it needs are gone or no longer hold the bytes their hash names. */
export type EvidenceTrouble = ZipTrouble<EvidenceFile & StoredZipEntry>;

/**
 * The package as a zip stream: every roster workbook under its folder, then every evidence file once under its name
 * (`03_佐證檔案/<sha256>.<ext>`), streamed from the store as the zip reaches it (files/zip-stream.ts).
 */
export async function packageStream(
  rosters: Roster[],
  at: Date,
  files: Pick<FileStorage, 'open'>,
): Promise<{ zip: Readable; trouble: EvidenceTrouble; evidenceFiles: number }> {
  const made: ZipEntry<EvidenceFile & StoredZipEntry>[] = [];
  for (const roster of rosters) made.push({ path: roster.path, bytes: await rosterWorkbook(roster, at) });
  const evidence = evidenceOfRosters(rosters).map((file) => ({ ...file, path: file.name }));
  const { zip, trouble } = zipStream([...made, ...evidence], at, files);
  return { zip, trouble, evidenceFiles: evidence.length };
}

export interface StoredPackage {
  sha256: string;
  size: number;
  evidenceFiles: number;
}

/**
 * Builds the package into the content-addressed store (a temporary file first, while hashing it). Returns the trouble
 * instead, and keeps nothing, when an evidence file is missing or altered.
 */
export async function storePackage(
  files: FileStorage,
  rosters: Roster[],
  at: Date,
): Promise<{ stored: StoredPackage; trouble: null } | { stored: null; trouble: EvidenceTrouble }> {
  const { zip, trouble, evidenceFiles } = await packageStream(rosters, at, files);
  try {
    const result = await keepStream(files, zip, () =>
      trouble.missing.length > 0 || trouble.altered.length > 0 ? trouble : null,
    );
    if (result.refused) return { stored: null, trouble: result.refused };
    return { stored: { ...result.kept, evidenceFiles }, trouble: null };
  } finally {
    // Whatever happened to the temporary file, the zip and the file it was reading are closed.
    zip.destroy();
  }
}
