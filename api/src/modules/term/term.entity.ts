import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';
import { formatRocCalendarDate } from '../../common/roc.js';
import { SchoolOwnedEntity } from '../school/school-owned.entity.js';
import { TenantFilter } from '../../common/tenant.js';

/** A school-owned span of calendar days (ISO dates, no time zone). */
@ObjectType()
abstract class SchoolOwnedPeriod<Optional extends string = never> extends SchoolOwnedEntity<'rocPeriod' | Optional> {
  @Field({ description: '開始日期（YYYY-MM-DD）' })
  @Property({ type: 'date' })
  startsOn!: string;

  @Field({ description: '結束日期（YYYY-MM-DD）' })
  @Property({ type: 'date' })
  endsOn!: string;

  @Field({ description: '期間（民國），例如「115/08/01–116/01/31」' })
  get rocPeriod(): string {
    return `${formatRocCalendarDate(this.startsOn)}–${formatRocCalendarDate(this.endsOn)}`;
  }
}

@ObjectType({ implements: Node, description: '學年度（8/1 至隔年 7/31）' })
@Entity({ tableName: 'academic_year' })
@TenantFilter()
export class AcademicYear extends SchoolOwnedPeriod<'label'> implements Node {
  @Field(() => Int, { description: '民國學年度，例如 115' })
  @Property()
  year!: number;

  get globalId(): string {
    return toGlobalId('AcademicYear', this.id);
  }

  @Field({ description: '例如「115學年度」' })
  get label(): string {
    return `${this.year}學年度`;
  }
}

@ObjectType({ implements: Node, description: '學期' })
@Entity({ tableName: 'term' })
@TenantFilter()
export class Term extends SchoolOwnedPeriod<'finalizedAt'> implements Node {
  @ManyToOne(() => AcademicYear, { ref: true })
  academicYear!: Ref<AcademicYear>;

  @Field(() => Date, { nullable: true, description: '完成最終提交的時間；之後期程不再變動' })
  @Property({ type: 'datetime', nullable: true })
  finalizedAt?: Date | null;

  @Field(() => Int, { description: '學期：1 上學期、2 下學期' })
  @Property()
  semester!: number;

  get globalId(): string {
    return toGlobalId('Term', this.id);
  }
}
