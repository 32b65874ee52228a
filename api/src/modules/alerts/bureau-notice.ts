import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../common/ids.js';
import { formatRocDateTime } from '../../common/roc.js';
import { AdminSection, Role } from '../../common/roles.js';
import type { Viewer } from '../../common/viewer.js';
import { AlertKind, TASK_AUDIENCE, TaskKind } from '../timeline/timeline.enums.js';
import { TimelineTask } from '../timeline/timeline-task.entity.js';
import { DeadlineAlertMessage } from './alert-message.js';

/**
 * The sections answerable for a window when the window names none (its own `sections`, else its audience's): the
 * office that runs that part of the work. The 執行秘書 (COORDINATOR) of the portfolio working group hears every one.
 */
const RESPONSIBLE_SECTIONS: Record<TaskKind, AdminSection[]> = {
  [TaskKind.PRECHECK]: [AdminSection.TEACHING, AdminSection.REGISTRATION],
  [TaskKind.UPLOAD_COURSE_OUTCOMES]: [AdminSection.TEACHING],
  [TaskKind.CERTIFY_COURSE_OUTCOMES]: [AdminSection.TEACHING],
  [TaskKind.SELECT_COURSE_OUTCOMES]: [AdminSection.TEACHING],
  [TaskKind.UPLOAD_PERFORMANCES]: [AdminSection.STUDENT_AFFAIRS],
  [TaskKind.SELECT_PERFORMANCES]: [AdminSection.STUDENT_AFFAIRS],
  [TaskKind.GRADE_ENTRY]: [AdminSection.TEACHING],
  [TaskKind.SUBMIT]: [AdminSection.REGISTRATION],
  [TaskKind.CONFIRM_RECEIPTS]: [AdminSection.REGISTRATION],
  [TaskKind.RESOLVE_DISPUTES]: [AdminSection.REGISTRATION],
  [TaskKind.FINAL_SUBMIT]: [AdminSection.TEACHING, AdminSection.REGISTRATION],
};

export function responsibleSections(task: Pick<TimelineTask, 'kind' | 'sections'>): AdminSection[] {
  const named = task.sections.length > 0 ? task.sections : (TASK_AUDIENCE[task.kind].sections ?? []);
  return [...(named.length > 0 ? named : RESPONSIBLE_SECTIONS[task.kind]), AdminSection.COORDINATOR];
}

/** Whether a bureau alert about this window reaches this person: school staff of a responsible section. */
export const hearsBureauNotice = (task: Pick<TimelineTask, 'kind' | 'sections'>, viewer: Viewer): boolean =>
  viewer.roles.includes(Role.SCHOOL_ADMIN) &&
  viewer.adminSections.some((section) => responsibleSections(task).includes(section));

/** The bureau's alert as its school's staff read it, from the row in the school's own transaction. */
export async function bureauNoticeMessage(
  em: EntityManager,
  alertId: string,
): Promise<{ task: TimelineTask; message: DeadlineAlertMessage } | null> {
  const [row] = await em.execute<{ task_id: string; note: string; sent_at: Date | string }[]>(
    'select task_id, note, sent_at from bureau_alert where id = ?',
    [alertId],
  );
  const task = row ? await em.findOne(TimelineTask, { id: row.task_id }) : null;
  if (!row || !task) return null;
  const note = row.note ? `附註：${row.note}` : '';
  const message = Object.assign(new DeadlineAlertMessage(), {
    id: toGlobalId('BureauAlert', alertId),
    kind: AlertKind.BUREAU_NOTICE,
    taskId: task.globalId,
    taskKind: task.kind,
    taskLabel: task.label,
    startsAt: task.startsAt,
    endsAt: task.endsAt,
    message: `教育局提醒：請加速「${task.label}」，本校截止時間 ${formatRocDateTime(task.endsAt)}。${note}`,
    firedAt: new Date(row.sent_at),
    pendingCount: null,
  });
  return { task, message };
}
