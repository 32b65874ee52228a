import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumDescriptions } from '../../common/enum-descriptions.js';
import { toGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';
import { SchoolOwnedEntity } from '../school/school-owned.entity.js';
import { TenantFilter } from '../../common/tenant.js';
import { FileUpload } from '../files/upload.entity.js';
import { UserAccount } from '../people/user-account.entity.js';
import { Term } from '../term/term.entity.js';

export enum ImportKind {
  STUDENTS = 'STUDENTS',
  TEACHERS = 'TEACHERS',
  COURSES = 'COURSES',
  ENROLMENTS = 'ENROLMENTS',
}

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  [ImportKind.STUDENTS]: '學生名冊與班級',
  [ImportKind.TEACHERS]: '教師帳號',
  [ImportKind.COURSES]: '課程與開課班別',
  [ImportKind.ENROLMENTS]: '修課紀錄',
};

registerEnumType(ImportKind, {
  name: 'ImportKind',
  description: '匯入的資料種類',
  valuesConfig: enumDescriptions(IMPORT_KIND_LABELS),
});

export enum ImportStatus {
  PREVIEWED = 'PREVIEWED',
  REJECTED = 'REJECTED',
  COMMITTED = 'COMMITTED',
}

registerEnumType(ImportStatus, {
  name: 'ImportStatus',
  valuesConfig: enumDescriptions({
    PREVIEWED: '已檢查，沒有錯誤，可以匯入',
    REJECTED: '檢查出錯誤，不能匯入',
    COMMITTED: '已匯入',
  }),
});

/** One problem of an import file: of a row (with its number as Excel shows it), or of the whole file (row 0). */
@ObjectType({ description: '匯入檔案的問題' })
export class ImportProblem {
  @Field(() => Int, { description: '列號（與 Excel 顯示的相同，第 1 列是欄位名稱）；0 表示整個檔案的問題' })
  rowNumber!: number;

  @Field(() => String, { nullable: true, description: '欄位名稱' })
  column!: string | null;

  @Field()
  code!: string;

  @Field({ description: '中文說明' })
  message!: string;
}

@ObjectType({ implements: Node, description: '一次匯入：檢查（試匯入）的結果，以及確認匯入後寫入了什麼' })
@Entity({ tableName: 'import_run' })
@TenantFilter()
export class ImportRun extends SchoolOwnedEntity<
  'committedBy' | 'committedAt' | 'toCreate' | 'toUpdate' | 'unchanged'
> {
  @Field(() => ImportKind)
  @Enum(() => ImportKind)
  kind!: ImportKind;

  @ManyToOne(() => FileUpload, { ref: true, fieldName: 'upload_id' })
  upload!: Ref<FileUpload>;

  @ManyToOne(() => Term, { ref: true })
  term!: Ref<Term>;

  @Field({ description: '原始檔名' })
  @Property()
  fileName!: string;

  @Field({ description: '檔案的 SHA-256' })
  @Property({ fieldName: 'file_sha256' })
  fileSha256!: string;

  @Field(() => ImportStatus)
  @Enum(() => ImportStatus)
  status!: ImportStatus;

  @Field(() => Int, { description: '資料列數' })
  @Property()
  rowCount!: number;

  @Field(() => Int, { description: '問題數' })
  @Property()
  problemCount!: number;

  @Property({ type: 'json' })
  problems!: ImportProblem[];

  @Field(() => Int, { description: '將新增（確認後：已新增）的筆數' })
  @Property()
  toCreate: number = 0;

  @Field(() => Int, { description: '將更新（確認後：已更新）的筆數' })
  @Property()
  toUpdate: number = 0;

  @Field(() => Int, { description: '與現有資料相同、不會變動的筆數' })
  @Property()
  unchanged: number = 0;

  @ManyToOne(() => UserAccount, { ref: true, fieldName: 'created_by' })
  createdBy!: Ref<UserAccount>;

  @Field()
  @Property()
  createdAt!: Date;

  @ManyToOne(() => UserAccount, { ref: true, nullable: true, fieldName: 'committed_by' })
  committedBy?: Ref<UserAccount> | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  committedAt?: Date | null;

  get globalId(): string {
    return toGlobalId('ImportRun', this.id);
  }
}
