import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { MutationPayload } from '../../common/user-error.js';
import { RequestUploadInput } from './dto/upload.input.js';
import { requestUpload, uploadUrlOf } from './upload.service.js';
import { FileUpload } from './upload.entity.js';

@ObjectType()
class RequestUploadPayload extends MutationPayload {
  @Field(() => FileUpload, { nullable: true })
  upload!: FileUpload | null;

  @Field(() => String, {
    nullable: true,
    description: '以 PUT 送出檔案內容的網址（同一登入身分），回應 JSON：{ upload: { id, sha256, size } }',
  })
  uploadUrl!: string | null;
}

@Resolver()
export class FilesResolver {
  @Authorized()
  @Mutation(() => RequestUploadPayload, { description: '取得上傳位置：檔案內容不經 GraphQL，另以 PUT 送出' })
  async requestUpload(@Arg('input') input: RequestUploadInput, @Ctx() ctx: AppContext): Promise<RequestUploadPayload> {
    const result = await requestUpload(ctx, input);
    const response = new RequestUploadPayload();
    response.userErrors = result.userErrors;
    response.upload = result.value;
    response.uploadUrl = result.value ? uploadUrlOf(result.value) : null;
    return response;
  }
}
