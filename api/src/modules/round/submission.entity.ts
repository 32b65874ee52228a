import { BigIntType, Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumDescriptions } from '../../common/enum-descriptions.js';
import { toGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';
import { SchoolOwnedEntity } from '../school/school-owned.entity.js';
import { TenantFilter } from '../../common/tenant.js';
import { Student } from '../people/student.entity.js';
import { UserAccount } from '../people/user-account.entity.js';
import { Term } from '../term/term.entity.js';
import { SubmissionCategory } from '../../common/submission-category.js';

export enum SubmissionStatus {
  SUBMITTED = 'SUBMITTED',
}

registerEnumType(SubmissionStatus, {
  name: 'SubmissionStatus',
  description: '提交的狀態',
  valuesConfig: enumDescriptions({ SUBMITTED: '已提交' }),
});

/** How many rows each roster of a package has, by the roster's path in the zip. */
export type RowCounts = Record<string, number>;

/** 提交: one package of one category for one term, built from one snapshot and stored with it. */
@ObjectType({ implements: Node, description: '提交中央資料庫的資料包（某學期、某類別）' })
@Entity({ tableName: 'submission' })
@TenantFilter()
export class Submission extends SchoolOwnedEntity {
  @ManyToOne(() => Term, { ref: true })
  term!: Ref<Term>;

  @Field(() => SubmissionCategory)
  @Enum(() => SubmissionCategory)
  category!: SubmissionCategory;

  @Field({ description: '是否為高三升學前的提交梯次（只含高三學生）' })
  @Property({ fieldName: 'grade12_round' })
  grade12Round: boolean = false;

  @Field({ description: '用戶端選定的冪等鍵：同一個鍵再送一次，回傳同一份提交' })
  @Property()
  idempotencyKey!: string;

  @Field(() => SubmissionStatus)
  @Enum(() => SubmissionStatus)
  status!: SubmissionStatus;

  @Property({ type: 'json' })
  rowCounts!: RowCounts;

  @Field({ description: '資料包（zip）的 SHA-256' })
  @Property({ fieldName: 'zip_sha256' })
  zipSha256!: string;

  @Field(() => Float, { description: '資料包（zip）的位元組數（含佐證檔案，可能超過 2 GiB）' })
  @Property({ type: new BigIntType('number') })
  zipSize!: number;

  @Field(() => Int, { nullable: true, description: '資料包附帶的佐證檔案數（同一檔案只放一次）；較早的提交沒有' })
  @Property({ nullable: true })
  evidenceFiles?: number | null;

  /** Each roster's columns, by its path in the package; null for submissions made before they were kept. */
  @Property({ type: 'json', nullable: true })
  rosterColumns?: Record<string, string[]> | null;

  @ManyToOne(() => UserAccount, { ref: true, fieldName: 'created_by' })
  createdBy!: Ref<UserAccount>;

  @Field()
  @Property()
  createdAt!: Date;

  get globalId(): string {
    return toGlobalId('Submission', this.id);
  }
}

/**
 * One roster row as submitted (copy-on-submit): its cells in column order, except the national ID, which is kept
 * like `student` keeps it: sealed (PII envelope) and as its keyed digest, with its cell left empty. Never changes.
 */
@Entity({ tableName: 'submission_row' })
@TenantFilter()
export class SubmissionRow extends SchoolOwnedEntity {
  @ManyToOne(() => Submission, { ref: true })
  submission!: Ref<Submission>;

  @Property()
  roster!: string;

  @Property()
  rowNumber!: number;

  @ManyToOne(() => Student, { ref: true, nullable: true })
  student?: Ref<Student> | null;

  @Property({ type: 'json' })
  cells!: (string | number | null)[];

  /** The submitted 身分證號 as a PII envelope; null for rows without one (科目名冊). */
  @Property({ nullable: true })
  nationalIdEncrypted?: string | null;

  /** Keyed digest of the submitted 身分證號 (as compared with receipt lists, see nationalIdMatchKey). */
  @Property({ nullable: true })
  nationalIdDigest?: string | null;
}
