import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Extensions,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import { MULTILINE } from '../../../common/input-text.js';
import type { AppContext } from '../../../common/context.js';
import { enumDescriptions } from '../../../common/enum-descriptions.js';
import { forbidden } from '../../../common/errors.js';
import { ConnectionArgs, ConnectionType, paginate } from '../../../common/pagination.js';
import { PayloadType, payload } from '../../../common/user-error.js';
import { Student } from '../../people/student.entity.js';
import { ReceiptImport, ReceiptRow } from '../receipt.entity.js';
import { categoryOfKind, ReceiptKind, RECEIPT_KINDS } from '../central/receipt-format.js';
import { Submission } from '../submission.entity.js';
import { fieldsOfRow } from './receipt-fields.js';
import { mayListSubmissions, mayReviewReceipts, maySubmit } from '../round.permissions.js';
import { CATEGORY_LABELS, SubmissionCategory } from '../../../common/submission-category.js';
import {
  Dispute,
  DisputeStatus,
  FinalLock,
  ReceiptStaffConfirmation,
  ReviewDecision,
  UNRESOLVED_DISPUTE,
} from '../confirmation.entity.js';
import {
  confirmReceiptImport,
  confirmReceiptRows,
  DisputeResolution,
  finalizeTerm,
  raiseDispute,
  resolveDispute,
  startDisputeReview,
} from './confirmation.service.js';
import {
  categoryProgress,
  isOverdue,
  SUBMISSION_STAGE_LABELS,
  SubmissionStage,
  classConfirmationData,
} from './progress.service.js';
import { termArgument } from '../../term/term.service.js';

registerEnumType(SubmissionStage, {
  name: 'SubmissionStage',
  description: '一個類別從預檢到最終提交的階段',
  valuesConfig: enumDescriptions(SUBMISSION_STAGE_LABELS),
});

registerEnumType(DisputeResolution, {
  name: 'DisputeResolution',
  description: '疑義的處理結果',
  valuesConfig: enumDescriptions({
    NO_CHANGE: '資料無誤，不需更正（附回覆）',
    CORRECTED: '已於校內系統更正，隨下次提交送出',
  }),
});

@InputType({ description: '學生確認自己的收訖明細無誤' })
class ConfirmReceiptRowsInput {
  @Field(() => [ID])
  receiptRowIds!: string[];
}

const ConfirmReceiptRowsPayload = PayloadType('ConfirmReceiptRowsPayload', 'receiptRows', () => [ReceiptRow]);
type ConfirmReceiptRowsPayload = InstanceType<typeof ConfirmReceiptRowsPayload>;

@InputType({ description: '對一筆收訖明細提出疑義' })
class RaiseDisputeInput {
  @Field(() => ID)
  receiptRowId!: string;

  @Extensions(MULTILINE)
  @Field({ description: '疑義內容（1 至 500 字）' })
  reason!: string;
}

const DisputePayload = PayloadType('DisputePayload', 'dispute', () => Dispute);
type DisputePayload = InstanceType<typeof DisputePayload>;

@InputType({ description: '處室確認已檢查一份收訖明細' })
class ConfirmReceiptImportInput {
  @Field(() => ID)
  receiptImportId!: string;
}

const ConfirmReceiptImportPayload = PayloadType(
  'ConfirmReceiptImportPayload',
  'confirmation',
  () => ReceiptStaffConfirmation,
);
type ConfirmReceiptImportPayload = InstanceType<typeof ConfirmReceiptImportPayload>;

@InputType({ description: '受理一件疑義' })
class StartDisputeReviewInput {
  @Field(() => ID)
  disputeId!: string;
}

@InputType({ description: '回覆並結案一件疑義' })
class ResolveDisputeInput {
  @Field(() => ID)
  disputeId!: string;

  @Field(() => DisputeResolution)
  resolution!: DisputeResolution;

  @Extensions(MULTILINE)
  @Field({ description: '給學生的回覆（1 至 500 字）' })
  answer!: string;
}

@InputType({ description: '完成某學期、某類別的最終提交' })
class FinalizeTermInput {
  @Field(() => ID, { description: '梯次的學期；課程學習成果與多元表現為該學年度的第2學期' })
  termId!: string;

  @Field(() => SubmissionCategory)
  category!: SubmissionCategory;

  @Field(() => Boolean, { nullable: true, description: '高三升學前梯次；不填為一般梯次' })
  grade12Round?: boolean | null;
}

const FinalizeTermPayload = PayloadType('FinalizeTermPayload', 'finalLock', () => FinalLock);
type FinalizeTermPayload = InstanceType<typeof FinalizeTermPayload>;

@ObjectType({ description: '收訖明細的確認進度' })
class ReviewCountsType {
  @Field(() => Int, { description: '收訖明細筆數' })
  rows!: number;

