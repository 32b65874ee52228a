import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PerformanceCategory } from './portfolio.enums.js';
import type { PortfolioCounts } from './selection.service.js';

@ObjectType({ description: '勾選數量與上限（每學年）' })
export class SelectionSummary {
  @Field(() => ID)
  academicYearId!: string;

  @Field(() => Int)
  outcomesSelected!: number;

  @Field(() => Int)
  outcomesMax!: number;

  @Field(() => Int)
  performancesSelected!: number;

  @Field(() => Int)
  performancesMax!: number;
}

@ObjectType({ description: '選項：中央資料庫名冊的代碼與學生看到的名稱' })
export class PerformanceChoiceInfo {
  @Field({ description: '名冊上的代碼' })
  code!: string;

  @Field()
  label!: string;
}

@ObjectType({ description: '多元表現類別的一個欄位' })
export class PerformanceFieldInfo {
  @Field()
  key!: string;

  @Field()
  label!: string;

  @Field({ description: 'text、date（YYYY-MM-DD）、number 或 choice' })
  kind!: string;

  @Field()
  required!: boolean;

  @Field(() => [String], { description: 'choice 的選項名稱（學生選擇並儲存的值）' })
  choices!: string[];

  @Field(() => [PerformanceChoiceInfo], { description: 'choice 的選項與各自的代碼' })
  options!: PerformanceChoiceInfo[];
}

@ObjectType({ description: '多元表現的類別與欄位' })
export class PerformanceCategoryInfo {
  @Field(() => PerformanceCategory)
  category!: PerformanceCategory;

  @Field()
  label!: string;

  @Field(() => [PerformanceFieldInfo])
  fields!: PerformanceFieldInfo[];

  @Field({
    description:
      '目前開放登錄新資料（全市平臺的類別設定 PERFORMANCE_CATEGORIES）；不開放的類別，已登錄的資料仍保留並可勾選、提交',
  })
  offered!: boolean;
}

@ObjectType({ description: '多元表現的欄位值' })
export class PerformanceDetail {
  @Field()
  key!: string;

  @Field()
  label!: string;

  @Field()
  value!: string;

  @Field(() => String, { nullable: true, description: '選項欄位在名冊上的代碼' })
  code!: string | null;
}

@ObjectType({ description: '學習歷程的進度（某學期的課程學習成果與該學年的多元表現）' })
export class PortfolioProgress implements PortfolioCounts {
  @Field(() => Int, { description: '已上傳的課程學習成果' })
  outcomes!: number;

  @Field(() => Int, { description: '待認證' })
  pending!: number;

  @Field(() => Int, { description: '已認證' })
  certified!: number;

  @Field(() => Int, { description: '未通過' })
  rejected!: number;

  @Field(() => Int, { description: '已勾選的課程學習成果' })
  outcomesSelected!: number;

  @Field(() => Int, { description: '該學年的多元表現' })
  performances!: number;

  @Field(() => Int, { description: '已勾選的多元表現' })
  performancesSelected!: number;
}
