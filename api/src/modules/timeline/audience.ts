import type { Viewer } from '../../common/viewer.js';
import { Role } from '../../common/roles.js';
import { TASK_AUDIENCE } from './timeline.enums.js';
import type { TimelineTask } from './timeline-task.entity.js';

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
