import type { MikroORM } from '@mikro-orm/postgresql';
import { runMigrations, type Logger as WorkerLogger, Logger, type TaskList } from 'graphile-worker';
import type { Logger as AppLogger } from '../../common/logger.js';
import { recordAlertFired } from '../../common/metrics.js';
import { inTenantTransaction } from '../../common/tenant.js';
import { ALERT_CHANNEL, type DeadlineAlertEvent } from './alert-hub.js';

export const DELIVER_ALERT_TASK = 'deliver_deadline_alert';

/** The job queue's own tables (graphile_worker schema), installed by the owner before any request schedules a job. */
export async function migrateJobQueue(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: quietLogger() });
}

export function quietLogger(log?: AppLogger): WorkerLogger {
  return new Logger(() => (level, message) => {
    if (level === 'error' || level === 'warning') log?.warn(`job queue: ${message}`);
  });
}

/**
 * Fires one alert, exactly once: marking it fired and NOTIFYing happen in one transaction, and only the run that
 * flips fired_at from null sends the notification. A job that runs again (an instance died before recording the
 * job as done) finds it fired and sends nothing.
 */
export async function deliverAlert(orm: MikroORM, event: DeadlineAlertEvent): Promise<boolean> {
  return inTenantTransaction(orm.em, { schoolId: event.schoolId, authorityId: null }, async (em) => {
    const fired = await em.execute<{ id: string }[]>(
      'update deadline_alert set fired_at = now() where id = ? and fired_at is null and cancelled_at is null returning id',
      [event.alertId],
    );
    if (fired.length === 0) return false;
    await em.execute('select pg_notify(?, ?)', [ALERT_CHANNEL, JSON.stringify(event)]);
    return true;
  });
}

/** The alert tasks, for the instance's job runner (see worker.ts). */
export function alertTasks(orm: MikroORM): TaskList {
  return {
    [DELIVER_ALERT_TASK]: async (payload) => {
      const event = payload as DeadlineAlertEvent;
      if (await deliverAlert(orm, event)) recordAlertFired();
    },
  };
}
