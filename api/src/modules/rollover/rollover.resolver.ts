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
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Me } from '../auth/me.type.js';
import type { AppContext } from '../../common/context.js';
import { forbidden } from '../../common/errors.js';
import { Role } from '../../common/roles.js';
import { PayloadType, payload } from '../../common/user-error.js';
import { commitRollover, previewRollover } from './rollover.service.js';
import { mayRollOver } from './rollover.permissions.js';
import { RolloverPreview, RolloverRun } from './rollover.types.js';

@InputType({ description: '執行學年度升級（註冊組）' })
class CommitRolloverInput {
  @Field(() => Int, { description: '新學年度，例如 116' })
  toYear!: number;

  @Field(() => ID, {
    nullable: true,
    description: '新學年度班級名單（學號、新班級、座號）的上傳檔；不提供時依班級代號規則',
  })
  classListUploadId?: string | null;

  @Field(() => Boolean, { nullable: true, description: '已看過尚未最終提交的學期，仍要執行' })
  acknowledgeOpenRounds?: boolean | null;
}

const CommitRolloverPayload = PayloadType('CommitRolloverPayload', 'rolloverRun', () => RolloverRun);
type CommitRolloverPayload = InstanceType<typeof CommitRolloverPayload>;

@Resolver()
export class RolloverResolver {
  @Authorized(Role.SCHOOL_ADMIN)
  @Query(() => RolloverPreview, {
    description: '學年度升級的試算（註冊組）：列出會做什麼與必須先解決的問題，不寫入資料',
  })
  async rolloverPreview(
    @Arg('toYear', () => Int, { description: '新學年度，例如 116' }) toYear: number,
    @Arg('classListUploadId', () => ID, { nullable: true }) classListUploadId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<RolloverPreview> {
    const plan = await previewRollover(ctx, { toYear, classListUploadId });
    return {
      fromYear: plan.fromYear,
      toYear: plan.toYear,
      byClassList: plan.byClassList,
      counts: plan.counts,
      classes: plan.classes,
      problems: plan.problems,
      openRounds: plan.openRounds.map((round) => ({
        termLabel: round.termLabel,
        categoryLabels: round.categoryLabels,
      })),
      done: plan.done,
      canCommit: plan.problems.length === 0,
    };
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Query(() => [RolloverRun], { description: '本校歷次學年度升級（新的在前）' })
  async rolloverRuns(@Ctx() ctx: AppContext): Promise<RolloverRun[]> {
    if (!mayRollOver(ctx.viewer)) throw forbidden('查看學年度升級紀錄（限註冊組）');
    return ctx.em.find(RolloverRun, {}, { orderBy: { toYear: 'desc' } });
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Mutation(() => CommitRolloverPayload, {
    description:
      '執行學年度升級（註冊組）：高一、高二升一個年級到新學年度的班級，高三改為畢業，休學者不動；全部成功或全部不寫入',
  })
  async commitRollover(
    @Arg('input') input: CommitRolloverInput,
    @Ctx() ctx: AppContext,
  ): Promise<CommitRolloverPayload> {
    return payload(new CommitRolloverPayload(), 'rolloverRun', await commitRollover(ctx, input), null);
  }
}

/** This module's permission flag on the signed-in viewer. */
@Resolver(() => Me)
export class RolloverViewerResolver {
  @FieldResolver(() => Boolean, { description: '可以辦理學年度升級（註冊組）' })
  viewerCanRollOver(@Root() me: Me): boolean {
    return mayRollOver(me.viewer);
  }
}
