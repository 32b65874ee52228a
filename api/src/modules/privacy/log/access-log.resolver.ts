import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { AppContext } from '../../../common/context.js';
import { ConnectionArgs, ConnectionType } from '../../../common/pagination.js';
import { Me } from '../../auth/me.type.js';
import { PII_ACCESS_LABELS, PiiAccessKind } from '../pii-access.js';
import { mayReadStudentsAccessLogs } from '../privacy.permissions.js';
import { studentAccessLog, type AccessLogRow } from './access-log.service.js';

@ObjectType({ description: '一筆個資存取紀錄：誰（哪個處室）在何時看過或下載了學生的個人資料' })
export class PiiAccessEntry implements AccessLogRow {
  @Field(() => ID)
  id!: string;

  @Field({ description: '存取的時間' })
  occurredAt!: Date;

  @Field({ description: '存取者所屬的處室或身分，例如「註冊組」「導師」' })
  office!: string;

  @Field(() => PiiAccessKind)
  kind!: PiiAccessKind;

  @Field({ description: '存取的種類，例如「檢視完整身分證號」' })
  get kindLabel(): string {
    return PII_ACCESS_LABELS[this.kind];
  }

  @Field(() => String, { nullable: true, description: '存取者的姓名（只有註冊組看得到；學生本人只看到處室）' })
  actorName!: string | null;

  @Field(() => String, { nullable: true, description: '請求編號（只有註冊組看得到），可對照系統紀錄' })
  requestId!: string | null;
}

const PiiAccessEntryConnection = ConnectionType(PiiAccessEntry, 'PiiAccessEntry');

@Resolver()
export class PiiAccessLogResolver {
  @Authorized()
  @Query(() => PiiAccessEntryConnection, {
    description:
      '一位學生的個資存取紀錄（誰看過我的資料），新的在前：學生本人看自己的（只顯示處室與時間），註冊組看本校學生的',
  })
  async piiAccessLog(
    @Args() args: ConnectionArgs,
    @Arg('studentId', () => ID, { nullable: true, description: '學生；不填為目前登入的學生本人' })
    studentId: string | null,
    @Ctx() ctx: AppContext,
  ) {
    const page = await studentAccessLog(ctx, studentId, args);
    const toEntry = (row: AccessLogRow) => Object.assign(new PiiAccessEntry(), row);
    return {
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toEntry(edge.node) })),
      nodes: page.nodes.map(toEntry),
      pageInfo: page.pageInfo,
    };
  }
}

/** The retention policy, so the page can say how long the log is kept. */
@Resolver()
export class PiiAccessLogPolicyResolver {
  @Authorized()
  @Query(() => Int, { description: '個資存取紀錄保存的天數（保存政策，預設 1826 天，即 5 年）' })
  piiAccessLogRetentionDays(@Ctx() ctx: AppContext): number {
    return ctx.services.config.privacy.accessLogRetentionDays;
  }
}

/** This module's permission flag on the signed-in viewer. */
@Resolver(() => Me)
export class PrivacyViewerResolver {
  @FieldResolver(() => Boolean, { description: '可以查看本校學生的個資存取紀錄（註冊組）' })
  viewerCanReadPiiAccessLogs(@Root() me: Me): boolean {
    return mayReadStudentsAccessLogs(me.viewer);
  }
}
