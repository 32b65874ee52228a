import type { EntityManager } from '@mikro-orm/postgresql';
import type { TimelinePolicy } from '../../common/config.js';
import type { AppContext } from '../../common/context.js';
import { forbidden } from '../../common/errors.js';
import { idOfType } from '../../common/ids.js';
import { formatRocDateTime } from '../../common/roc.js';
import { type Result, userError, type UserError } from '../../common/user-error.js';
import { type Viewer } from '../../common/viewer.js';
import { recordAudit } from '../audit/audit.service.js';
import { scheduleTaskAlerts } from './alert-scheduler.js';
import { Authority } from '../authority/authority.entity.js';
import { Student } from '../people/student.entity.js';
import { UserAccount } from '../people/user-account.entity.js';
import { School } from '../school/school.entity.js';
import { AcademicYear, Term } from '../term/term.entity.js';
import { PERIOD_KEY_HINT, periodFromKey } from '../../common/data-period.js';
import type {
  AdoptTimelineTemplateInput,
  TemplateTaskInput,
  GrantDeadlineExtensionInput,
  MoveTimelineTaskInput,
  PublishTimelineTemplateInput,
  WindowShiftInput,
} from './dto/timeline.input.js';
import { TASK_KIND_LABELS, TaskKind } from './timeline.enums.js';
import { orderErrors, windowErrors, windowKey, type WindowDraft } from './timeline.rules.js';
import { TimelineTemplate, TimelineTemplateTask } from './timeline-template.entity.js';
import { TimelineExtension, TimelineTask } from './timeline-task.entity.js';
import { taskLabel, windowIdentityOf, type WindowIdentity } from './timeline-window.js';
import { mayEditTimeline, mayPublishTemplates } from './timeline.permissions.js';

const MAX_TEMPLATE_TASKS = 50;

const fail = <T>(userErrors: UserError[]): Result<T> => ({ value: null, userErrors });

/** The window a template task or a school's shift names, or why its period is not a term or a year. */
function identityOfInput(
  input: Pick<TemplateTaskInput, 'kind' | 'category' | 'period' | 'grade12Round'>,
  field: string,
): { identity: WindowIdentity } | { error: UserError } {
  const period = periodFromKey(input.period);
  if (!period) return { error: userError(`${field}.period`, 'INVALID_PERIOD', `${PERIOD_KEY_HINT}。`) };
  return {
    identity: {
      kind: input.kind,
      category: input.category ?? null,
      dataYear: period.year,
      dataSemester: period.semester,
      grade12Round: input.grade12Round ?? false,
    },
  };
}

// ---------------------------------------------------------------- templates (the bureau)

