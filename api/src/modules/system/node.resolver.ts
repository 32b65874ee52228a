import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { badInput } from '../../common/errors.js';
import { fromGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';
import { hasRole, isSchoolStaff } from '../../common/viewer.js';
import { Role } from '../../common/roles.js';
import { mayViewStudent } from '../people/people.permissions.js';
import { Enrolment } from '../course/course.entity.js';
import { mayCertifySection, mayReadUpload } from '../portfolio/portfolio.permissions.js';
import { CourseOutcome } from '../portfolio/course-outcome.entity.js';
import { DiversePerformance } from '../portfolio/diverse-performance.entity.js';
import { ImportRun } from '../imports/import-run.entity.js';
import { RolloverRun } from '../rollover/rollover.types.js';
import { mayRollOver } from '../rollover/rollover.permissions.js';
import { mayImport } from '../imports/imports.permissions.js';
import { CadreRecord, CounselingRecord } from '../records/records.entity.js';
import { Submission } from '../round/submission.entity.js';
import { ReceiptImport } from '../round/receipt.entity.js';
import { PrecheckRun } from '../round/precheck.entity.js';
import { mayPrecheck, mayListSubmissions, maySubmit } from '../round/round.permissions.js';
import { Dispute } from '../round/confirmation.entity.js';
import { TimelineTemplate, TimelineTemplateTask } from '../timeline/timeline-template.entity.js';
import { TimelineExtension, TimelineTask } from '../timeline/timeline-task.entity.js';

type NodeFetcher = (ctx: AppContext, id: string) => Promise<Node | null>;

/**
 * How each type is fetched by id, with its visibility rule on top of the tenant filter and row-level security.
 * A type that is not listed cannot be fetched through node(id:).
 */
const fetchers: Record<string, NodeFetcher> = {
  Authority: async (ctx, id) => (ctx.viewer?.authorityId === id ? ctx.loaders.authorityById.load(id) : null),
  School: async (ctx, id) => {
    const viewer = ctx.viewer;
    if (!viewer) return null;
    const school = await ctx.loaders.schoolById.load(id);
    if (!school) return null;
    const visible =
      viewer.schoolId === school.id ||
      (hasRole(viewer, Role.BUREAU_ADMIN) && school.authority.id === viewer.authorityId);
    return visible ? school : null;
  },
  AcademicYear: async (ctx, id) => ctx.loaders.academicYearById.load(id),
  Term: async (ctx, id) => ctx.loaders.termById.load(id),
  SchoolClass: async (ctx, id) => (isSchoolStaff(ctx.viewer) ? ctx.loaders.classById.load(id) : null),
  UserAccount: async (ctx, id) => {
    const account = await ctx.loaders.accountById.load(id);
    if (!account) return null;
    return account.id === ctx.viewer?.accountId || isSchoolStaff(ctx.viewer) ? account : null;
  },
  TimelineTask: async (ctx, id) => ctx.em.findOne(TimelineTask, { id }),
  TimelineExtension: async (ctx, id) => {
    const extension = await ctx.em.findOne(TimelineExtension, { id }, { populate: ['student'] });
    return extension && (await mayViewStudent(ctx, extension.student.getEntity())) ? extension : null;
  },
  TimelineTemplate: async (ctx, id) =>
    ctx.viewer ? ctx.em.findOne(TimelineTemplate, { id, authority: ctx.viewer.authorityId }) : null,
  TimelineTemplateTask: async (ctx, id) =>
    ctx.viewer ? ctx.em.findOne(TimelineTemplateTask, { id, authority: ctx.viewer.authorityId }) : null,
  FileUpload: async (ctx, id) => {
    const upload = await ctx.loaders.uploadById.load(id);
    return upload && (await mayReadUpload(ctx, upload)) ? upload : null;
  },
  CourseOutcome: async (ctx, id) => {
    const outcome = await ctx.em.findOne(CourseOutcome, { id }, { populate: ['student', 'enrolment.section'] });
    if (!outcome) return null;
    const visible =
      (await mayViewStudent(ctx, outcome.student.getEntity())) ||
      (await mayCertifySection(ctx, outcome.enrolment.getEntity().section.getEntity()));
    return visible ? outcome : null;
  },
  DiversePerformance: async (ctx, id) => {
    const performance = await ctx.em.findOne(DiversePerformance, { id }, { populate: ['student'] });
    return performance && (await mayViewStudent(ctx, performance.student.getEntity())) ? performance : null;
  },
  Submission: async (ctx, id) => (mayListSubmissions(ctx.viewer) ? ctx.em.findOne(Submission, { id }) : null),
  // A dispute is read by the sections that answer its category, as the disputes list shows it (its own address).
  Dispute: async (ctx, id) => {
    if (!mayListSubmissions(ctx.viewer)) return null;
    const dispute = await ctx.em.findOne(Dispute, { id });
    return dispute && maySubmit(ctx.viewer, dispute.category) ? dispute : null;
  },
  ReceiptImport: async (ctx, id) => (mayListSubmissions(ctx.viewer) ? ctx.em.findOne(ReceiptImport, { id }) : null),
  PrecheckRun: async (ctx, id) => (mayPrecheck(ctx.viewer) ? ctx.em.findOne(PrecheckRun, { id }) : null),
  ImportRun: async (ctx, id) => (mayImport(ctx.viewer) ? ctx.em.findOne(ImportRun, { id }) : null),
  RolloverRun: async (ctx, id) => (mayRollOver(ctx.viewer) ? ctx.em.findOne(RolloverRun, { id }) : null),
  Course: async (ctx, id) => (isSchoolStaff(ctx.viewer) ? ctx.loaders.courseById.load(id) : null),
  CourseSection: async (ctx, id) => (isSchoolStaff(ctx.viewer) ? ctx.loaders.sectionById.load(id) : null),
  Enrolment: async (ctx, id) => {
    const enrolment = await ctx.em.findOne(Enrolment, { id }, { populate: ['student', 'section'] });
    if (!enrolment) return null;
    const teaches = enrolment.section.getEntity().teacher?.id === ctx.viewer?.accountId;
    return teaches || (await mayViewStudent(ctx, enrolment.student.getEntity())) ? enrolment : null;
  },
  CounselingRecord: async (ctx, id) => {
    const viewer = ctx.viewer;
    const record = await ctx.em.findOne(CounselingRecord, { id });
    if (!record || !viewer) return null;
    if (hasRole(viewer, Role.SCHOOL_ADMIN) || record.counselor.id === viewer.accountId) return record;
    const student = await ctx.loaders.studentByAccountId.load(viewer.accountId);
    const participants = await ctx.loaders.participantsByRecord.load(record.id);
    return student && participants.some((p) => p.student.id === student.id) ? record : null;
  },
  CadreRecord: async (ctx, id) => {
    const record = await ctx.em.findOne(CadreRecord, { id }, { populate: ['student'] });
    return record && (await mayViewStudent(ctx, record.student.getEntity())) ? record : null;
  },
  Student: async (ctx, id) => {
    const student = await ctx.loaders.studentById.load(id);
    return student && (await mayViewStudent(ctx, student)) ? student : null;
  },
};

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: '以全域識別碼取得物件；看不到或不存在時為 null' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Node | null> {
    const decoded = fromGlobalId(id);
    if (!decoded) throw badInput('識別碼格式不正確。', 'id');
    if (!ctx.viewer) return null;
    const fetch = fetchers[decoded.typeName];
    return fetch ? fetch(ctx, decoded.id) : null;
  }
}
