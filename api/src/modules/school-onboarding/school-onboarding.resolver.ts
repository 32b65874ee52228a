import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Resolver,
  Root,
} from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { Role } from '../../common/roles.js';
import { MutationPayload, PayloadType, payload } from '../../common/user-error.js';
import { School, SchoolDivision } from '../school/school.entity.js';
import {
  createSchool,
  mayOnboardSchools,
  setSchoolActive,
  setStudentLoginPattern,
} from './school-onboarding.service.js';
import { studentLoginName, TYPICAL_STUDENT_NUMBER } from './student-login-rule.js';

@InputType({ description: '新增學校部別與它的第一個資訊組帳號' })
class CreateSchoolInput {
  @Field({ description: '學校代碼（6 碼，例如 383301）' })
  code!: string;

  @Field({ description: '校名，例如「臺北市立示範高級中學」（最多 100 字）' })
  name!: string;

  @Field(() => SchoolDivision, { description: '日間部或進修部；同一校代碼的兩個部別各自新增' })
  division!: SchoolDivision;

  @Field(() => String, {
    nullable: true,
    description:
      '學生帳號規則（{code} 學校代碼、{number} 學號）；省略時日間部為 {code}{number}，進修部為 {code}n{number}',
  })
  studentLoginPattern?: string | null;

  @Field({ description: '第一個資訊組帳號的登入帳號（全平臺不可重複，不分大小寫）' })
  itUsername!: string;

  @Field({ description: '資訊組人員姓名（最多 50 字）' })
  itDisplayName!: string;
}

@ObjectType({ description: '新增學校的結果' })
class CreateSchoolPayload extends MutationPayload {
  @Field(() => School, { nullable: true })
  school!: School | null;

  @Field(() => String, { nullable: true, description: '資訊組的登入帳號' })
  itUsername!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '資訊組的一次性密碼，只顯示這一次；首次登入須變更',
  })
  temporaryPassword!: string | null;
}

@InputType()
class SetSchoolActiveInput {
  @Field(() => ID, { description: '所轄學校（部別）' })
  schoolId!: string;

  @Field({ description: 'false 停用（所有帳號立即登出且不能登入），true 重新啟用' })
  active!: boolean;
}

@ObjectType()
class SetSchoolActivePayload extends MutationPayload {
  @Field(() => School, { nullable: true })
  school!: School | null;

  @Field(() => Int, { nullable: true, description: '停用時被登出的登入數' })
  sessionsEnded!: number | null;
}

@InputType()
class SetStudentLoginPatternInput {
  @Field(() => ID, { description: '所轄學校（部別）' })
  schoolId!: string;

  @Field({ description: '新的學生帳號規則，例如 {code}{number}；只影響之後建立的帳號' })
  studentLoginPattern!: string;
}

const SetStudentLoginPatternPayload = PayloadType('SetStudentLoginPatternPayload', 'school', () => School);
type SetStudentLoginPatternPayload = InstanceType<typeof SetStudentLoginPatternPayload>;

/** The bureau brings school divisions on and off; the rules live in school-onboarding.service. */
@Resolver()
export class SchoolOnboardingResolver {
  @Authorized(Role.BUREAU_ADMIN)
  @Mutation(() => CreateSchoolPayload, {
    description: '新增所轄學校的一個部別與它的第一個資訊組帳號（一次性密碼只回傳這一次）',
  })
  async createSchool(@Arg('input') input: CreateSchoolInput, @Ctx() ctx: AppContext): Promise<CreateSchoolPayload> {
    const result = await createSchool(ctx, input);
    return Object.assign(new CreateSchoolPayload(), {
      school: result.value?.school ?? null,
      itUsername: result.value?.itUsername ?? null,
      temporaryPassword: result.value?.temporaryPassword ?? null,
      userErrors: result.userErrors,
    });
  }

  @Authorized(Role.BUREAU_ADMIN)
  @Mutation(() => SetSchoolActivePayload, {
    description: '停用或重新啟用所轄學校的一個部別；停用時它的所有帳號立即登出，資料保留',
  })
  async setSchoolActive(
    @Arg('input') input: SetSchoolActiveInput,
    @Ctx() ctx: AppContext,
  ): Promise<SetSchoolActivePayload> {
    const result = await setSchoolActive(ctx, input);
    return Object.assign(new SetSchoolActivePayload(), {
      school: result.value?.school ?? null,
      sessionsEnded: result.value?.sessionsEnded ?? null,
      userErrors: result.userErrors,
    });
  }

  @Authorized(Role.BUREAU_ADMIN)
  @Mutation(() => SetStudentLoginPatternPayload, { description: '設定所轄學校部別的學生帳號規則' })
  async setStudentLoginPattern(
    @Arg('input') input: SetStudentLoginPatternInput,
    @Ctx() ctx: AppContext,
  ): Promise<SetStudentLoginPatternPayload> {
    return payload(new SetStudentLoginPatternPayload(), 'school', await setStudentLoginPattern(ctx, input), null);
  }
}

/**
 * What the directory shows of a division's management. These live here, not in the school module, because the school
 * module is what every other module builds on and may import none of them.
 */
@Resolver(() => School)
export class SchoolManagementResolver {
  @FieldResolver(() => Boolean, {
    description: '目前使用者可以停用、重新啟用這個部別並設定學生帳號規則（所屬教育局的管理者）',
  })
  viewerCanManage(@Root() school: School, @Ctx() ctx: AppContext): boolean {
    return mayOnboardSchools(ctx.viewer) && ctx.viewer!.authorityId === school.authority.id;
  }

  @FieldResolver(() => String, { description: `依學生帳號規則，學號 ${TYPICAL_STUDENT_NUMBER} 的學生會得到的帳號` })
  studentLoginExample(@Root() school: School): string {
    return studentLoginName(school.studentLoginPattern, school.code, TYPICAL_STUDENT_NUMBER);
  }
}