  @Field(() => Int, { description: '已確認無誤' })
  confirmed!: number;

  @Field(() => Int, { description: '提出疑義' })
  disputed!: number;

  @Field(() => Int, { description: '尚未確認' })
  unconfirmed!: number;
}

@ObjectType({ description: '疑義件數' })
class DisputeCountsType {
  @Field(() => Int, { description: '待處理' })
  open!: number;

  @Field(() => Int, { description: '處理中' })
  inReview!: number;

  @Field(() => Int, { description: '已結案' })
  resolved!: number;

  @Field(() => Int, { description: '逾期未結案' })
  overdue!: number;

  @Field(() => Int, { description: '已更正但尚未重新提交' })
  awaitingResubmission!: number;
}

@ObjectType({ description: '一個類別在一個學期的提交進度' })
class CategoryProgress {
  @Field(() => SubmissionCategory)
  category!: SubmissionCategory;

  @Field({ description: '類別名稱' })
  categoryLabel!: string;

  @Field(() => SubmissionStage)
  stage!: SubmissionStage;

  @Field({ description: '階段說明' })
  stageLabel!: string;

  @Field(() => Submission, { nullable: true, description: '最近一次提交' })
  latestSubmission!: Submission | null;

  @Field(() => Int, { description: '本學期這個類別的提交次數（含重新提交）' })
  submissionCount!: number;

  @Field(() => [ReceiptImport], { description: '最近一次提交已匯入的收訖明細' })
  receiptImports!: ReceiptImport[];

  @Field(() => [ReceiptKind], { description: '最近一次提交尚未匯入的收訖明細種類' })
  missingReceiptKinds!: ReceiptKind[];

  @Field(() => Int, { description: '處室已確認的收訖明細份數' })
  staffConfirmedImports!: number;

  @Field(() => ReviewCountsType)
  review!: ReviewCountsType;

  @Field(() => DisputeCountsType)
  disputes!: DisputeCountsType;

  @Field(() => FinalLock, { nullable: true })
  finalLock!: FinalLock | null;

  @Field({ description: '目前的帳號可以提交、處理疑義與完成最終提交這個類別' })
  viewerCanHandle!: boolean;

  @Field({ description: '這個梯次提交的資料期間，例如「112學年度第1學期」或「112學年度」（每學年提交的類別）' })
  periodLabel!: string;

  @Field(() => String, {
    nullable: true,
    description: '這個類別不在這個梯次提交的原因（例如課程學習成果每學年於第2學期的梯次提交）',
  })
  notInRound!: string | null;

  @Field(() => String, { nullable: true, description: '現在不能提交的原因（提交期程未開放或已截止）；可以提交時為空' })
  submitWindowProblem!: string | null;

  @Field(() => String, { nullable: true, description: '現在不能完成最終提交的原因；可以時為空' })
  finalWindowProblem!: string | null;

  @Field(() => [String], { description: '提交前值得再確認的事，例如學生勾選期程還沒截止、勾選的學生很少' })
  warnings!: string[];
}

@ObjectType({ description: '一位學生的收訖明細確認進度' })
class StudentConfirmationProgress {
  @Field(() => Student)
  student!: Student;

  @Field(() => Int, { description: '收訖明細筆數' })
  rows!: number;

  @Field(() => Int, { description: '已收訖' })
  received!: number;

  @Field(() => Int, { description: '退件' })
  rejected!: number;

  @Field(() => Int, { description: '需要處理（退件、缺漏、多出、內容不同）' })
  flagged!: number;

  @Field(() => Int)
  confirmed!: number;

  @Field(() => Int)
  disputed!: number;

  @Field(() => Int)
  unconfirmed!: number;
}

const DisputeConnection = ConnectionType(Dispute, 'Dispute');

@Resolver()
export class ConfirmationResolver {
  @Authorized()
  @Mutation(() => ConfirmReceiptRowsPayload, { description: '學生確認自己的收訖明細無誤（確認收訖明細期間）' })
  async confirmReceiptRows(
    @Arg('input') input: ConfirmReceiptRowsInput,
    @Ctx() ctx: AppContext,
  ): Promise<ConfirmReceiptRowsPayload> {
    return payload(new ConfirmReceiptRowsPayload(), 'receiptRows', await confirmReceiptRows(ctx, input), null);
  }

  @Authorized()
  @Mutation(() => DisputePayload, {
    description:
      '提出疑義：學生對自己的一筆收訖明細（確認收訖明細期間）；負責該類別的處室對任一筆（確認收訖明細或疑義處理期間）',
  })
  async raiseDispute(@Arg('input') input: RaiseDisputeInput, @Ctx() ctx: AppContext): Promise<DisputePayload> {
    return payload(new DisputePayload(), 'dispute', await raiseDispute(ctx, input), null);
  }

