import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { newId, toGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';
import { Authority } from '../authority/authority.entity.js';

export enum SchoolDivision {
  DAY = 'DAY',
  NIGHT = 'NIGHT',
}

export const DIVISION_LABELS: Record<SchoolDivision, string> = {
  [SchoolDivision.DAY]: '日間部',
  [SchoolDivision.NIGHT]: '進修部',
};

registerEnumType(SchoolDivision, {
  name: 'SchoolDivision',
  description: '學制部別：同一所學校的日間部與進修部是兩個租戶',
  valuesConfig: { DAY: { description: '日間部' }, NIGHT: { description: '進修部' } },
});

/** The tenant: one division of one school. */
@ObjectType({ implements: Node, description: '學校（一個部別為一個租戶）' })
@Entity({ tableName: 'school' })
export class School implements Node {
  [OptionalProps]?: 'createdAt' | 'globalId' | 'divisionLabel' | 'displayName' | 'outcomeUploadCap';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Authority, { ref: true })
  authority!: Ref<Authority>;

  @Field({ description: '學校代碼（6 碼）' })
  @Property()
  code!: string;

  @Field({ description: '校名' })
  @Property()
  name!: string;

  @Field(() => SchoolDivision)
  @Enum(() => SchoolDivision)
  division!: SchoolDivision;

  @Property()
  createdAt: Date = new Date();

  @Field(() => Int, {
    nullable: true,
    description: '每位學生每學期可上傳的課程學習成果件數上限（學校自訂；空白表示不限）',
  })
  @Property({ type: 'integer', nullable: true })
  outcomeUploadCap?: number | null = null;

  get globalId(): string {
    return toGlobalId('School', this.id);
  }

  @Field({ description: '部別名稱，例如「日間部」' })
  get divisionLabel(): string {
    return DIVISION_LABELS[this.division];
  }

  @Field({ description: '顯示名稱，例如「臺北市立示範高級中學 日間部」' })
  get displayName(): string {
    return `${this.name} ${this.divisionLabel}`;
  }
}
