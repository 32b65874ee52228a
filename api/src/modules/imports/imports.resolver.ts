import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { badInput, forbidden } from '../../common/errors.js';
import { MutationPayload, PayloadType, payload } from '../../common/user-error.js';
import { UserAccount } from '../people/user-account.entity.js';
import { Term } from '../term/term.entity.js';
import { CommitImportInput, PreviewImportInput } from './dto/import.input.js';
import { IMPORT_KIND_LABELS, ImportKind, ImportProblem, ImportRun } from './import-run.entity.js';
import { commitImport, IMPORT_KINDS, previewImport } from './import.service.js';
import { mayImport } from './imports.permissions.js';
import { templatePath } from './template.route.js';

@ObjectType({ description: '匯入檔案的一個欄位' })
class ImportColumn {
  @Field({ description: '欄位名稱' })
  header!: string;

  @Field(() => [String], { description: '也認得的其他欄位名稱' })
  aliases!: string[];

  @Field()
  required!: boolean;

  @Field({ description: '範例值' })
  example!: string;
}

@ObjectType({ description: '一種可匯入的資料，與它的範本' })
class ImportKindInfo {
  @Field(() => ImportKind)
  kind!: ImportKind;

  @Field()
  label!: string;

  @Field(() => [ImportColumn])
  columns!: ImportColumn[];

  @Field({ description: 'CSV 範本（UTF-8）的下載網址' })
  csvTemplateUrl!: string;

  @Field({ description: 'Excel 範本的下載網址' })
  xlsxTemplateUrl!: string;

  @Field({ description: '目前登入者可否匯入這種資料' })
  viewerMayImport!: boolean;
}

@ObjectType({ description: '匯入新建的帳號與首次登入密碼；只在確認匯入時顯示這一次' })
class InitialPasswordEntry {
  @Field()
  username!: string;

  @Field()
  displayName!: string;

  @Field()
  password!: string;
}

const PreviewImportPayload = PayloadType('PreviewImportPayload', 'importRun', () => ImportRun);
type PreviewImportPayload = InstanceType<typeof PreviewImportPayload>;

@ObjectType()
class CommitImportPayload extends MutationPayload {
  @Field(() => ImportRun, { nullable: true })
  importRun!: ImportRun | null;

  @Field(() => [InitialPasswordEntry])
  initialPasswords!: InitialPasswordEntry[];
}

const MAX_PROBLEMS_PAGE = 1000;
const RECENT_IMPORTS = 20;

@Resolver(() => ImportRun)
export class ImportResolver {
  @Authorized()
  @Query(() => [ImportKindInfo], { description: '可匯入的資料種類、欄位與範本' })
  importKinds(@Ctx() ctx: AppContext): ImportKindInfo[] {
    return Object.values(IMPORT_KINDS).map((handler) => ({
      kind: handler.kind,
      label: IMPORT_KIND_LABELS[handler.kind],
      columns: handler.columns.map((column) => ({
        header: column.header,
        aliases: column.aliases ?? [],
        required: column.required,
        example: column.example,
      })),
      csvTemplateUrl: templatePath(handler.kind, 'csv'),
      xlsxTemplateUrl: templatePath(handler.kind, 'xlsx'),
      viewerMayImport: ctx.viewer !== null && handler.mayImport(ctx.viewer),
    }));
  }

  @Authorized()
  @Query(() => [ImportRun], { description: `本校最近的匯入（新的在前，最多 ${RECENT_IMPORTS} 筆）` })
  async recentImports(@Ctx() ctx: AppContext): Promise<ImportRun[]> {
    if (!mayImport(ctx.viewer)) throw forbidden('查看匯入紀錄');
    return ctx.em.find(ImportRun, {}, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: RECENT_IMPORTS });
  }

  @Authorized()
  @Mutation(() => PreviewImportPayload, { description: '試匯入：檢查上傳的檔案，列出每一列的問題，不寫入資料' })
  async previewImport(@Arg('input') input: PreviewImportInput, @Ctx() ctx: AppContext): Promise<PreviewImportPayload> {
    return payload(new PreviewImportPayload(), 'importRun', await previewImport(ctx, input), null);
  }

  @Authorized()
  @Mutation(() => CommitImportPayload, { description: '確認匯入：全部寫入或全部不寫入；同一檔案再匯入不會改變資料' })
  async commitImport(@Arg('input') input: CommitImportInput, @Ctx() ctx: AppContext): Promise<CommitImportPayload> {
    const result = await commitImport(ctx, input.importId);
    const response = new CommitImportPayload();
    response.userErrors = result.userErrors;
    response.importRun = result.value?.run ?? null;
    response.initialPasswords = result.value?.initialPasswords ?? [];
    return response;
  }

  @FieldResolver(() => [ImportProblem], { description: '問題清單，依列號排序' })
  problems(
    @Root() run: ImportRun,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('limit', () => Int, { defaultValue: 200, description: `最多 ${MAX_PROBLEMS_PAGE}` }) limit: number,
  ): ImportProblem[] {
    if (offset < 0 || limit < 1 || limit > MAX_PROBLEMS_PAGE) {
      throw badInput(`limit 必須介於 1 到 ${MAX_PROBLEMS_PAGE} 之間，offset 不可為負。`, 'limit');
    }
    return run.problems.slice(offset, offset + limit);
  }

  @FieldResolver(() => Term)
  async term(@Root() run: ImportRun, @Ctx() ctx: AppContext): Promise<Term | null> {
    return ctx.loaders.termById.load(run.term.id);
  }

  @FieldResolver(() => UserAccount, { nullable: true, description: '上傳並檢查的人' })
  async createdBy(@Root() run: ImportRun, @Ctx() ctx: AppContext): Promise<UserAccount | null> {
    return ctx.loaders.accountById.load(run.createdBy.id);
  }

  @FieldResolver(() => UserAccount, { nullable: true, description: '確認匯入的人' })
  async committedBy(@Root() run: ImportRun, @Ctx() ctx: AppContext): Promise<UserAccount | null> {
    return run.committedBy ? ctx.loaders.accountById.load(run.committedBy.id) : null;
  }
}
