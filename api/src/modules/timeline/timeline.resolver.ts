import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { requireViewer } from '../../common/auth-checker.js';
import { ConnectionArgs, ConnectionType, paginate } from '../../common/pagination.js';
import { formatRocDateTime } from '../../common/roc.js';
import { PayloadType, payload } from '../../common/user-error.js';
import { hasRole } from '../../common/viewer.js';
import { Role } from '../../common/roles.js';
import { Term } from '../term/term.entity.js';
import { termArgumentOrCurrent } from '../term/term.service.js';
import { applyingWindows } from './audience.js';
import {
  AdoptTimelineTemplateInput,
  GrantDeadlineExtensionInput,
  MoveTimelineTaskInput,
  PublishTimelineTemplateInput,
} from './dto/timeline.input.js';
import {
  governsAcademicYear,
  grade12RoundHas,
  TASK_KIND_LABELS,
  TaskKind,
  WINDOW_STATE_LABELS,
  WindowState,
} from './timeline.enums.js';
import { CATEGORY_LABELS, isAnnualCategory, SubmissionCategory } from '../../common/submission-category.js';
import { adoptTemplate, grantExtension, moveTask, publishTemplate } from './timeline.service.js';
import { TimelineTemplate, TimelineTemplateTask } from './timeline-template.entity.js';
import { TimelineExtension, TimelineTask } from './timeline-task.entity.js';
import { HOUR_MS, windowState } from './timeline-window.js';

const TimelineTemplateConnection = ConnectionType(TimelineTemplate, 'TimelineTemplate');

const TimelineTemplatePayload = PayloadType('TimelineTemplatePayload', 'template', () => TimelineTemplate);
type TimelineTemplatePayload = InstanceType<typeof TimelineTemplatePayload>;

const TimelineTasksPayload = PayloadType('TimelineTasksPayload', 'tasks', () => [TimelineTask], { nullable: false });
type TimelineTasksPayload = InstanceType<typeof TimelineTasksPayload>;

const TimelineTaskPayload = PayloadType('TimelineTaskPayload', 'task', () => TimelineTask);
type TimelineTaskPayload = InstanceType<typeof TimelineTaskPayload>;

const DeadlineExtensionPayload = PayloadType('DeadlineExtensionPayload', 'extension', () => TimelineExtension);
type DeadlineExtensionPayload = InstanceType<typeof DeadlineExtensionPayload>;

@ObjectType({ description: '一項與我有關的期限' })
class Deadline {
  @Field(() => TimelineTask)
  task!: TimelineTask;

  @Field(() => WindowState)
  state!: WindowState;

  @Field({ description: '狀態名稱，例如「即將截止」' })
  stateLabel!: string;

  @Field({ description: '對我適用的截止時間（含個人延長）' })
  endsAt!: Date;

  @Field({ description: '截止時間（民國）' })
  rocEndsAt!: string;

  @Field(() => TimelineExtension, { nullable: true, description: '我的延長（學生）' })
  extension!: TimelineExtension | null;

  @Field({ description: '依伺服器時間，現在是否在期間內' })
  viewerMayActNow!: boolean;

  @Field(() => String, { nullable: true, description: '不在期間內時的說明' })
  blockedReason!: string | null;
}

@ObjectType({ description: '本校採用一個期程範本的情形' })
class TemplateAdoption {
  @Field({ description: '本校最近一次採用這個範本的時間' })
  adoptedAt!: Date;

  @Field({ description: '採用時間（民國），例如「115/12/06 17:00」' })
  rocAdoptedAt!: string;

  @Field(() => Int, { description: '本校期程中出自這個範本的工作數' })
  windowCount!: number;
}

@ObjectType({ description: '期程工作項目與其中文名稱' })
class TaskKindOption {
  @Field(() => TaskKind)
  kind!: TaskKind;

  @Field()
  label!: string;

  @Field({ description: '是否要指定提交類別（SUBMIT）' })
  needsCategory!: boolean;

  @Field({ description: '是否管整個學年度的資料（資料期間填「112_0」）；SUBMIT 依類別而定' })
  governsAcademicYear!: boolean;

