import type { EntityManager } from '@mikro-orm/postgresql';
import { AlertKind } from './timeline.enums.js';
import { DeadlineAlert, type TimelineTask } from './timeline-task.entity.js';
import { HOUR_MS } from './timeline-window.js';

/** When each alert of a window falls due. */
function alertTimes(task: Pick<TimelineTask, 'startsAt' | 'endsAt'>): [AlertKind, Date][] {
  const end = task.endsAt.getTime();
  return [
    [AlertKind.OPENED, task.startsAt],
    [AlertKind.CLOSING_72H, new Date(end - 72 * HOUR_MS)],
    [AlertKind.CLOSING_24H, new Date(end - 24 * HOUR_MS)],
    [AlertKind.CLOSING_1H, new Date(end - HOUR_MS)],
    [AlertKind.CLOSED, task.endsAt],
  ];
}

/**
 * The alerts a window at these dates has from now on: one per future opening or closing reminder, and a MOVED alert
 * due now when it was moved. A school's own move (scheduleTaskAlerts) and the bureau's staggering plan (which moves
 * the windows of many schools through a database function) both take their alerts from here.
 */
export function alertsDue(
  task: Pick<TimelineTask, 'startsAt' | 'endsAt'>,
  now: Date,
  options: { moved: boolean },
): [AlertKind, Date][] {
  // A closing reminder that would come before the window opens says nothing useful.
  const opensOrClosesLater = alertTimes(task).filter(
    ([kind, at]) => at > now && (kind === AlertKind.OPENED || at >= task.startsAt),
  );
  return options.moved ? [[AlertKind.MOVED, now], ...opensOrClosesLater] : opensOrClosesLater;
}

/**
 * (Re)schedules a window's alerts inside the caller's transaction: pending alerts of older versions are cancelled
 * with their jobs, and one job per future alert of the current version is queued, so a move that rolls back leaves
 * the old schedule untouched. A moved window also gets a MOVED alert, due now.
 */
export async function scheduleTaskAlerts(
  em: EntityManager,
  task: TimelineTask,
  now: Date,
  options: { moved: boolean },
): Promise<DeadlineAlert[]> {
  const pending = await em.find(DeadlineAlert, { task, firedAt: null, cancelledAt: null });
  for (const alert of pending) alert.cancelledAt = now;

  const created: DeadlineAlert[] = [];
  for (const [kind, fireAt] of alertsDue(task, now, options)) {
    created.push(em.create(DeadlineAlert, { school: task.school, task, kind, taskVersion: task.version, fireAt }));
  }
  await em.flush();
  for (const alert of pending) await em.execute('select unschedule_deadline_alert(?)', [alert.id]);
  for (const alert of created) await em.execute('select schedule_deadline_alert(?)', [alert.id]);
  return created;
}
