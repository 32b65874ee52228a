import type { AppServices } from '../../common/context.js';
import type { TempCleanup } from './file-storage.js';

export const CLEANUP_UPLOADS_TASK = 'cleanup_uploads';

/** graphile-worker crontab for the expired slots: every quarter hour, one run at a time across every instance. */
export const CLEANUP_UPLOADS_CRONTAB = `*/15 * * * * ${CLEANUP_UPLOADS_TASK} ?max=1&jobKey=${CLEANUP_UPLOADS_TASK}`;

const BATCH = 1000;

/**
 * Upload rows of slots whose time ran out a slot's lifetime ago before a complete file arrived, in every school at
 * once through files_remove_expired_slots (see its migration); stored files are never touched here. The job runner
 * runs this once across all instances.
 */
export async function removeExpiredSlots(
  services: Pick<AppServices, 'orm' | 'clock' | 'config' | 'log'>,
): Promise<number> {
  const connection = services.orm.em.fork().getConnection();
  // A slot goes one more lifetime after it expired: a PUT that began just before the end may still be streaming.
  const cutoff = new Date(services.clock.now().getTime() - slotLifetimeMs(services));
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
  if (expiredSlots > 0) services.log.info('upload cleanup', { expiredSlots });
  return expiredSlots;
}

const slotLifetimeMs = (services: Pick<AppServices, 'config'>): number => services.config.files.slotMinutes * 60_000;

/**
 * Temporary files of this instance written to last longer ago than a slot lives (their process died while the bytes
 * streamed in). Every instance sweeps its own folder (with S3 storage it is on the instance's own disk), so this runs
 * on a timer in each process rather than once in the job runner.
 */
export async function sweepTempFolder(services: Pick<AppServices, 'files' | 'config' | 'log'>): Promise<TempCleanup> {
  // One entry that cannot go (a directory named like a temporary file, a file the process may not remove) is
  // reported by name; it does not stop the others.
  const temp = await services.files.removeStaleTemp(slotLifetimeMs(services));
  for (const failure of temp.failed) {
    // Temporary files are named by random UUIDs, never by a user's file name: the name may be logged.
    services.log.warn('upload cleanup could not remove a temporary file', { ...failure });
  }
  if (temp.removed > 0) services.log.info('temporary files swept', { removed: temp.removed });
  return temp;
}

const SWEEP_INTERVAL_MS = 15 * 60_000;

/** Starts this instance's sweep of its temporary folder every quarter hour; returns how to stop it. */
export function startTempSweeps(services: Pick<AppServices, 'files' | 'config' | 'log'>): () => void {
  const timer = setInterval(() => {
    void sweepTempFolder(services).catch((error: unknown) =>
      services.log.warn('temporary folder sweep failed', { message: error instanceof Error ? error.message : '' }),
    );
  }, SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