  @Field({ description: '高三升學前梯次可否有這項工作' })
  inGrade12Round!: boolean;
}

@ObjectType({ description: '提交類別與其中文名稱' })
class SubmissionCategoryOption {
  @Field(() => SubmissionCategory)
  category!: SubmissionCategory;

  @Field()
  label!: string;

  @Field({ description: '是否每學年提交一次（課程學習成果、多元表現）' })
  annual!: boolean;
}

@Resolver(() => TimelineTemplate)
export class TimelineTemplateResolver {
  @Query(() => [TaskKindOption], { description: '所有期程工作項目，供表單選單使用' })
  taskKinds(): TaskKindOption[] {
    return Object.values(TaskKind).map((kind) =>
      Object.assign(new TaskKindOption(), {
        kind,
        label: TASK_KIND_LABELS[kind],
        needsCategory: kind === TaskKind.SUBMIT,
        governsAcademicYear: governsAcademicYear(kind),
        inGrade12Round: grade12RoundHas(kind, kind === TaskKind.SUBMIT ? SubmissionCategory.BASIC : null),
      }),
    );
  }

  @Query(() => [SubmissionCategoryOption], { description: '所有提交類別' })
  submissionCategories(): SubmissionCategoryOption[] {
    return Object.values(SubmissionCategory).map((category) =>
      Object.assign(new SubmissionCategoryOption(), {
        category,
        label: CATEGORY_LABELS[category],
        annual: isAnnualCategory(category),
      }),
    );
  }

  @Authorized(Role.BUREAU_ADMIN, Role.SCHOOL_ADMIN)
  @Query(() => TimelineTemplateConnection, { description: '教育局發布的期程範本，新的在後' })
  timelineTemplates(@Args() args: ConnectionArgs, @Ctx() ctx: AppContext) {
    return paginate(ctx.em, TimelineTemplate, { authority: requireViewer(ctx).authorityId }, args, 'publishedAt');
  }

  @FieldResolver(() => [TimelineTemplateTask], { description: '範本中的工作，依預設開始時間排序' })
  tasks(@Root() template: TimelineTemplate, @Ctx() ctx: AppContext): Promise<TimelineTemplateTask[]> {
    return ctx.loaders.templateTasksByTemplate.load(template.id);
  }

  @FieldResolver(() => TemplateAdoption, {
    nullable: true,
    description: '本校是否採用了這個範本、何時採用（學校帳號）；未採用或教育局帳號為 null',
  })
  async schoolAdoption(@Root() template: TimelineTemplate, @Ctx() ctx: AppContext): Promise<TemplateAdoption | null> {
    if (!ctx.viewer?.schoolId) return null;
    const facts = await ctx.loaders.templateAdoptionByTemplate.load(template.id);
    return (
      facts && Object.assign(new TemplateAdoption(), { ...facts, rocAdoptedAt: formatRocDateTime(facts.adoptedAt) })
    );
  }

  @Authorized(Role.BUREAU_ADMIN)
  @Mutation(() => TimelineTemplatePayload, { description: '發布期程範本（教育局）' })
  async publishTimelineTemplate(
    @Arg('input') input: PublishTimelineTemplateInput,
    @Ctx() ctx: AppContext,
  ): Promise<TimelineTemplatePayload> {
    return payload(new TimelineTemplatePayload(), 'template', await publishTemplate(ctx, input), null);
  }
}