/** Validates and stores a template for one authority. Used by the mutation and by the demo seed. */
export async function insertTemplate(
  em: EntityManager,
  authorityId: string,
  input: PublishTimelineTemplateInput,
  now: Date,
  policy: TimelinePolicy,
  createdBy: string | null,
): Promise<Result<TimelineTemplate>> {
  const errors: UserError[] = [];
  if (input.name.trim() === '' || input.name.trim().length > 100) {
    errors.push(userError('name', 'INVALID_NAME', '請輸入範本名稱（最多 100 個字）。'));
  }
  if (input.semester !== 1 && input.semester !== 2)
    errors.push(userError('semester', 'INVALID_SEMESTER', '學期只能是 1 或 2。'));
  if (!Number.isInteger(input.academicYear) || input.academicYear < 100 || input.academicYear > 200) {
    errors.push(userError('academicYear', 'INVALID_ACADEMIC_YEAR', '學年度必須介於 100 到 200 之間。'));
  }
  if (input.tasks.length === 0) errors.push(userError('tasks', 'NO_TASKS', '範本至少要有一項工作。'));
  if (input.tasks.length > MAX_TEMPLATE_TASKS) {
    errors.push(userError('tasks', 'TOO_MANY_TASKS', `一個範本最多 ${MAX_TEMPLATE_TASKS} 項工作。`));
  }
  const seen = new Set<string>();
  const drafts: (WindowDraft & { source: TemplateTaskInput })[] = [];
  input.tasks.forEach((task, index) => {
    const field = `tasks.${index}`;
    if ((task.kind === TaskKind.SUBMIT) !== Boolean(task.category)) {
      errors.push(userError(field, 'CATEGORY_MISMATCH', '提交工作必須指定資料類別，其他工作不可指定。'));
    }
    const named = identityOfInput(task, field);
    if ('error' in named) {
      errors.push(named.error);
      return;
    }
    const draft = { ...named.identity, startsAt: task.startsAt, endsAt: task.endsAt, source: task };
    if (seen.has(windowKey(draft))) {
      errors.push(userError(field, 'DUPLICATE_TASK', `「${taskLabel(draft)}」重複了。`));
    }
    seen.add(windowKey(draft));
    if ((task.system?.length ?? 0) > 100 || (task.notes?.length ?? 0) > 500) {
      errors.push(userError(field, 'TEXT_TOO_LONG', '「系統」最多 100 個字，「備註」最多 500 個字。'));
    }
    const bounds = { earliestStart: task.earliestStart ?? task.startsAt, latestEnd: task.latestEnd ?? task.endsAt };
    errors.push(...windowErrors(draft, bounds, field, policy));
    drafts.push(draft);
  });
  errors.push(...orderErrors(drafts, 'tasks', policy));
  if (errors.length > 0) return fail(errors);

  const clash = await em.findOne(TimelineTemplate, {
    authority: authorityId,
    academicYear: input.academicYear,
    semester: input.semester,
    name: input.name.trim(),
  });
  if (clash) return fail([userError('name', 'DUPLICATE_TEMPLATE', '這個學期已有同名的範本。')]);

  const authority = em.getReference(Authority, authorityId);
  const template = em.create(TimelineTemplate, {
    authority,
    academicYear: input.academicYear,
    semester: input.semester,
    name: input.name.trim(),
    publishedAt: now,
    createdBy,
  });
  for (const { source: task, dataYear, dataSemester, grade12Round } of drafts) {
    em.create(TimelineTemplateTask, {
      authority,
      template,
      kind: task.kind,
      category: task.category ?? null,
      dataYear,
      dataSemester,
      grade12Round,
      startsAt: task.startsAt,
      endsAt: task.endsAt,
      earliestStart: task.earliestStart ?? task.startsAt,
      latestEnd: task.latestEnd ?? task.endsAt,
      sections: task.sections ?? [],
      system: task.system?.trim() ?? '',
      notes: task.notes?.trim() ?? '',
    });
  }
  await em.flush();
  return { value: template, userErrors: [] };
}

export async function publishTemplate(
  ctx: AppContext,
  input: PublishTimelineTemplateInput,
): Promise<Result<TimelineTemplate>> {
  const viewer = ctx.viewer;
  if (!mayPublishTemplates(viewer)) throw forbidden('發布期程範本（限教育局）');
  const result = await insertTemplate(
    ctx.em,
    viewer!.authorityId,
    input,
    ctx.services.clock.now(),
    ctx.services.config.timeline,
    viewer!.accountId,
  );
  if (result.value) {
    await recordAudit(ctx.em, viewer!, ctx.requestId, {
      operation: 'timeline.template.publish',
      targetIds: [result.value.id],
    });
  }
  return result;
}

// ---------------------------------------------------------------- a school's timeline

async function termOf(em: EntityManager, academicYear: number, semester: number): Promise<Term | null> {
  const year = await em.findOne(AcademicYear, { year: academicYear });
  return year ? em.findOne(Term, { academicYear: year, semester }) : null;
}

const termFinalized = (field: string | null): UserError =>
  userError(field, 'TERM_FINALIZED', '這個學期已完成最終提交，期程不能再變更。');

/**
 * Makes a bureau template the school's timeline for its term: each window at the template's dates or the school's
 * shift of them, inside the bounds. Adopting again updates the windows; a window whose dates change counts as moved.
 */
