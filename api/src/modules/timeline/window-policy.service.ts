import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../common/clock.js';
import { formatRocDateTime } from '../../common/roc.js';
import { userError, type UserError } from '../../common/user-error.js';
import type { TaskKind } from './timeline.enums.js';
import type { SubmissionCategory } from '../../common/submission-category.js';
import { TimelineExtension, TimelineTask } from './timeline-task.entity.js';
import { rocWindow, taskLabel } from './timeline-window.js';

export interface WindowQuestion {
  termId: string;
  kind: TaskKind;
  category?: SubmissionCategory | null;
  /** The student acting or acted for; their extension, if any, moves the end. */
  studentId?: string | null;
}

export interface WindowAnswer {
  task: TimelineTask | null;
  extension: TimelineExtension | null;
  /** The end that applies to this actor: the extension's when there is one. */
  effectiveEndsAt: Date | null;
  userError: UserError | null;
}

/**
 * The one answer to "may this actor do this task now?", by the server's clock. Every guarded mutation asks here and
 * returns the userError it gives (WINDOW_NOT_OPEN or WINDOW_CLOSED), naming the window in ROC dates.
 */
export class WindowPolicy {
  constructor(private readonly clock: Clock) {}

  async check(em: EntityManager, question: WindowQuestion, field: string | null = null): Promise<WindowAnswer> {
    const label = taskLabel(question.kind, question.category);
    const task = await em.findOne(TimelineTask, {
      term: question.termId,
      kind: question.kind,
      category: question.category ?? null,
    });
    if (!task) {
      return {
        task: null,
        extension: null,
        effectiveEndsAt: null,
        userError: userError(field, 'WINDOW_NOT_OPEN', `本學期尚未排定「${label}」的期程，請洽學校。`),
      };
    }
    return this.answer(task, question.studentId ? await this.extensionOf(em, task, question.studentId) : null, field);
  }

  /** The same decision for a window already loaded. */
  answer(task: TimelineTask, extension: TimelineExtension | null, field: string | null = null): WindowAnswer {
    const now = this.clock.now();
    const label = task.label;
    const endsAt = extension && extension.endsAt > task.endsAt ? extension.endsAt : task.endsAt;
    let problem: UserError | null = null;
    if (now < task.startsAt) {
      problem = userError(
        field,
        'WINDOW_NOT_OPEN',
        `「${label}」尚未開放，將於 ${formatRocDateTime(task.startsAt)} 開始（期間 ${rocWindow(task.startsAt, endsAt)}）。`,
      );
    } else if (now >= endsAt) {
      problem = userError(
        field,
        'WINDOW_CLOSED',
        `「${label}」已於 ${formatRocDateTime(endsAt)} 截止（期間 ${rocWindow(task.startsAt, endsAt)}）。`,
      );
    }
    return { task, extension, effectiveEndsAt: endsAt, userError: problem };
  }

  extensionOf(em: EntityManager, task: TimelineTask, studentId: string): Promise<TimelineExtension | null> {
    return em.findOne(TimelineExtension, { task, student: studentId });
  }
}

declare module '../../common/context.js' {
  interface AppServices {
    /** The one window policy every guarded mutation asks. */
    windows: WindowPolicy;
  }
}
