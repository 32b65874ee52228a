import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserAccount } from '../people/user-account.entity.js';

/** The school's routing age (教學組 sets it). */
@ObjectType({ description: '認證代理的轉派規則：待認證超過幾天自動轉給代理人' })
export class CertificationPolicy {
  @Field(() => Int, { description: '待認證滿幾天轉給代理人' })
  routeAfterDays!: number;

  @Field({ description: '尚未設定，採預設值' })
  isDefault!: boolean;

  @Field(() => Int, { description: '可設定的最小天數' })
  minDays!: number;

  @Field(() => Int, { description: '可設定的最大天數' })
  maxDays!: number;

  @Field(() => Date, { nullable: true, description: '最近一次設定的時間' })
  updatedAt!: Date | null;
}

/** How long the waiting items of one teacher, one section or the whole school have waited. */
@ObjectType()
export abstract class QueueAge {
  @Field(() => Int, { description: '待認證件數' })
  waiting!: number;

  @Field(() => Int, { description: '等候已達轉派天數的件數' })
  overdue!: number;

  @Field(() => Int, { description: '已自動轉給代理人的件數（教師有代理人且已逾轉派天數）' })
  routed!: number;

  @Field(() => Int, { nullable: true, description: '最久一件已等候的天數（滿 24 小時算一天）' })
  oldestDays!: number | null;

  @Field(() => Float, { nullable: true, description: '等候天數的中位數' })
  medianDays!: number | null;

  @Field(() => Date, { nullable: true, description: '最久一件開始等候的時間' })
  oldestWaitingSince!: Date | null;
}

@ObjectType({ description: '全校的認證佇列' })
export class SchoolQueueAge extends QueueAge {}

@ObjectType({ description: '一位教師的認證健康度' })
export class TeacherCertificationHealth extends QueueAge {
  @Field(() => UserAccount)
  teacher!: UserAccount;

  @Field(() => [UserAccount], { description: '這位教師的認證代理人' })
  proxies!: UserAccount[];

  @Field({ description: '有逾期待認證、卻沒有代理人：請教學組指定' })
  needsProxy!: boolean;

  @Field(() => String, { nullable: true, description: '建議的處理（例如「請指定認證代理人」）' })
  action!: string | null;

  @Field(() => Int, { description: '近 365 天親自作出的認證決定（含代理）' })
  decisions!: number;

  @Field(() => Int, { description: '其中未通過的件數' })
  rejected!: number;

  @Field(() => Float, { nullable: true, description: '未通過比例（0–1）' })
  rejectionRate!: number | null;

  @Field(() => Float, { nullable: true, description: '全校其他教師合計的未通過比例（0–1），用來比較' })
  othersRejectionRate!: number | null;

  @Field({ description: '未通過比例遠高於全校其他教師（規則見 rejectionRule）' })
  rejectionFlagged!: boolean;
}

@ObjectType({ description: '一個課程班別的認證佇列' })
export class SectionCertificationHealth extends QueueAge {
  @Field(() => ID, { description: '開課班別（CourseSection）的 id' })
  sectionId!: string;

  @Field({ description: '科目名稱' })
  subjectName!: string;

  @Field({ description: '班別名稱' })
  sectionName!: string;

  @Field({ description: '學期，例如 115學年度第1學期' })
  termLabel!: string;

  @Field(() => UserAccount, { nullable: true })
  teacher!: UserAccount | null;
}

@ObjectType({ description: '認證健康度：待認證的等候天數、自動轉派代理人、各教師的未通過比例' })
export class CertificationHealth {
  @Field({ description: '計算的時間' })
  asOf!: Date;

  @Field(() => CertificationPolicy)
  policy!: CertificationPolicy;

  @Field(() => SchoolQueueAge)
  school!: SchoolQueueAge;

  @Field(() => Int, { description: '全校近 365 天的認證決定數' })
  schoolDecisions!: number;

  @Field(() => Int)
  schoolRejected!: number;

  @Field(() => Float, { nullable: true, description: '全校未通過比例（0–1）' })
  schoolRejectionRate!: number | null;

  @Field({ description: '未通過比例的標示規則（中文）' })
  rejectionRule!: string;

  @Field(() => [TeacherCertificationHealth], { description: '依最久等候天數排序，最嚴重的在前' })
  teachers!: TeacherCertificationHealth[];

  @Field(() => [SectionCertificationHealth], { description: '依最久等候天數排序，最嚴重的在前' })
  sections!: SectionCertificationHealth[];
}

/** Where an outcome waiting for certification stands: how long, and whether it went to the proxy. */
@ObjectType({ description: '待認證成果的等候情形' })
export class CertificationWait {
  @Field({ description: '開始等候的時間：目前版本上傳（或更換）的時間，但不早於本學期認證期程開始' })
  since!: Date;

  @Field(() => Int, { description: '已等候天數（滿 24 小時算一天）' })
  days!: number;

  @Field(() => Int, { description: '學校的轉派天數' })
  routeAfterDays!: number;

  @Field({ description: '已自動轉給代理人' })
  routed!: boolean;

  @Field({ description: '轉給的代理人正是檢視者' })
  routedToViewer!: boolean;

  @Field(() => [UserAccount], { description: '任課教師的代理人' })
  proxies!: UserAccount[];

  @Field(() => String, { nullable: true, description: '給檢視者看的說明，例如「已等候 9 天，自動轉給代理人」' })
  note!: string | null;
}

@InputType()
export class CertificationPolicyInput {
  @Field(() => Int, { description: '待認證滿幾天自動轉給代理人（1–60）' })
  routeAfterDays!: number;
}
