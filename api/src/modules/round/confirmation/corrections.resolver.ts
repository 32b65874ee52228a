import {
  Arg,
  Authorized,
  Ctx,
  Extensions,
  Field,
  FieldResolver,
  Float,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import type { AppContext } from '../../../common/context.js';
import { idOfType } from '../../../common/ids.js';
import { MULTILINE } from '../../../common/input-text.js';
import { Role } from '../../../common/roles.js';
import { SubmissionCategory } from '../../../common/submission-category.js';
import { MutationPayload, type Result } from '../../../common/user-error.js';
import { Enrolment, EnrolmentKind } from '../../course/course.entity.js';
import { DiversePerformance } from '../../portfolio/diverse-performance.entity.js';
import { PerformanceDetailInput } from '../../portfolio/dto/portfolio.input.js';
import { PerformanceCategory } from '../../portfolio/portfolio.enums.js';
import { CadreRecord } from '../../records/records.entity.js';
import { ReceiptKind } from '../central/receipt-format.js';
import { Dispute } from '../confirmation.entity.js';
import { maySubmit } from '../round.permissions.js';
import {
  correctEnrolment,
  correctPerformance,
  deleteCadreRecord,
  deleteStudentPerformance,
  disputeRecords,
  notCorrectableHere,
  updateCadreRecord,
} from './corrections.service.js';

@InputType()
class CorrectionLinkInput {
  @Field(() => ID, {
    nullable: true,
    description: '這項更正所回覆的疑義：更正後疑義即結案為「已更正」，回覆附上更正內容，隨下次提交送出',
  })
  disputeId?: string | null;

  @Extensions(MULTILINE)
  @Field(() => String, { nullable: true, description: '給學生的回覆（最多 400 字；系統會附上更正內容）' })
  answer?: string | null;
}

@InputType({ description: '更正一筆校內幹部紀錄（負責基本資料的處室，最終提交前）' })
class UpdateCadreRecordInput extends CorrectionLinkInput {
  @Field(() => ID)
  cadreRecordId!: string;

  @Field()
  unit!: string;

  @Field()
  position!: string;

  @Field(() => Int, { description: '幹部等級 1–3' })
  level!: number;

  @Field({ description: 'YYYY-MM-DD' })
  startsOn!: string;

  @Field({ description: 'YYYY-MM-DD' })
  endsOn!: string;
}

@InputType({ description: '刪除一筆校內幹部紀錄（負責基本資料的處室，最終提交前）' })
class DeleteCadreRecordInput extends CorrectionLinkInput {
  @Field(() => ID)
  cadreRecordId!: string;
}

@InputType({ description: '更正一筆修課紀錄提交的內容（負責修課紀錄的處室，最終提交前）；未填的成績欄位表示空白' })
class CorrectEnrolmentInput extends CorrectionLinkInput {
  @Field(() => ID)
  enrolmentId!: string;

  @Field(() => EnrolmentKind)
  kind!: EnrolmentKind;

  @Field(() => Float, { nullable: true, description: '學期成績（0–100，最多兩位小數）' })
  termGrade?: number | null;

  @Field(() => Boolean, { nullable: true, description: '是否及格；不填時依學期成績是否達 60 分' })
  passed?: boolean | null;

  @Field(() => Float, { nullable: true, description: '補考成績（0–100）' })
  makeupGrade?: number | null;

  @Field(() => Boolean, { nullable: true, description: '是否採計學分' })
  creditsCounted?: boolean | null;

  @Extensions(MULTILINE)
  @Field(() => String, { nullable: true, description: '質性描述（最多 200 字）' })
  qualitativeNote?: string | null;
}

@InputType({ description: '更正一位學生的一筆多元表現（負責多元表現的處室，最終提交前；檔案不變）' })
class CorrectPerformanceInput extends CorrectionLinkInput {
  @Field(() => ID)
  performanceId!: string;

  @Field(() => PerformanceCategory)
  category!: PerformanceCategory;

  @Field()
  title!: string;

  @Field(() => [PerformanceDetailInput], { description: '類別的其他欄位（見 performanceCategories）' })
  details!: PerformanceDetailInput[];

  @Extensions(MULTILINE)
  @Field({ description: '簡述，100 字以內' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'http 或 https 網址；不填則清除' })
  externalLink?: string | null;
}

@InputType({ description: '刪除一位學生的一筆多元表現（負責多元表現的處室，最終提交前）' })
class DeleteStudentPerformanceInput extends CorrectionLinkInput {
  @Field(() => ID)
  performanceId!: string;
}

@ObjectType()
class CorrectionPayload extends MutationPayload {
  @Field(() => Dispute, { nullable: true, description: '這項更正回覆並結案的疑義' })
  dispute: Dispute | null = null;
}

@ObjectType()
class CadreRecordCorrectionPayload extends CorrectionPayload {
  @Field(() => CadreRecord, { nullable: true })
  record: CadreRecord | null = null;
}

@ObjectType()
class EnrolmentCorrectionPayload extends CorrectionPayload {
  @Field(() => Enrolment, { nullable: true })
  enrolment: Enrolment | null = null;
}

@ObjectType()
class PerformanceCorrectionPayload extends CorrectionPayload {
  @Field(() => DiversePerformance, { nullable: true })
  performance: DiversePerformance | null = null;
}

@ObjectType()
class DeletionPayload extends CorrectionPayload {
  @Field(() => ID, { nullable: true, description: '刪除的資料的識別碼' })
  deletedId: string | null = null;
}

@ObjectType('DisputeRecords', { description: '一件疑義所關於的學生資料，供負責的處室開啟並更正' })
class DisputeRecordsType {
  @Field(() => Dispute)
  dispute!: Dispute;

  @Field(() => [CadreRecord], { description: '學生該學期的校內幹部紀錄（校內幹部的疑義）' })
  cadreRecords!: CadreRecord[];

  @Field(() => [Enrolment], { description: '學生該學期的修課紀錄（修課紀錄的疑義）' })
  enrolments!: Enrolment[];

  @Field(() => [DiversePerformance], { description: '學生該學年的多元表現（多元表現的疑義）' })
  performances!: DiversePerformance[];

  @Field(() => ID, { nullable: true, description: '疑義的收訖明細所指的那一筆（找得到時）' })
  matchedId!: string | null;

  @Field(() => String, { nullable: true, description: '這類資料不在這裡更正的原因' })
  notCorrectable!: string | null;
}

/** The payload of a correction: the record (or the deleted id) under `key`, and the dispute it closed. */
async function correctionPayload<P extends CorrectionPayload, K extends keyof P>(
  target: P,
  key: K,
  result: Result<P[K]>,
  ctx: AppContext,
  disputeId: string | null | undefined,
): Promise<P> {
  target.userErrors = result.userErrors;
  if (result.value === null) return target;
  target[key] = result.value;
  const id = disputeId ? idOfType(disputeId, 'Dispute') : null;
  // The dispute the service closed is in this request's identity map: no query.
  target.dispute = id ? await ctx.em.findOne(Dispute, { id }) : null;
  return target;
}

@Resolver()
export class CorrectionsResolver {
  @Authorized(Role.SCHOOL_ADMIN)
  @Mutation(() => CadreRecordCorrectionPayload, {
    description: '更正校內幹部紀錄（註冊組、訓育組，最終提交前）；可指定所回覆的疑義',
  })
  async updateCadreRecord(
    @Arg('input') input: UpdateCadreRecordInput,
    @Ctx() ctx: AppContext,
  ): Promise<CadreRecordCorrectionPayload> {
    const result = await updateCadreRecord(ctx, input);
    return correctionPayload(new CadreRecordCorrectionPayload(), 'record', result, ctx, input.disputeId);
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Mutation(() => DeletionPayload, { description: '刪除校內幹部紀錄（註冊組、訓育組，最終提交前）' })
  async deleteCadreRecord(
    @Arg('input') input: DeleteCadreRecordInput,
    @Ctx() ctx: AppContext,
  ): Promise<DeletionPayload> {
    const result = await deleteCadreRecord(ctx, input);
    const value = result.value ? result.value.id : null;
    return correctionPayload(new DeletionPayload(), 'deletedId', { ...result, value }, ctx, input.disputeId);
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Mutation(() => EnrolmentCorrectionPayload, {
    description: '更正修課紀錄提交的內容（註冊組、教學組，最終提交前）；可指定所回覆的疑義',
  })
  async correctEnrolment(
    @Arg('input') input: CorrectEnrolmentInput,
    @Ctx() ctx: AppContext,
  ): Promise<EnrolmentCorrectionPayload> {
    const result = await correctEnrolment(ctx, input);
    return correctionPayload(new EnrolmentCorrectionPayload(), 'enrolment', result, ctx, input.disputeId);
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Mutation(() => PerformanceCorrectionPayload, {
    description: '更正學生的多元表現（訓育組、註冊組，最終提交前）；可指定所回覆的疑義',
  })
  async correctPerformance(
    @Arg('input') input: CorrectPerformanceInput,
    @Ctx() ctx: AppContext,
  ): Promise<PerformanceCorrectionPayload> {
    const result = await correctPerformance(ctx, input);
    return correctionPayload(new PerformanceCorrectionPayload(), 'performance', result, ctx, input.disputeId);
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Mutation(() => DeletionPayload, { description: '刪除學生的一筆多元表現（訓育組、註冊組，最終提交前）' })
  async deleteStudentPerformance(
    @Arg('input') input: DeleteStudentPerformanceInput,
    @Ctx() ctx: AppContext,
  ): Promise<DeletionPayload> {
    const result = await deleteStudentPerformance(ctx, input);
    const value = result.value ? result.value.id : null;
    return correctionPayload(new DeletionPayload(), 'deletedId', { ...result, value }, ctx, input.disputeId);
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Query(() => DisputeRecordsType, {
    nullable: true,
    description: '一件疑義所關於的學生資料與對應的那一筆，供負責的處室更正（找不到疑義為空）',
  })
  async disputeRecords(
    @Arg('disputeId', () => ID) disputeId: string,
    @Ctx() ctx: AppContext,
  ): Promise<DisputeRecordsType | null> {
    const records = await disputeRecords(ctx, disputeId);
    if (!records) return null;
    const row = await ctx.loaders.receiptRowById.load(records.dispute.receiptRow.id);
    return Object.assign(new DisputeRecordsType(), {
      ...records,
      notCorrectable: row ? notCorrectableHere(row.kind as ReceiptKind) : null,
    });
  }
}

@Resolver(() => CadreRecord)
export class CadreRecordCorrectionResolver {
  @FieldResolver(() => Boolean, {
    description: '目前的帳號可以更正或刪除這筆紀錄（負責基本資料的處室；最終提交後會被拒絕）',
  })
  viewerCanCorrect(@Ctx() ctx: AppContext): boolean {
    return maySubmit(ctx.viewer, SubmissionCategory.BASIC);
  }
}

@Resolver(() => Enrolment)
export class EnrolmentCorrectionResolver {
  @FieldResolver(() => Boolean, {
    description: '目前的帳號可以更正這筆修課紀錄（負責修課紀錄的處室；最終提交後會被拒絕）',
  })
  viewerCanCorrect(@Ctx() ctx: AppContext): boolean {
    return maySubmit(ctx.viewer, SubmissionCategory.COURSE_RECORDS);
  }
}

@Resolver(() => DiversePerformance)
export class PerformanceCorrectionResolver {
  @FieldResolver(() => Boolean, {
    description: '目前的帳號可以更正或刪除這筆多元表現（負責多元表現的處室；最終提交後會被拒絕）',
  })
  viewerCanCorrect(@Ctx() ctx: AppContext): boolean {
    return maySubmit(ctx.viewer, SubmissionCategory.PERFORMANCES);
  }
}
