import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** One file in the store, as the leftover collection sees it. */
export interface StoredFile {
  sha256: string;
  size: number;
  /** When the file was last kept: written, or kept again for a new reference (see keep). */
  modifiedAt: Date;
}

/** A temporary file (or whatever else sits in the temporary folder) that could not be removed. */
export interface TempRemovalFailure {
  /** Its name in the temporary folder: a random UUID, never a user's file name. */
  name: string;
  reason: string;
}

export interface TempCleanup {
  removed: number;
  failed: TempRemovalFailure[];
}

/**
 * Where file contents live. Files are content-addressed: the key is the SHA-256 of the bytes, so the same file
 * uploaded twice is stored once and a stored file's bytes never change.
 */
export interface FileStorage {
  /** Where the files are, for messages: a folder, or s3://bucket. */
  readonly location: string;
  /** A fresh path to stream an incoming file to, on local disk (for the local adapter: the store's own disk). */
  newTempPath(): string;
  /**
   * Takes a complete temporary file into the store under its hash. A file the store has already is written again
   * (the same bytes) so that its modification time says it was just wanted: the leftover collection never removes a
   * file kept within its grace period, and a request commits the row naming the file long before that runs out.
   */
  keep(tempPath: string, sha256: string): Promise<void>;
  read(sha256: string): Promise<Buffer>;
  /** The stored bytes as a stream, or null when the store has no file under this hash. */
  open(sha256: string): Promise<Readable | null>;
  discard(tempPath: string): Promise<void>;
  /**
   * Removes temporary files nothing has written to for maxAgeMs: what an upload leaves when its process dies
   * mid-stream (a refused or cut upload removes its own). What cannot be removed is listed by name, and the rest
   * is removed all the same.
   */
  removeStaleTemp(maxAgeMs: number): Promise<TempCleanup>;
  /** Every stored file, with its size and when it was last kept. */
  listStored(): AsyncIterable<StoredFile>;
  /**
   * Removes the stored file if it was last kept before `keptBefore`; false when it was kept since (or is gone).
   * The leftover collection calls it only for a file no row pointed at a moment ago.
   */
  removeIfKeptBefore(sha256: string, keptBefore: Date): Promise<boolean>;
}

/** Errors of the place files are kept (a folder that cannot be written, a full disk, the bucket out of reach). */
export function isStorageUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    (typeof code === 'string' &&
      ['EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'ENOTDIR', 'EISDIR', 'EEXIST', 'EIO'].includes(code)) ||
    (error as { $metadata?: unknown } | null)?.$metadata !== undefined
  );
}

export const isSha256 = (value: string): boolean => /^[0-9a-f]{64}$/.test(value);

/** `ab/cd/abcd…`: the layout of the local folder, of an S3 bucket and of a backup alike. */
export function storageKeyOf(sha256: string): string {
  if (!isSha256(sha256)) throw new Error('not a SHA-256 key');
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** The folder incoming files are streamed to before they are checked and kept: `<dir>/tmp/*.part`. */
export class TempFolder {
  readonly dir: string;

  constructor(root: string) {
    this.dir = path.join(root, 'tmp');
    mkdirSync(this.dir, { recursive: true });
  }

  newPath(): string {
    return path.join(this.dir, `${randomUUID()}.part`);
  }

  async discard(tempPath: string): Promise<void> {
    await rm(tempPath, { force: true });
  }

  /** Removes every `.part` file not written to for maxAgeMs; one that cannot go is listed and the others still go. */
  async removeStale(maxAgeMs: number): Promise<TempCleanup> {
    const cutoff = Date.now() - maxAgeMs;
    const result: TempCleanup = { removed: 0, failed: [] };
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') result.failed.push({ name: this.dir, reason: reasonOf(error) });
      return result;
    }
    for (const name of names) {
      if (!name.endsWith('.part')) continue;
      const file = path.join(this.dir, name);
      try {
        // lstat: a link is judged (and removed) itself, never what it points at.
        const info = await lstat(file);
        // File times are the file system's real time, so this compares with the real clock, not the app's.
        if (info.mtimeMs >= cutoff) continue;
        if (!info.isFile()) {
          // Not something an upload writes: whoever put it there decides what it is, the cleanup only says so.
          result.failed.push({ name, reason: info.isDirectory() ? 'is a directory' : 'not a regular file' });
          continue;
        }
        await unlink(file);
        result.removed += 1;
      } catch (error) {
        // Gone meanwhile (its upload ended after all, or another instance took it): nothing left to do.
        if (errorCode(error) !== 'ENOENT') result.failed.push({ name, reason: reasonOf(error) });
      }
    }
    return result;
  }
}

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;

