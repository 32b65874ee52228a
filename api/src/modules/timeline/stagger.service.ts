import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppContext } from '../../common/context.js';
import { badInput, forbidden, notFound } from '../../common/errors.js';
import { idOfType, newId, toGlobalId } from '../../common/ids.js';
import { formatRocCalendarDate, formatRocDateTime } from '../../common/roc.js';
import { type Result, userError, type UserError } from '../../common/user-error.js';
import type { Viewer } from '../../common/viewer.js';
import { recordAudit } from '../audit/audit.service.js';
import { alertsDue } from './alert-scheduler.js';
import { assignGroups, dailyLoad, peakOf, type StaggerRule } from './stagger-load.js';
import {
  ITEM_SOURCE_LABELS,
  ItemCountSource,
  StaggerGroup,
  StaggerLoadDay,
  StaggerPeak,
  StaggerPlan,
  StaggerPlanGroup,
  type StaggerPlanInput,
  StaggerPreview,
  StaggerSchool,
  StaggerableTask,
} from './stagger.types.js';
import { TaskKind } from './timeline.enums.js';
import { mayPublishTemplates } from './timeline.permissions.js';
import { type TimelineTemplate, TimelineTemplateTask } from './timeline-template.entity.js';
import { rocWindow } from './timeline-window.js';

/** The windows whose end the bureau may stagger: the students' own uploads and selections, the crush the slides show. */
export const STAGGERABLE_KINDS: readonly TaskKind[] = [
  TaskKind.UPLOAD_COURSE_OUTCOMES,
  TaskKind.UPLOAD_PERFORMANCES,
  TaskKind.SELECT_COURSE_OUTCOMES,
  TaskKind.SELECT_PERFORMANCES,
];

/**
 * Items per enrolled student assumed for a school with no counts of its own when no school of the city has any
 * either (a city that has not run this window yet): a few outcomes a term, some performances and selections a year.
 */
const FALLBACK_ITEMS_PER_STUDENT: Partial<Record<TaskKind, number>> = {
  [TaskKind.UPLOAD_COURSE_OUTCOMES]: 3,
  [TaskKind.SELECT_COURSE_OUTCOMES]: 3,
  [TaskKind.UPLOAD_PERFORMANCES]: 4,
  [TaskKind.SELECT_PERFORMANCES]: 4,
};

const MAX_GROUPS = 10;
const MAX_STEP_DAYS = 14;
const DAY_MS = 86_400_000;

interface SchoolWindowRow {
  school_id: string;
  code: string;
  name: string;
  division: string;
  task_id: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
  version: number | null;
  term_ends_on: string | Date | null;
  term_finalized: boolean | null;
  students: number;
  items_this_period: number;
  items_previous_period: number;
}

interface PlannedSchool {
  row: SchoolWindowRow;
  items: number;
  source: ItemCountSource;
  group: number | null;
  endsAt: Date | null;
}

interface Computation {
  templateTask: TimelineTemplateTask;
  template: TimelineTemplate;
  schools: PlannedSchool[];
  preview: StaggerPreview;
}

function requireBureau(ctx: AppContext): Viewer {
  if (!mayPublishTemplates(ctx.viewer)) throw forbidden('錯開截止（限教育局）');
  return ctx.viewer!;
}

const isoDateOf = (value: string | Date): string =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

/** The first moment after a term's last day, Taipei time: a window of the term must end by then. */
const afterTermEnd = (endsOn: string | Date): Date =>
  new Date(Date.parse(`${isoDateOf(endsOn)}T00:00:00+08:00`) + DAY_MS);

const schoolName = (row: SchoolWindowRow): string => (row.division === 'DAY' ? row.name : `${row.name}（進修部）`);

/**
 * Each school's expected items: the larger of the previous year's equivalent window (a whole window's worth) and this
 * window's items so far; a school with neither gets its students times the city's items per student (or a stated
 * fallback rate when no school has any).
 */
