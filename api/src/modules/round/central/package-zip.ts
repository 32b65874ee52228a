import { createHash } from 'node:crypto';
import { type PassThrough, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream';
import yazl from 'yazl';
import type { FileStorage } from '../../files/file-storage.js';
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
 * Evidence entries are stored, not deflated: PDF, JPEG, PNG, MP3 and MP4 hardly shrink, and deflating gigabytes at
 * even the fastest level took ten times as long on two cores (276 s instead of 28 s for 3 GiB). A streamed entry
 * carries its size and CRC in a data descriptor after its data, which random-access readers (unzip, 7-Zip, Windows,
 * macOS, Python's zipfile, Java's ZipFile) read; Java's ZipInputStream does not read stored entries so (README).
 */
const EVIDENCE_ENTRY = { mode: 0o100644, compress: false } as const;

/**
 * The package as a zip stream: every roster workbook under its folder, then every evidence file once, opened from the
 * store only when the zip reaches it (yazl's lazy streams), so memory holds the rosters and one file's chunks whatever
 * the number and size of the files. Entry times are `at`, so the same rows and files always give the same bytes.
 * Each file is hashed on its way in; one the store lacks or whose bytes changed is reported in `trouble` (its entry
 * then holds nothing, and the caller discards the zip). However the zip ends (done, failed, or destroyed by its
 * reader), the file being read is closed and no further file is opened.
 */
export async function packageStream(
  rosters: Roster[],
  at: Date,
  files: Pick<FileStorage, 'open'>,
): Promise<{ zip: Readable; trouble: EvidenceTrouble; evidenceFiles: number }> {
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as unknown as PassThrough;
  const trouble: EvidenceTrouble = { missing: [], altered: [] };
  let reading: Readable | null = null;
  let closed = false;
  output.once('close', () => {
    closed = true;
    reading?.destroy();
  });
  const fail = (error: Error) => {
    if (!output.destroyed) output.destroy(error);
  };
  // yazl reports a file that ends short of its declared size on the ZipFile, not on the output.
  zip.on('error', fail);
  for (const roster of rosters) {
    zip.addBuffer(await rosterWorkbook(roster, at), roster.path, { mtime: at, mode: 0o100644 });
  }
  const evidence = evidenceOfRosters(rosters);
  for (const file of evidence) {
    zip.addReadStreamLazy(file.name, { ...EVIDENCE_ENTRY, mtime: at }, (callback) => {
      // Once the zip is over, yazl is left waiting for this entry: nothing more is opened or read.
      if (closed) return;
      files.open(file.sha256).then(
        (stored) => {
          if (closed) {
            stored?.destroy();
            return;
          }
          if (!stored) {
            trouble.missing.push(file);
            callback(null, emptyStream());
            return;
          }
          reading = stored;
          const checked = hashCheck(file.sha256, (matches) => {
            if (!matches) trouble.altered.push(file);
          });
          // pipeline, not pipe: an error of the stored stream, or its end before its last byte, fails the zip
          // instead of leaving it waiting for bytes that never come.
          pipeline(stored, checked, (error) => {
            reading = null;
            if (error) fail(error);
          });
          callback(null, checked);
        },
        (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
      );
    });
  }
  zip.end();
  return { zip: output, trouble, evidenceFiles: evidence.length };
}

function emptyStream(): Readable {
  const empty = new Transform();
  empty.end();
  return empty;
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
