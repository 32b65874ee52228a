import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { access, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where file contents live. Files are content-addressed: the key is the SHA-256 of the bytes, so the same file
 * uploaded twice is stored once and a stored file never changes.
 */
export interface FileStorage {
  /** Where the files are, for messages: a folder, or s3://bucket. */
  readonly location: string;
  /** A fresh path to stream an incoming file to, on local disk (for the local adapter: the store's own disk). */
  newTempPath(): string;
  /** Takes a complete temporary file into the store under its hash (or drops it if the store has it already). */
  keep(tempPath: string, sha256: string): Promise<void>;
  read(sha256: string): Promise<Buffer>;
  /** The stored bytes as a stream, or null when the store has no file under this hash. */
  open(sha256: string): Promise<Readable | null>;
  discard(tempPath: string): Promise<void>;
  /**
   * Removes temporary files nothing has written to for maxAgeMs: what an upload leaves when its process dies
   * mid-stream (a refused or cut upload removes its own). Returns how many it removed.
   */
  removeStaleTemp(maxAgeMs: number): Promise<number>;
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

  async removeStale(maxAgeMs: number): Promise<number> {
    const cutoff = Date.now() - maxAgeMs;
    let removed = 0;
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      if (!name.endsWith('.part')) continue;
      const file = path.join(this.dir, name);
      // File times are the file system's real time, so this compares with the real clock, not the app's.
      const info = await stat(file).catch(() => null);
      if (!info || info.mtimeMs >= cutoff) continue;
      await rm(file, { force: true });
      removed += 1;
    }
    return removed;
  }
}

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

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
    if (await exists(target)) {
      await this.discard(tempPath);
      return;
    }
    await mkdir(path.dirname(target), { recursive: true });
    // rename within one file system is atomic: readers see no file or the whole file.
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

  removeStaleTemp(maxAgeMs: number): Promise<number> {
    return this.temp.removeStale(maxAgeMs);
  }
}
