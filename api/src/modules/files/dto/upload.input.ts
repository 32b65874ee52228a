import { Field, InputType, Int } from 'type-graphql';
import { UploadPurpose } from '../upload.entity.js';

@InputType()
export class RequestUploadInput {
  @Field(() => UploadPurpose)
  purpose!: UploadPurpose;

  @Field({ description: '原始檔名，副檔名決定接受的檔案類型' })
  fileName!: string;

  @Field(() => Int, { description: '檔案大小（位元組）；上傳的內容必須剛好這麼大' })
  size!: number;
}