  @Authorized()
  @Mutation(() => ConfirmReceiptImportPayload, { description: '負責的處室確認已檢查一份收訖明細' })
  async confirmReceiptImport(
    @Arg('input') input: ConfirmReceiptImportInput,
    @Ctx() ctx: AppContext,
  ): Promise<ConfirmReceiptImportPayload> {
    return payload(new ConfirmReceiptImportPayload(), 'confirmation', await confirmReceiptImport(ctx, input), null);
  }

  @Authorized()
  @Mutation(() => DisputePayload, { description: '受理疑義（待處理 → 處理中），學生會收到通知' })
  async startDisputeReview(
    @Arg('input') input: StartDisputeReviewInput,
    @Ctx() ctx: AppContext,
  ): Promise<DisputePayload> {
    return payload(new DisputePayload(), 'dispute', await startDisputeReview(ctx, input), null);
  }

  @Authorized()
  @Mutation(() => DisputePayload, { description: '回覆並結案疑義，學生會收到通知' })
  async resolveDispute(@Arg('input') input: ResolveDisputeInput, @Ctx() ctx: AppContext): Promise<DisputePayload> {
    return payload(new DisputePayload(), 'dispute', await resolveDispute(ctx, input), null);
  }

  @Authorized()
  @Mutation(() => FinalizeTermPayload, {
    description: '完成最終提交：之後資料庫拒絕這個學期、這個類別資料的任何變更',
  })
  async finalizeTerm(@Arg('input') input: FinalizeTermInput, @Ctx() ctx: AppContext): Promise<FinalizeTermPayload> {
    return payload(new FinalizeTermPayload(), 'finalLock', await finalizeTerm(ctx, input), null);
  }

  @Authorized()
  @Query(() => [CategoryProgress], { description: '提交主控台：一個梯次各類別的階段與進度（處室人員）' })
  async submissionConsole(
    @Arg('termId', () => ID) termId: string,
    @Arg('grade12Round', () => Boolean, { defaultValue: false, description: '高三升學前梯次' }) grade12Round: boolean,
    @Ctx() ctx: AppContext,
  ): Promise<CategoryProgress[]> {
    if (!mayListSubmissions(ctx.viewer)) throw forbidden('查看提交進度');
    const term = await termArgument(ctx, termId);
    const progress = await categoryProgress(ctx, term, grade12Round);
    return progress.map((p) =>
      Object.assign(new CategoryProgress(), {
        ...p,
        categoryLabel: CATEGORY_LABELS[p.category],
        stageLabel: SUBMISSION_STAGE_LABELS[p.stage],
        missingReceiptKinds: p.missingReceiptKinds as ReceiptKind[],
        viewerCanHandle: maySubmit(ctx.viewer, p.category),
      }),
    );
  }

  @Authorized()
  @Query(() => [StudentConfirmationProgress], {
    description: '一個班級的收訖明細確認進度，依座號（導師與行政人員）',
  })
  async classConfirmationProgress(
    @Arg('classId', () => ID) classId: string,
    @Arg('termId', () => ID) termId: string,
    @Ctx() ctx: AppContext,
  ): Promise<StudentConfirmationProgress[]> {
    const { students, counts } = await classConfirmationData(ctx, classId, termId);
    return students.map((student) =>
      Object.assign(new StudentConfirmationProgress(), { student, ...counts.get(student.id)! }),
    );
  }

  @Authorized()
  @Query(() => DisputeConnection, { description: '疑義清單：一個學期的疑義，逾期的會標示（負責的處室）' })
  async disputes(
    @Arg('termId', () => ID) termId: string,
    @Arg('statuses', () => [DisputeStatus], { nullable: true, description: '只列這些狀態' })
    statuses: DisputeStatus[] | null,
    @Arg('category', () => SubmissionCategory, { nullable: true }) category: SubmissionCategory | null,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: AppContext,
  ) {
    if (!mayListSubmissions(ctx.viewer)) throw forbidden('查看疑義');
    const term = await termArgument(ctx, termId);
    const categories = Object.values(SubmissionCategory).filter(
      (c) => maySubmit(ctx.viewer, c) && (!category || c === category),
    );
    return paginate(
      ctx.em,
      Dispute,
      {
        term: term.id,
        category: { $in: categories },
        ...(statuses?.length ? { status: { $in: statuses } } : {}),
      },
      args,
      'raisedAt',
    );
  }
}

@Resolver(() => Dispute)
export class DisputeResolver {
  @FieldResolver(() => ID, { description: '全域識別碼' })
  id(@Root() dispute: Dispute): string {
    return dispute.globalId;
  }