@Resolver(() => TimelineTask)
export class TimelineResolver {
  @Authorized()
  @Query(() => [TimelineTask], { description: '本校某學期的期程（預設目前學期），依開始時間排序' })
  async timeline(
    @Arg('termId', () => ID, { nullable: true }) termId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<TimelineTask[]> {
    requireViewer(ctx);
    const term = await termArgumentOrCurrent(ctx, termId);
    if (!term) return [];
    return ctx.em.find(TimelineTask, { term: term.id }, { orderBy: { startsAt: 'asc', kind: 'asc' } });
  }

  @Authorized()
  @Query(() => [Deadline], { description: '與我有關的目前與即將到來的期限，依截止時間排序' })
  async myDeadlines(@Ctx() ctx: AppContext): Promise<Deadline[]> {
    const viewer = requireViewer(ctx);
    if (!viewer.schoolId) return [];
    const term = await ctx.loaders.currentTerm();
    if (!term) return [];
    const { config, clock, windows } = ctx.services;
    const now = clock.now();
    const oldest = now.getTime() - config.timeline.recentlyClosedDays * 24 * HOUR_MS;
    const student = hasRole(viewer, Role.STUDENT) ? await ctx.loaders.studentByAccountId.load(viewer.accountId) : null;
    const schoolClass = student?.schoolClass ? await ctx.loaders.classById.load(student.schoolClass.id) : null;
    // The current term's plan, and any window of another plan that is open now or closed lately (a year's window).
    const tasks = await ctx.em.find(
      TimelineTask,
      { $or: [{ term }, { startsAt: { $lte: now }, endsAt: { $gte: new Date(oldest) } }] },
      { orderBy: { endsAt: 'asc' } },
    );
    const extensions = student ? await ctx.em.find(TimelineExtension, { student, task: { $in: tasks } }) : [];
    const extensionOf = new Map(extensions.map((extension) => [extension.task.id, extension]));
    return applyingWindows(tasks, viewer, schoolClass?.gradeYear ?? null)
      .map((task) => {
        const answer = windows.answer(task, extensionOf.get(task.id) ?? null);
        const endsAt = answer.effectiveEndsAt!;
        const state = windowState(task.startsAt, endsAt, now, config.timeline.closingSoonHours);
        return Object.assign(new Deadline(), {
          task,
          state,
          stateLabel: WINDOW_STATE_LABELS[state],
          endsAt,
          rocEndsAt: formatRocDateTime(endsAt),
          extension: answer.extension,
          // A read-only account (休學, 轉出/畢業 in their grace period) may act in no window, open or not.
          viewerMayActNow: answer.userError === null && viewer.restriction === null,
          blockedReason: answer.userError?.message ?? viewer.restriction?.message ?? null,
        });
      })
      .filter((deadline) => deadline.endsAt.getTime() >= oldest)
      .sort((a, b) => a.endsAt.getTime() - b.endsAt.getTime());
  }

  @FieldResolver(() => WindowState, { description: '依伺服器時間的狀態（不含個人延長）' })
  state(@Root() task: TimelineTask, @Ctx() ctx: AppContext): WindowState {
    return windowState(
      task.startsAt,
      task.endsAt,
      ctx.services.clock.now(),
      ctx.services.config.timeline.closingSoonHours,
    );
  }

  @FieldResolver(() => String, { description: '狀態名稱' })
  stateLabel(@Root() task: TimelineTask, @Ctx() ctx: AppContext): string {
    return WINDOW_STATE_LABELS[this.state(task, ctx)];
  }

  @FieldResolver(() => Term)
  term(@Root() task: TimelineTask, @Ctx() ctx: AppContext): Promise<Term | null> {
    return ctx.loaders.termById.load(task.term.id);
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Mutation(() => TimelineTasksPayload, { description: '採用教育局範本為本校期程，可在範圍內調整日期' })
  async adoptTimelineTemplate(
    @Arg('input') input: AdoptTimelineTemplateInput,
    @Ctx() ctx: AppContext,
  ): Promise<TimelineTasksPayload> {
    return payload(new TimelineTasksPayload(), 'tasks', await adoptTemplate(ctx, input), []);
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Mutation(() => TimelineTaskPayload, { description: '移動本校的一項期程（會通知相關的人）' })
  async moveTimelineTask(
    @Arg('input') input: MoveTimelineTaskInput,
    @Ctx() ctx: AppContext,
  ): Promise<TimelineTaskPayload> {
    return payload(new TimelineTaskPayload(), 'task', await moveTask(ctx, input), null);
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Mutation(() => DeadlineExtensionPayload, { description: '為一位學生延長一項期限' })
  async grantDeadlineExtension(
    @Arg('input') input: GrantDeadlineExtensionInput,
    @Ctx() ctx: AppContext,
  ): Promise<DeadlineExtensionPayload> {
    return payload(new DeadlineExtensionPayload(), 'extension', await grantExtension(ctx, input), null);
  }
}
