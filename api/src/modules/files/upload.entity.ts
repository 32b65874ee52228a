import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { enumDescriptions } from '../../common/enum-descriptions.js';
import { toGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';
import { SchoolOwnedEntity } from '../school/school-owned.entity.js';
import { TenantFilter } from '../../common/tenant.js';
import { UserAccount } from '../people/user-account.entity.js';

/** What a file is uploaded for decides which kinds of file and which sizes are accepted. */
export enum UploadPurpose {
  IMPORT = 'IMPORT',
  DOCUMENT = 'DOCUMENT',
  MEDIA = 'MEDIA',
}

registerEnumType(UploadPurpose, {
  name: 'UploadPurpose',
  description: '上傳檔案的用途',
  valuesConfig: enumDescriptions({
    IMPORT: '資料匯入（CSV 或 Excel）',
    DOCUMENT: '學習歷程文件（PDF、JPG、PNG）',
    MEDIA: '學習歷程影音（MP3、MP4）',
  }),
});

@ObjectType({ implements: Node, description: '上傳的檔案：先取得上傳位置，再以 PUT 送出檔案內容' })
@Entity({ tableName: 'upload' })
@TenantFilter()
export class FileUpload extends SchoolOwnedEntity<'sha256' | 'size' | 'contentType' | 'storedAt'> {
  @Field(() => UploadPurpose)
  @Enum(() => UploadPurpose)
  purpose!: UploadPurpose;

  @Field({ description: '原始檔名' })
  @Property()
  fileName!: string;

  @Field(() => Float, { description: '申報的檔案大小（位元組）' })
  @Property({ type: 'bigint', runtimeType: 'number' })
  declaredSize!: number;

  @ManyToOne(() => UserAccount, { ref: true, fieldName: 'created_by' })
  createdBy!: Ref<UserAccount>;

  @Property()
  createdAt!: Date;

  @Field({ description: '上傳位置的有效期限' })
  @Property()
  expiresAt!: Date;

  @Field(() => String, { nullable: true, description: '檔案內容的 SHA-256（十六進位）；收到檔案前為空' })
  @Property({ nullable: true })
  sha256?: string | null;

  @Field(() => Float, { nullable: true, description: '實際收到的大小（位元組）' })
  @Property({ type: 'bigint', runtimeType: 'number', nullable: true })
  size?: number | null;

  @Property({ nullable: true })
  contentType?: string | null;

  @Field(() => Date, { nullable: true, description: '檔案完整收到的時間' })
  @Property({ type: 'datetime', nullable: true })
  storedAt?: Date | null;

  get globalId(): string {
    return toGlobalId('FileUpload', this.id);
  }
}
