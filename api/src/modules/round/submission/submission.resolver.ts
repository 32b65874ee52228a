import { periodLabel } from '../../../common/data-period.js';
import { packagePeriod, roundTermOf } from '../round-cadence.js';
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
import { PayloadType, payload } from '../../../common/user-error.js';
import { UserAccount } from '../../people/user-account.entity.js';
import { Term } from '../../term/term.entity.js';
import { SubmissionCategory } from '../../../common/submission-category.js';
import { packageUrlOf } from './submission.route.js';
import { Submission } from '../submission.entity.js';
import { submitTerm } from './submission.service.js';
import { mayDownloadPackage, mayListSubmissions } from '../round.permissions.js';
import { termArgument } from '../../term/term.service.js';

@InputType({ description: '提交某學期某類別的資料至中央資料庫' })
class SubmitTermInput {
  @Field(() => ID)
  termId!: string;

  @Field(() => SubmissionCategory)
  category!: SubmissionCategory;

  @Field({ description: '用戶端產生的識別碼（8–100 字元）；重送同一個請求時沿用，只會產生一份提交' })
  idempotencyKey!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: '高三升學前梯次（只含高三學生的基本資料、課程學習成果、多元表現）；不填為一般梯次',
  })
  grade12Round?: boolean | null;
}

const SubmitTermPayload = PayloadType('SubmitTermPayload', 'submission', () => Submission);
type SubmitTermPayload = InstanceType<typeof SubmitTermPayload>;

@ObjectType({ description: '資料包中一份名冊的筆數' })
class SubmissionRosterCount {
  @Field({ description: '名冊在資料包中的路徑' })
  path!: string;

  @Field(() => Int)
  rows!: number;
}

@Resolver(() => Submission)
export class SubmissionResolver {
  @Authorized()
  @Query(() => [Submission], { description: '本校某學期的提交紀錄，新的在前（負責提交的處室）' })
  async submissions(@Arg('termId', () => ID) termId: string, @Ctx() ctx: AppContext): Promise<Submission[]> {
    if (!mayListSubmissions(ctx.viewer)) throw forbidden('查看提交紀錄');
    const term = await termArgument(ctx, termId);
    return ctx.em.find(Submission, { term: term.id }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  }

  @Authorized()
  @Mutation(() => SubmitTermPayload, { description: '提交：依當下的資料產生中央格式資料包並保存（需在提交期程內）' })
  async submitTerm(@Arg('input') input: SubmitTermInput, @Ctx() ctx: AppContext): Promise<SubmitTermPayload> {
    return payload(new SubmitTermPayload(), 'submission', await submitTerm(ctx, input), null);
  }

  @FieldResolver(() => Term)
  term(@Root() submission: Submission, @Ctx() ctx: AppContext): Promise<Term | null> {
    return ctx.loaders.termById.load(submission.term.id);
  }

  @FieldResolver(() => String, {
    description: '資料包涵蓋的資料期間，例如「112學年度第1學期」或「112學年度」（課程學習成果、多元表現）',
  })
  async periodLabel(@Root() submission: Submission, @Ctx() ctx: AppContext): Promise<string> {
    const term = (await ctx.loaders.termById.load(submission.term.id))!;
    return periodLabel(packagePeriod(await roundTermOf(ctx, term), submission.category));
  }

  @FieldResolver(() => UserAccount, { description: '提交的人' })
  createdBy(@Root() submission: Submission, @Ctx() ctx: AppContext): Promise<UserAccount | null> {
    return ctx.loaders.accountById.load(submission.createdBy.id);
  }

  @FieldResolver(() => [SubmissionRosterCount], { description: '各名冊的筆數（依資料夾與名冊編號）' })
  rosters(@Root() submission: Submission): SubmissionRosterCount[] {
    // jsonb keeps its keys in its own order (shorter first), not the package's: 2_…, 10_…, 11_… by their numbers.
    return Object.entries(submission.rowCounts)
      .map(([path, rows]) => ({ path, rows }))
      .sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
  }

  @FieldResolver(() => Boolean, { description: '檢視者可否下載資料包（含完整身分證號，限註冊組）' })
  viewerCanDownload(@Ctx() ctx: AppContext): boolean {
    return mayDownloadPackage(ctx.viewer);
  }

  @FieldResolver(() => String, { description: '下載資料包（zip）的網址（限註冊組）' })
  packageUrl(@Root() submission: Submission): string {
    return packageUrlOf(submission);
  }
}
