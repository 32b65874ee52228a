import { ArrayType, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { type DataPeriod, periodKey, periodLabel } from '../../common/data-period.js';
import { newId } from '../../common/ids.js';
import { AdminSection } from '../../common/roles.js';
import { TaskKind } from './timeline.enums.js';
import { SubmissionCategory } from '../../common/submission-category.js';
import { rocWindow, taskLabel } from './timeline-window.js';

/**
 * What a bureau's template task and a school's window have in common: the task, its window, the bounds it may move
 * in, who is responsible and where it happens.
 */
@ObjectType()
export abstract class TimelineWindowEntity<Optional extends string = never> {
  [OptionalProps]?:
    | 'globalId'
    | 'label'
    | 'rocWindow'
    | 'sections'
    | 'system'
    | 'notes'
    | 'grade12Round'
    | 'period'
    | 'periodLabel'
    | Optional;

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Field(() => TaskKind)
  @Enum(() => TaskKind)
  kind!: TaskKind;

  @Field(() => SubmissionCategory, { nullable: true, description: '提交類別（只有 SUBMIT 有）' })
  @Enum({ items: () => SubmissionCategory, nullable: true })
  category?: SubmissionCategory | null;

  @Field(() => Int, { description: '所管資料的學年度' })
  @Property()
  dataYear!: number;

  @Field(() => Int, { description: '所管資料的學期：1、2；0 表示整個學年度（課程學習成果與多元表現的勾選、提交）' })
  @Property()
  dataSemester!: DataPeriod['semester'];

  @Field({ description: '是否為高三升學前的提交梯次（只適用高三學生）' })
  @Property({ fieldName: 'grade12_round' })
  grade12Round: boolean = false;

  @Field({ description: '所管資料的期間代碼，例如「1121」或「112_0」（整個學年度）' })
  get period(): string {
    return periodKey({ year: this.dataYear, semester: this.dataSemester });
  }

  @Field({ description: '所管資料的期間，例如「112學年度第1學期」或「112學年度」' })
  get periodLabel(): string {
    return periodLabel({ year: this.dataYear, semester: this.dataSemester });
  }

  @Field({ description: '開始時間' })
  @Property()
  startsAt!: Date;

  @Field({ description: '截止時間' })
  @Property()
  endsAt!: Date;

  @Field({ description: '教育局允許的最早開始時間' })
  @Property({ fieldName: 'earliest_start' })
  earliestStart!: Date;

  @Field({ description: '教育局允許的最晚截止時間' })
  @Property({ fieldName: 'latest_end' })
  latestEnd!: Date;

  @Field(() => [AdminSection], { description: '負責組別' })
  @Property({ type: ArrayType })
  sections: AdminSection[] = [];

  @Field({ description: '作業的系統或地點' })
  @Property()
  system: string = '';

  @Field({ description: '備註' })
  @Property()
  notes: string = '';

  @Field({ description: '工作名稱與所管資料，例如「上傳 112學年度第1學期 課程學習成果」' })
  get label(): string {
    return taskLabel(this);
  }

  @Field({ description: '期間（民國），例如「115/12/01 08:00–115/12/15 17:00」' })
  get rocWindow(): string {
    return rocWindow(this.startsAt, this.endsAt);
  }
}