export async function adoptTemplateFor(
  em: EntityManager,
  schoolId: string,
  template: TimelineTemplate,
  shifts: WindowShiftInput[],
  now: Date,
  policy: TimelinePolicy,
): Promise<Result<TimelineTask[]>> {
  const term = await termOf(em, template.academicYear, template.semester);
  if (!term) {
    return fail([userError('templateId', 'TERM_NOT_FOUND', `本校尚未建立${template.termLabel}，無法採用這個範本。`)]);
  }
  if (term.finalizedAt) return fail([termFinalized('templateId')]);
  const templateTasks = await em.find(TimelineTemplateTask, { template }, { orderBy: { startsAt: 'asc' } });
  const errors: UserError[] = [];
  const shiftByKey = new Map<string, { shift: WindowShiftInput; index: number }>();
  shifts.forEach((shift, index) => {
    const named = identityOfInput(shift, `shifts.${index}`);
    if ('error' in named) errors.push(named.error);
    else shiftByKey.set(windowKey(named.identity), { shift, index });
  });
  const drafts: (WindowDraft & { source: TimelineTemplateTask })[] = [];
  for (const source of templateTasks) {
    const chosen = shiftByKey.get(windowKey(source));
    shiftByKey.delete(windowKey(source));
    const draft = {
      kind: source.kind,
      category: source.category ?? null,
      dataYear: source.dataYear,
      dataSemester: source.dataSemester,
      grade12Round: source.grade12Round,
      startsAt: chosen?.shift.startsAt ?? source.startsAt,
      endsAt: chosen?.shift.endsAt ?? source.endsAt,
      source,
    };
    errors.push(...windowErrors(draft, source, chosen ? `shifts.${chosen.index}` : 'templateId', policy));
    drafts.push(draft);
  }
  for (const { shift, index } of shiftByKey.values()) {
    errors.push(
      userError(
        `shifts.${index}`,
        'TASK_NOT_IN_TEMPLATE',
        `範本中沒有「${TASK_KIND_LABELS[shift.kind]}」這項期間的工作。`,
      ),
    );
  }
  errors.push(...orderErrors(drafts, 'shifts', policy));
  if (errors.length > 0) return fail(errors);

  // A window governs its period wherever it was first planned: adopting a plan that has it again takes it over.
  const years = [...new Set(drafts.map((draft) => draft.dataYear))];
  const existing = new Map(
    (await em.find(TimelineTask, { dataYear: { $in: years } })).map((task) => [windowKey(task), task]),
  );
  const tasks: TimelineTask[] = [];
  const school = em.getReference(School, schoolId);
  for (const draft of drafts) {
    const current = existing.get(windowKey(draft));
    const fields = {
      term,
      templateTaskId: draft.source.id,
      earliestStart: draft.source.earliestStart,
      latestEnd: draft.source.latestEnd,
      sections: draft.source.sections,
      system: draft.source.system,
      notes: draft.source.notes,
    };
    if (!current) {
      const task = em.create(TimelineTask, {
        school,
        kind: draft.kind,
        category: draft.category,
        dataYear: draft.dataYear,
        dataSemester: draft.dataSemester,
        grade12Round: draft.grade12Round,
        startsAt: draft.startsAt,
        endsAt: draft.endsAt,
        ...fields,
      });
      await em.flush();
      await scheduleTaskAlerts(em, task, now, { moved: false });
      tasks.push(task);
      continue;
    }
    const moved =
      current.startsAt.getTime() !== draft.startsAt.getTime() || current.endsAt.getTime() !== draft.endsAt.getTime();
    Object.assign(current, fields);
    if (moved) {
      Object.assign(current, {
        startsAt: draft.startsAt,
        endsAt: draft.endsAt,
        version: current.version + 1,
        updatedAt: now,
      });
      await em.flush();
      await scheduleTaskAlerts(em, current, now, { moved: true });
    }
    tasks.push(current);
  }
  await em.flush();
  return { value: tasks, userErrors: [] };
}

function requireEditor(ctx: AppContext): Viewer {
  if (!mayEditTimeline(ctx.viewer)) throw forbidden('調整學校期程（限執行秘書、教學組、註冊組）');
  return ctx.viewer!;
}

