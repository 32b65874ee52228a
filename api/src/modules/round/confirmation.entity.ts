import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { enumDescriptions } from '../../common/enum-descriptions.js';
import { toGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';
import { SchoolOwnedEntity } from '../school/school-owned.entity.js';
import { TenantFilter } from '../../common/tenant.js';
import { Student } from '../people/student.entity.js';
import { UserAccount } from '../people/user-account.entity.js';
import { ReceiptImport, ReceiptRow } from './receipt.entity.js';
import { Submission } from './submission.entity.js';
import { Term } from '../term/term.entity.js';
import { SubmissionCategory } from '../../common/submission-category.js';

export enum ReviewDecision {
  CORRECT = 'CORRECT',
  DISPUTED = 'DISPUTED',
}

registerEnumType(ReviewDecision, {
  name: 'ReviewDecision',
  description: '對一筆收訖明細的確認結果',
  valuesConfig: enumDescriptions({ CORRECT: '確認無誤', DISPUTED: '提出疑義' }),
});

export enum DisputeStatus {
  OPEN = 'OPEN',
  IN_REVIEW = 'IN_REVIEW',
  RESOLVED_NO_CHANGE = 'RESOLVED_NO_CHANGE',
  RESOLVED_CORRECTED = 'RESOLVED_CORRECTED',
}

export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, string> = {
  [DisputeStatus.OPEN]: '待處理',
  [DisputeStatus.IN_REVIEW]: '處理中',
  [DisputeStatus.RESOLVED_NO_CHANGE]: '已回覆（資料無誤，不需更正）',
  [DisputeStatus.RESOLVED_CORRECTED]: '已更正（將於下次提交送出）',
};

registerEnumType(DisputeStatus, {
  name: 'DisputeStatus',
  description: '疑義的處理狀態',
  valuesConfig: enumDescriptions(DISPUTE_STATUS_LABELS),
});

export const UNRESOLVED_DISPUTE = [DisputeStatus.OPEN, DisputeStatus.IN_REVIEW];

/** A student's answer to one receipt row (one per row; a dispute is final for the row). */
@Entity({ tableName: 'receipt_review' })
@TenantFilter()
export class ReceiptReview extends SchoolOwnedEntity {
  @ManyToOne(() => ReceiptRow, { ref: true })
  receiptRow!: Ref<ReceiptRow>;

  @ManyToOne(() => Student, { ref: true, nullable: true })
  student?: Ref<Student> | null;

  @Enum(() => ReviewDecision)
  decision!: ReviewDecision;

  @ManyToOne(() => UserAccount, { ref: true, fieldName: 'decided_by' })
  decidedBy!: Ref<UserAccount>;

  @Property()
  decidedAt!: Date;
}

/** The responsible section's confirmation that it checked one imported receipt list. */
@ObjectType({ description: '處室對一份收訖明細的確認' })
@Entity({ tableName: 'receipt_staff_confirmation' })
@TenantFilter()
export class ReceiptStaffConfirmation extends SchoolOwnedEntity {
  @ManyToOne(() => ReceiptImport, { ref: true })
  receiptImport!: Ref<ReceiptImport>;

  @ManyToOne(() => UserAccount, { ref: true, fieldName: 'confirmed_by' })
  confirmedBy!: Ref<UserAccount>;

  @Field()
  @Property()
  confirmedAt!: Date;
}

/** 疑義: raised on one receipt row, handled by the category's section. */
@ObjectType({ implements: Node, description: '對收訖明細提出的疑義' })
@Entity({ tableName: 'dispute' })
@TenantFilter()
export class Dispute extends SchoolOwnedEntity<'answer' | 'reviewedBy' | 'reviewedAt' | 'resolvedBy' | 'resolvedAt'> {
  @ManyToOne(() => ReceiptRow, { ref: true })
  receiptRow!: Ref<ReceiptRow>;

  @ManyToOne(() => Student, { ref: true, nullable: true })
  student?: Ref<Student> | null;

  @ManyToOne(() => Submission, { ref: true })
  submission!: Ref<Submission>;

  @ManyToOne(() => Term, { ref: true })
  term!: Ref<Term>;

  @Field(() => SubmissionCategory)
  @Enum(() => SubmissionCategory)
  category!: SubmissionCategory;

  @Field({ description: '是否屬於高三升學前的提交梯次' })
  @Property({ fieldName: 'grade12_round' })
  grade12Round: boolean = false;

  @Field({ description: '疑義內容' })
  @Property()
  reason!: string;

  @Field(() => DisputeStatus)
  @Enum(() => DisputeStatus)
  status!: DisputeStatus;

  @Field(() => String, { nullable: true, description: '處室的回覆' })
  @Property({ nullable: true })
  answer?: string | null;

  @ManyToOne(() => UserAccount, { ref: true, fieldName: 'raised_by' })
  raisedBy!: Ref<UserAccount>;

  @Field()
  @Property()
  raisedAt!: Date;

  @Field({ description: '應處理完畢的時間（疑義處理期程的截止，或提出後的政策天數）' })
  @Property()
  dueAt!: Date;

  @ManyToOne(() => UserAccount, { ref: true, nullable: true, fieldName: 'reviewed_by' })
  reviewedBy?: Ref<UserAccount> | null;

  @Field(() => Date, { nullable: true })
  @Property({ nullable: true, type: 'datetime' })
  reviewedAt?: Date | null;

  @ManyToOne(() => UserAccount, { ref: true, nullable: true, fieldName: 'resolved_by' })
  resolvedBy?: Ref<UserAccount> | null;

  @Field(() => Date, { nullable: true })
  @Property({ nullable: true, type: 'datetime' })
  resolvedAt?: Date | null;

  @ManyToOne(() => Submission, { ref: true, nullable: true, fieldName: 'resubmission_id' })
  resubmission?: Ref<Submission> | null;

  get globalId(): string {
    return toGlobalId('Dispute', this.id);
  }
}

/** 完成最終提交 of one term and category: the database refuses every later change to its data. */
@ObjectType({ description: '最終提交（鎖定）' })
@Entity({ tableName: 'final_lock' })
@TenantFilter()
export class FinalLock extends SchoolOwnedEntity {
  @ManyToOne(() => Term, { ref: true })
  term!: Ref<Term>;

  @Field(() => SubmissionCategory)
  @Enum(() => SubmissionCategory)
  category!: SubmissionCategory;

  @Field({ description: '是否為高三升學前的提交梯次（只含高三學生）' })
  @Property({ fieldName: 'grade12_round' })
  grade12Round: boolean = false;

  @ManyToOne(() => Submission, { ref: true })
  submission!: Ref<Submission>;

  @ManyToOne(() => UserAccount, { ref: true, fieldName: 'locked_by' })
  lockedBy!: Ref<UserAccount>;

  @Field()
  @Property()
  lockedAt!: Date;
}
