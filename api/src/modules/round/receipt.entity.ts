import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumDescriptions } from '../../common/enum-descriptions.js';
import { toGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';
import { SchoolOwnedEntity } from '../school/school-owned.entity.js';
import { TenantFilter } from '../../common/tenant.js';
import { FileUpload } from '../files/upload.entity.js';
import { Student } from '../people/student.entity.js';
import { UserAccount } from '../people/user-account.entity.js';
import { ReceiptKind } from './central/receipt-format.js';
import { Submission, SubmissionRow } from './submission.entity.js';

export enum ReceiptStatus {
  RECEIVED = 'RECEIVED',
  REJECTED = 'REJECTED',
  MISSING = 'MISSING',
}

registerEnumType(ReceiptStatus, {
  name: 'ReceiptStatus',
  description: '中央資料庫對一筆資料的回覆',
  valuesConfig: enumDescriptions({
    RECEIVED: '已收訖',
    REJECTED: '退件',
    MISSING: '收訖明細未列出（已提交）',
  }),
});

export enum Reconciliation {
  OK = 'OK',
  REJECTED = 'REJECTED',
  MISSING = 'MISSING',
  EXTRA = 'EXTRA',
  CHANGED = 'CHANGED',
}

registerEnumType(Reconciliation, {
  name: 'Reconciliation',
  description: '收訖明細與提交內容的比對結果',
  valuesConfig: enumDescriptions({
    OK: '相符且已收訖',
    REJECTED: '相符但被退件',
    MISSING: '已提交但收訖明細未列出',
    EXTRA: '收訖明細列出但未提交',
    CHANGED: '收訖明細的內容與提交的不同',
  }),
});

/** One imported receipt file: which submission and kind it answers, the file (by hash) and its counts. */
@ObjectType({ implements: Node, description: '匯入的收訖明細檔' })
@Entity({ tableName: 'receipt_import' })
@TenantFilter()
export class ReceiptImport extends SchoolOwnedEntity {
  @ManyToOne(() => Submission, { ref: true })
  submission!: Ref<Submission>;

  @Field(() => ReceiptKind)
  @Enum(() => ReceiptKind)
  kind!: ReceiptKind;

  @ManyToOne(() => FileUpload, { ref: true, fieldName: 'upload_id' })
  upload!: Ref<FileUpload>;

  @Field()
  @Property()
  fileName!: string;

  @Field({ description: '檔案的 SHA-256' })
  @Property({ fieldName: 'file_sha256' })
  fileSha256!: string;

  @Field(() => Int, { description: '已收訖的筆數' })
  @Property()
  receivedCount!: number;

  @Field(() => Int, { description: '退件的筆數' })
  @Property()
  rejectedCount!: number;

  @Field(() => Int, { description: '需要處理的筆數（退件、缺漏、多出、內容不同）' })
  @Property()
  flaggedCount!: number;

  @ManyToOne(() => UserAccount, { ref: true, fieldName: 'created_by' })
  createdBy!: Ref<UserAccount>;

  @Field()
  @Property()
  createdAt!: Date;

  get globalId(): string {
    return toGlobalId('ReceiptImport', this.id);
  }
}

/** One row of a receipt list, reconciled against the submitted rows; MISSING rows stand for submitted rows it lacks. */
@ObjectType({ description: '收訖明細的一筆資料與比對結果' })
@Entity({ tableName: 'receipt_row' })
@TenantFilter()
export class ReceiptRow extends SchoolOwnedEntity {
  @ManyToOne(() => ReceiptImport, { ref: true })
  receiptImport!: Ref<ReceiptImport>;

  @ManyToOne(() => Submission, { ref: true })
  submission!: Ref<Submission>;

  @Field(() => ReceiptKind)
  @Enum(() => ReceiptKind)
  kind!: ReceiptKind;

  @Field(() => Int, { nullable: true, description: '在收訖明細檔中的列號（缺漏的資料沒有）' })
  @Property({ nullable: true })
  rowNumber?: number | null;

  @ManyToOne(() => SubmissionRow, { ref: true, nullable: true })
  submissionRow?: Ref<SubmissionRow> | null;

  @ManyToOne(() => Student, { ref: true, nullable: true })
  student?: Ref<Student> | null;

  @Field(() => String, { nullable: true, description: '遮罩後的身分證號' })
  @Property({ nullable: true })
  nationalIdMasked?: string | null;

  @Property({ type: 'json' })
  keyFields!: Record<string, string>;

  @Field(() => ReceiptStatus)
  @Enum(() => ReceiptStatus)
  status!: ReceiptStatus;

  @Field(() => String, { nullable: true, description: '退件原因' })
  @Property({ nullable: true })
  reason?: string | null;

  @Field(() => Reconciliation)
  @Enum(() => Reconciliation)
  reconciliation!: Reconciliation;

  @Field(() => [String], { description: '內容不同的欄位' })
  @Property({ type: 'json' })
  changedColumns!: string[];

  get globalId(): string {
    return toGlobalId('ReceiptRow', this.id);
  }
}