export async function adoptTemplate(
  ctx: AppContext,
  input: AdoptTimelineTemplateInput,
): Promise<Result<TimelineTask[]>> {
  const viewer = requireEditor(ctx);
  const templateId = idOfType(input.templateId, 'TimelineTemplate');
  // Row-level security shows a school only its own bureau's templates.
  const template = templateId
    ? await ctx.em.findOne(TimelineTemplate, { id: templateId, authority: viewer.authorityId })
    : null;
  if (!template) return fail([userError('templateId', 'TEMPLATE_NOT_FOUND', '找不到這個期程範本。')]);
  const result = await adoptTemplateFor(
    ctx.em,
    viewer.schoolId!,
    template,
    input.shifts ?? [],
    ctx.services.clock.now(),
    ctx.services.config.timeline,
  );
  if (result.value) {
    await recordAudit(ctx.em, viewer, ctx.requestId, {
      operation: 'timeline.adopt',
      targetIds: [template.id, ...result.value.map((task) => task.id)],
    });
  }
  return result;
}

export async function moveTask(ctx: AppContext, input: MoveTimelineTaskInput): Promise<Result<TimelineTask>> {
  const viewer = requireEditor(ctx);
  const taskId = idOfType(input.taskId, 'TimelineTask');
  const task = taskId ? await ctx.em.findOne(TimelineTask, { id: taskId }, { populate: ['term'] }) : null;
  if (!task) return fail([userError('taskId', 'TASK_NOT_FOUND', '找不到這項期程。')]);
  if (task.term.getEntity().finalizedAt) return fail([termFinalized('taskId')]);
  const policy = ctx.services.config.timeline;
  const draft = { ...windowIdentityOf(task), startsAt: input.startsAt, endsAt: input.endsAt };
  const siblings = (await ctx.em.find(TimelineTask, { term: task.term })).map((t) => (t.id === task.id ? draft : t));
  const errors = [...windowErrors(draft, task, null, policy), ...orderErrors(siblings, null, policy)];
  if (errors.length > 0) return fail(errors);

  const now = ctx.services.clock.now();
  const before = { startsAt: task.startsAt.toISOString(), endsAt: task.endsAt.toISOString() };
  Object.assign(task, { startsAt: input.startsAt, endsAt: input.endsAt, version: task.version + 1, updatedAt: now });
  await ctx.em.flush();
  await scheduleTaskAlerts(ctx.em, task, now, { moved: true });
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'timeline.move',
    targetIds: [task.id],
    detail: { before, after: { startsAt: input.startsAt.toISOString(), endsAt: input.endsAt.toISOString() } },
  });
  return { value: task, userErrors: [] };
}

export async function grantExtension(
  ctx: AppContext,
  input: GrantDeadlineExtensionInput,
): Promise<Result<TimelineExtension>> {
  const viewer = requireEditor(ctx);
  const taskId = idOfType(input.taskId, 'TimelineTask');
  const studentId = idOfType(input.studentId, 'Student');
  const task = taskId ? await ctx.em.findOne(TimelineTask, { id: taskId }) : null;
  const student = studentId ? await ctx.em.findOne(Student, { id: studentId }) : null;
  const errors: UserError[] = [];
  if (!task) errors.push(userError('taskId', 'TASK_NOT_FOUND', '找不到這項期程。'));
  if (!student) errors.push(userError('studentId', 'STUDENT_NOT_FOUND', '找不到這位學生。'));
  const reason = input.reason.trim();
  if (reason === '' || reason.length > 200)
    errors.push(userError('reason', 'INVALID_REASON', '請填寫延長原因（最多 200 個字）。'));
  if (task && !(input.endsAt > task.endsAt)) {
    errors.push(
      userError(
        'endsAt',
        'EXTENSION_NOT_LATER',
        `延長後的截止時間必須晚於原截止時間（${formatRocDateTime(task.endsAt)}）。`,
      ),
    );
  }
  if (errors.length > 0 || !task || !student) return fail(errors);

  const existing = await ctx.em.findOne(TimelineExtension, { task, student });
  const extension =
    existing ??
    ctx.em.create(TimelineExtension, {
      school: task.school,
      task,
      student,
      endsAt: input.endsAt,
      reason,
      grantedBy: ctx.em.getReference(UserAccount, viewer.accountId),
    });
  Object.assign(extension, { endsAt: input.endsAt, reason });
  await ctx.em.flush();
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'timeline.extension.grant',
    targetIds: [extension.id, task.id, student.id],
    detail: { endsAt: input.endsAt.toISOString() },
  });
  return { value: extension, userErrors: [] };
}
