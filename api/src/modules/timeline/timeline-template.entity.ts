import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { newId, toGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';
import { termKey, termLabel } from '../../common/roc.js';
import { Authority } from '../authority/authority.entity.js';
import { TimelineWindowEntity } from './timeline-window.entity.js';

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

@ObjectType({ implements: Node, description: '範本中的一項工作：預設期間與學校可調整的範圍' })
@Entity({ tableName: 'timeline_template_task' })
export class TimelineTemplateTask extends TimelineWindowEntity implements Node {
  @ManyToOne(() => Authority, { ref: true })
  authority!: Ref<Authority>;

  @ManyToOne(() => TimelineTemplate, { ref: true })
  template!: Ref<TimelineTemplate>;

  get globalId(): string {
    return toGlobalId('TimelineTemplateTask', this.id);
  }
}
