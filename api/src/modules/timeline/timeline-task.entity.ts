import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';
import { formatRocDateTime } from '../../common/roc.js';
import { SchoolOwnedEntity } from '../school/school-owned.entity.js';
import { TenantFilter } from '../../common/tenant.js';
import { Student } from '../people/student.entity.js';
import { UserAccount } from '../people/user-account.entity.js';
import { Term } from '../term/term.entity.js';
import { School } from '../school/school.entity.js';
import { AlertKind } from './timeline.enums.js';
import { TimelineWindowEntity } from './timeline-window.entity.js';

/** One window of a school's timeline for a term. */
@ObjectType({ implements: Node, description: '學校期程中的一項工作（一個時間窗）' })
@Entity({ tableName: 'timeline_task' })
@TenantFilter()
export class TimelineTask extends TimelineWindowEntity<'version' | 'updatedAt' | 'templateTaskId' | 'schoolId'> {
  // The tenant, as on SchoolOwnedEntity: this class takes its other fields from the shared window base.
  @ManyToOne(() => School, { ref: true, fieldName: 'school_id' })
  school!: Ref<School>;

  @ManyToOne(() => Term, { ref: true })
  term!: Ref<Term>;

  @Property({ type: 'uuid', nullable: true })
  templateTaskId?: string | null;

  @Field(() => Int, { description: '每次移動期程加一' })
  @Property()
  version: number = 1;

  @Property()
  updatedAt: Date = new Date();

  get schoolId(): string {
    return this.school.id;
  }

  get globalId(): string {
    return toGlobalId('TimelineTask', this.id);
  }
}

/** A later end of one window for one student (休學/異動, illness), granted by staff with a reason. */
@ObjectType({ implements: Node, description: '個別學生的期限延長' })
@Entity({ tableName: 'timeline_extension' })
@TenantFilter()
export class TimelineExtension extends SchoolOwnedEntity<'createdAt' | 'rocEndsAt'> {
  @ManyToOne(() => TimelineTask, { ref: true, fieldName: 'task_id' })
  task!: Ref<TimelineTask>;

  @ManyToOne(() => Student, { ref: true })
  student!: Ref<Student>;

  @Field({ description: '延長後的截止時間' })
  @Property()
  endsAt!: Date;

  @Field({ description: '延長原因' })
  @Property()
  reason!: string;

  @ManyToOne(() => UserAccount, { ref: true, nullable: true, fieldName: 'granted_by' })
  grantedBy?: Ref<UserAccount> | null;

  @Field({ description: '核准時間' })
  @Property()
  createdAt: Date = new Date();

  get globalId(): string {
    return toGlobalId('TimelineExtension', this.id);
  }

  @Field({ description: '延長後的截止時間（民國）' })
  get rocEndsAt(): string {
    return formatRocDateTime(this.endsAt);
  }
}

/** One alert of one kind for one version of a window; fired exactly once, by a job. */
@Entity({ tableName: 'deadline_alert' })
@TenantFilter()
export class DeadlineAlert extends SchoolOwnedEntity<'firedAt' | 'cancelledAt'> {
  @ManyToOne(() => TimelineTask, { ref: true, fieldName: 'task_id' })
  task!: Ref<TimelineTask>;

  @Enum(() => AlertKind)
  kind!: AlertKind;

  @Property()
  taskVersion!: number;

  @Property()
  fireAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  firedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  cancelledAt?: Date | null;
}