function expectedItems(rows: SchoolWindowRow[], kind: TaskKind): { items: number; source: ItemCountSource }[] {
  const counted = rows.map((row) =>
    row.items_previous_period >= row.items_this_period && row.items_previous_period > 0
      ? { items: row.items_previous_period, source: ItemCountSource.PREVIOUS_WINDOW }
      : row.items_this_period > 0
        ? { items: row.items_this_period, source: ItemCountSource.THIS_WINDOW }
        : null,
  );
  let items = 0;
  let students = 0;
  counted.forEach((count, index) => {
    if (count) {
      items += count.items;
      students += rows[index]!.students;
    }
  });
  const perStudent = students > 0 ? items / students : (FALLBACK_ITEMS_PER_STUDENT[kind] ?? 0);
  return counted.map(
    (count, index) =>
      count ?? { items: Math.round(rows[index]!.students * perStudent), source: ItemCountSource.ESTIMATE },
  );
}

function inputProblems(input: StaggerPlanInput): UserError[] {
  const problems: UserError[] = [];
  if (!Number.isInteger(input.groupCount) || input.groupCount < 2 || input.groupCount > MAX_GROUPS) {
    problems.push(userError('groupCount', 'INVALID_GROUP_COUNT', `組數必須是 2 到 ${MAX_GROUPS} 之間的整數。`));
  }
  if (!Number.isInteger(input.stepDays) || input.stepDays < 1 || input.stepDays > MAX_STEP_DAYS) {
    problems.push(
      userError('stepDays', 'INVALID_STEP_DAYS', `每組相隔的天數必須是 1 到 ${MAX_STEP_DAYS} 之間的整數。`),
    );
  }
  return problems;
}

async function templateTaskOf(
  em: EntityManager,
  viewer: Viewer,
  globalId: string,
): Promise<{ templateTask: TimelineTemplateTask; template: TimelineTemplate } | null> {
  const id = idOfType(globalId, 'TimelineTemplateTask');
  const templateTask = id
    ? await em.findOne(TimelineTemplateTask, { id, authority: viewer.authorityId }, { populate: ['template'] })
    : null;
  return templateTask ? { templateTask, template: templateTask.template.getEntity() } : null;
}

async function existingPlan(em: EntityManager, templateTaskId: string): Promise<PlanRow | null> {
  const [row] = await em.execute<PlanRow[]>(
    'select * from stagger_plan where authority_id = app_authority_id() and template_task_id = ?',
    [templateTaskId],
  );
  return row ?? null;
}

