import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { PayloadType, payload } from '../../common/user-error.js';
import { Course, CourseSection, Enrolment } from '../course/course.entity.js';
import { FileUpload } from '../files/upload.entity.js';
import { mayViewStudent } from '../people/people.permissions.js';
import { Student } from '../people/student.entity.js';
import { UserAccount } from '../people/user-account.entity.js';
import { Term } from '../term/term.entity.js';
import {
  certificationQueue,
  certifyCourseOutcomes,
  rejectCourseOutcome,
  setCertificationProxy,
} from './certification.service.js';
import { mayCertifySection } from './portfolio.permissions.js';
import { CourseOutcome, CourseOutcomeVersion } from './course-outcome.entity.js';
import {
  CertificationProxyInput,
  CertifyCourseOutcomesInput,
  RejectCourseOutcomeInput,
  ReplaceCourseOutcomeInput,
  UploadCourseOutcomeInput,
} from './dto/portfolio.input.js';
import { replaceCourseOutcome, uploadCourseOutcome } from './outcome.service.js';
import { CertificationStatus } from './portfolio.enums.js';
import { fileUrlOf } from './file.route.js';

const CourseOutcomePayload = PayloadType('CourseOutcomePayload', 'outcome', () => CourseOutcome);
type CourseOutcomePayload = InstanceType<typeof CourseOutcomePayload>;

const CourseOutcomesPayload = PayloadType('CourseOutcomesPayload', 'outcomes', () => [CourseOutcome], {
  nullable: false,
});
type CourseOutcomesPayload = InstanceType<typeof CourseOutcomesPayload>;

const CertificationProxyPayload = PayloadType('CertificationProxyPayload', 'teacher', () => UserAccount);
type CertificationProxyPayload = InstanceType<typeof CertificationProxyPayload>;

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
