import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { MutationPayload } from '../../common/user-error.js';
import { issueFirstPasswordSlips, slipClasses } from './first-password-slips.service.js';
import { SchoolClass } from './school-class.entity.js';

@ObjectType({ description: '一個班級的初始密碼單發放情形' })
class FirstPasswordSlipClass {
  @Field(() => SchoolClass)
  schoolClass!: SchoolClass;

  @Field(() => Int, { description: '已有登入帳號的學生數' })
  withLogin!: number;

  @Field(() => Int, { description: '尚未發放初始密碼的學生數' })
  pending!: number;
}

@ObjectType({ description: '產生的檔案（base64），只在這次回應中出現' })
class GeneratedFile {
  @Field()
  fileName!: string;

  @Field()
  contentType!: string;

  @Field({ description: '檔案內容（base64）' })
  base64!: string;
}

@InputType()
class IssueFirstPasswordSlipsInput {
  @Field(() => ID, { description: '班級' })
  classId!: string;
}

@ObjectType()
class IssueFirstPasswordSlipsPayload extends MutationPayload {
  @Field(() => Int, { description: '這次設定了初始密碼的學生數' })
  issued = 0;

  @Field(() => GeneratedFile, { nullable: true, description: '初始密碼單（PDF，每頁 8 張，可裁切）' })
  pdf: GeneratedFile | null = null;

  @Field(() => GeneratedFile, { nullable: true, description: '初始密碼單（XLSX，每位學生一列）' })
  xlsx: GeneratedFile | null = null;
}

const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@Resolver()
export class FirstPasswordSlipsResolver {
  @Authorized()
  @Query(() => [FirstPasswordSlipClass], {
    description: '各班學生帳號的初始密碼單發放情形（資訊組、註冊組）',
  })
  async firstPasswordSlipClasses(@Ctx() ctx: AppContext): Promise<FirstPasswordSlipClass[]> {
    return (await slipClasses(ctx)).map((row) => Object.assign(new FirstPasswordSlipClass(), row));
  }

  @Authorized()
  @Mutation(() => IssueFirstPasswordSlipsPayload, {
    description:
      '為班上尚未發放初始密碼的學生設定一次性密碼，並產生初始密碼單（PDF 與 XLSX）；密碼只出現在這次回應中，不能再次列印',
  })
  async issueFirstPasswordSlips(
    @Arg('input') input: IssueFirstPasswordSlipsInput,
    @Ctx() ctx: AppContext,
  ): Promise<IssueFirstPasswordSlipsPayload> {
    const result = await issueFirstPasswordSlips(ctx, input.classId);
    const payload = new IssueFirstPasswordSlipsPayload();
    payload.userErrors = result.userErrors;
    if (result.value) {
      payload.issued = result.value.issued;
      payload.pdf = Object.assign(new GeneratedFile(), {
        fileName: result.value.pdf.fileName,
        contentType: PDF,
        base64: result.value.pdf.bytes.toString('base64'),
      });
      payload.xlsx = Object.assign(new GeneratedFile(), {
        fileName: result.value.xlsx.fileName,
        contentType: XLSX,
        base64: result.value.xlsx.bytes.toString('base64'),
      });
    }
    return payload;
  }
}