/** Everything a preview shows and an apply writes, computed afresh from the database each time. */
async function compute(ctx: AppContext, viewer: Viewer, input: StaggerPlanInput): Promise<Computation | UserError[]> {
  const found = await templateTaskOf(ctx.em, viewer, input.templateTaskId);
  if (!found) return [userError('templateTaskId', 'TEMPLATE_TASK_NOT_FOUND', '找不到這項範本工作。')];
  const { templateTask, template } = found;
  if (!STAGGERABLE_KINDS.includes(templateTask.kind) || templateTask.grade12Round) {
    return [
      userError(
        'templateTaskId',
        'TASK_NOT_STAGGERABLE',
        `「${templateTask.label}」不能錯開截止：只有一般梯次的學生上傳與勾選可以分組截止。`,
      ),
    ];
  }
  const now = ctx.services.clock.now();
  const problems = inputProblems(input);
  const groupCount = problems.length === 0 ? input.groupCount : Math.min(Math.max(input.groupCount, 2), MAX_GROUPS);
  const stepDays = problems.length === 0 ? input.stepDays : Math.min(Math.max(input.stepDays, 1), MAX_STEP_DAYS);
  const plan = await existingPlan(ctx.em, templateTask.id);
  if (plan) {
    problems.push(
      userError(
        'templateTaskId',
        'PLAN_ALREADY_APPLIED',
        `「${templateTask.label}」已於 ${formatRocDateTime(new Date(plan.applied_at))} 套用錯開截止計畫，不能再套用另一個。`,
      ),
    );
  }
  if (templateTask.endsAt <= now) {
    problems.push(
      userError(
        'templateTaskId',
        'WINDOW_CLOSED',
        `「${templateTask.label}」的統一截止時間 ${formatRocDateTime(templateTask.endsAt)} 已過，不能再錯開。`,
      ),
    );
  }

  const rows = (
    await ctx.em.execute<SchoolWindowRow[]>('select * from stagger_school_windows(?)', [templateTask.id])
  ).map((row) => ({
    ...row,
    // The driver gives timestamps as text here.
    starts_at: row.starts_at && new Date(row.starts_at),
    ends_at: row.ends_at && new Date(row.ends_at),
  }));
  const counts = expectedItems(rows, templateTask.kind);
  const adopted = rows.map((row, index) => ({ row, ...counts[index]! })).filter(({ row }) => row.task_id !== null);
  const groupOf = assignGroups(
    adopted.map(({ row, items }) => ({ code: `${row.code}:${row.division}`, items })),
    groupCount,
    input.rule,
  );
  const groupEnds = Array.from(
    { length: groupCount },
    (_, group) => new Date(templateTask.endsAt.getTime() + group * stepDays * DAY_MS),
  );
  const planned: PlannedSchool[] = rows.map((row, index) => ({
    row,
    ...counts[index]!,
    group: null,
    endsAt: null,
  }));
  adopted.forEach(({ row }, index) => {
    const school = planned.find((p) => p.row === row)!;
    school.group = groupOf[index]!;
    school.endsAt = groupEnds[groupOf[index]!]!;
  });

  if (adopted.length === 0) {
    problems.push(userError('templateTaskId', 'NO_SCHOOLS', '還沒有學校採用這項範本工作，無從錯開。'));
  } else if (adopted.length < groupCount) {
    problems.push(
      userError('groupCount', 'TOO_FEW_SCHOOLS', `只有 ${adopted.length} 所學校採用，組數不能多於學校數。`),
    );
  }
  for (const school of planned) {
    const { row, endsAt, group } = school;
    if (!row.task_id || !endsAt || group === null) continue;
    const name = schoolName(row);
    const groupLabel = `第 ${group + 1} 組`;
    if (row.term_finalized) {
      problems.push(userError(null, 'TERM_FINALIZED', `${name}的這個學期已完成最終提交，期程不能再變更。`));
    } else if (row.ends_at! <= now) {
      problems.push(
        userError(
          null,
          'SCHOOL_WINDOW_CLOSED',
          `${name}的「${templateTask.label}」已於 ${formatRocDateTime(row.ends_at!)} 截止，不能再移動。`,
        ),
      );
    } else if (row.starts_at! >= endsAt) {
      problems.push(
        userError(
          null,
          'GROUP_ENDS_BEFORE_START',
          `${name}的「${templateTask.label}」從 ${formatRocDateTime(row.starts_at!)} 才開始，${groupLabel}的截止 ${formatRocDateTime(endsAt)} 太早。`,
        ),
      );
    } else if (row.ends_at! > endsAt) {
      problems.push(
        userError(
          null,
          'SCHOOL_ENDS_LATER',
          `${name}已把截止延到 ${formatRocDateTime(row.ends_at!)}，晚於${groupLabel}的 ${formatRocDateTime(endsAt)}：請改變分組或組數，或先與學校協調。`,
        ),
      );
    }
    if (row.term_ends_on && endsAt >= afterTermEnd(row.term_ends_on)) {
      problems.push(
        userError(
          'stepDays',
          'AFTER_TERM',
          `${groupLabel}的截止 ${formatRocDateTime(endsAt)} 晚於${name}的學期結束日 ${formatRocCalendarDate(isoDateOf(row.term_ends_on))}。`,
        ),
      );
    }
  }

  // Schools sharing a term end say the same thing once.
  const seen = new Set<string>();
  const distinct = problems.filter((problem) => !seen.has(problem.message) && seen.add(problem.message));

  const windowsOf = (staggered: boolean) =>
    planned
      .filter((school) => school.endsAt && school.row.starts_at)
      .map((school) => ({
        startsAt: school.row.starts_at!,
        endsAt: staggered ? school.endsAt! : templateTask.endsAt,
        items: school.items,
      }));
  const common = dailyLoad(windowsOf(false));
  const staggered = dailyLoad(windowsOf(true));
  const dates = [...new Set([...common.keys(), ...staggered.keys()])].sort();
  const peak = (load: Map<string, number>) => {
    const found = peakOf(load);
    return found && Object.assign(new StaggerPeak(), { ...found, rocDate: formatRocCalendarDate(found.date) });
  };
  const toSchool = (school: PlannedSchool) =>
    Object.assign(new StaggerSchool(), {
      code: school.row.code,
      name: schoolName(school.row),
      students: school.row.students,
      items: school.items,
      itemsSource: school.source,
      itemsSourceLabel: ITEM_SOURCE_LABELS[school.source],
      group: school.group === null ? null : school.group + 1,
      rocCurrentEndsAt: school.row.ends_at ? formatRocDateTime(school.row.ends_at) : null,
    });
  const preview = Object.assign(new StaggerPreview(), {
    taskLabel: templateTask.label,
    templateName: template.name,
    rule: input.rule,
    groupCount,
    stepDays,
    rocCommonEndsAt: formatRocDateTime(templateTask.endsAt),
    groups: groupEnds.map((endsAt, group) => {
      const members = planned.filter((school) => school.group === group);
      return Object.assign(new StaggerGroup(), {
        number: group + 1,
        endsAt,
        rocEndsAt: formatRocDateTime(endsAt),
        students: members.reduce((sum, school) => sum + school.row.students, 0),
        items: members.reduce((sum, school) => sum + school.items, 0),
        schools: members.map(toSchool),
      });
    }),
    unadoptedSchools: planned.filter((school) => school.group === null).map(toSchool),
    totalItems: planned.filter((school) => school.group !== null).reduce((sum, school) => sum + school.items, 0),
    days: dates.map((date) =>
      Object.assign(new StaggerLoadDay(), {
        date,
        rocDate: formatRocCalendarDate(date),
        common: Math.round(common.get(date) ?? 0),
        staggered: Math.round(staggered.get(date) ?? 0),
      }),
    ),
    commonPeak: peak(common),
    staggeredPeak: peak(staggered),
    problems: distinct,
  });
  return { templateTask, template, schools: planned, preview };
}