  @FieldResolver(() => String, { description: '類別名稱' })
  categoryLabel(@Root() dispute: Dispute): string {
    return CATEGORY_LABELS[dispute.category];
  }

  @FieldResolver(() => Boolean, { description: '超過應處理時間仍未結案' })
  overdue(@Root() dispute: Dispute, @Ctx() ctx: AppContext): boolean {
    return isOverdue(dispute.dueAt, UNRESOLVED_DISPUTE.includes(dispute.status), ctx.services.clock.now());
  }

  @FieldResolver(() => Student, { nullable: true })
  student(@Root() dispute: Dispute, @Ctx() ctx: AppContext): Promise<Student | null> | null {
    return dispute.student ? ctx.loaders.studentById.load(dispute.student.id) : null;
  }

  @FieldResolver(() => ReceiptRow, { description: '提出疑義的收訖明細' })
  receiptRow(@Root() dispute: Dispute, @Ctx() ctx: AppContext): Promise<ReceiptRow | null> {
    return ctx.loaders.receiptRowById.load(dispute.receiptRow.id);
  }

  @FieldResolver(() => Submission, { nullable: true, description: '帶著這項更正的重新提交' })
  resubmission(@Root() dispute: Dispute, @Ctx() ctx: AppContext): Promise<Submission | null> | null {
    return dispute.resubmission ? ctx.loaders.submissionById.load(dispute.resubmission.id) : null;
  }

  @FieldResolver(() => Boolean, { description: '由處室（而非學生本人）提出' })
  async raisedByStaff(@Root() dispute: Dispute, @Ctx() ctx: AppContext): Promise<boolean> {
    const student = dispute.student ? await ctx.loaders.studentById.load(dispute.student.id) : null;
    return student?.account?.id !== dispute.raisedBy.id;
  }

  @FieldResolver(() => Boolean, { description: '目前的帳號可以受理與回覆這件疑義' })
  viewerCanHandle(@Root() dispute: Dispute, @Ctx() ctx: AppContext): boolean {
    return maySubmit(ctx.viewer, dispute.category) && UNRESOLVED_DISPUTE.includes(dispute.status);
  }
}

@ObjectType({ description: '收訖明細一筆資料的一個欄位（提交的內容）' })
class ReceiptRowField {
  @Field({ description: '名冊的欄位名稱' })
  label!: string;

  @Field({ description: '提交的值（日期為民國年，檔案只標示已附）' })
  value!: string;
}

@Resolver(() => ReceiptRow)
export class ReceiptRowReviewResolver {
  @FieldResolver(() => ReviewDecision, { nullable: true, description: '學生的確認結果（尚未確認為空）' })
  async decision(@Root() row: ReceiptRow, @Ctx() ctx: AppContext): Promise<ReviewDecision | null> {
    return (await ctx.loaders.reviewByReceiptRow.load(row.id))?.decision ?? null;
  }

  @FieldResolver(() => Dispute, { nullable: true, description: '對這筆資料提出的疑義' })
  dispute(@Root() row: ReceiptRow, @Ctx() ctx: AppContext): Promise<Dispute | null> {
    return ctx.loaders.disputeByReceiptRow.load(row.id);
  }

  @FieldResolver(() => String, { description: '收訖明細種類名稱' })
  kindLabel(@Root() row: ReceiptRow): string {
    return RECEIPT_KINDS[row.kind].label;
  }

  @FieldResolver(() => [ReceiptRowField], {
    description:
      '這筆資料提交的欄位與值，供核對（例如競賽的獎項）：不含學校代碼、學年度、學期與身分證號，不含檔案的 SHA-256',
  })
  async fields(@Root() row: ReceiptRow, @Ctx() ctx: AppContext): Promise<ReceiptRowField[]> {
    return (await fieldsOfRow(ctx, row)).map((field) => Object.assign(new ReceiptRowField(), field));
  }

  @FieldResolver(() => Boolean, {
    description: '目前的帳號是負責這個類別的處室，可以對這筆資料提出疑義（尚無疑義時）',
  })
  async viewerCanRaiseStaffDispute(@Root() row: ReceiptRow, @Ctx() ctx: AppContext): Promise<boolean> {
    if (mayReviewReceipts(ctx.viewer) || !maySubmit(ctx.viewer, categoryOfKind(row.kind))) return false;
    return (await ctx.loaders.disputeByReceiptRow.load(row.id)) === null;
  }
}

@Resolver(() => ReceiptImport)
export class ReceiptImportConfirmationResolver {
  @FieldResolver(() => ReceiptStaffConfirmation, { nullable: true, description: '處室的確認（尚未確認為空）' })
  staffConfirmation(@Root() receiptImport: ReceiptImport, @Ctx() ctx: AppContext) {
    return ctx.loaders.staffConfirmationByImport.load(receiptImport.id);
  }
}
