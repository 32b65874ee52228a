import type { AppServices } from '../../common/context.js';

export const PRUNE_ACCESS_LOG_TASK = 'prune_pii_access_log';

/** graphile-worker crontab: daily at 03:41, away from the hourly jobs, one run at a time across every instance. */
export const PRUNE_ACCESS_LOG_CRONTAB = `41 3 * * * ${PRUNE_ACCESS_LOG_TASK} ?max=1&jobKey=${PRUNE_ACCESS_LOG_TASK}`;

const BATCH = 10_000;

/**
 * Deletes the access-log rows older than the retention policy (PII_ACCESS_LOG_RETENTION_DAYS), in every school,
 * through privacy_prune_access_log: the only way a row of the log can go (see its migration). Batches keep each
 * statement short; the job runner runs this once a day across all instances.
 */
export async function pruneAccessLog(services: Pick<AppServices, 'orm' | 'clock' | 'config' | 'log'>): Promise<number> {
  const connection = services.orm.em.fork().getConnection();
  const days = services.config.privacy.accessLogRetentionDays;
  let pruned = 0;
  for (;;) {
    const [row] = await connection.execute<{ removed: number }[]>(
      'select privacy_prune_access_log(?, ?, ?) as removed',
      [services.clock.now(), days, BATCH],
    );
    const removed = row?.removed ?? 0;
    pruned += removed;
    if (removed < BATCH) break;
  }
  if (pruned > 0) services.log.info('personal-data access log pruned', { rows: pruned, retentionDays: days });
  return pruned;
}