export async function previewStagger(ctx: AppContext, input: StaggerPlanInput): Promise<StaggerPreview> {
  const viewer = requireBureau(ctx);
  const computed = await compute(ctx, viewer, input);
  if (!Array.isArray(computed)) return computed.preview;
  const [problem] = computed;
  throw problem!.code === 'TEMPLATE_TASK_NOT_FOUND'
    ? notFound('範本工作')
    : badInput(problem!.message, 'templateTaskId');
}

class SchoolMovedMeanwhile extends Error {
  constructor(readonly school: string) {
    super('a school moved its window while the plan was applied');
  }
}

/**
 * Applies a plan in the request's one transaction: every school's window of the task moves to its group's end (and
 * its alerts with it), the plan is stored and one audit row written; any refusal changes nothing.
 */
export async function applyStagger(ctx: AppContext, input: StaggerPlanInput): Promise<Result<StaggerPlan>> {
  const viewer = requireBureau(ctx);
  const computed = await compute(ctx, viewer, input);
  if (Array.isArray(computed)) return { value: null, userErrors: computed };
  if (computed.preview.problems.length > 0) return { value: null, userErrors: computed.preview.problems };
  const { templateTask, schools, preview } = computed;
  const now = ctx.services.clock.now();
  const members = schools.filter((school) => school.group !== null && school.endsAt && school.row.task_id);

  await ctx.em.execute('savepoint stagger_apply');
  try {
    for (const { row, endsAt } of members) {
      const alerts = alertsDue({ startsAt: row.starts_at!, endsAt: endsAt! }, now, { moved: true });
      const [moved] = await ctx.em.execute<{ version: number | null }[]>(
        'select stagger_move_window(?, ?, ?, ?, ?, ?, ?::text[], ?::timestamptz[]) as version',
        [
          row.school_id,
          row.task_id,
          templateTask.id,
          row.version,
          endsAt,
          now,
          `{${alerts.map(([kind]) => kind).join(',')}}`,
          `{${alerts.map(([, at]) => `"${at.toISOString()}"`).join(',')}}`,
        ],
      );
      if (moved?.version == null) throw new SchoolMovedMeanwhile(schoolName(row));
    }
  } catch (error) {
    if (!(error instanceof SchoolMovedMeanwhile)) throw error;
    await ctx.em.execute('rollback to savepoint stagger_apply');
    return {
      value: null,
      userErrors: [
        userError(null, 'SCHOOL_CHANGED', `${error.school}剛調整了這項期程，計畫沒有套用：請重新試算後再套用。`),
      ],
    };
  }
  await ctx.em.execute('release savepoint stagger_apply');

  const id = newId();
  const assignments = members.map(({ row, group, endsAt, items }) => ({
    schoolId: row.school_id,
    name: schoolName(row),
    group: group! + 1,
    endsAt: endsAt!.toISOString(),
    previousEndsAt: row.ends_at!.toISOString(),
    items,
  }));
  await ctx.em.execute(
    `insert into stagger_plan (authority_id, id, template_task_id, rule, group_count, step_days, common_peak,
                               staggered_peak, assignments, applied_by, applied_at)
     values (app_authority_id(), ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)`,
    [
      id,
      templateTask.id,
      preview.rule,
      preview.groupCount,
      preview.stepDays,
      preview.commonPeak?.items ?? 0,
      preview.staggeredPeak?.items ?? 0,
      JSON.stringify(assignments),
      viewer.accountId,
      now,
    ],
  );
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'timeline.stagger.apply',
    targetIds: [id, templateTask.id, ...members.map(({ row }) => row.task_id!)],
    detail: {
      rule: preview.rule,
      groupCount: preview.groupCount,
      stepDays: preview.stepDays,
      schools: members.length,
      commonPeak: preview.commonPeak?.items ?? 0,
      staggeredPeak: preview.staggeredPeak?.items ?? 0,
    },
  });
  const [stored] = await ctx.em.execute<PlanRow[]>('select * from stagger_plan where id = ?', [id]);
  return { value: planOf(stored!, templateTask.label), userErrors: [] };
}

