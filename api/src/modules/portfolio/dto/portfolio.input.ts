import { Extensions, Field, ID, InputType } from 'type-graphql';
import { MULTILINE } from '../../../common/input-text.js';
import { OutcomeKind, PerformanceCategory } from '../portfolio.enums.js';

@InputType()
export class UploadCourseOutcomeInput {
  @Field(() => ID, { description: '自己的修課紀錄' })
  enrolmentId!: string;

  @Field(() => OutcomeKind)
  kind!: OutcomeKind;

  @Extensions(MULTILINE)
  @Field({ description: '簡述，100 字以內' })
  description!: string;

  @Field(() => ID, { nullable: true, description: '文件（PDF、JPG、PNG）的上傳 id' })
  documentUploadId?: string | null;

  @Field(() => ID, { nullable: true, description: '影音（MP3、MP4）的上傳 id' })
  mediaUploadId?: string | null;
}

@InputType()
export class ReplaceCourseOutcomeInput {
  @Field(() => ID)
  outcomeId!: string;

  @Extensions(MULTILINE)
  @Field(() => String, { nullable: true, description: '新的簡述；省略則沿用' })
  description?: string | null;

  @Field(() => ID, { nullable: true })
  documentUploadId?: string | null;

  @Field(() => ID, { nullable: true })
  mediaUploadId?: string | null;
}

@InputType()
export class CertifyCourseOutcomesInput {
  @Field(() => [ID], { description: '要認證的成果（可一次多件）' })
  outcomeIds!: string[];
}

@InputType()
export class RejectCourseOutcomeInput {
  @Field(() => ID)
  outcomeId!: string;

  @Extensions(MULTILINE)
  @Field({ description: '未通過的理由（學生會看到）' })
  reason!: string;
}

@InputType()
export class CertificationProxyInput {
  @Field(() => ID, { description: '任課教師' })
  teacherId!: string;

  @Field(() => ID, { description: '代理人' })
  proxyId!: string;
}

@InputType()
export class PerformanceDetailInput {
  @Field()
  key!: string;

  @Field()
  value!: string;
}

@InputType()
export class RecordPerformanceInput {
  @Field(() => PerformanceCategory)
  category!: PerformanceCategory;

  @Field({ description: '名稱（競賽名稱、證照名稱、職稱…）' })
  title!: string;

  @Field(() => [PerformanceDetailInput], { description: '類別的其他欄位（見 performanceCategories）' })
  details!: PerformanceDetailInput[];

  @Extensions(MULTILINE)
  @Field({ description: '簡述，100 字以內' })
  description!: string;

  @Field(() => ID, { nullable: true })
  documentUploadId?: string | null;

  @Field(() => ID, { nullable: true })
  mediaUploadId?: string | null;

  @Field(() => String, { nullable: true, description: 'http 或 https 網址' })
  externalLink?: string | null;
}

@InputType()
export class SelectItemInput {
  @Field(() => ID, { description: '課程學習成果或多元表現' })
  itemId!: string;

  @Field({ description: 'true 勾選，false 取消勾選' })
  selected!: boolean;
}

@InputType({ description: '學生修改自己的一筆多元表現（提交前、上傳期間內）' })
export class UpdatePerformanceInput {
  @Field(() => ID)
  performanceId!: string;

  @Field(() => PerformanceCategory)
  category!: PerformanceCategory;

  @Field({ description: '名稱（競賽名稱、證照名稱、職稱…）' })
  title!: string;

  @Field(() => [PerformanceDetailInput], { description: '類別的其他欄位（見 performanceCategories）' })
  details!: PerformanceDetailInput[];

  @Extensions(MULTILINE)
  @Field({ description: '簡述，100 字以內' })
  description!: string;

  @Field(() => ID, { nullable: true, description: '換成這份新上傳的文件；不填則保留原文件' })
  documentUploadId?: string | null;

  @Field(() => ID, { nullable: true, description: '換成這份新上傳的影音；不填則保留原影音' })
  mediaUploadId?: string | null;

  @Field(() => String, { nullable: true, description: 'http 或 https 網址；不填則清除' })
  externalLink?: string | null;
}

@InputType({ description: '學生刪除自己的一筆多元表現（提交前、上傳期間內）' })
export class DeletePerformanceInput {
  @Field(() => ID)
  performanceId!: string;
}
