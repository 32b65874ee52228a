import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { Role } from '../../common/roles.js';
import { PayloadType, payload } from '../../common/user-error.js';
import { applyStagger, previewStagger, staggerableTasks } from './stagger.service.js';
import { StaggerableTask, StaggerPlan, StaggerPlanInput, StaggerPreview } from './stagger.types.js';

const ApplyStaggerPlanPayload = PayloadType('ApplyStaggerPlanPayload', 'plan', () => StaggerPlan);
type ApplyStaggerPlanPayload = InstanceType<typeof ApplyStaggerPlanPayload>;

/** The bureau's staggered deadlines (錯開截止): which windows may be staggered, a plan's preview, and applying it. */
@Resolver()
export class StaggerResolver {
  @Authorized(Role.BUREAU_ADMIN)
  @Query(() => [StaggerableTask], { description: '可以錯開截止的範本工作（教育局），新範本在前' })
  staggerableTasks(@Ctx() ctx: AppContext): Promise<StaggerableTask[]> {
    return staggerableTasks(ctx);
  }

  @Authorized(Role.BUREAU_ADMIN)
  @Query(() => StaggerPreview, { description: '試算錯開截止計畫：分組、各組截止與全市尖峰（不會變更任何資料）' })
  staggerPreview(@Arg('input') input: StaggerPlanInput, @Ctx() ctx: AppContext): Promise<StaggerPreview> {
    return previewStagger(ctx, input);
  }

  @Authorized(Role.BUREAU_ADMIN)
  @Mutation(() => ApplyStaggerPlanPayload, {
    description: '套用錯開截止計畫：各校這項工作的截止改為所屬組別的日期（同一交易，會通知相關的人）',
  })
  async applyStaggerPlan(
    @Arg('input') input: StaggerPlanInput,
    @Ctx() ctx: AppContext,
  ): Promise<ApplyStaggerPlanPayload> {
    return payload(new ApplyStaggerPlanPayload(), 'plan', await applyStagger(ctx, input), null);
  }
}
