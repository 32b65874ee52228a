import {
  Arg,
  Authorized,
  Ctx,
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
} from 'type-graphql';
import type { AppContext } from '../../../common/context.js';
import { forbidden } from '../../../common/errors.js';
import { idOfType } from '../../../common/ids.js';
import { PayloadType, payload } from '../../../common/user-error.js';
import { FileUpload } from '../../files/upload.entity.js';
import { mayViewStudent } from '../../people/people.permissions.js';
import { mayListSubmissions } from '../round.permissions.js';
import { ReceiptImport, ReceiptRow } from '../receipt.entity.js';
import {
  type ClassReceiptCounts,
  importReceipts,
  receiptClassSummary,
  receiptRowsOfStudent,
  sendToCentralRepository,
} from './receipt.service.js';
import { termArgument } from '../../term/term.service.js';

@InputType({ description: '將一份提交送至中央資料庫' })
class SendToCentralRepositoryInput {
  @Field(() => ID)
  submissionId!: string;
}

const SendToCentralRepositoryPayload = PayloadType(
  'SendToCentralRepositoryPayload',
  'receiptFiles',
  () => [FileUpload],
  { description: '中央資料庫（參考實作）回覆的收訖明細檔，已存為本人的匯入檔，可用 importReceipts 匯入' },
);
type SendToCentralRepositoryPayload = InstanceType<typeof SendToCentralRepositoryPayload>;

@InputType({ description: '匯入一份收訖明細檔' })
class ImportReceiptsInput {
  @Field(() => ID)
  submissionId!: string;

  @Field(() => ID, { description: '上傳的收訖明細檔（用途 IMPORT）' })
  uploadId!: string;
}

const ImportReceiptsPayload = PayloadType('ImportReceiptsPayload', 'receiptImport', () => ReceiptImport);
type ImportReceiptsPayload = InstanceType<typeof ImportReceiptsPayload>;

@ObjectType({ description: '一個班級在一次提交的收訖明細統計' })
class ReceiptClassSummary implements ClassReceiptCounts {
  @Field(() => String, { nullable: true, description: '班級名稱（沒有班級的學生為空）' })
  className!: string | null;

  @Field(() => Int)
  received!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => Int, { description: '需要處理的筆數（退件、缺漏、多出、內容不同）' })
  flagged!: number;
}

@Resolver(() => ReceiptImport)
export class ReceiptResolver {
  @Authorized()
  @Mutation(() => SendToCentralRepositoryPayload, {
    description: '將提交的資料包送至中央資料庫（參考實作立即回覆收訖明細檔；檔案交換方式則請下載資料包）',
  })
  async sendToCentralRepository(
    @Arg('input') input: SendToCentralRepositoryInput,
    @Ctx() ctx: AppContext,
  ): Promise<SendToCentralRepositoryPayload> {
    return payload(
      new SendToCentralRepositoryPayload(),
      'receiptFiles',
      await sendToCentralRepository(ctx, input),
      null,
    );
  }

  @Authorized()
  @Mutation(() => ImportReceiptsPayload, { description: '匯入收訖明細並自動與提交內容比對' })
  async importReceipts(
    @Arg('input') input: ImportReceiptsInput,
    @Ctx() ctx: AppContext,
  ): Promise<ImportReceiptsPayload> {
    return payload(new ImportReceiptsPayload(), 'receiptImport', await importReceipts(ctx, input), null);
  }

  @Authorized()
  @Query(() => [ReceiptImport], { description: '一次提交已匯入的收訖明細（負責提交的處室）' })
  async receiptImports(
    @Arg('submissionId', () => ID) submissionId: string,
    @Ctx() ctx: AppContext,
  ): Promise<ReceiptImport[]> {
    if (!mayListSubmissions(ctx.viewer)) throw forbidden('查看收訖明細');
    const id = idOfType(submissionId, 'Submission');
    if (!id) return [];
    return ctx.em.find(ReceiptImport, { submission: id }, { orderBy: { kind: 'asc' } });
  }

  @Authorized()
  @Query(() => [ReceiptRow], {
    description: '一位學生的收訖明細與比對結果（學生本人、全校的處室人員、導師）',
  })
  async studentReceiptRows(
    @Arg('studentId', () => ID) studentId: string,
    @Arg('termId', () => ID, {
      nullable: true,
      description: '只列這個學期目前有效的收訖明細（每種取最新匯入的一份；重新提交後以新的為準）',
    })
    termId: string | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ReceiptRow[]> {
    const id = idOfType(studentId, 'Student');
    const student = id ? await ctx.loaders.studentById.load(id) : null;
    if (!student || !(await mayViewStudent(ctx, student))) throw forbidden('查看這位學生的收訖明細');
    return receiptRowsOfStudent(ctx, student, termId ? await termArgument(ctx, termId) : null);
  }

  @Authorized()
  @Query(() => [ReceiptClassSummary], { description: '一次提交的收訖明細，各班的已收訖、退件與待處理筆數' })
  async receiptClassSummary(
    @Arg('submissionId', () => ID) submissionId: string,
    @Ctx() ctx: AppContext,
  ): Promise<ReceiptClassSummary[]> {
    if (!mayListSubmissions(ctx.viewer)) throw forbidden('查看收訖明細');
    const id = idOfType(submissionId, 'Submission');
    return id ? receiptClassSummary(ctx, id) : [];
  }

  @FieldResolver(() => FileUpload, { description: '匯入的檔案' })
  upload(@Root() receipt: ReceiptImport, @Ctx() ctx: AppContext): Promise<FileUpload | null> {
    return ctx.loaders.uploadById.load(receipt.upload.id);
  }
}

@Resolver(() => ReceiptRow)
export class ReceiptRowResolver {
  @FieldResolver(() => ID, { description: '全域識別碼' })
  id(@Root() row: ReceiptRow): string {
    return row.globalId;
  }

  @FieldResolver(() => [String], { description: '識別這筆資料的欄位，「欄位：值」' })
  keyFields(@Root() row: ReceiptRow): string[] {
    return Object.entries(row.keyFields).map(([name, value]) => `${name}：${value}`);
  }
}
