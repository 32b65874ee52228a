import type { Viewer } from '../../common/viewer.js';
import { Role } from '../../common/roles.js';
import { TASK_AUDIENCE } from './timeline.enums.js';
import type { TimelineTask } from './timeline-task.entity.js';
import { windowKey } from './timeline.rules.js';
import { windowIdentityOf } from './timeline-window.js';

/** Whether a window concerns this person at all (before anything personal). */
export function concerns(task: TimelineTask, viewer: Viewer, gradeYear: number | null): boolean {
  const audience = TASK_AUDIENCE[task.kind];
  const roles = audience.roles.filter((role) => viewer.roles.includes(role));
  if (roles.length === 0) return false;
  if (roles.every((role) => role === Role.SCHOOL_ADMIN)) {
    const sections = task.sections.length > 0 ? task.sections : (audience.sections ?? []);
    if (sections.length > 0 && !viewer.adminSections.some((section) => sections.includes(section))) return false;
  }
  if (task.grade12Round && roles.every((role) => role === Role.STUDENT) && gradeYear !== 12) return false;
  return true;
}

/**
 * Of these windows, the ones that apply to this person: those that concern them, and for a grade-12 student the 高三
 * window in place of the regular one of the same task and period.
 */
export function applyingWindows(tasks: TimelineTask[], viewer: Viewer, gradeYear: number | null): TimelineTask[] {
  const concerning = tasks.filter((task) => concerns(task, viewer, gradeYear));
  const grade12 = new Set(concerning.filter((task) => task.grade12Round).map(windowKey));
  return concerning.filter(
    (task) => task.grade12Round || !grade12.has(windowKey({ ...windowIdentityOf(task), grade12Round: true })),
  );
}
