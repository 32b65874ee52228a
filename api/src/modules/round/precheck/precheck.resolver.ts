import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/postgresql';
import type { AppContext } from '../../../common/context.js';
import { enumDescriptions } from '../../../common/enum-descriptions.js';
import { badInput, forbidden } from '../../../common/errors.js';
import { idOfType, toGlobalId } from '../../../common/ids.js';
import { ConnectionArgs, ConnectionType, paginate } from '../../../common/pagination.js';
import { PayloadType, payload } from '../../../common/user-error.js';
import { FileUpload } from '../../files/upload.entity.js';
import { UserAccount } from '../../people/user-account.entity.js';
import { Term } from '../../term/term.entity.js';
import { PrecheckMismatch, PrecheckRun } from '../precheck.entity.js';
import { PrecheckMismatchKind } from '../central/precheck-format.js';
import { rosterUrlOf } from './precheck.route.js';
import { exportPrecheckRoster, importPrecheckResult, sendPrecheckToCentralRepository } from './precheck.service.js';
import { mayDownloadPrecheckRoster, mayPrecheck, maySendPrecheck } from '../round.permissions.js';
import { termArgument } from '../../term/term.service.js';

@InputType({ description: '匯出某學期的預檢名冊（修課紀錄，不含成績）' })
class ExportPrecheckRosterInput {
  @Field(() => ID)
  termId!: string;
}

const ExportPrecheckRosterPayload = PayloadType('ExportPrecheckRosterPayload', 'precheckRun', () => PrecheckRun);
type ExportPrecheckRosterPayload = InstanceType<typeof ExportPrecheckRosterPayload>;

@InputType({ description: '將一次預檢的名冊送至中央資料庫比對' })
class SendPrecheckToCentralRepositoryInput {
  @Field(() => ID)
  precheckRunId!: string;
}

const SendPrecheckToCentralRepositoryPayload = PayloadType(
  'SendPrecheckToCentralRepositoryPayload',
  'resultFile',
  () => FileUpload,
  { description: '中央資料庫（參考實作）回覆的比對結果檔，已存為本人的匯入檔，可用 importPrecheckResult 匯入' },
);
type SendPrecheckToCentralRepositoryPayload = InstanceType<typeof SendPrecheckToCentralRepositoryPayload>;

@InputType({ description: '匯入中央資料庫回覆的預檢比對結果檔' })
class ImportPrecheckResultInput {
  @Field(() => ID)
  precheckRunId!: string;

  @Field(() => ID, { description: '上傳的比對結果檔（用途 IMPORT，CSV 或 XLSX）' })
  uploadId!: string;
}

const ImportPrecheckResultPayload = PayloadType('ImportPrecheckResultPayload', 'precheckRun', () => PrecheckRun);
type ImportPrecheckResultPayload = InstanceType<typeof ImportPrecheckResultPayload>;

export enum PrecheckMismatchOrder {
  STUDENT = 'STUDENT',
  COURSE = 'COURSE',
}

registerEnumType(PrecheckMismatchOrder, {
  name: 'PrecheckMismatchOrder',
  description: '不相符資料的排列方式',
  valuesConfig: enumDescriptions({ STUDENT: '依學生（學號、課程代碼）', COURSE: '依課程（課程代碼、學號）' }),
});

@ArgsType()
class PrecheckMismatchArgs extends ConnectionArgs {
  @Field(() => ID)
  runId!: string;

  @Field(() => PrecheckMismatchOrder, { nullable: true, description: '預設依學生' })
  orderBy?: PrecheckMismatchOrder | null;

  @Field(() => ID, { nullable: true, description: '只看這位學生' })
  studentId?: string | null;

  @Field(() => String, { nullable: true, description: '只看這個課程代碼' })
  courseCode?: string | null;

  @Field(() => PrecheckMismatchKind, { nullable: true, description: '只看這一種' })
  kind?: PrecheckMismatchKind | null;
}

const PrecheckRunConnection = ConnectionType(PrecheckRun, 'PrecheckRun');
const PrecheckMismatchConnection = ConnectionType(PrecheckMismatch, 'PrecheckMismatch');

@Resolver(() => PrecheckRun)
export class PrecheckResolver {
  @Authorized()
  @Query(() => PrecheckRunConnection, { description: '本校某學期的預檢紀錄，新的在前（教學組、註冊組）' })
  async precheckRuns(@Arg('termId', () => ID) termId: string, @Args() args: ConnectionArgs, @Ctx() ctx: AppContext) {
    if (!mayPrecheck(ctx.viewer)) throw forbidden('查看預檢紀錄');
    const term = await termArgument(ctx, termId);
    return paginate(ctx.em, PrecheckRun, { term: term.id }, args, 'createdAt', 'desc');
  }

  @Authorized()
  @Query(() => PrecheckMismatchConnection, {
    description: '一次預檢中不相符的修課資料，依學生或依課程排列，可只看一位學生、一個課程代碼或一種（教學組、註冊組）',
  })
  async precheckMismatches(@Args() args: PrecheckMismatchArgs, @Ctx() ctx: AppContext) {
    if (!mayPrecheck(ctx.viewer)) throw forbidden('查看預檢比對結果');
    const studentId = args.studentId ? idOfType(args.studentId, 'Student') : null;
    if (args.studentId && !studentId) throw badInput('學生識別碼無效。', 'studentId');
    // An id that is not a run's matches no row (run_id is never null).
    const where: FilterQuery<PrecheckMismatch> = {
      run: idOfType(args.runId, 'PrecheckRun'),
      ...(studentId ? { student: studentId } : {}),
      ...(args.courseCode ? { courseCode: args.courseCode.trim() } : {}),
      ...(args.kind ? { kind: args.kind } : {}),
    };
    const orderKey = args.orderBy === PrecheckMismatchOrder.COURSE ? 'byCourse' : 'byStudent';
    return paginate(ctx.em, PrecheckMismatch, where, args, orderKey);
  }

