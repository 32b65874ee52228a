import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { MutationPayload, PayloadType, payload } from '../../common/user-error.js';
import { termArgumentOrCurrent } from '../term/term.service.js';
import { DiversePerformance } from './diverse-performance.entity.js';
import { DeletePerformanceInput, UpdatePerformanceInput } from './dto/portfolio.input.js';
import { deleteOwnPerformance, ownPerformanceChangeProblem, updateOwnPerformance } from './performance.service.js';
import { mayKeepPortfolio } from './portfolio.permissions.js';

const UpdatePerformancePayload = PayloadType('UpdatePerformancePayload', 'performance', () => DiversePerformance);
type UpdatePerformancePayload = InstanceType<typeof UpdatePerformancePayload>;

@ObjectType()
class DeletePerformancePayload extends MutationPayload {
  @Field(() => ID, { nullable: true, description: '刪除的多元表現的識別碼' })
  deletedId: string | null = null;
}

@ObjectType({ description: '學生現在能否修改或刪除自己某學年的多元表現' })
class PerformanceEditRule {
  @Field({ description: '可以修改或刪除' })
  allowed!: boolean;

  @Field(() => String, { nullable: true, description: '不可以時的原因（期程、已提交或已完成最終提交）' })
  reason!: string | null;
}

/** A student's own performances, changed or taken back before a submission carries them (performance.service.ts). */
@Resolver()
export class PerformanceEditResolver {
  @Authorized()
  @Query(() => PerformanceEditRule, {
    nullable: true,
    description: '學生本人：現在能否修改或刪除這個學期所屬學年（預設目前學年）的多元表現；非學生為空',
  })
  async myPerformanceEditRule(
    @Arg('termId', () => ID, { nullable: true }) termId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<PerformanceEditRule | null> {
    const viewer = ctx.viewer;
    if (!viewer || !mayKeepPortfolio(viewer)) return null;
    const student = await ctx.loaders.studentByAccountId.load(viewer.accountId);
    const term = await termArgumentOrCurrent(ctx, termId);
    if (!student || !term) return null;
    const problem = await ownPerformanceChangeProblem(ctx, student, term.academicYear.id, null);
    return Object.assign(new PerformanceEditRule(), { allowed: problem === null, reason: problem?.message ?? null });
  }

  @Authorized()
  @Mutation(() => UpdatePerformancePayload, {
    description: '學生修改自己的多元表現（上傳期間內，且這個學年的多元表現還沒有提交過自己的資料）',
  })
  async updatePerformance(
    @Arg('input') input: UpdatePerformanceInput,
    @Ctx() ctx: AppContext,
  ): Promise<UpdatePerformancePayload> {
    return payload(new UpdatePerformancePayload(), 'performance', await updateOwnPerformance(ctx, input), null);
  }

  @Authorized()
  @Mutation(() => DeletePerformancePayload, {
    description: '學生刪除自己的多元表現（上傳期間內，且這個學年的多元表現還沒有提交過自己的資料）',
  })
  async deletePerformance(
    @Arg('input') input: DeletePerformanceInput,
    @Ctx() ctx: AppContext,
  ): Promise<DeletePerformancePayload> {
    const result = await deleteOwnPerformance(ctx, input);
    return payload(new DeletePerformancePayload(), 'deletedId', { ...result, value: result.value?.id ?? null }, null);
  }
}