interface PlanRow {
  id: string;
  template_task_id: string;
  rule: StaggerRule;
  group_count: number;
  step_days: number;
  common_peak: number;
  staggered_peak: number;
  assignments: { name: string; group: number; endsAt: string }[];
  applied_at: Date;
}

function planOf(row: PlanRow, taskLabel: string): StaggerPlan {
  const appliedAt = new Date(row.applied_at);
  return Object.assign(new StaggerPlan(), {
    id: toGlobalId('StaggerPlan', row.id),
    taskLabel,
    rule: row.rule,
    groupCount: row.group_count,
    stepDays: row.step_days,
    commonPeak: row.common_peak,
    staggeredPeak: row.staggered_peak,
    schoolCount: row.assignments.length,
    appliedAt,
    rocAppliedAt: formatRocDateTime(appliedAt),
    groups: Array.from({ length: row.group_count }, (_, index) => {
      const members = row.assignments.filter((a) => a.group === index + 1);
      const endsAt = members[0]?.endsAt;
      return Object.assign(new StaggerPlanGroup(), {
        number: index + 1,
        rocEndsAt: endsAt ? formatRocDateTime(new Date(endsAt)) : '—',
        schoolNames: members.map((a) => a.name),
      });
    }),
  });
}

/**
 * The bureau's template tasks that may still be staggered (not ended yet) or were, newest template first, each with
 * its applied plan if any.
 */
export async function staggerableTasks(ctx: AppContext): Promise<StaggerableTask[]> {
  const viewer = requireBureau(ctx);
  const tasks = await ctx.em.find(
    TimelineTemplateTask,
    { authority: viewer.authorityId, kind: { $in: [...STAGGERABLE_KINDS] }, grade12Round: false },
    { populate: ['template'], orderBy: { template: { publishedAt: 'desc' }, startsAt: 'asc' } },
  );
  const plans = await ctx.em.execute<PlanRow[]>('select * from stagger_plan where authority_id = app_authority_id()');
  const planOfTask = new Map(plans.map((plan) => [plan.template_task_id, plan]));
  const now = ctx.services.clock.now();
  // A window that has ended can no longer be staggered: only its applied plan is worth showing.
  return tasks
    .filter((task) => task.endsAt > now || planOfTask.has(task.id))
    .map((task) => {
      const plan = planOfTask.get(task.id);
      return Object.assign(new StaggerableTask(), {
        templateTaskId: toGlobalId('TimelineTemplateTask', task.id),
        taskLabel: task.label,
        templateName: task.template.getEntity().name,
        rocWindow: rocWindow(task.startsAt, task.endsAt),
        plan: plan ? planOf(plan, task.label) : null,
      });
    });
}
