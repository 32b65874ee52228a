import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumDescriptions } from '../../common/enum-descriptions.js';
import { SubmissionCategory } from '../../common/submission-category.js';
import { MutationPayload } from '../../common/user-error.js';
import { SchoolTermProgressRow } from '../statistics/statistics.types.js';
import { TaskKind } from '../timeline/timeline.enums.js';
import { BoardMeasure } from './board-forecast.js';

/** Where a category of a school's round is, furthest first reached. */
export enum BoardStage {
  NOT_STARTED = 'NOT_STARTED',
  PRECHECK = 'PRECHECK',
  GRADE_ENTRY = 'GRADE_ENTRY',
  UPLOADING = 'UPLOADING',
  CERTIFYING = 'CERTIFYING',
  SELECTING = 'SELECTING',
  AWAITING_SUBMISSION = 'AWAITING_SUBMISSION',
  SUBMITTED = 'SUBMITTED',
  RECEIPTS_IMPORTED = 'RECEIPTS_IMPORTED',
  CONFIRMING = 'CONFIRMING',
  LOCKED = 'LOCKED',
}

export const BOARD_STAGE_LABELS: Record<BoardStage, string> = {
  [BoardStage.NOT_STARTED]: '尚未開始',
  [BoardStage.PRECHECK]: '預檢中',
  [BoardStage.GRADE_ENTRY]: '成績登錄中',
  [BoardStage.UPLOADING]: '上傳中',
  [BoardStage.CERTIFYING]: '認證中',
  [BoardStage.SELECTING]: '勾選中',
  [BoardStage.AWAITING_SUBMISSION]: '待提交',
  [BoardStage.SUBMITTED]: '已提交',
  [BoardStage.RECEIPTS_IMPORTED]: '已匯入收訖明細',
  [BoardStage.CONFIRMING]: '確認中',
  [BoardStage.LOCKED]: '已最終提交',
};

export const BOARD_MEASURE_LABELS: Record<BoardMeasure, string> = {
  [BoardMeasure.CERTIFY]: '已認證（含不通過）的上傳件數 ÷ 上傳件數',
  [BoardMeasure.SELECT]: '已勾選的學生 ÷ 有已認證成果可勾選的學生',
  [BoardMeasure.CONFIRM]: '已回覆的收訖明細列 ÷ 收訖明細列',
};

registerEnumType(BoardStage, { name: 'BoardStage', valuesConfig: enumDescriptions(BOARD_STAGE_LABELS) });
registerEnumType(BoardMeasure, {
  name: 'BoardMeasure',
  description: '期程完成度的算法',
  valuesConfig: enumDescriptions(BOARD_MEASURE_LABELS),
});

@ObjectType({ description: '一個類別在一所學校的進度，對照市定日期' })
export class BoardCategory {
  @Field(() => SubmissionCategory)
  category!: SubmissionCategory;

  @Field({ description: '類別名稱' })
  label!: string;

  @Field(() => String, {
    nullable: true,
    description: '所看的梯次：這個學期的提交（或工作）送出的資料期間，例如「114學年度」',
  })
  periodLabel!: string | null;

  @Field(() => BoardStage)
  stage!: BoardStage;

  @Field({ description: '階段名稱' })
  stageLabel!: string;

  @Field({ description: '已過市定日期卻還沒做到' })
  late!: boolean;

  @Field(() => String, { nullable: true, description: '落後的說明，例如「未於市定 115/12/20 17:00 前提交」' })
  lateReason!: string | null;

  @Field(() => Date, { nullable: true, description: '下一個市定日期' })
  nextCityDate!: Date | null;

  @Field(() => String, { nullable: true, description: '下一個市定日期（民國）與工作' })
  nextCityDateLabel!: string | null;
}

@ObjectType({ description: '一天的上傳、認證、勾選件數' })
export class BoardPaceDay {
  @Field({ description: '日期（YYYY-MM-DD，臺北時間）' })
  day!: string;

  @Field({ description: '日期（民國）' })
  dayRoc!: string;

  @Field(() => Int, { description: '上傳件數：課程學習成果的版本與多元表現' })
  uploads!: number;

  @Field(() => Int, { description: '認證件數：教師決定（通過或不通過）的課程學習成果版本' })
  certifications!: number;

  @Field(() => Int, { description: '勾選件數：課程學習成果與多元表現' })
  selections!: number;
}

@ObjectType({ description: '一個開放中的期程的完成預測' })
export class BoardForecast {
  @Field(() => ID, { description: '學校的期程工作' })
  taskId!: string;

  @Field(() => TaskKind)
  taskKind!: TaskKind;

  @Field()
  taskLabel!: string;

  @Field(() => BoardMeasure)
  measure!: BoardMeasure;

  @Field({ description: '學校採用的截止時間' })
  endsAt!: Date;

  @Field()
  endsAtRoc!: string;

  @Field(() => Date, { nullable: true, description: '市定截止時間（範本）' })
  cityEndsAt!: Date | null;

