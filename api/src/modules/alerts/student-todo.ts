import { Field, Int, ObjectType } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { formatRocDateTime } from '../../common/roc.js';
import { outcomesToReplace } from '../portfolio/pending-work.counters.js';
import { unconfirmedReceiptRows } from '../round/current-receipts.js';
import { TaskKind } from '../timeline/timeline.enums.js';
import { TimelineExtension, TimelineTask } from '../timeline/timeline-task.entity.js';
import { applyingWindows } from '../timeline/audience.js';
import { pendingWorkCounters } from './pending-work.js';
import { PENDING_PHRASES } from './alert-message.js';

@ObjectType({ description: '學生在開放中的期程裡還沒做完的事' })
export class StudentTodo {
  @Field(() => TaskKind)
  kind!: TaskKind;

  @Field({ description: '期程工作名稱，例如「上傳 115學年度第1學期 課程學習成果」' })
  taskLabel!: string;

  @Field(() => Int, { description: '還沒做完的件數' })
  count!: number;

  @Field({ description: '給學生看的一句話' })
  message!: string;

  @Field({ description: '去做這件事的頁面（用戶端的路徑，例如 /outcomes）' })
  path!: string;

  @Field({ description: '對這位學生適用的截止時間（含個人延長）' })
  endsAt!: Date;
}

const PATHS: Partial<Record<TaskKind, string>> = {
  [TaskKind.UPLOAD_COURSE_OUTCOMES]: '/outcomes',
  [TaskKind.CERTIFY_COURSE_OUTCOMES]: '/outcomes',
  [TaskKind.SELECT_COURSE_OUTCOMES]: '/selection',
  [TaskKind.SELECT_PERFORMANCES]: '/selection',
  [TaskKind.CONFIRM_RECEIPTS]: '/receipts',
};

/**
 * What a student still has to do in the windows open for them now, with where to do it: courses without an outcome,
 * outcomes not certified to replace, certified outcomes and performances not selected, receipt rows to confirm.
 */
export async function studentTodo(ctx: AppContext): Promise<StudentTodo[]> {
  const viewer = ctx.viewer;
  const student = viewer ? await ctx.loaders.studentByAccountId.load(viewer.accountId) : null;
  if (!viewer || !student) return [];
  const schoolClass = student.schoolClass ? await ctx.loaders.classById.load(student.schoolClass.id) : null;
  const now = ctx.services.clock.now();
  // Open now: not yet ended, or ended but extended for this student.
  const extensions = await ctx.em.find(TimelineExtension, { student, endsAt: { $gt: now } });
  const tasks = (
    await ctx.em.find(TimelineTask, {
      startsAt: { $lte: now },
      $or: [{ endsAt: { $gt: now } }, { id: { $in: extensions.map((extension) => extension.task.id) } }],
    })
  ).filter((task) => PATHS[task.kind]);
  // Earliest end first: 補件 is listed under the window that closes first.
  const applying = applyingWindows(tasks, viewer, schoolClass?.gradeYear ?? null).sort(
    (a, b) => a.endsAt.getTime() - b.endsAt.getTime(),
  );
  const todo: StudentTodo[] = [];
  const replacementsCounted = new Set<string>();
  for (const task of applying) {
    const answer = ctx.services.windows.answer(
      task,
      extensions.find((extension) => extension.task.id === task.id) ?? null,
    );
    if (answer.userError) continue;
    const end = formatRocDateTime(answer.effectiveEndsAt!);
    const add = (count: number, message: string) => {
      if (count > 0) {
        todo.push(
          Object.assign(new StudentTodo(), {
            kind: task.kind,
            taskLabel: task.label,
            count,
            message,
            path: PATHS[task.kind]!,
            endsAt: answer.effectiveEndsAt!,
          }),
        );
      }
    };
    const counter = pendingWorkCounters[task.kind];
    const period = { year: task.dataYear, semester: task.dataSemester };
    if (counter) {
      const count = (await counter(ctx.em, [student.id], period)).get(student.id) ?? 0;
      add(count, `${PENDING_PHRASES[task.kind]!(count)}期限 ${end}。`);
    }
    const replaceable = task.kind === TaskKind.CERTIFY_COURSE_OUTCOMES || task.kind === TaskKind.UPLOAD_COURSE_OUTCOMES;
    // Said once per term, whether its upload or its certification is what keeps 補件 open.
    if (replaceable && !replacementsCounted.has(task.period)) {
      replacementsCounted.add(task.period);
      const count = (await outcomesToReplace(ctx.em, [student.id], period)).get(student.id) ?? 0;
      add(count, `您有 ${count} 件課程學習成果未通過認證，請看老師的理由並更換檔案（補件），期限 ${end}。`);
    }
    if (task.kind === TaskKind.CONFIRM_RECEIPTS) {
      const count = await unconfirmedReceiptRows(ctx.em, student.id, { term: period, grade12Round: task.grade12Round });
      add(count, `${PENDING_PHRASES[TaskKind.CONFIRM_RECEIPTS]!(count)}期限 ${end}。`);
    }
  }
  return todo.sort((a, b) => a.endsAt.getTime() - b.endsAt.getTime());
}
