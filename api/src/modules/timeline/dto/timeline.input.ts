import { Extensions, Field, ID, InputType, Int } from 'type-graphql';
import { MULTILINE } from '../../../common/input-text.js';
import { AdminSection } from '../../../common/roles.js';
import { TaskKind } from '../timeline.enums.js';
import { SubmissionCategory } from '../../../common/submission-category.js';

@InputType({ description: '範本中的一項工作' })
export class TemplateTaskInput {
  @Field(() => TaskKind)
  kind!: TaskKind;

  @Field(() => SubmissionCategory, { nullable: true, description: 'SUBMIT 必填，其他工作不填' })
  category?: SubmissionCategory | null;

  @Field({
    description:
      '所管資料的期間：學期代碼（「1121」或「11201」）；勾選、多元表現登錄與課程學習成果、多元表現的提交管整個學年度（「112_0」）',
  })
  period!: string;

  @Field(() => Boolean, { nullable: true, description: '高三升學前的梯次（只適用高三學生）；不填為一般梯次' })
  grade12Round?: boolean | null;

  @Field({ description: '預設開始時間' })
  startsAt!: Date;

  @Field({ description: '預設結束時間' })
  endsAt!: Date;

  @Field(() => Date, { nullable: true, description: '學校可提前到的最早開始時間；不填等於預設開始時間' })
  earliestStart?: Date | null;

  @Field(() => Date, { nullable: true, description: '學校可延後到的最晚結束時間；不填等於預設結束時間' })
  latestEnd?: Date | null;

  @Field(() => [AdminSection], { nullable: true })
  sections?: AdminSection[] | null;

  @Field(() => String, { nullable: true, description: '作業的系統或地點' })
  system?: string | null;

  @Extensions(MULTILINE)
  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType({ description: '發布期程範本（教育局）' })
export class PublishTimelineTemplateInput {
  @Field(() => Int)
  academicYear!: number;

  @Field(() => Int)
  semester!: number;

  @Field()
  name!: string;

  @Field(() => [TemplateTaskInput])
  tasks!: TemplateTaskInput[];
}

@InputType({ description: '學校調整的一項期程' })
export class WindowShiftInput {
  @Field(() => TaskKind)
  kind!: TaskKind;

  @Field(() => SubmissionCategory, { nullable: true })
  category?: SubmissionCategory | null;

  @Field({ description: '範本中這項工作的資料期間，例如「1121」或「112_0」' })
  period!: string;

  @Field(() => Boolean, { nullable: true })
  grade12Round?: boolean | null;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;
}

@InputType({ description: '採用教育局範本成為本校期程，可在範圍內調整日期' })
export class AdoptTimelineTemplateInput {
  @Field(() => ID)
  templateId!: string;

  @Field(() => [WindowShiftInput], { nullable: true, description: '不填的工作採用範本預設日期' })
  shifts?: WindowShiftInput[] | null;
}

@InputType({ description: '移動本校的一項期程' })
export class MoveTimelineTaskInput {
  @Field(() => ID)
  taskId!: string;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;
}

@InputType({ description: '為一位學生延長一項期限' })
export class GrantDeadlineExtensionInput {
  @Field(() => ID)
  taskId!: string;

  @Field(() => ID)
  studentId!: string;

  @Field({ description: '延長後的截止時間' })
  endsAt!: Date;

  @Extensions(MULTILINE)
  @Field({ description: '原因，例如「休學復學」「病假」' })
  reason!: string;
}