  @Field(() => Int, { description: '已完成' })
  done!: number;

  @Field(() => Int, { description: '應完成' })
  total!: number;

  @Field(() => Float, { nullable: true, description: '目前完成率（%）' })
  sharePct!: number | null;

  @Field(() => Float, { description: '近 7 日平均每日完成件數' })
  dailyPace!: number;

  @Field(() => Float, { description: '距截止的天數' })
  daysLeft!: number;

  @Field(() => Float, { nullable: true, description: '依目前速度預估截止時的完成率（%）' })
  projectedPct!: number | null;

  @Field(() => Float, { description: '目標完成率（%，政策）' })
  targetPct!: number;

  @Field({ description: '預估截止時達不到目標' })
  willMiss!: boolean;
}

@ObjectType({ description: '可以從看板提醒的期程工作' })
export class BoardTask {
  @Field(() => ID)
  taskId!: string;

  @Field(() => TaskKind)
  kind!: TaskKind;

  @Field()
  label!: string;

  @Field()
  endsAt!: Date;

  @Field()
  endsAtRoc!: string;
}

@ObjectType({ description: '看板上的一所學校（部別）' })
export class BoardSchool {
  @Field(() => ID)
  schoolId!: string;

  @Field()
  schoolCode!: string;

  @Field()
  schoolName!: string;

  @Field()
  division!: string;

  @Field({ description: '這所學校有這個學期的期程' })
  hasTimeline!: boolean;

  @Field(() => [BoardCategory])
  categories!: BoardCategory[];

  @Field(() => [BoardPaceDay], { description: '近 7 日每日件數，最早的一天在前' })
  pace!: BoardPaceDay[];

  @Field(() => [BoardForecast], { description: '開放中且有完成度的期程的預測' })
  forecasts!: BoardForecast[];

  @Field(() => [BoardTask], { description: '本學期的期程工作（提醒時選用）' })
  tasks!: BoardTask[];

  @Field({ description: '有類別落後市定日期' })
  late!: boolean;

  @Field({ description: '有期程預估達不到目標' })
  forecastMiss!: boolean;

  @Field(() => SchoolTermProgressRow, {
    nullable: true,
    description: '學期進度（與統計頁的 cityTermProgress 相同；沒有開放中的期程時為空）',
  })
  progress!: SchoolTermProgressRow | null;
}

@ObjectType({ description: '預測的回測：在過去期程截止前 N 天做同樣的預測，與截止時的結果比較' })
export class BoardForecastAccuracy {
  @Field(() => Int, { description: '在截止前幾天預測' })
  horizonDays!: number;

  @Field(() => Int, { description: '回測的期程數（學校 × 已截止且有應完成件數的期程）' })
  windows!: number;

  @Field(() => Int, { description: '預測會延誤，也確實延誤' })
  hits!: number;

  @Field(() => Int, { description: '預測不會延誤，卻延誤了（漏報）' })
  misses!: number;

  @Field(() => Int, { description: '預測會延誤，卻如期完成（誤報）' })
  falseAlarms!: number;

  @Field(() => Int, { description: '預測不會延誤，也如期完成' })
  correctPasses!: number;

  @Field({ description: '一句話的摘要' })
  summary!: string;
}

@ObjectType({ description: '預測的政策' })
export class BoardForecastPolicy {
  @Field(() => BoardMeasure)
  measure!: BoardMeasure;

  @Field()
  description!: string;

  @Field(() => Float)
  targetPct!: number;
}

@ObjectType({ description: '教育局即時看板：一個學期各校的階段、速度與預測' })
export class BureauBoard {
  @Field({ description: '學期代碼，例如 1151' })
  termKey!: string;

  @Field()
  termLabel!: string;

  @Field()
  asOf!: Date;

  @Field()
  asOfRoc!: string;

  @Field(() => [BoardSchool])
  schools!: BoardSchool[];

  @Field(() => BoardForecastAccuracy, { description: '這個學期已截止期程的預測回測' })
  boardForecastAccuracy!: BoardForecastAccuracy;

  @Field(() => [BoardForecastPolicy])
  policy!: BoardForecastPolicy[];

  @Field(() => Int, { description: '同一學校同一工作的提醒，至少間隔幾小時' })
  alertGapHours!: number;
}

@InputType()
export class SendBoardAlertInput {
  @Field(() => ID, { description: '所轄學校' })
  schoolId!: string;

  @Field(() => ID, { description: '這所學校的期程工作' })
  taskId!: string;

  @Field(() => String, { nullable: true, description: '附註（100 字以內）' })
  note?: string | null;
}

@ObjectType({ description: '送出的提醒' })
export class BoardAlertSent {
  @Field(() => ID)
  id!: string;

  @Field()
  sentAt!: Date;

  @Field()
  sentAtRoc!: string;
}

@ObjectType()
export class SendBoardAlertPayload extends MutationPayload {
  @Field(() => BoardAlertSent, { nullable: true })
  alert!: BoardAlertSent | null;
}
