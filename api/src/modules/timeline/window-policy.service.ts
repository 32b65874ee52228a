import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../common/clock.js';
import { formatRocDateTime } from '../../common/roc.js';
import { userError, type UserError } from '../../common/user-error.js';
import { governsAcademicYear, type TaskKind } from './timeline.enums.js';
import { type DataPeriod, grade12CohortOf } from '../../common/data-period.js';
import type { SubmissionCategory } from '../../common/submission-category.js';
import { TimelineExtension, TimelineTask } from './timeline-task.entity.js';
import { rocWindow, taskLabel } from './timeline-window.js';

export interface WindowQuestion {
  /**
   * The data acted on: a term's or an academic year's. A window that governs a whole year (governsAcademicYear) is
   * found from a term too, by the term's year.
   */
  period: { termId: string } | { academicYearId: string };
  kind: TaskKind;
  category?: SubmissionCategory | null;
  /**
   * The student acting or acted for: their extension, if any, moves the end, and when they are in grade 12 in the
   * period's year, the 高三 round's window applies if the school has one.
   */
  studentId?: string | null;
  /** Staff acting in the 高三 round: only its window counts. */
  grade12Round?: boolean;
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
    const { year, semester } = await governedPeriod(em, question);
    const identity = {
      kind: question.kind,
      category: question.category ?? null,
      dataYear: year,
      dataSemester: semester,
      grade12Round: question.grade12Round ?? false,
    };
    const candidates = await em.find(TimelineTask, {
      kind: identity.kind,
      category: identity.category,
      dataYear: year,
      dataSemester: semester,
    });
    // A student is asked about only when the school has a 高三 window here: otherwise the regular one is everyone's.
    const grade12 =
      question.grade12Round ||
      (question.studentId && candidates.some((t) => t.grade12Round)
        ? await inGrade12(em, question.studentId, year)
        : false);
    const task = candidates.find((t) => t.grade12Round === grade12);
    if (!task) {
      return {
        task: null,
        extension: null,
        effectiveEndsAt: null,
        userError: userError(field, 'WINDOW_NOT_OPEN', `學校尚未排定「${taskLabel(identity)}」的期程，請洽學校。`),
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

/** The period a question is about, as the windows name it. */
async function governedPeriod(em: EntityManager, question: WindowQuestion): Promise<DataPeriod> {
  const annual = governsAcademicYear(question.kind, question.category);
  if ('termId' in question.period) {
    const [row] = await em.execute<{ year: number; semester: 1 | 2 }[]>(
      `select y.year, t.semester from term t
       join academic_year y on y.school_id = t.school_id and y.id = t.academic_year_id where t.id = ?`,
      [question.period.termId],
    );
    if (!row) throw new Error('window question about a term that does not exist');
    return { year: row.year, semester: annual ? 0 : row.semester };
  }
  const [row] = await em.execute<{ year: number }[]>('select year from academic_year where id = ?', [
    question.period.academicYearId,
  ]);
  if (!row) throw new Error('window question about an academic year that does not exist');
  if (!annual) throw new Error(`window ${question.kind} governs a term, not an academic year`);
  return { year: row.year, semester: 0 };
}

async function inGrade12(em: EntityManager, studentId: string, academicYear: number): Promise<boolean> {
  const [row] = await em.execute<{ cohort: number }[]>('select cohort from student where id = ?', [studentId]);
  return row?.cohort === grade12CohortOf(academicYear);
}

declare module '../../common/context.js' {
  interface AppServices {
    /** The one window policy every guarded mutation asks. */
    windows: WindowPolicy;
  }
}
