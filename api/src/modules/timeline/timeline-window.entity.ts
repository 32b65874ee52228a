import { ArrayType, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
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
  [OptionalProps]?: 'globalId' | 'label' | 'rocWindow' | 'sections' | 'system' | 'notes' | Optional;

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Field(() => TaskKind)
  @Enum(() => TaskKind)
  kind!: TaskKind;

  @Field(() => SubmissionCategory, { nullable: true, description: '提交類別（只有 SUBMIT 有）' })
  @Enum({ items: () => SubmissionCategory, nullable: true })
  category?: SubmissionCategory | null;

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

  @Field({ description: '工作名稱，例如「學生勾選課程學習成果」' })
  get label(): string {
    return taskLabel(this.kind, this.category);
  }

  @Field({ description: '期間（民國），例如「115/12/01 08:00–115/12/15 17:00」' })
  get rocWindow(): string {
    return rocWindow(this.startsAt, this.endsAt);
  }
}
