import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { FileProblem, OWN_FILE, readTabularFile } from '../../../common/tabular-file.js';
import type { FileStorage } from '../../files/file-storage.js';

/** One roster of a stored package as text: its columns and rows (cells as text, in column order). */
export interface PackagedRoster {
  path: string;
  columns: string[];
  rows: string[][];
}

export interface ReadPackage {
  rosters: PackagedRoster[];
  /** Every other file in the zip: its name and the SHA-256 of its bytes, as found; null for a name used twice. */
  files: Map<string, string | null>;
}

export const openZipFile = (zipPath: string) =>
  new Promise<ZipFile>((resolve, reject) =>
    yauzl.open(zipPath, { lazyEntries: true, autoClose: false }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );

export const entryStream = (zip: ZipFile, entry: Entry) =>
  new Promise<Readable>((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
  );

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Reads a package zip: every roster workbook (cells as text) and the hash of every other file. The zip is first
 * copied to a temporary file of the store's (a zip is read from its end, the central directory; the store's folder is
 * on disk and cleaned of what a crash leaves), then each entry is read on its own, the rosters whole and the evidence
 * files a chunk at a time, so memory stays flat however many files the package carries.
 */
export async function readPackage(
  openZip: () => Promise<Readable>,
  scratch: Pick<FileStorage, 'newTempPath' | 'discard'>,
): Promise<ReadPackage> {
  const zipPath = scratch.newTempPath();
  try {
    await pipeline(await openZip(), createWriteStream(zipPath));
    const zip = await openZipFile(zipPath);
    try {
      const result: ReadPackage = { rosters: [], files: new Map() };
      const entries = await new Promise<Entry[]>((resolve, reject) => {
        const found: Entry[] = [];
        zip.on('entry', (entry: Entry) => {
          found.push(entry);
          zip.readEntry();
        });
        zip.on('end', () => resolve(found));
        zip.on('error', reject);
        zip.readEntry();
      });
      for (const entry of entries) {
        if (entry.fileName.endsWith('/')) continue;
        const stream = await entryStream(zip, entry);
        if (!entry.fileName.endsWith('.xlsx')) {
          const sha256 = await sha256Of(stream);
          // Two entries under one name: which one a reader takes is anybody's guess, so neither counts.
          result.files.set(entry.fileName, result.files.has(entry.fileName) ? null : sha256);
          continue;
        }
        try {
          const table = await readTabularFile(await bytesOf(stream), OWN_FILE);
          result.rosters.push({
            path: entry.fileName,
            columns: table.headers,
            rows: table.rows.map((row) => table.headers.map((_, index) => row.cells[index]?.text ?? '')),
          });
        } catch (error) {
          // An empty roster (header only) is still a roster.
          if (error instanceof FileProblem && error.code === 'EMPTY_FILE') continue;
          throw error;
        }
      }
      return result;
    } finally {
      zip.close();
    }
  } finally {
    await scratch.discard(zipPath);
  }
}
