import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { PassThrough, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { FileStorage } from '../../files/file-storage.js';
import { oneSheetWorkbook, PLATFORM_CREATOR } from './central-workbook.js';
import type { EvidenceFile } from './evidence.js';
import type { Roster } from './rosters.js';

/** One roster as an XLSX workbook: its first (only) sheet starts with 學校代碼, 學年度, 學期; every cell is text or a number. */
export function rosterWorkbook(roster: Roster, at: Date): Promise<Buffer> {
  const rows = roster.rows.map((row) => row.cells.map((cell) => cell ?? ''));
  return oneSheetWorkbook({ name: roster.sheetName, columns: roster.columns, rows }, at, PLATFORM_CREATOR);
}

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
export interface EvidenceTrouble {
  missing: EvidenceFile[];
  altered: EvidenceFile[];
}

/** Passes bytes through and says at the end whether they hash to `sha256`. */
function hashCheck(sha256: string, onEnd: (matches: boolean) => void): Transform {
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      onEnd(hash.digest('hex') === sha256);
      done();
    },
  });
}

/**
 * The package as a zip stream: every roster workbook under its folder, then every evidence file once, read from the
 * store one at a time as the zip reaches it (yazl's lazy streams), so memory holds the rosters and one file's chunks
 * whatever the number and size of the files. Evidence is stored, not deflated (PDF, JPEG, PNG, MP3 and MP4 are
 * compressed already). Entry times are `at`, so the same rows and files always give the same bytes. Each file is
 * hashed on its way in; one the store lacks or whose bytes changed is reported in `trouble` (its entry then holds
 * nothing, and the caller discards the zip).
 */
export async function packageStream(
  rosters: Roster[],
  at: Date,
  files: Pick<FileStorage, 'open'>,
): Promise<{ zip: Readable; trouble: EvidenceTrouble }> {
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as unknown as PassThrough;
  // yazl pipes each file with .pipe(), which forwards no errors: a store that fails mid-file would stall the zip, so
  // a failure ends the output stream (and with it the caller's pipeline) instead.
  const fail = (error: Error) => output.destroy(error);
  zip.on('error', fail);
  const trouble: EvidenceTrouble = { missing: [], altered: [] };
  for (const roster of rosters) {
    zip.addBuffer(await rosterWorkbook(roster, at), roster.path, { mtime: at, mode: 0o100644 });
  }
  for (const file of evidenceOfRosters(rosters)) {
    zip.addReadStreamLazy(file.name, { mtime: at, mode: 0o100644, compress: false }, (callback) => {
      files.open(file.sha256).then(
        (stored) => {
          if (!stored) {
            trouble.missing.push(file);
            const empty = new PassThrough();
            empty.end();
            callback(null, empty);
            return;
          }
          const checked = hashCheck(file.sha256, (matches) => {
            if (!matches) trouble.altered.push(file);
          });
          stored.on('error', fail);
          callback(null, stored.pipe(checked));
        },
        (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
      );
    });
  }
  zip.end();
  return { zip: output, trouble };
}

export interface StoredPackage {
  sha256: string;
  size: number;
  evidenceFiles: number;
}

/**
 * Builds the package into a temporary file while hashing it, then keeps it in the content-addressed store. Returns
 * the trouble instead (and keeps nothing) when an evidence file is missing or altered.
 */
export async function storePackage(
  files: FileStorage,
  rosters: Roster[],
  at: Date,
): Promise<{ stored: StoredPackage; trouble: null } | { stored: null; trouble: EvidenceTrouble }> {
  const { zip, trouble } = await packageStream(rosters, at, files);
  const tempPath = files.newTempPath();
  const hash = createHash('sha256');
  let size = 0;
  try {
    await pipeline(
      zip,
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      }),
      createWriteStream(tempPath),
    );
    if (trouble.missing.length > 0 || trouble.altered.length > 0) {
      await files.discard(tempPath);
      return { stored: null, trouble };
    }
    const sha256 = hash.digest('hex');
    await files.keep(tempPath, sha256);
    return { stored: { sha256, size, evidenceFiles: evidenceOfRosters(rosters).length }, trouble: null };
  } catch (error) {
    await files.discard(tempPath);
    throw error;
  }
}
