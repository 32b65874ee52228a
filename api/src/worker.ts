import { run, type Runner } from 'graphile-worker';
import { alertTasks, quietLogger } from './modules/alerts/alert-worker.js';
import {
  COLLECT_LEFTOVERS_CRONTAB,
  COLLECT_LEFTOVERS_TASK,
  collectLeftovers,
} from './modules/files/leftover-collection.js';
import { CLEANUP_UPLOADS_CRONTAB, CLEANUP_UPLOADS_TASK, removeExpiredSlots } from './modules/files/upload-cleanup.js';
import { PRUNE_LOGIN_THROTTLE_CRONTAB, PRUNE_LOGIN_THROTTLE_TASK } from './modules/auth/auth.service.js';
import {
  PRUNE_ACCESS_LOG_CRONTAB,
  PRUNE_ACCESS_LOG_TASK,
  pruneAccessLog,
} from './modules/privacy/access-log-retention.js';
import { APPLY_RETENTION_CRONTAB, APPLY_RETENTION_TASK, applyRetention } from './modules/retention/retention-job.js';
import type { AppServices } from './common/context.js';

/**
 * This instance's job runner (RUN_WORKER): deadline alerts, the periodic removal of expired upload slots, the hourly collection of
 * leftover files and uploads, the hourly pruning of login throttle rows that no longer count, and the daily deletion
 * of personal-data access-log rows past their retention. Jobs are taken once whichever instances run it;
 * graphile-worker's crontab schedules each periodic run once across all of them.
 * The runner's own connections use the owner's URL only to manage the queue: task bodies work through the services
 * (portfolio_app), like requests.
 */
export function startWorker(databaseUrl: string, services: AppServices): Promise<Runner> {
  const config = services.config.worker;
  return run({
    connectionString: databaseUrl,
    concurrency: config.concurrency,
    pollInterval: config.pollIntervalMs,
    noHandleSignals: true,
    logger: quietLogger(services.log),
    crontab: [
      CLEANUP_UPLOADS_CRONTAB,
      COLLECT_LEFTOVERS_CRONTAB,
      PRUNE_LOGIN_THROTTLE_CRONTAB,
      PRUNE_ACCESS_LOG_CRONTAB,
      APPLY_RETENTION_CRONTAB,
    ].join('\n'),
    taskList: {
      ...alertTasks(services.orm),
      [CLEANUP_UPLOADS_TASK]: async () => {
        await removeExpiredSlots(services);
      },
      [COLLECT_LEFTOVERS_TASK]: async () => {
        await collectLeftovers(services);
      },
      [PRUNE_LOGIN_THROTTLE_TASK]: async () => {
        const pruned = await services.auth.pruneThrottle();
        if (pruned > 0) services.log.info('login throttle pruned', { rows: pruned });
      },
      [PRUNE_ACCESS_LOG_TASK]: async () => {
        await pruneAccessLog(services);
      },
      [APPLY_RETENTION_TASK]: async () => {
        await applyRetention(services);
      },
    },
  });
}
