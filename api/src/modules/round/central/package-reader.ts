import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { FileProblem, OWN_FILE, readTabularFile } from '../../../common/tabular-file.js';

/** One roster of a stored package as text: its columns and rows (cells as text, in column order). */
export interface PackagedRoster {
  path: string;
  columns: string[];
  rows: string[][];
}

export interface ReadPackage {
  rosters: PackagedRoster[];
  /** Every other file in the zip: its name and the SHA-256 of its bytes, as found. */
  files: Map<string, string>;
}

const openZip = (zipPath: string) =>
  new Promise<ZipFile>((resolve, reject) =>
    yauzl.open(zipPath, { lazyEntries: true, autoClose: false }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );

const entryStream = (zip: ZipFile, entry: Entry) =>
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
 * copied to a temporary file, since a zip is read from its end (the central directory); then each entry is read on
 * its own, the rosters whole and the evidence files a chunk at a time, so memory stays flat however many files the
 * package carries.
 */
export async function readPackage(zipStream: Readable): Promise<ReadPackage> {
  const dir = await mkdtemp(path.join(tmpdir(), 'package-'));
  const zipPath = path.join(dir, 'package.zip');
  try {
    await pipeline(zipStream, createWriteStream(zipPath));
    const zip = await openZip(zipPath);
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
          result.files.set(entry.fileName, await sha256Of(stream));
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
    await rm(dir, { recursive: true, force: true });
  }
}
