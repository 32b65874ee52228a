import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { Role } from '../../common/roles.js';
import { PayloadType, payload } from '../../common/user-error.js';
import { mayManageStudents, mayViewStudent } from '../people/people.permissions.js';
import { Student } from '../people/student.entity.js';
import { mayDownloadPortfolio, portfolioZipUrlOf } from './exchange.routes.js';
import { exchangeExportsOf, exportExchange, importExchange, transferredRecordsOf } from './exchange.service.js';
import {
  ExchangeExport,
  ExportExchangeFileInput,
  ImportExchangeFileInput,
  PortfolioExchange,
} from './exchange.types.js';

const ExportExchangeFilePayload = PayloadType('ExportExchangeFilePayload', 'exchangeExport', () => ExchangeExport);
type ExportExchangeFilePayload = InstanceType<typeof ExportExchangeFilePayload>;

const ImportExchangeFilePayload = PayloadType(
  'ImportExchangeFilePayload',
  'portfolioExchange',
  () => PortfolioExchange,
);
type ImportExchangeFilePayload = InstanceType<typeof ImportExchangeFilePayload>;

@Resolver(() => Student)
export class StudentExchangeResolver {
  @FieldResolver(() => [PortfolioExchange], {
    description: '轉入前的學習歷程：以交換檔帶來的紀錄，依原學校分組，唯讀',
  })
  async transferredRecords(@Root() student: Student, @Ctx() ctx: AppContext): Promise<PortfolioExchange[]> {
    if (!(await mayViewStudent(ctx, student))) return [];
    return transferredRecordsOf(ctx, student.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: '下載完整學習歷程 ZIP 的網址（學生本人與註冊組）；沒有權限時為空值',
  })
  portfolioZipUrl(@Root() student: Student, @Ctx() ctx: AppContext): string | null {
    return mayDownloadPortfolio(ctx.viewer, { accountId: student.account?.id ?? null })
      ? portfolioZipUrlOf(student.globalId)
      : null;
  }

  @FieldResolver(() => [ExchangeExport], { description: '本校為這位學生產製的學習歷程交換檔，新的在前（註冊組）' })
  exchangeExports(@Root() student: Student, @Ctx() ctx: AppContext): Promise<ExchangeExport[]> {
    return exchangeExportsOf(ctx, student.id);
  }

  @FieldResolver(() => Boolean, { description: '目前的帳號可以產製與匯入這位學生的學習歷程交換檔（註冊組）' })
  viewerCanExchangePortfolio(@Ctx() ctx: AppContext): boolean {
    return mayManageStudents(ctx.viewer);
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Mutation(() => ExportExchangeFilePayload, {
    description: '產製一位學生的學習歷程交換檔，給另一個平臺（跨縣市）的學校匯入（註冊組）',
  })
  async exportExchangeFile(
    @Arg('input') input: ExportExchangeFileInput,
    @Ctx() ctx: AppContext,
  ): Promise<ExportExchangeFilePayload> {
    return payload(new ExportExchangeFilePayload(), 'exchangeExport', await exportExchange(ctx, input), null);
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Mutation(() => ImportExchangeFilePayload, {
    description: '匯入另一所學校的學習歷程交換檔到本校的一位學生（註冊組）',
  })
  async importExchangeFile(
    @Arg('input') input: ImportExchangeFileInput,
    @Ctx() ctx: AppContext,
  ): Promise<ImportExchangeFilePayload> {
    return payload(new ImportExchangeFilePayload(), 'portfolioExchange', await importExchange(ctx, input), null);
  }
}
