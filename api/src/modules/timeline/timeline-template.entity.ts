import { ArrayType, Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { newId, toGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';
import { termKey, termLabel } from '../../common/roc.js';
import { Authority } from '../authority/authority.entity.js';
import { AdminSection } from '../people/people.enums.js';
import { SubmissionCategory, TaskKind } from './timeline.enums.js';
import { rocWindow, taskLabel } from './timeline-window.js';

/** A bureau's timeline for one term: default windows and the bounds inside which schools may move them. */
@ObjectType({ implements: Node, description: '教育局發布的期程範本' })
@Entity({ tableName: 'timeline_template' })
export class TimelineTemplate implements Node {
  [OptionalProps]?: 'globalId' | 'termKey' | 'termLabel';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Authority, { ref: true })
  authority!: Ref<Authority>;

  @Field(() => Int, { description: '學年度' })
  @Property()
  academicYear!: number;

  @Field(() => Int, { description: '學期' })
  @Property()
  semester!: number;

  @Field({ description: '範本名稱' })
  @Property()
  name!: string;

  @Field({ description: '發布時間' })
  @Property()
  publishedAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  createdBy?: string | null;

  get globalId(): string {
    return toGlobalId('TimelineTemplate', this.id);
  }

  @Field({ description: '學期代碼，例如 1122' })
  get termKey(): string {
    return termKey(this.academicYear, this.semester);
  }

  @Field({ description: '例如「112學年度第2學期」' })
  get termLabel(): string {
    return termLabel(this.academicYear, this.semester);
  }
}

@ObjectType({ implements: Node, description: '範本中的一項工作與其可調整範圍' })
@Entity({ tableName: 'timeline_template_task' })
export class TimelineTemplateTask implements Node {
  [OptionalProps]?: 'globalId' | 'label' | 'rocWindow' | 'sections' | 'system' | 'notes';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Authority, { ref: true })
  authority!: Ref<Authority>;

  @ManyToOne(() => TimelineTemplate, { ref: true })
  template!: Ref<TimelineTemplate>;

  @Field(() => TaskKind)
  @Enum(() => TaskKind)
  kind!: TaskKind;

  @Field(() => SubmissionCategory, { nullable: true, description: '提交類別（只有 SUBMIT 有）' })
  @Enum({ items: () => SubmissionCategory, nullable: true })
  category?: SubmissionCategory | null;

  @Field({ description: '預設開始時間' })
  @Property()
  startsAt!: Date;

  @Field({ description: '預設結束時間' })
  @Property()
  endsAt!: Date;

  @Field({ description: '學校可調整的最早開始時間' })
  @Property({ fieldName: 'earliest_start' })
  earliestStart!: Date;

  @Field({ description: '學校可調整的最晚結束時間' })
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

  get globalId(): string {
    return toGlobalId('TimelineTemplateTask', this.id);
  }

  @Field({ description: '工作名稱' })
  get label(): string {
    return taskLabel(this.kind, this.category);
  }

  @Field({ description: '預設期間（民國）' })
  get rocWindow(): string {
    return rocWindow(this.startsAt, this.endsAt);
  }
}
