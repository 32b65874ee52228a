import { Arg, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { forbidden } from '../../common/errors.js';
import { MutationPayload, PayloadType, payload } from '../../common/user-error.js';
import { School } from '../school/school.entity.js';
import { CourseOutcome } from './course-outcome.entity.js';
import { DiversePerformance } from './diverse-performance.entity.js';
import { SelectItemInput } from './dto/portfolio.input.js';
import { requireStudent, setOutcomeUploadCap } from './outcome.service.js';
import { selectionCount, selectItem } from './selection.service.js';
import { termArgumentOrCurrent } from '../term/term.service.js';
import { SelectionSummary } from './portfolio.types.js';

@ObjectType()
class SelectItemPayload extends MutationPayload {
  @Field(() => CourseOutcome, { nullable: true })
  outcome!: CourseOutcome | null;

  @Field(() => DiversePerformance, { nullable: true })
  performance!: DiversePerformance | null;

  @Field(() => SelectionSummary, { nullable: true, description: '勾選後的數量' })
  summary!: SelectionSummary | null;
}
const SchoolSettingsPayload = PayloadType('SchoolSettingsPayload', 'school', () => School);
type SchoolSettingsPayload = InstanceType<typeof SchoolSettingsPayload>;

@Resolver()
export class SelectionResolver {
  @Authorized()
  @Query(() => SelectionSummary, { description: '自己的勾選數量與上限（學生；預設為目前學年）' })
  async mySelection(
    @Arg('termId', () => ID, { nullable: true }) termId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<SelectionSummary> {
    const { student } = await requireStudent(ctx);
    const term = await termArgumentOrCurrent(ctx, termId);
    if (!term) throw forbidden('在學期外查看勾選');
    return selectionCount(ctx, student, term.academicYear.id);
  }

  @Authorized()
  @Mutation(() => SelectItemPayload, { description: '勾選（或取消勾選）要提交中央資料庫的項目' })
  async selectItem(@Arg('input') input: SelectItemInput, @Ctx() ctx: AppContext): Promise<SelectItemPayload> {
    const result = await selectItem(ctx, input);
    const response = new SelectItemPayload();
    response.userErrors = result.userErrors;
    response.outcome = result.value instanceof CourseOutcome ? result.value : null;
    response.performance = result.value instanceof DiversePerformance ? result.value : null;
    response.summary = result.value
      ? await selectionCount(ctx, (await requireStudent(ctx)).student, result.value.academicYear.id)
      : null;
    return response;
  }

  @Authorized()
  @Mutation(() => SchoolSettingsPayload, {
    description: '設定每位學生每學期上傳課程學習成果的上限（教學組；null 表示不限）',
  })
  async setOutcomeUploadCap(
    @Arg('cap', () => Int, { nullable: true }) cap: number | null,
    @Ctx() ctx: AppContext,
  ): Promise<SchoolSettingsPayload> {
    return payload(new SchoolSettingsPayload(), 'school', await setOutcomeUploadCap(ctx, cap), null);
  }
}