/** An error as a log line may carry it: the system's code, or the message of anything else. */
const reasonOf = (error: unknown): string =>
  errorCode(error) ?? (error instanceof Error ? error.message : String(error));

const isHexPair = (name: string): boolean => /^[0-9a-f]{2}$/.test(name);

const sortedEntries = async (dir: string): Promise<string[]> => {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return [];
    throw error;
  }
};

/** The default adapter: a folder on local disk, `ab/cd/abcd…` by hash. */
export class LocalFileStorage implements FileStorage {
  private readonly temp: TempFolder;

  constructor(private readonly root: string) {
    this.temp = new TempFolder(root);
  }

  get location(): string {
    return this.root;
  }

  newTempPath(): string {
    return this.temp.newPath();
  }

  private pathOf(sha256: string): string {
    return path.join(this.root, ...storageKeyOf(sha256).split('/'));
  }

  async keep(tempPath: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    await mkdir(path.dirname(target), { recursive: true });
    // rename within one file system is atomic: readers see no file or the whole file, and one that replaces a file
    // already there (the same bytes) gives it the temporary file's fresh modification time (see FileStorage.keep).
    await rename(tempPath, target);
  }

  read(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }

  async open(sha256: string): Promise<Readable | null> {
    try {
      const handle = await open(this.pathOf(sha256), 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  discard(tempPath: string): Promise<void> {
    return this.temp.discard(tempPath);
  }

  removeStaleTemp(maxAgeMs: number): Promise<TempCleanup> {
    return this.temp.removeStale(maxAgeMs);
  }

  async *listStored(): AsyncIterable<StoredFile> {
    for (const first of await sortedEntries(this.root)) {
      if (!isHexPair(first)) continue;
      for (const second of await sortedEntries(path.join(this.root, first))) {
        if (!isHexPair(second)) continue;
        const dir = path.join(this.root, first, second);
        for (const name of await sortedEntries(dir)) {
          if (!isSha256(name) || !name.startsWith(first + second)) continue;
          const info = await stat(path.join(dir, name)).catch(() => null);
          if (!info?.isFile()) continue;
          yield { sha256: name, size: info.size, modifiedAt: info.mtime };
        }
      }
    }
  }

  /**
   * The file is first moved aside, atomically, and only then judged by its time. A keep() of the same bytes either
   * renamed its file over the stored one before that move (so the moved file is the fresh one, and goes back) or
   * finds the place empty after it and puts its own file there (which this never touches). Either way a file kept
   * for a new reference is never removed, however the two interleave. (A process killed between the two renames
   * leaves a temporary file, which the upload cleanup removes like any other once it is old.)
   */
  async removeIfKeptBefore(sha256: string, keptBefore: Date): Promise<boolean> {
    const target = this.pathOf(sha256);
    const aside = this.temp.newPath();
    try {
      await rename(target, aside);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw error;
    }
    const info = await stat(aside).catch((error: unknown) => {
      // Only the upload cleanup takes temporary files, and only old ones: this one was going anyway.
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    });
    if (!info) return false;
    if (info.mtimeMs >= keptBefore.getTime()) {
      await rename(aside, target);
      return false;
    }
    await rm(aside, { force: true });
    return true;
  }
}

declare module '../../common/context.js' {
  interface AppServices {
    /** Where uploaded file contents are kept. */
    files: FileStorage;
  }
}
