import { createHash } from 'node:crypto';
import { type PassThrough, pipeline, type Readable, Transform } from 'node:stream';
import yazl from 'yazl';
import type { FileStorage } from './file-storage.js';

/** A stored file in a ZIP the platform writes, read from the store when the ZIP reaches it. */
export interface StoredZipEntry {
  path: string;
  sha256: string;
}

/** One entry of a ZIP the platform writes: bytes it made, or a stored file. */
export type ZipEntry<S extends StoredZipEntry = StoredZipEntry> = { path: string; bytes: Buffer } | S;

/** Stored entries the ZIP needed that the store lacks, or whose bytes no longer hash to their name. */
export interface ZipTrouble<S extends StoredZipEntry = StoredZipEntry> {
  missing: S[];
  altered: S[];
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

function emptyStream(): Readable {
  const empty = new Transform();
  empty.end();
  return empty;
}

/**
 * Stored files are stored in the ZIP, not deflated: PDF, JPEG, PNG, MP3 and MP4 hardly shrink, and deflating gigabytes
 * at even the fastest level took ten times as long on two cores (276 s instead of 28 s for 3 GiB). A streamed entry
 * carries its size and CRC in a data descriptor after its data, which random-access readers (unzip, 7-Zip, Windows,
 * macOS, Python's zipfile, Java's ZipFile) read; Java's ZipInputStream does not read stored entries so (README).
 */
const STORED_ENTRY = { mode: 0o100644, compress: false } as const;

/**
 * A ZIP as a stream, for every ZIP the platform writes (the submission package, the student's portfolio, the exchange
 * file): the made entries deflated, the stored files stored as they are and opened from the store only when the ZIP
 * reaches them (yazl's lazy streams), so memory holds one file's chunks whatever the number and size of the files.
 * Entry times are `at`, so the same entries always give the same bytes. Each stored file is hashed on its way in; one
 * missing or altered is reported in `trouble` (its entry then holds nothing, and the caller discards the ZIP), and
 * `failOnTrouble` ends the stream with an error at once instead (for a ZIP that goes straight to a reader). However the
 * ZIP ends (done, failed, or destroyed by its reader), the file being read is closed and no further one is opened.
 */
export function zipStream<S extends StoredZipEntry>(
  entries: ZipEntry<S>[],
  at: Date,
  files: Pick<FileStorage, 'open'>,
  options: { failOnTrouble?: boolean } = {},
): { zip: Readable; trouble: ZipTrouble<S> } {
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as unknown as PassThrough;
  const trouble: ZipTrouble<S> = { missing: [], altered: [] };
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
  const troubled = (kind: keyof ZipTrouble, entry: S) => {
    trouble[kind].push(entry);
    if (options.failOnTrouble) fail(new Error(`stored file ${kind}: ${entry.sha256}`));
  };
  for (const entry of entries) {
    if ('bytes' in entry) {
      zip.addBuffer(entry.bytes, entry.path, { mtime: at, mode: 0o100644 });
      continue;
    }
    zip.addReadStreamLazy(entry.path, { ...STORED_ENTRY, mtime: at }, (callback) => {
      // Once the zip is over, yazl is left waiting for this entry: nothing more is opened or read.
      if (closed) return;
      files.open(entry.sha256).then(
        (stored) => {
          if (closed) {
            stored?.destroy();
            return;
          }
          if (!stored) {
            troubled('missing', entry);
            callback(null, emptyStream());
            return;
          }
          reading = stored;
          const checked = hashCheck(entry.sha256, (matches) => {
            if (!matches) troubled('altered', entry);
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
  return { zip: output, trouble };
}

/** A name safe inside a ZIP and on any disk: no folders, no characters Windows refuses, not too long. */
export function safeEntryName(name: string, fallback: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|]+/g, '_')
    .replace(/\p{Cc}+/gu, '_')
    .replace(/^[._\s]+/, '')
    .trim();
  if (!cleaned) return fallback;
  // Keep the ending (.pdf) when shortening.
  if (cleaned.length <= 80) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ending = dot > 0 && cleaned.length - dot <= 6 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 80 - ending.length) + ending;
}
