import { pgTextArray } from '../../common/sql.js';
import type { FilesConfig } from '../../common/config.js';
import type { AppServices } from '../../common/context.js';
import type { StoredFile } from './file-storage.js';

export const COLLECT_LEFTOVERS_TASK = 'collect_leftovers';

/**
 * graphile-worker crontab: hourly, away from the quarter-hour upload cleanup, one run at a time across every
 * instance, no catching up.
 */
export const COLLECT_LEFTOVERS_CRONTAB = `40 * * * * ${COLLECT_LEFTOVERS_TASK} ?max=1&jobKey=${COLLECT_LEFTOVERS_TASK}`;

/** The shortest grace period, whatever LEFTOVER_GRACE_HOURS says: the database's own floor (upload_unattached). */
export const MIN_GRACE_HOURS = 1;

export function leftoverGraceMs(config: Pick<FilesConfig, 'leftoverGraceHours'>): number {
  return Math.max(config.leftoverGraceHours, MIN_GRACE_HOURS) * 3_600_000;
}

/** Which of the given hashes some row points at (files_referenced: hashes in, hashes out). */
export type ReferenceLookup = (sha256s: string[]) => Promise<Set<string>>;

/** Hashes asked about at once: memory stays flat however large the store, and the tables are read once a batch. */
const LOOKUP_BATCH = 10_000;

const UPLOAD_BATCH = 1000;

/**
 * The stored files no row points at, a batch at a time, each batch with the real time taken right before its
 * lookup (what a file kept since then can be told by).
 */
export async function* unreferencedBatches(
  stored: AsyncIterable<StoredFile>,
  lookup: ReferenceLookup,
): AsyncIterable<{ files: StoredFile[]; lookedUpAt: number }> {
  let batch: StoredFile[] = [];
  const judge = async (files: StoredFile[]) => {
    const lookedUpAt = Date.now();
    const referenced = await lookup(files.map((file) => file.sha256));
    return { files: files.filter((file) => !referenced.has(file.sha256)), lookedUpAt };
  };
  for await (const file of stored) {
    batch.push(file);
    if (batch.length >= LOOKUP_BATCH) {
      yield await judge(batch);
      batch = [];
    }
  }
  if (batch.length > 0) yield await judge(batch);
}

export interface LeftoverCollection {
  /** Stored uploads removed that nothing pointed at (in every school). */
  unattachedUploads: number;
  /** Stored files removed that no row pointed at, and their bytes. */
  files: number;
  bytes: number;
  /** Files that could not be removed, by hash. */
  failed: { sha256: string; reason: string }[];
}

/**
 * Removes what nobody collects otherwise: stored uploads nothing was attached to (the step after the upload failed
 * or never came) and stored files no row points at (a commit that failed after its file was kept, a killed
 * submission's zip), each only once older than the grace period (LEFTOVER_GRACE_HOURS).
 *
 * Why a file that is wanted again is never lost (content addressing: the same bytes uploaded again are the same
 * file). A row that names a file is committed by a request that kept the file first (FileStorage.keep writes it,
 * or writes it again, so its time is fresh), at most the longest request before the commit; or it names the file of
 * an upload row that exists, so the file is referenced already. Each batch's files are looked up in the database at
 * a time T, and a file goes only if it was last kept before T minus the grace. A row committed before T is seen by
 * the lookup, and its file stays. A row committed after T had its file kept after T minus the longest request, which
 * is later than T minus the grace: the grace (one hour at the very least, a day by default) is far longer than any
 * request. removeIfKeptBefore reads the file's time again as it removes it (atomically on local disk, see there),
 * so that keep shows and the file stays. Upload rows are removed under the database's row locks and foreign keys
 * (files_remove_unattached_uploads), so an upload attached meanwhile stays too.
 */
export async function collectLeftovers(
  services: Pick<AppServices, 'orm' | 'files' | 'clock' | 'config' | 'log'>,
): Promise<LeftoverCollection> {
  const graceMs = leftoverGraceMs(services.config.files);
  const connection = services.orm.em.fork().getConnection();

  // Upload rows first: the files of those removed are then unreferenced and old enough, and go in this same run.
  const storedBefore = new Date(services.clock.now().getTime() - graceMs);
  let unattachedUploads = 0;
  for (;;) {
    const [row] = await connection.execute<{ removed: number }[]>(
      'select files_remove_unattached_uploads(?, ?) as removed',
      [storedBefore, UPLOAD_BATCH],
    );
    const removed = row?.removed ?? 0;
    unattachedUploads += removed;
    if (removed < UPLOAD_BATCH) break;
  }

  const lookup: ReferenceLookup = async (sha256s) => {
    const rows = await connection.execute<{ sha256: string }[]>('select files_referenced(?::text[]) as sha256', [
      pgTextArray(sha256s),
    ]);
    return new Set(rows.map((row) => row.sha256));
  };
  const result: LeftoverCollection = { unattachedUploads, files: 0, bytes: 0, failed: [] };
  // File times are the storage's real time, so they are compared with the real clock, not the app's.
  const listed = lastKeptBefore(services.files.listStored(), Date.now() - graceMs);
  for await (const { files, lookedUpAt } of unreferencedBatches(listed, lookup)) {
    const keptBefore = new Date(lookedUpAt - graceMs);
    for (const file of files) {
      try {
        if (await services.files.removeIfKeptBefore(file.sha256, keptBefore)) {
          result.files += 1;
          result.bytes += file.size;
        }
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        result.failed.push({ sha256: file.sha256, reason });
        services.log.warn('leftover collection could not remove a file', { sha256: file.sha256, reason });
      }
    }
  }

  if (result.unattachedUploads > 0 || result.files > 0) {
    services.log.info('leftover collection', {
      unattachedUploads: result.unattachedUploads,
      files: result.files,
      bytes: result.bytes,
    });
  }
  return result;
}

/** The files last kept before the given time: only they are worth a lookup. */
export async function* lastKeptBefore(stored: AsyncIterable<StoredFile>, time: number): AsyncIterable<StoredFile> {
  for await (const file of stored) if (file.modifiedAt.getTime() < time) yield file;
}
