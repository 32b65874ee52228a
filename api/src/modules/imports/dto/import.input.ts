import { Field, ID, InputType } from 'type-graphql';
import { ImportKind } from '../import-run.entity.js';

@InputType()
export class PreviewImportInput {
  @Field(() => ImportKind)
  kind!: ImportKind;

  @Field(() => ID, { description: '已上傳完成的檔案（requestUpload 的 upload.id）' })
  uploadId!: string;

  @Field(() => ID, { nullable: true, description: '匯入到哪個學期；省略時為目前學期（班級屬於該學期的學年度）' })
  termId?: string | null;
}

@InputType()
export class CommitImportInput {
  @Field(() => ID, { description: '試匯入沒有問題的匯入紀錄' })
  importId!: string;
}
