import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { requireViewer } from '../../common/auth-checker.js';
import { badInput, notFound } from '../../common/errors.js';
import { requireIdOfType, toGlobalId } from '../../common/ids.js';
import { ConnectionArgs, ConnectionType } from '../../common/pagination.js';
import { MutationPayload, PayloadType, payload } from '../../common/user-error.js';
import type { Viewer } from '../../common/viewer.js';
import {
  listStaffAccounts,
  resetAccountPassword,
  setAdminSection,
  type StaffAccountRow,
} from './account-admin.service.js';
import { mayResetPassword, maySetSection } from './people.permissions.js';
import { AdminSection, Role } from '../../common/roles.js';
import { describeRoles } from './user-account.entity.js';

/** A staff account as account administration shows it, with what the viewer may do to it. */
@ObjectType({ description: '帳號（帳號與權限管理）' })
export class ManagedAccount {
  constructor(
    readonly row: StaffAccountRow,
    private readonly viewer: Viewer,
  ) {}

  @Field(() => ID, { description: '帳號（UserAccount）的全域識別碼' })
  get id(): string {
    return toGlobalId('UserAccount', this.row.id);
  }

  @Field({ description: '登入帳號' })
  get username(): string {
    return this.row.username;
  }

  @Field({ description: '姓名' })
  get displayName(): string {
    return this.row.displayName;
  }

  @Field(() => [Role])
  get roles(): Role[] {
    return this.row.roles;
  }

  @Field(() => [AdminSection])
  get adminSections(): AdminSection[] {
    return this.row.adminSections;
  }

  @Field(() => [String], { description: '角色與組別的中文名稱' })
  get roleLabels(): string[] {
    return describeRoles(this.row.roles, this.row.adminSections);
  }

  @Field({ description: '帳號是否啟用' })
  get active(): boolean {
    return this.row.active;
  }

  @Field({ description: '仍在使用別人設定的臨時密碼（初次密碼或重設後），本人尚未變更' })
  get passwordIsTemporary(): boolean {
    return this.row.passwordTemporary;
  }

  @Field(() => [AdminSection], { description: '目前使用者可以為這個帳號授予或移除的行政組別' })
  get viewerCanSetSections(): AdminSection[] {
    return Object.values(AdminSection).filter((section) => maySetSection(this.viewer, section, this.row));
  }

  @Field({ description: '目前使用者可以重設這個帳號的密碼' })
  get viewerCanResetPassword(): boolean {
    return mayResetPassword(this.viewer, this.row);
  }
}

const StaffAccountConnection = ConnectionType(ManagedAccount, 'StaffAccount');

@InputType()
class SetAdminSectionInput {
  @Field(() => ID, { description: '教職員帳號' })
  accountId!: string;

  @Field(() => AdminSection)
  section!: AdminSection;

  @Field({ description: 'true 授予，false 移除' })
  granted!: boolean;
}

const SetAdminSectionPayload = PayloadType('SetAdminSectionPayload', 'account', () => ManagedAccount);
type SetAdminSectionPayload = InstanceType<typeof SetAdminSectionPayload>;

@InputType()
class ResetAccountPasswordInput {
  @Field(() => ID, { description: '教職員或學生帳號' })
  accountId!: string;
}

@ObjectType()
class ResetAccountPasswordPayload extends MutationPayload {
  @Field(() => ManagedAccount, { nullable: true })
  account!: ManagedAccount | null;

  @Field(() => String, { nullable: true, description: '新的臨時密碼，只顯示這一次' })
  temporaryPassword!: string | null;
}

@Resolver()
export class AccountAdminResolver {
  @Authorized()
  @Query(() => StaffAccountConnection, {
    description: '教職員帳號與行政職務：資訊組、執行秘書看本校；教育局看所轄的一所學校（schoolId）',
  })
  async staffAccounts(
    @Args() args: ConnectionArgs,
    @Arg('schoolId', () => ID, { nullable: true, description: '教育局必填；學校帳號省略（即本校）' })
    schoolId: string | null | undefined,
    @Ctx() ctx: AppContext,
  ) {
    const viewer = requireViewer(ctx);
    let school = viewer.schoolId;
    if (schoolId) {
      const asked = requireIdOfType(schoolId, 'School', '學校', 'schoolId');
      // A school account sees its own school only; a bureau sees the schools of its authority (row-level security).
      if ((school && asked !== school) || !(await ctx.loaders.schoolById.load(asked))) throw notFound('學校');
      school = asked;
    }
    if (!school) throw badInput('請指定學校。', 'schoolId');
    const page = await listStaffAccounts(ctx, school, args);
    const wrap = (row: StaffAccountRow) => new ManagedAccount(row, viewer);
    return {
      ...page,
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: wrap(edge.node) })),
      nodes: page.nodes.map(wrap),
    };
  }

  @Authorized()
  @Mutation(() => SetAdminSectionPayload, {
    description: '授予或移除一個帳號的一個行政組別（執行秘書限教育局；註冊組限執行秘書或教育局；不能是自己）',
  })
  async setAdminSection(
    @Arg('input') input: SetAdminSectionInput,
    @Ctx() ctx: AppContext,
  ): Promise<SetAdminSectionPayload> {
    const result = await setAdminSection(ctx, input);
    const account = result.value ? new ManagedAccount(result.value, requireViewer(ctx)) : null;
    return payload(new SetAdminSectionPayload(), 'account', { value: account, userErrors: result.userErrors }, null);
  }

  @Authorized()
  @Mutation(() => ResetAccountPasswordPayload, {
    description: '把帳號的密碼重設為一組新的臨時密碼，並讓它的所有登入失效（擔任行政職務的帳號限執行秘書或教育局）',
  })
  async resetAccountPassword(
    @Arg('input') input: ResetAccountPasswordInput,
    @Ctx() ctx: AppContext,
  ): Promise<ResetAccountPasswordPayload> {
    const { account, temporaryPassword } = await resetAccountPassword(ctx, input.accountId);
    return Object.assign(new ResetAccountPasswordPayload(), {
      account: new ManagedAccount(account, requireViewer(ctx)),
      temporaryPassword,
    });
  }
}
