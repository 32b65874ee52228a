import {
  Arg,
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
import { forbidden } from '../../common/errors.js';
import { MutationPayload, PayloadType, payload, userError } from '../../common/user-error.js';
import { hasSection } from '../../common/viewer.js';
import { recordAudit } from '../audit/audit.service.js';
import { Course, CourseSection, Enrolment } from '../course/course.entity.js';
import { FileUpload } from '../files/upload.entity.js';
import { AdminSection, Role } from '../../common/roles.js';
import { mayViewStudent } from '../people/people.permissions.js';
import { Student } from '../people/student.entity.js';
import { UserAccount } from '../people/user-account.entity.js';
import { School } from '../school/school.entity.js';
import { AcademicYear, Term } from '../term/term.entity.js';
import {
  certificationQueue,
  certifyCourseOutcomes,
  rejectCourseOutcome,
  setCertificationProxy,
} from './certification.service.js';
import { mayCertifySection } from './portfolio.permissions.js';
import { CertificationProxy, CourseOutcome, CourseOutcomeVersion } from './course-outcome.entity.js';
import { DiversePerformance } from './diverse-performance.entity.js';
import {
  CertificationProxyInput,
  CertifyCourseOutcomesInput,
  RecordPerformanceInput,
  RejectCourseOutcomeInput,
  ReplaceCourseOutcomeInput,
  SelectItemInput,
  UploadCourseOutcomeInput,
} from './dto/portfolio.input.js';
import { replaceCourseOutcome, requireStudent, uploadCourseOutcome } from './outcome.service.js';
import { PERFORMANCE_FIELDS } from './performance-fields.js';
import { recordPerformance } from './performance.service.js';
import { CertificationStatus, PERFORMANCE_CATEGORY_LABELS, PerformanceCategory } from './portfolio.enums.js';
import { selectionCount, selectItem } from './selection.service.js';
import { fileUrlOf } from './file.route.js';
import { termArgumentOrCurrent } from '../term/term.service.js';

@ObjectType({ description: '勾選數量與上限（每學年）' })
class SelectionSummary {
  @Field(() => ID)
  academicYearId!: string;

  @Field(() => Int)
  outcomesSelected!: number;

  @Field(() => Int)
  outcomesMax!: number;

  @Field(() => Int)
  performancesSelected!: number;

  @Field(() => Int)
  performancesMax!: number;
}

@ObjectType({ description: '多元表現類別的一個欄位' })
class PerformanceFieldInfo {
  @Field()
  key!: string;

  @Field()
  label!: string;

  @Field({ description: 'text、date（YYYY-MM-DD）、number 或 choice' })
  kind!: string;

  @Field()
  required!: boolean;

  @Field(() => [String])
  choices!: string[];
}

@ObjectType({ description: '多元表現的類別與欄位' })
class PerformanceCategoryInfo {
  @Field(() => PerformanceCategory)
  category!: PerformanceCategory;

  @Field()
  label!: string;

  @Field(() => [PerformanceFieldInfo])
  fields!: PerformanceFieldInfo[];
}

@ObjectType({ description: '多元表現的欄位值' })
class PerformanceDetail {
  @Field()
  key!: string;

  @Field()
  label!: string;

  @Field()
  value!: string;
}

@ObjectType({ description: '學習歷程的進度（某學期的課程學習成果與該學年的多元表現）' })
class PortfolioProgress {
  @Field(() => Int, { description: '已上傳的課程學習成果' })
  outcomes!: number;

  @Field(() => Int, { description: '待認證' })
  pending!: number;

  @Field(() => Int, { description: '已認證' })
  certified!: number;

  @Field(() => Int, { description: '未通過' })
  rejected!: number;

  @Field(() => Int, { description: '已勾選的課程學習成果' })
  outcomesSelected!: number;

  @Field(() => Int, { description: '該學年的多元表現' })
  performances!: number;

  @Field(() => Int, { description: '已勾選的多元表現' })
  performancesSelected!: number;
}

const CourseOutcomePayload = PayloadType('CourseOutcomePayload', 'outcome', () => CourseOutcome);
type CourseOutcomePayload = InstanceType<typeof CourseOutcomePayload>;

const CourseOutcomesPayload = PayloadType('CourseOutcomesPayload', 'outcomes', () => [CourseOutcome], {
  nullable: false,
});
type CourseOutcomesPayload = InstanceType<typeof CourseOutcomesPayload>;

const DiversePerformancePayload = PayloadType('DiversePerformancePayload', 'performance', () => DiversePerformance);
type DiversePerformancePayload = InstanceType<typeof DiversePerformancePayload>;

@ObjectType()
class SelectItemPayload extends MutationPayload {
  @Field(() => CourseOutcome, { nullable: true })
  outcome!: CourseOutcome | null;

  @Field(() => DiversePerformance, { nullable: true })
  performance!: DiversePerformance | null;

  @Field(() => SelectionSummary, { nullable: true, description: '勾選後的數量' })
  summary!: SelectionSummary | null;
}

const CertificationProxyPayload = PayloadType('CertificationProxyPayload', 'teacher', () => UserAccount);
type CertificationProxyPayload = InstanceType<typeof CertificationProxyPayload>;

const SchoolSettingsPayload = PayloadType('SchoolSettingsPayload', 'school', () => School);
type SchoolSettingsPayload = InstanceType<typeof SchoolSettingsPayload>;

/** Counts a student's outcomes of one term and performances of its academic year. */
function progressOf(outcomes: CourseOutcome[], performances: DiversePerformance[], term: Term): PortfolioProgress {
  const inTerm = outcomes.filter((outcome) => outcome.term.id === term.id);
  const ofYear = performances.filter((performance) => performance.academicYear.id === term.academicYear.id);
  const count = (status: CertificationStatus) => inTerm.filter((outcome) => outcome.status === status).length;
  return {
    outcomes: inTerm.length,
    pending: count(CertificationStatus.PENDING),
    certified: count(CertificationStatus.CERTIFIED),
    rejected: count(CertificationStatus.REJECTED),
    outcomesSelected: inTerm.filter((outcome) => outcome.selectedAt).length,
    performances: ofYear.length,
    performancesSelected: ofYear.filter((performance) => performance.selectedAt).length,
  };
}

@Resolver(() => CourseOutcome)
export class CourseOutcomeResolver {
  @Authorized()
  @Query(() => [CourseOutcome], {
    description: '認證佇列：自己任教與代理的課程的學習成果（預設只列待認證），依上傳時間',
  })
  certificationQueue(
    @Arg('status', () => CertificationStatus, { nullable: true, defaultValue: CertificationStatus.PENDING })
    status: CertificationStatus | null,
    @Ctx() ctx: AppContext,
  ): Promise<CourseOutcome[]> {
    return certificationQueue(ctx, status);
  }

  @Authorized()
  @Mutation(() => CourseOutcomePayload, { description: '學生上傳課程學習成果（先以 requestUpload 上傳檔案）' })
  async uploadCourseOutcome(
    @Arg('input') input: UploadCourseOutcomeInput,
    @Ctx() ctx: AppContext,
  ): Promise<CourseOutcomePayload> {
    return payload(new CourseOutcomePayload(), 'outcome', await uploadCourseOutcome(ctx, input), null);
  }

  @Authorized()
  @Mutation(() => CourseOutcomePayload, { description: '更換尚未通過認證的成果檔案（產生新版本，重新待認證）' })
  async replaceCourseOutcome(
    @Arg('input') input: ReplaceCourseOutcomeInput,
    @Ctx() ctx: AppContext,
  ): Promise<CourseOutcomePayload> {
    return payload(new CourseOutcomePayload(), 'outcome', await replaceCourseOutcome(ctx, input), null);
  }

  @Authorized()
  @Mutation(() => CourseOutcomesPayload, { description: '認證課程學習成果（可一次多件）' })
  async certifyCourseOutcomes(
    @Arg('input') input: CertifyCourseOutcomesInput,
    @Ctx() ctx: AppContext,
  ): Promise<CourseOutcomesPayload> {
    return payload(new CourseOutcomesPayload(), 'outcomes', await certifyCourseOutcomes(ctx, input), []);
  }

  @Authorized()
  @Mutation(() => CourseOutcomePayload, { description: '不通過認證，並寫下理由' })
  async rejectCourseOutcome(
    @Arg('input') input: RejectCourseOutcomeInput,
    @Ctx() ctx: AppContext,
  ): Promise<CourseOutcomePayload> {
    const result = await rejectCourseOutcome(ctx, input);
    return payload(
      new CourseOutcomePayload(),
      'outcome',
      { value: result.value?.[0] ?? null, userErrors: result.userErrors },
      null,
    );
  }

  @Authorized()
  @Mutation(() => CertificationProxyPayload, { description: '指定或取消認證代理人（教學組）' })
  async setCertificationProxy(
    @Arg('input') input: CertificationProxyInput,
    @Arg('active', { description: 'true 指定，false 取消' }) active: boolean,
    @Ctx() ctx: AppContext,
  ): Promise<CertificationProxyPayload> {
    return payload(new CertificationProxyPayload(), 'teacher', await setCertificationProxy(ctx, input, active), null);
  }

  @FieldResolver(() => Student)
  student(@Root() outcome: CourseOutcome, @Ctx() ctx: AppContext): Promise<Student | null> {
    return ctx.loaders.studentById.load(outcome.student.id);
  }

  @FieldResolver(() => Enrolment)
  enrolment(@Root() outcome: CourseOutcome, @Ctx() ctx: AppContext): Promise<Enrolment | null> {
    return ctx.loaders.enrolmentById.load(outcome.enrolment.id);
  }

  @FieldResolver(() => CourseSection, { nullable: true, description: '開課班別' })
  async section(@Root() outcome: CourseOutcome, @Ctx() ctx: AppContext): Promise<CourseSection | null> {
    const enrolment = await ctx.loaders.enrolmentById.load(outcome.enrolment.id);
    return enrolment ? ctx.loaders.sectionById.load(enrolment.section.id) : null;
  }

  @FieldResolver(() => Course, { nullable: true, description: '課程' })
  async course(@Root() outcome: CourseOutcome, @Ctx() ctx: AppContext): Promise<Course | null> {
    const section = await this.section(outcome, ctx);
    return section ? ctx.loaders.courseById.load(section.course.id) : null;
  }

  @FieldResolver(() => Term)
  term(@Root() outcome: CourseOutcome, @Ctx() ctx: AppContext): Promise<Term | null> {
    return ctx.loaders.termById.load(outcome.term.id);
  }

  @FieldResolver(() => [CourseOutcomeVersion], { description: '每一個版本，舊的在前' })
  versions(@Root() outcome: CourseOutcome, @Ctx() ctx: AppContext): Promise<CourseOutcomeVersion[]> {
    return ctx.loaders.outcomeVersionsByOutcome.load(outcome.id);
  }

  @FieldResolver(() => CourseOutcomeVersion, { description: '目前版本' })
  async current(@Root() outcome: CourseOutcome, @Ctx() ctx: AppContext): Promise<CourseOutcomeVersion | undefined> {
    const versions = await ctx.loaders.outcomeVersionsByOutcome.load(outcome.id);
    return versions.find((version) => version.version === outcome.currentVersion);
  }
}

@Resolver(() => CertificationProxy)
export class CertificationProxyResolver {
  @Authorized()
  @Query(() => [CertificationProxy], { description: '本校的認證代理（教學組）' })
  certificationProxies(@Ctx() ctx: AppContext): Promise<CertificationProxy[]> {
    if (!hasSection(ctx.viewer, AdminSection.TEACHING)) throw forbidden('查看認證代理人（限教學組）');
    return ctx.em.find(CertificationProxy, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  @Authorized()
  @Query(() => [UserAccount], { description: '本校的任課教師，依姓名（教學組指定代理人時挑選）' })
  async schoolTeachers(@Ctx() ctx: AppContext): Promise<UserAccount[]> {
    if (!hasSection(ctx.viewer, AdminSection.TEACHING)) throw forbidden('查看教師名單（限教學組）');
    const accounts = await ctx.em.find(UserAccount, { active: true }, { orderBy: { displayName: 'asc', id: 'asc' } });
    return accounts.filter((account) => account.roles.includes(Role.TEACHER));
  }

  @FieldResolver(() => ID)
  id(@Root() entry: CertificationProxy): string {
    return entry.id;
  }

  @FieldResolver(() => UserAccount, { description: '任課教師' })
  teacher(@Root() entry: CertificationProxy, @Ctx() ctx: AppContext): Promise<UserAccount | null> {
    return ctx.loaders.accountById.load(entry.teacher.id);
  }

  @FieldResolver(() => UserAccount, { description: '代理人' })
  proxy(@Root() entry: CertificationProxy, @Ctx() ctx: AppContext): Promise<UserAccount | null> {
    return ctx.loaders.accountById.load(entry.proxy.id);
  }
}

@Resolver(() => CourseOutcomeVersion)
export class CourseOutcomeVersionResolver {
  @FieldResolver(() => FileUpload, { nullable: true, description: '文件（PDF、JPG、PNG）' })
  document(@Root() version: CourseOutcomeVersion, @Ctx() ctx: AppContext): Promise<FileUpload | null> | null {
    return version.document ? ctx.loaders.uploadById.load(version.document.id) : null;
  }

  @FieldResolver(() => FileUpload, { nullable: true, description: '影音（MP3、MP4）' })
  media(@Root() version: CourseOutcomeVersion, @Ctx() ctx: AppContext): Promise<FileUpload | null> | null {
    return version.media ? ctx.loaders.uploadById.load(version.media.id) : null;
  }

  @FieldResolver(() => UserAccount, { nullable: true, description: '認證（或不通過）的老師' })
  decidedBy(@Root() version: CourseOutcomeVersion, @Ctx() ctx: AppContext): Promise<UserAccount | null> | null {
    return version.decidedBy ? ctx.loaders.accountById.load(version.decidedBy.id) : null;
  }

  @FieldResolver(() => UserAccount, { nullable: true, description: '由代理人認證時：被代理的任課教師' })
  decidedAsProxyFor(@Root() version: CourseOutcomeVersion, @Ctx() ctx: AppContext): Promise<UserAccount | null> | null {
    return version.decidedAsProxyFor ? ctx.loaders.accountById.load(version.decidedAsProxyFor.id) : null;
  }
}

@Resolver(() => FileUpload)
export class FileUploadResolver {
  @FieldResolver(() => String, { nullable: true, description: '預覽或下載的網址（限有權查看的人）；未上傳完成為空' })
  url(@Root() upload: FileUpload): string | null {
    return upload.storedAt ? fileUrlOf(upload) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '檔案類型' })
  contentType(@Root() upload: FileUpload): string | null {
    return upload.contentType ?? null;
  }
}

@Resolver(() => DiversePerformance)
export class DiversePerformanceResolver {
  @Authorized()
  @Query(() => [PerformanceCategoryInfo], { description: '多元表現的類別與各自的欄位' })
  performanceCategories(): PerformanceCategoryInfo[] {
    return Object.values(PerformanceCategory).map((category) => ({
      category,
      label: PERFORMANCE_CATEGORY_LABELS[category],
      fields: PERFORMANCE_FIELDS[category].map((field) => ({ ...field, choices: field.choices ?? [] })),
    }));
  }

  @Authorized()
  @Mutation(() => DiversePerformancePayload, { description: '學生登錄多元表現' })
  async recordPerformance(
    @Arg('input') input: RecordPerformanceInput,
    @Ctx() ctx: AppContext,
  ): Promise<DiversePerformancePayload> {
    return payload(new DiversePerformancePayload(), 'performance', await recordPerformance(ctx, input), null);
  }

  @FieldResolver(() => [PerformanceDetail], { description: '類別的欄位值' })
  details(@Root() performance: DiversePerformance): PerformanceDetail[] {
    return PERFORMANCE_FIELDS[performance.category]
      .filter((field) => performance.details[field.key] !== undefined)
      .map((field) => ({ key: field.key, label: field.label, value: performance.details[field.key]! }));
  }

  @FieldResolver(() => AcademicYear)
  academicYear(@Root() performance: DiversePerformance, @Ctx() ctx: AppContext): Promise<AcademicYear | null> {
    return ctx.loaders.academicYearById.load(performance.academicYear.id);
  }

  @FieldResolver(() => FileUpload, { nullable: true })
  document(@Root() performance: DiversePerformance, @Ctx() ctx: AppContext): Promise<FileUpload | null> | null {
    return performance.document ? ctx.loaders.uploadById.load(performance.document.id) : null;
  }

  @FieldResolver(() => FileUpload, { nullable: true })
  media(@Root() performance: DiversePerformance, @Ctx() ctx: AppContext): Promise<FileUpload | null> | null {
    return performance.media ? ctx.loaders.uploadById.load(performance.media.id) : null;
  }
}

@Resolver()
export class SelectionResolver {
  @Authorized()
  @Query(() => SelectionSummary, { description: '自己的勾選數量與上限（學生；預設為目前學年）' })
  async mySelection(
    @Arg('termId', () => ID, { nullable: true }) termId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<SelectionSummary> {
    const { student } = await requireStudent(ctx);
    const term = await termArgumentOrCurrent(ctx, termId);
    if (!term) throw forbidden('在學期外查看勾選');
    return selectionCount(ctx, student, term.academicYear.id);
  }

  @Authorized()
  @Mutation(() => SelectItemPayload, { description: '勾選（或取消勾選）要提交中央資料庫的項目' })
  async selectItem(@Arg('input') input: SelectItemInput, @Ctx() ctx: AppContext): Promise<SelectItemPayload> {
    const result = await selectItem(ctx, input);
    const response = new SelectItemPayload();
    response.userErrors = result.userErrors;
    response.outcome = result.value instanceof CourseOutcome ? result.value : null;
    response.performance = result.value instanceof DiversePerformance ? result.value : null;
    response.summary = result.value
      ? await selectionCount(ctx, (await requireStudent(ctx)).student, result.value.academicYear.id)
      : null;
    return response;
  }

  @Authorized()
  @Mutation(() => SchoolSettingsPayload, {
    description: '設定每位學生每學期上傳課程學習成果的上限（教學組；null 表示不限）',
  })
  async setOutcomeUploadCap(
    @Arg('cap', () => Int, { nullable: true }) cap: number | null,
    @Ctx() ctx: AppContext,
  ): Promise<SchoolSettingsPayload> {
    const viewer = ctx.viewer;
    if (!hasSection(viewer, AdminSection.TEACHING)) throw forbidden('設定上傳上限（限教學組）');
    const response = new SchoolSettingsPayload();
    response.school = null;
    if (cap !== null && (!Number.isInteger(cap) || cap < 1 || cap > 100)) {
      response.userErrors = [userError('cap', 'INVALID_CAP', '上限必須是 1 到 100 的整數，或留空表示不限。')];
      return response;
    }
    const school = await ctx.em.findOneOrFail(School, { id: viewer!.schoolId! });
    school.outcomeUploadCap = cap;
    await ctx.em.flush();
    await recordAudit(ctx.em, viewer!, ctx.requestId, { operation: 'school.outcome_cap', detail: { cap } });
    response.school = school;
    return response;
  }
}

/** Where students, teachers, homeroom teachers and staff reach outcomes, performances and progress. */
@Resolver(() => Enrolment)
export class EnrolmentOutcomesResolver {
  @FieldResolver(() => [CourseOutcome], {
    description: '這筆修課的課程學習成果（學生本人、任課教師或代理人、導師與行政）',
  })
  async outcomes(@Root() enrolment: Enrolment, @Ctx() ctx: AppContext): Promise<CourseOutcome[]> {
    const student = await ctx.loaders.studentById.load(enrolment.student.id);
    const section = await ctx.loaders.sectionById.load(enrolment.section.id);
    const visible =
      (student !== null && (await mayViewStudent(ctx, student))) ||
      (section !== null && (await mayCertifySection(ctx, section)));
    return visible ? ctx.loaders.outcomesByEnrolment.load(enrolment.id) : [];
  }
}

@Resolver(() => Student)
export class StudentPortfolioResolver {
  @FieldResolver(() => [DiversePerformance], { description: '多元表現（預設為目前學年）' })
  async performances(
    @Root() student: Student,
    @Arg('termId', () => ID, { nullable: true, description: '以這個學期所屬的學年為準' }) termId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<DiversePerformance[]> {
    if (!(await mayViewStudent(ctx, student))) return [];
    const term = await termArgumentOrCurrent(ctx, termId);
    if (!term) return [];
    const all = await ctx.loaders.performancesByStudent.load(student.id);
    return all.filter((performance) => performance.academicYear.id === term.academicYear.id);
  }

  @FieldResolver(() => PortfolioProgress, { nullable: true, description: '學習歷程進度（導師、行政人員與學生本人）' })
  async portfolioProgress(
    @Root() student: Student,
    @Arg('termId', () => ID, { nullable: true }) termId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<PortfolioProgress | null> {
    if (!(await mayViewStudent(ctx, student))) return null;
    const term = await termArgumentOrCurrent(ctx, termId);
    if (!term) return null;
    const [outcomes, performances] = await Promise.all([
      ctx.loaders.outcomesByStudent.load(student.id),
      ctx.loaders.performancesByStudent.load(student.id),
    ]);
    return progressOf(outcomes, performances, term);
  }
}
