import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumDescriptions } from '../../common/enum-descriptions.js';
import { toGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';
import { SchoolOwnedEntity } from '../school/school-owned.entity.js';
import { TenantFilter } from '../../common/tenant.js';
import { Student } from '../people/student.entity.js';
import { UserAccount } from '../people/user-account.entity.js';
import { Term } from '../term/term.entity.js';

export enum EnrolmentKind {
  REGULAR = 'REGULAR',
  RETAKE = 'RETAKE',
  REPEAT = 'REPEAT',
  MAKEUP = 'MAKEUP',
  BORROWED = 'BORROWED',
  TRANSFER = 'TRANSFER',
}

/** 修課類別 as the central rosters, the schema and the corrections write it. */
export const ENROLMENT_KIND_LABELS: Record<EnrolmentKind, string> = {
  [EnrolmentKind.REGULAR]: '一般',
  [EnrolmentKind.RETAKE]: '重修',
  [EnrolmentKind.REPEAT]: '重讀',
  [EnrolmentKind.MAKEUP]: '補修',
  [EnrolmentKind.BORROWED]: '借讀',
  [EnrolmentKind.TRANSFER]: '轉學轉科',
};

registerEnumType(EnrolmentKind, {
  name: 'EnrolmentKind',
  description: '修課類別',
  valuesConfig: enumDescriptions(ENROLMENT_KIND_LABELS),
});

@ObjectType({ implements: Node, description: '課程（某學期開設的一個科目）' })
@Entity({ tableName: 'course' })
@TenantFilter()
export class Course extends SchoolOwnedEntity {
  @ManyToOne(() => Term, { ref: true })
  term!: Ref<Term>;

  @Field({ description: '課程代碼（23 碼）' })
  @Property()
  code!: string;

  @Field({ description: '科目名稱' })
  @Property()
  subjectName!: string;

  @Field(() => Int, { description: '開課年級' })
  @Property()
  gradeYear!: number;

  @Field(() => Int, { description: '學分' })
  @Property()
  credits!: number;

  get globalId(): string {
    return toGlobalId('Course', this.id);
  }
}

@ObjectType({ implements: Node, description: '開課班別：一門課由一位任課教師教的一群學生' })
@Entity({ tableName: 'course_section' })
@TenantFilter()
export class CourseSection extends SchoolOwnedEntity {
  @ManyToOne(() => Course, { ref: true })
  course!: Ref<Course>;

  @Field({ description: '班別名稱，例如「301」' })
  @Property()
  name!: string;

  @ManyToOne(() => UserAccount, { ref: true, nullable: true, fieldName: 'teacher_id' })
  teacher?: Ref<UserAccount> | null;

  get globalId(): string {
    return toGlobalId('CourseSection', this.id);
  }
}

/** One student's record in one section: the 修課紀錄 with the grades the subject teacher enters. */
@ObjectType({ implements: Node, description: '修課紀錄與學期成績' })
@Entity({ tableName: 'enrolment' })
@TenantFilter()
export class Enrolment extends SchoolOwnedEntity<'kind'> {
  @ManyToOne(() => CourseSection, { ref: true, fieldName: 'section_id' })
  section!: Ref<CourseSection>;

  @ManyToOne(() => Student, { ref: true })
  student!: Ref<Student>;

  @Field(() => EnrolmentKind)
  @Enum(() => EnrolmentKind)
  kind: EnrolmentKind = EnrolmentKind.REGULAR;

  @Field(() => Float, { nullable: true, description: '學期成績（0–100）' })
  @Property({ type: 'decimal', precision: 5, scale: 2, nullable: true, runtimeType: 'number' })
  termGrade?: number | null;

  @Field(() => Boolean, { nullable: true, description: '是否及格' })
  @Property({ nullable: true })
  passed?: boolean | null;

  @Field(() => Float, { nullable: true, description: '補考成績（0–100）' })
  @Property({ type: 'decimal', precision: 5, scale: 2, nullable: true, runtimeType: 'number' })
  makeupGrade?: number | null;

  @Field(() => Boolean, { nullable: true, description: '是否採計學分' })
  @Property({ nullable: true })
  creditsCounted?: boolean | null;

  @Field(() => String, { nullable: true, description: '質性描述' })
  @Property({ nullable: true })
  qualitativeNote?: string | null;

  @ManyToOne(() => UserAccount, { ref: true, nullable: true, fieldName: 'graded_by' })
  gradedBy?: Ref<UserAccount> | null;

  @Field(() => Date, { nullable: true, description: '最後登錄成績的時間' })
  @Property({ type: 'datetime', nullable: true })
  gradedAt?: Date | null;

  get globalId(): string {
    return toGlobalId('Enrolment', this.id);
  }
}