  @Authorized()
  @Mutation(() => ExportPrecheckRosterPayload, {
    description: '匯出預檢名冊：依當下的修課資料產生中央格式名冊（不含成績）並保存（需在預檢期程內）',
  })
  async exportPrecheckRoster(
    @Arg('input') input: ExportPrecheckRosterInput,
    @Ctx() ctx: AppContext,
  ): Promise<ExportPrecheckRosterPayload> {
    return payload(new ExportPrecheckRosterPayload(), 'precheckRun', await exportPrecheckRoster(ctx, input), null);
  }

  @Authorized()
  @Mutation(() => SendPrecheckToCentralRepositoryPayload, {
    description: '將預檢名冊送至中央資料庫比對（參考實作立即回覆比對結果檔；檔案交換方式則請下載名冊）',
  })
  async sendPrecheckToCentralRepository(
    @Arg('input') input: SendPrecheckToCentralRepositoryInput,
    @Ctx() ctx: AppContext,
  ): Promise<SendPrecheckToCentralRepositoryPayload> {
    return payload(
      new SendPrecheckToCentralRepositoryPayload(),
      'resultFile',
      await sendPrecheckToCentralRepository(ctx, input),
      null,
    );
  }

  @Authorized()
  @Mutation(() => ImportPrecheckResultPayload, { description: '匯入預檢比對結果檔並保存不相符的資料' })
  async importPrecheckResult(
    @Arg('input') input: ImportPrecheckResultInput,
    @Ctx() ctx: AppContext,
  ): Promise<ImportPrecheckResultPayload> {
    return payload(new ImportPrecheckResultPayload(), 'precheckRun', await importPrecheckResult(ctx, input), null);
  }

  @FieldResolver(() => Term)
  term(@Root() run: PrecheckRun, @Ctx() ctx: AppContext): Promise<Term | null> {
    return ctx.loaders.termById.load(run.term.id);
  }

  @FieldResolver(() => UserAccount, { description: '匯出的人' })
  createdBy(@Root() run: PrecheckRun, @Ctx() ctx: AppContext): Promise<UserAccount | null> {
    return ctx.loaders.accountById.load(run.createdBy.id);
  }

  @FieldResolver(() => UserAccount, { nullable: true, description: '匯入比對結果的人' })
  async comparedBy(@Root() run: PrecheckRun, @Ctx() ctx: AppContext): Promise<UserAccount | null> {
    return run.comparedBy ? ctx.loaders.accountById.load(run.comparedBy.id) : null;
  }

  @FieldResolver(() => String, { description: '下載預檢名冊（XLSX）的網址（限註冊組）' })
  rosterUrl(@Root() run: PrecheckRun): string {
    return rosterUrlOf(run);
  }

  @FieldResolver(() => Boolean, { description: '檢視者可否下載預檢名冊（含完整身分證號，限註冊組）' })
  viewerCanDownloadRoster(@Ctx() ctx: AppContext): boolean {
    return mayDownloadPrecheckRoster(ctx.viewer);
  }

  @FieldResolver(() => Boolean, { description: '檢視者可否將名冊送至中央資料庫比對（限註冊組，尚未匯入比對結果時）' })
  viewerCanSendToCentral(@Root() run: PrecheckRun, @Ctx() ctx: AppContext): boolean {
    return maySendPrecheck(ctx.viewer) && run.comparedAt == null;
  }

  @FieldResolver(() => Boolean, { description: '檢視者可否匯入比對結果（教學組、註冊組，尚未匯入時）' })
  viewerCanImportResult(@Root() run: PrecheckRun, @Ctx() ctx: AppContext): boolean {
    return mayPrecheck(ctx.viewer) && run.comparedAt == null;
  }
}

@Resolver(() => PrecheckMismatch)
export class PrecheckMismatchResolver {
  @FieldResolver(() => ID, { description: '全域識別碼' })
  id(@Root() row: PrecheckMismatch): string {
    return row.globalId;
  }

  @FieldResolver(() => ID, { nullable: true, description: '本校學生的全域識別碼（找不到這位學生時為空）' })
  studentId(@Root() row: PrecheckMismatch): string | null {
    return row.student ? toGlobalId('Student', row.student.id) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '學生姓名' })
  async studentName(@Root() row: PrecheckMismatch, @Ctx() ctx: AppContext): Promise<string | null> {
    return row.student ? ((await ctx.loaders.studentById.load(row.student.id))?.name ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '學生目前的班級' })
  async className(@Root() row: PrecheckMismatch, @Ctx() ctx: AppContext): Promise<string | null> {
    const student = row.student ? await ctx.loaders.studentById.load(row.student.id) : null;
    const classId = student?.schoolClass?.id;
    return classId ? ((await ctx.loaders.classById.load(classId))?.name ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '科目名稱（本學期有這個課程代碼時）' })
  async courseName(@Root() row: PrecheckMismatch, @Ctx() ctx: AppContext): Promise<string | null> {
    return row.course ? ((await ctx.loaders.courseById.load(row.course.id))?.subjectName ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '學生修這門課的開課班別' })
  async sectionName(@Root() row: PrecheckMismatch, @Ctx() ctx: AppContext): Promise<string | null> {
    return row.section ? ((await ctx.loaders.sectionById.load(row.section.id))?.name ?? null) : null;
  }
}
