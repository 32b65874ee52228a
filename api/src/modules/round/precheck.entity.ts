import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumDescriptions } from '../../common/enum-descriptions.js';
import { toGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';
import { SchoolOwnedEntity } from '../school/school-owned.entity.js';
import { TenantFilter } from '../../common/tenant.js';
import { Course, CourseSection } from '../course/course.entity.js';
import { FileUpload } from '../files/upload.entity.js';
import { Student } from '../people/student.entity.js';
import { UserAccount } from '../people/user-account.entity.js';
import { Term } from '../term/term.entity.js';
import { PrecheckMismatchKind } from './central/precheck-format.js';

export enum PrecheckStatus {
  EXPORTED = 'EXPORTED',
  COMPARED = 'COMPARED',
}

registerEnumType(PrecheckStatus, {
  name: 'PrecheckStatus',
  description: '預檢的狀態',
  valuesConfig: enumDescriptions({ EXPORTED: '已匯出名冊，待比對', COMPARED: '已匯入比對結果' }),
});

/** One pre-check (預檢) of a term: the roster exported from one snapshot and, later, the central comparison of it. */
@ObjectType({ implements: Node, description: '一次預檢：匯出的修課名冊（不含成績）與中央資料庫的比對結果' })
@Entity({ tableName: 'precheck_run' })
@TenantFilter()
export class PrecheckRun extends SchoolOwnedEntity {
  @ManyToOne(() => Term, { ref: true })
  term!: Ref<Term>;

  @Field(() => PrecheckStatus)
  @Enum(() => PrecheckStatus)
  status!: PrecheckStatus;

  @Field({ description: '預檢名冊（XLSX）的 SHA-256' })
  @Property({ fieldName: 'roster_sha256' })
  rosterSha256!: string;

  @Field(() => Int, { description: '預檢名冊的位元組數' })
  @Property()
  rosterSize!: number;

  @Field(() => Int, { description: '名冊的修課筆數' })
  @Property()
  rowCount!: number;

  @ManyToOne(() => UserAccount, { ref: true, fieldName: 'created_by' })
  createdBy!: Ref<UserAccount>;

  @Field({ description: '匯出的時間' })
  @Property()
  createdAt!: Date;

  @ManyToOne(() => FileUpload, { ref: true, nullable: true, fieldName: 'result_upload_id' })
  resultUpload?: Ref<FileUpload> | null;

  @Field(() => String, { nullable: true, description: '匯入的比對結果檔名' })
  @Property({ nullable: true })
  resultFileName?: string | null;

  @Field(() => String, { nullable: true, description: '比對結果檔的 SHA-256' })
  @Property({ nullable: true, fieldName: 'result_sha256' })
  resultSha256?: string | null;

  @ManyToOne(() => UserAccount, { ref: true, nullable: true, fieldName: 'compared_by' })
  comparedBy?: Ref<UserAccount> | null;

  @Field(() => Date, { nullable: true, description: '匯入比對結果的時間' })
  @Property({ nullable: true })
  comparedAt?: Date | null;

  @Field(() => Int, { nullable: true, description: '相符的筆數' })
  @Property({ nullable: true })
  matchedCount?: number | null;

  @Field(() => Int, { nullable: true, description: '不相符的筆數（不符、中央查無、學校未列）' })
  @Property({ nullable: true })
  mismatchCount?: number | null;

  get globalId(): string {
    return toGlobalId('PrecheckRun', this.id);
  }
}

/** One row of a comparison that is not 相符, with the student and course the school knows it as. */
@ObjectType({ description: '預檢比對結果中不相符的一筆修課資料' })
@Entity({ tableName: 'precheck_mismatch' })
@TenantFilter()
export class PrecheckMismatch extends SchoolOwnedEntity {
  @ManyToOne(() => PrecheckRun, { ref: true, fieldName: 'run_id' })
  run!: Ref<PrecheckRun>;

  @Field(() => Int, { description: '在比對結果檔中的列號' })
  @Property()
  rowNumber!: number;

  @Field(() => PrecheckMismatchKind)
  @Enum(() => PrecheckMismatchKind)
  kind!: PrecheckMismatchKind;

  @ManyToOne(() => Student, { ref: true, nullable: true })
  student?: Ref<Student> | null;

  @Field(() => String, { nullable: true, description: '學號（比對結果檔所列，或找到的學生的學號）' })
  @Property({ nullable: true })
  studentNumber?: string | null;

  @Field(() => String, { nullable: true, description: '遮罩後的身分證號' })
  @Property({ nullable: true })
  nationalIdMasked?: string | null;

  @Field({ description: '課程代碼' })
  @Property()
  courseCode!: string;

  @ManyToOne(() => Course, { ref: true, nullable: true })
  course?: Ref<Course> | null;

  @ManyToOne(() => CourseSection, { ref: true, nullable: true, fieldName: 'section_id' })
  section?: Ref<CourseSection> | null;

  @Field(() => String, { nullable: true, description: '中央資料庫的說明' })
  @Property({ nullable: true })
  explanation?: string | null;

  /** Sort key for the list by student: 學號, then course code, then row. */
  @Property()
  byStudent!: string;

  /** Sort key for the list by course: course code, then 學號, then row. */
  @Property()
  byCourse!: string;

  get globalId(): string {
    return toGlobalId('PrecheckMismatch', this.id);
  }
}
