import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { access, mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where file contents live. Files are content-addressed: the key is the SHA-256 of the bytes, so the same file
 * uploaded twice is stored once and a stored file never changes.
 */
export interface FileStorage {
  /** A fresh path to stream an incoming file to, on the same disk as the store. */
  newTempPath(): string;
  /** Takes a complete temporary file into the store under its hash (or drops it if the store has it already). */
  keep(tempPath: string, sha256: string): Promise<void>;
  read(sha256: string): Promise<Buffer>;
  discard(tempPath: string): Promise<void>;
}

/** The default adapter: a folder on local disk, `ab/cd/abcd…` by hash. */
export class LocalFileStorage implements FileStorage {
  private readonly tempDir: string;

  constructor(private readonly root: string) {
    this.tempDir = path.join(root, 'tmp');
    mkdirSync(this.tempDir, { recursive: true });
  }

  newTempPath(): string {
    return path.join(this.tempDir, `${randomUUID()}.part`);
  }

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a SHA-256 key');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async keep(tempPath: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    const exists = await access(target).then(
      () => true,
      () => false,
    );
    if (exists) {
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

  async discard(tempPath: string): Promise<void> {
    await rm(tempPath, { force: true });
  }
}
