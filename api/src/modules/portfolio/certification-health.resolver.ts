import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { PayloadType, payload } from '../../common/user-error.js';
import { CourseOutcome } from './course-outcome.entity.js';
import { certificationHealth, certificationWaitOf, setCertificationPolicy } from './certification-health.service.js';
import {
  CertificationHealth,
  CertificationPolicy,
  CertificationPolicyInput,
  CertificationWait,
} from './certification-health.types.js';

const CertificationPolicyPayload = PayloadType('CertificationPolicyPayload', 'policy', () => CertificationPolicy);
type CertificationPolicyPayload = InstanceType<typeof CertificationPolicyPayload>;

@Resolver(() => CourseOutcome)
export class CertificationHealthResolver {
  @Authorized()
  @Query(() => CertificationHealth, {
    description: '認證健康度（教學組、執行秘書）：各教師與課程的待認證等候天數、自動轉派代理人、未通過比例',
  })
  certificationHealth(
    @Arg('teacherId', () => ID, { nullable: true, description: '只看這位教師' }) teacherId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<CertificationHealth> {
    return certificationHealth(ctx, teacherId);
  }

  @Authorized()
  @Mutation(() => CertificationPolicyPayload, { description: '設定待認證滿幾天自動轉給代理人（教學組，1–60 天）' })
  async setCertificationPolicy(
    @Arg('input') input: CertificationPolicyInput,
    @Ctx() ctx: AppContext,
  ): Promise<CertificationPolicyPayload> {
    return payload(new CertificationPolicyPayload(), 'policy', await setCertificationPolicy(ctx, input), null);
  }

  @FieldResolver(() => CertificationWait, {
    nullable: true,
    description: '待認證的等候情形與是否已自動轉給代理人（學校教職員可見；非待認證為空）',
  })
  certificationWait(@Root() outcome: CourseOutcome, @Ctx() ctx: AppContext): Promise<CertificationWait | null> {
    return certificationWaitOf(ctx, outcome.id);
  }
}
