import type { AppServices } from '../../services.js';
import type { TempRemovalFailure } from './file-storage.js';

export const CLEANUP_UPLOADS_TASK = 'cleanup_uploads';

/** graphile-worker crontab: every quarter hour, one run at a time across every instance, no catching up. */
export const CLEANUP_UPLOADS_CRONTAB = `*/15 * * * * ${CLEANUP_UPLOADS_TASK} ?max=1&jobKey=${CLEANUP_UPLOADS_TASK}`;

const BATCH = 1000;

export interface UploadCleanup {
  /** Upload rows removed: slots whose time ran out (a slot's lifetime ago) before a complete file arrived. */
  expiredSlots: number;
  /** Temporary files removed: written to last longer ago than a slot lives (their process died mid-upload). */
  staleTempFiles: number;
  /** Stale entries of the temporary folder that could not be removed, by name (the others were removed all the same). */
  tempFailures: TempRemovalFailure[];
}

/**
 * What an abandoned or failed upload leaves: its slot (a row without a file) and, when the process died while the
 * bytes streamed in, a temporary file. Slots go in every school at once through files_remove_expired_slots (see its
 * migration); stored files are never touched here.
 */
export async function cleanupUploads(
  services: Pick<AppServices, 'orm' | 'files' | 'clock' | 'config' | 'log'>,
): Promise<UploadCleanup> {
  const connection = services.orm.em.fork().getConnection();
  const lifetime = services.config.files.slotMinutes * 60_000;
  // A slot goes one more lifetime after it expired: a PUT that began just before the end may still be streaming.
  const cutoff = new Date(services.clock.now().getTime() - lifetime);
  let expiredSlots = 0;
  for (;;) {
    const [row] = await connection.execute<{ removed: number }[]>(
      'select files_remove_expired_slots(?, ?) as removed',
      [cutoff, BATCH],
    );
    const removed = row?.removed ?? 0;
    expiredSlots += removed;
    if (removed < BATCH) break;
  }
  // One entry that cannot go (a directory named like a temporary file, a file the process may not remove) is
  // reported by name; it stops neither the slots above nor the other temporary files.
  const temp = await services.files.removeStaleTemp(lifetime);
  for (const failure of temp.failed) {
    // Temporary files are named by random UUIDs, never by a user's file name: the name may be logged.
    services.log.warn('upload cleanup could not remove a temporary file', { ...failure });
  }
  if (expiredSlots > 0 || temp.removed > 0) {
    services.log.info('upload cleanup', { expiredSlots, staleTempFiles: temp.removed });
  }
  return { expiredSlots, staleTempFiles: temp.removed, tempFailures: temp.failed };
}
