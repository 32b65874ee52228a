import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../common/user-error.js';
import { StaggerRule } from './stagger-load.js';

export { StaggerRule };

/** Where a school's expected items come from. */
export enum ItemCountSource {
  PREVIOUS_WINDOW = 'PREVIOUS_WINDOW',
  THIS_WINDOW = 'THIS_WINDOW',
  ESTIMATE = 'ESTIMATE',
}

export const STAGGER_RULE_LABELS: Record<StaggerRule, string> = {
  [StaggerRule.ROUND_ROBIN]: '依學校代碼輪流分組',
  [StaggerRule.BALANCED]: '依規模分組（各組件數相近）',
};

export const ITEM_SOURCE_LABELS: Record<ItemCountSource, string> = {
  [ItemCountSource.PREVIOUS_WINDOW]: '前一學年同期實際件數',
  [ItemCountSource.THIS_WINDOW]: '本期目前實際件數',
  [ItemCountSource.ESTIMATE]: '依學生數估計',
};

registerEnumType(StaggerRule, {
  name: 'StaggerRule',
  description: '錯開截止的分組方式',
  valuesConfig: {
    ROUND_ROBIN: { description: STAGGER_RULE_LABELS.ROUND_ROBIN },
    BALANCED: { description: STAGGER_RULE_LABELS.BALANCED },
  },
});
registerEnumType(ItemCountSource, {
  name: 'ItemCountSource',
  description: '預估件數的來源',
  valuesConfig: {
    PREVIOUS_WINDOW: { description: ITEM_SOURCE_LABELS.PREVIOUS_WINDOW },
    THIS_WINDOW: { description: ITEM_SOURCE_LABELS.THIS_WINDOW },
    ESTIMATE: { description: ITEM_SOURCE_LABELS.ESTIMATE },
  },
});

@InputType({ description: '錯開截止計畫：範本中的一項工作、分組方式、組數與每組相隔天數' })
export class StaggerPlanInput {
  @Field(() => ID, { description: '範本中的工作（TimelineTemplateTask）' })
  templateTaskId!: string;

  @Field(() => StaggerRule)
  rule!: StaggerRule;

  @Field(() => Int, { description: '組數（2–10）' })
  groupCount!: number;

  @Field(() => Int, { description: '每組比前一組晚幾天截止（1–14）' })
  stepDays!: number;
}

@ObjectType({ description: '計畫中的一所學校' })
export class StaggerSchool {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => Int, { description: '在學學生數' })
  students!: number;

  @Field(() => Int, { description: '預估這項工作的件數' })
  items!: number;

  @Field(() => ItemCountSource)
  itemsSource!: ItemCountSource;

  @Field({ description: '件數來源，例如「前一學年同期實際件數」' })
  itemsSourceLabel!: string;

  @Field(() => Int, { nullable: true, description: '所屬組別（1 起算）；未採用範本為 null' })
  group!: number | null;

  @Field(() => String, { nullable: true, description: '學校目前的截止時間（民國）；未採用範本為 null' })
  rocCurrentEndsAt!: string | null;
}

@ObjectType({ description: '一組學校與其截止時間' })
export class StaggerGroup {
  @Field(() => Int, { description: '組別（1 起算）' })
  number!: number;

  @Field()
  endsAt!: Date;

  @Field({ description: '截止時間（民國）' })
  rocEndsAt!: string;

  @Field(() => Int)
  students!: number;

  @Field(() => Int, { description: '預估件數' })
  items!: number;

  @Field(() => [StaggerSchool])
  schools!: StaggerSchool[];
}

@ObjectType({ description: '全市某一天的預估件數：統一截止與錯開截止' })
export class StaggerLoadDay {
  @Field({ description: '日期（YYYY-MM-DD，臺北時間）' })
  date!: string;

  @Field({ description: '日期（民國），例如「115/12/15」' })
  rocDate!: string;

  @Field(() => Int, { description: '統一截止時當天的預估件數' })
  common!: number;

  @Field(() => Int, { description: '錯開截止時當天的預估件數' })
  staggered!: number;
}

@ObjectType({ description: '尖峰日與其預估件數' })
export class StaggerPeak {
  @Field()
  date!: string;

  @Field()
  rocDate!: string;

  @Field(() => Int)
  items!: number;
}

@ObjectType({ description: '錯開截止計畫的試算（尚未套用）' })
export class StaggerPreview {
  @Field()
  taskLabel!: string;

  @Field({ description: '範本名稱' })
  templateName!: string;

  @Field(() => StaggerRule)
  rule!: StaggerRule;

  @Field(() => Int)
  groupCount!: number;

  @Field(() => Int)
  stepDays!: number;

  @Field({ description: '範本的統一截止時間（民國）' })
  rocCommonEndsAt!: string;

  @Field(() => [StaggerGroup])
  groups!: StaggerGroup[];

  @Field(() => [StaggerSchool], { description: '未採用這個範本工作的學校：不在計畫內' })
  unadoptedSchools!: StaggerSchool[];

  @Field(() => Int, { description: '全市預估件數' })
  totalItems!: number;

  @Field(() => [StaggerLoadDay], { description: '逐日預估件數（依截止前衝刺曲線）' })
  days!: StaggerLoadDay[];

  @Field(() => StaggerPeak, { nullable: true, description: '統一截止的尖峰日' })
  commonPeak!: StaggerPeak | null;

  @Field(() => StaggerPeak, { nullable: true, description: '錯開截止的尖峰日' })
  staggeredPeak!: StaggerPeak | null;

  @Field(() => [UserError], { description: '套用前必須解決的問題；空陣列表示可以套用' })
  problems!: UserError[];
}

@ObjectType({ description: '已套用的一組' })
export class StaggerPlanGroup {
  @Field(() => Int)
  number!: number;

  @Field()
  rocEndsAt!: string;

  @Field(() => [String], { description: '學校名稱' })
  schoolNames!: string[];
}

@ObjectType({ description: '已套用的錯開截止計畫' })
export class StaggerPlan {
  @Field(() => ID)
  id!: string;

  @Field()
  taskLabel!: string;

  @Field(() => StaggerRule)
  rule!: StaggerRule;

  @Field(() => Int)
  groupCount!: number;

  @Field(() => Int)
  stepDays!: number;

  @Field(() => Int, { description: '套用時試算的統一截止尖峰（件/日）' })
  commonPeak!: number;

  @Field(() => Int, { description: '套用時試算的錯開截止尖峰（件/日）' })
  staggeredPeak!: number;

  @Field(() => Int)
  schoolCount!: number;

  @Field()
  appliedAt!: Date;

  @Field()
  rocAppliedAt!: string;

  @Field(() => [StaggerPlanGroup])
  groups!: StaggerPlanGroup[];
}

@ObjectType({ description: '可以錯開截止的範本工作（學生上傳與勾選）' })
export class StaggerableTask {
  @Field(() => ID, { description: 'TimelineTemplateTask 的識別碼' })
  templateTaskId!: string;

  @Field()
  taskLabel!: string;

  @Field()
  templateName!: string;

  @Field({ description: '範本的期間（民國）' })
  rocWindow!: string;

  @Field(() => StaggerPlan, { nullable: true, description: '已套用的計畫；尚未套用為 null' })
  plan!: StaggerPlan | null;
}
