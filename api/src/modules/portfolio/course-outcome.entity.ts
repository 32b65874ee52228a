import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';
import { SchoolOwnedEntity } from '../school/school-owned.entity.js';
import { TenantFilter } from '../../common/tenant.js';
import { Enrolment } from '../course/course.entity.js';
import { FileUpload } from '../files/upload.entity.js';
import { Student } from '../people/student.entity.js';
import { UserAccount } from '../people/user-account.entity.js';
import { AcademicYear, Term } from '../term/term.entity.js';
import { CertificationStatus, OutcomeKind } from './portfolio.enums.js';

/** 課程學習成果: one student's outcome of one enrolment, with the state of its current version. */
@ObjectType({ implements: Node, description: '課程學習成果' })
@Entity({ tableName: 'course_outcome' })
@TenantFilter()
export class CourseOutcome extends SchoolOwnedEntity<'currentVersion' | 'selectedAt'> {
  @ManyToOne(() => Student, { ref: true })
  student!: Ref<Student>;

  @ManyToOne(() => Enrolment, { ref: true })
  enrolment!: Ref<Enrolment>;

  @ManyToOne(() => Term, { ref: true })
  term!: Ref<Term>;

  @ManyToOne(() => AcademicYear, { ref: true })
  academicYear!: Ref<AcademicYear>;

  @Field(() => OutcomeKind)
  @Enum(() => OutcomeKind)
  kind!: OutcomeKind;

  @Field(() => CertificationStatus, { description: '目前版本的認證狀態' })
  @Enum(() => CertificationStatus)
  status!: CertificationStatus;

  @Field(() => Int, { description: '目前版本號' })
  @Property()
  currentVersion: number = 1;

  @Field(() => Date, { nullable: true, description: '勾選提交中央資料庫的時間；未勾選為空' })
  @Property({ type: 'datetime', nullable: true })
  selectedAt?: Date | null = null;

  @Field()
  @Property()
  createdAt!: Date;

  @Field()
  @Property()
  updatedAt!: Date;

  get globalId(): string {
    return toGlobalId('CourseOutcome', this.id);
  }
}

/** One uploaded version of an outcome and the teacher's decision on it. A certified version never changes. */
@ObjectType({ implements: Node, description: '課程學習成果的一個版本（每次上傳或更換檔案）' })
@Entity({ tableName: 'course_outcome_version' })
@TenantFilter()
export class CourseOutcomeVersion extends SchoolOwnedEntity<
  'decidedBy' | 'decidedAsProxyFor' | 'decidedAt' | 'reason'
> {
  @ManyToOne(() => CourseOutcome, { ref: true, fieldName: 'outcome_id' })
  outcome!: Ref<CourseOutcome>;

  @Field(() => Int)
  @Property()
  version!: number;

  @Field({ description: '簡述（100 字以內）' })
  @Property()
  description!: string;

  @ManyToOne(() => FileUpload, { ref: true, nullable: true, fieldName: 'document_upload_id' })
  document?: Ref<FileUpload> | null;

  @ManyToOne(() => FileUpload, { ref: true, nullable: true, fieldName: 'media_upload_id' })
  media?: Ref<FileUpload> | null;

  @Field(() => CertificationStatus)
  @Enum(() => CertificationStatus)
  status!: CertificationStatus;

  @ManyToOne(() => UserAccount, { ref: true, nullable: true, fieldName: 'decided_by' })
  decidedBy?: Ref<UserAccount> | null = null;

  @ManyToOne(() => UserAccount, { ref: true, nullable: true, fieldName: 'decided_as_proxy_for' })
  decidedAsProxyFor?: Ref<UserAccount> | null = null;

  @Field(() => Date, { nullable: true, description: '認證（或不通過）的時間' })
  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null = null;

  @Field(() => String, { nullable: true, description: '未通過的理由' })
  @Property({ type: 'text', nullable: true })
  reason?: string | null = null;

  @Field()
  @Property()
  createdAt!: Date;

  get globalId(): string {
    return toGlobalId('CourseOutcomeVersion', this.id);
  }
}

/** A teacher named to certify in another teacher's place (代理人). */
@ObjectType({ description: '認證代理：代理人可認證任課教師的課程學習成果' })
@Entity({ tableName: 'certification_proxy' })
@TenantFilter()
export class CertificationProxy extends SchoolOwnedEntity {
  @ManyToOne(() => UserAccount, { ref: true, fieldName: 'teacher_id' })
  teacher!: Ref<UserAccount>;

  @ManyToOne(() => UserAccount, { ref: true, fieldName: 'proxy_id' })
  proxy!: Ref<UserAccount>;

  @ManyToOne(() => UserAccount, { ref: true, fieldName: 'created_by' })
  createdBy!: Ref<UserAccount>;

  @Property()
  createdAt!: Date;
}
