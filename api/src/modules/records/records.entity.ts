import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumDescriptions } from '../../common/enum-descriptions.js';
import { toGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';
import { SchoolOwnedEntity } from '../school/school-owned.entity.js';
import { TenantFilter } from '../../common/tenant.js';
import { Student } from '../people/student.entity.js';
import { UserAccount } from '../people/user-account.entity.js';
import { Term } from '../term/term.entity.js';

@ObjectType({ implements: Node, description: '校內幹部經歷' })
@Entity({ tableName: 'cadre_record' })
@TenantFilter()
export class CadreRecord extends SchoolOwnedEntity<'createdAt'> {
  @ManyToOne(() => Student, { ref: true })
  student!: Ref<Student>;

  @ManyToOne(() => Term, { ref: true })
  term!: Ref<Term>;

  @Field({ description: '單位，例如「班級」「學生會」' })
  @Property()
  unit!: string;

  @Field({ description: '職稱，例如「班長」' })
  @Property()
  position!: string;

  @Field(() => Int, { description: '幹部等級 1–3' })
  @Property()
  level!: number;

  @Field({ description: '開始日期（YYYY-MM-DD）' })
  @Property({ type: 'date' })
  startsOn!: string;

  @Field({ description: '結束日期（YYYY-MM-DD）' })
  @Property({ type: 'date' })
  endsOn!: string;

  @ManyToOne(() => UserAccount, { ref: true, nullable: true, fieldName: 'created_by' })
  createdBy?: Ref<UserAccount> | null;

  @Property()
  createdAt: Date = new Date();

  get globalId(): string {
    return toGlobalId('CadreRecord', this.id);
  }
}

export enum CounselingKind {
  INDIVIDUAL = 'INDIVIDUAL',
  GROUP = 'GROUP',
}

registerEnumType(CounselingKind, {
  name: 'CounselingKind',
  valuesConfig: enumDescriptions({ INDIVIDUAL: '個別諮詢', GROUP: '團體諮詢' }),
});

@ObjectType({ implements: Node, description: '課程諮詢紀錄（不提交中央資料庫）' })
@Entity({ tableName: 'counseling_record' })
@TenantFilter()
export class CounselingRecord extends SchoolOwnedEntity<'createdAt'> {
  @ManyToOne(() => UserAccount, { ref: true, fieldName: 'counselor_id' })
  counselor!: Ref<UserAccount>;

  @Field(() => CounselingKind)
  @Enum(() => CounselingKind)
  kind!: CounselingKind;

  @Field({ description: '諮詢日期（YYYY-MM-DD）' })
  @Property({ type: 'date' })
  heldOn!: string;

  @Field({ description: '主題' })
  @Property()
  topic!: string;

  @Field({ description: '內容' })
  @Property({ type: 'text' })
  content!: string;

  @Field({ description: '建立時間' })
  @Property()
  createdAt: Date = new Date();

  get globalId(): string {
    return toGlobalId('CounselingRecord', this.id);
  }
}

@Entity({ tableName: 'counseling_participant' })
@TenantFilter()
export class CounselingParticipant extends SchoolOwnedEntity {
  @ManyToOne(() => CounselingRecord, { ref: true, fieldName: 'record_id' })
  record!: Ref<CounselingRecord>;

  @ManyToOne(() => Student, { ref: true })
  student!: Ref<Student>;
}
