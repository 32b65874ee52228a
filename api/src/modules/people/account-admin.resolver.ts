import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { requireViewer } from '../../common/auth-checker.js';
import { badInput, notFound } from '../../common/errors.js';
import { requireIdOfType, toGlobalId } from '../../common/ids.js';
import { type Connection, ConnectionArgs, ConnectionType } from '../../common/pagination.js';
import { taipeiIsoDate } from '../../common/roc.js';
import { MutationPayload, PayloadType, payload } from '../../common/user-error.js';
import type { Viewer } from '../../common/viewer.js';
import {
  type AccountListFilter,
  type AccountRow,
  endTemporaryAccess,
  grantTemporaryAccess,
  listAccounts,
  resetAccountPassword,
  setAccountActive,
  setAdminSection,
  setTeachingRole,
  unlockAccount,
} from './account-admin.service.js';
import { ManagedAccountKind, ManagedAccountStatus, TeachingRole } from './account-admin.types.js';
import {
  mayGrantTemporaryAccess,
  mayResetPassword,
  maySetActive,
  maySetSection,
  maySetTeachingRoles,
  mayUnlock,
} from './people.permissions.js';
import { STUDENT_STATUS_LABELS, StudentStatus } from './people.enums.js';
import { AdminSection, Role } from '../../common/roles.js';
import { describeRoles } from './user-account.entity.js';

/** A school account (staff or student) as account administration shows it, with what the viewer may do to it. */
@ObjectType({ description: '帳號（帳號與權限管理）' })
export class ManagedAccount {
  constructor(
    readonly row: AccountRow,
    private readonly viewer: Viewer,
    private readonly now: Date,
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

  @Field(() => ManagedAccountKind)
  get kind(): ManagedAccountKind {
    return this.row.isStudent ? ManagedAccountKind.STUDENT : ManagedAccountKind.STAFF;
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
    return this.row.passwordTemporary && !this.row.slipPending;
  }

  @Field({ description: '學生的初始密碼單尚未列印發放，還不能登入' })
  get slipPending(): boolean {
    return this.row.slipPending;
  }

  @Field(() => Date, { nullable: true, description: '登入失敗次數過多而暫停登入，到這個時間為止（未鎖定為 null）' })
  get lockedUntil(): Date | null {
    const until = this.row.lockedUntil;
    return until && until > this.now ? until : null;
  }

  @Field(() => Date, {
    nullable: true,
    description: '臨時帳號的結束時刻（截止日的隔天 0 時，臺北時間）；沒有或已結束為 null',
  })
  get temporaryUntil(): Date | null {
    const until = this.row.temporaryUntil;
    return until && until > this.now ? until : null;
  }

  @Field(() => String, { nullable: true, description: '臨時帳號的截止日（最後一天，YYYY-MM-DD，臺北時間）' })
  get temporaryUntilDate(): string | null {
    const until = this.temporaryUntil;
    return until ? taipeiIsoDate(new Date(until.getTime() - 1)) : null;
  }

  @Field(() => String, { nullable: true, description: '學號（學生帳號）' })
  get studentNumber(): string | null {
    return this.row.studentNumber;
  }

  @Field(() => StudentStatus, { nullable: true, description: '學籍狀態（學生帳號）' })
  get studentStatus(): StudentStatus | null {
    return this.row.studentStatus;
  }

  @Field(() => String, { nullable: true, description: '學籍狀態的中文名稱（學生帳號）' })
  get studentStatusLabel(): string | null {
    return this.row.studentStatus ? STUDENT_STATUS_LABELS[this.row.studentStatus] : null;
  }

  @Field({ description: '這是目前使用者自己的帳號' })
  get isViewer(): boolean {
    return this.row.id === this.viewer.accountId;
  }

  @Field(() => [AdminSection], { description: '目前使用者可以為這個帳號授予或移除的行政組別' })
  get viewerCanSetSections(): AdminSection[] {
    if (this.row.isStudent) return [];
    return Object.values(AdminSection).filter((section) => maySetSection(this.viewer, section, this.row));
  }

  @Field({ description: '目前使用者可以授予或移除這個帳號的教學身分（任課教師、導師、課程諮詢教師）' })
  get viewerCanSetTeachingRoles(): boolean {
    return maySetTeachingRoles(this.viewer, this.row);
  }

  @Field({ description: '目前使用者可以重設這個帳號的密碼' })
  get viewerCanResetPassword(): boolean {
    return mayResetPassword(this.viewer, this.row);
  }

  @Field({ description: '目前使用者可以停用或啟用這個帳號' })
  get viewerCanSetActive(): boolean {
    return maySetActive(this.viewer, this.row);
  }

  @Field({ description: '目前使用者可以解除這個帳號的登入鎖定（帳號目前鎖定中時）' })
  get viewerCanUnlock(): boolean {
    return this.lockedUntil !== null && mayUnlock(this.viewer);
  }

  @Field({ description: '目前使用者可以為這個學生設定或結束臨時帳號' })
  get viewerCanGrantTemporaryAccess(): boolean {
    return mayGrantTemporaryAccess(this.viewer, this.row);
  }
}

const ManagedAccountConnection = ConnectionType(ManagedAccount, 'ManagedAccount');
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
class SetTeachingRoleInput {
  @Field(() => ID, { description: '教職員帳號' })
  accountId!: string;

  @Field(() => TeachingRole)
  role!: TeachingRole;

  @Field({ description: 'true 授予，false 移除' })
  granted!: boolean;
}

const SetTeachingRolePayload = PayloadType('SetTeachingRolePayload', 'account', () => ManagedAccount);
type SetTeachingRolePayload = InstanceType<typeof SetTeachingRolePayload>;

@InputType()
class AccountInput {
  @Field(() => ID, { description: '教職員或學生帳號' })
  accountId!: string;
}

@InputType()
class ResetAccountPasswordInput extends AccountInput {}

@InputType()
class SetAccountActiveInput extends AccountInput {
  @Field({ description: 'true 啟用，false 停用（停用時該帳號所有登入立即失效）' })
  active!: boolean;
}

@InputType()
class UnlockAccountInput extends AccountInput {}

@InputType()
class EndTemporaryAccessInput extends AccountInput {}

@InputType()
class GrantTemporaryAccessInput extends AccountInput {
  @Field({
    description: '可登入到這一天結束（YYYY-MM-DD，臺北時間）；今天起到政策上限（Me.temporaryAccessMaxDays）天內',
  })
  until!: string;
}

const AccountPayload = PayloadType('ManagedAccountPayload', 'account', () => ManagedAccount);
type AccountPayload = InstanceType<typeof AccountPayload>;

@ObjectType()
class ResetAccountPasswordPayload extends MutationPayload {
  @Field(() => ManagedAccount, { nullable: true })
  account!: ManagedAccount | null;

  @Field(() => String, { nullable: true, description: '新的臨時密碼，只顯示這一次' })
  temporaryPassword!: string | null;
}

@ObjectType()
class GrantTemporaryAccessPayload extends MutationPayload {
  @Field(() => ManagedAccount, { nullable: true })
  account!: ManagedAccount | null;

  @Field(() => String, { nullable: true, description: '新的臨時密碼，只顯示這一次' })
  temporaryPassword!: string | null;
}

const wrapper = (ctx: AppContext) => {
  const viewer = requireViewer(ctx);
  const now = ctx.services.clock.now();
  return (row: AccountRow) => new ManagedAccount(row, viewer, now);
};

const accountPayload = (ctx: AppContext, row: AccountRow): AccountPayload =>
  payload(new AccountPayload(), 'account', { value: wrapper(ctx)(row), userErrors: [] }, null);

@Resolver()
export class AccountAdminResolver {
  /** The school whose accounts are asked for: the viewer's own, or for the bureau one of its schools. */
  private async schoolOf(ctx: AppContext, schoolId: string | null | undefined): Promise<string> {
    const viewer = requireViewer(ctx);
    let school = viewer.schoolId;
    if (schoolId) {
      const asked = requireIdOfType(schoolId, 'School', '學校', 'schoolId');
      // A school account sees its own school only; a bureau sees the schools of its authority (row-level security).
      if ((school && asked !== school) || !(await ctx.loaders.schoolById.load(asked))) throw notFound('學校');
      school = asked;
    }
    if (!school) throw badInput('請指定學校。', 'schoolId');
    return school;
  }

  private async page(
    ctx: AppContext,
    schoolId: string | null | undefined,
    filter: AccountListFilter,
    args: ConnectionArgs,
  ): Promise<Connection<ManagedAccount>> {
    const page = await listAccounts(ctx, await this.schoolOf(ctx, schoolId), filter, args);
    const wrap = wrapper(ctx);
    return {
      ...page,
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: wrap(edge.node) })),
      nodes: page.nodes.map(wrap),
    };
  }

  @Authorized()
  @Query(() => ManagedAccountConnection, {
    description:
      '學校的帳號（教職員與學生）：資訊組、執行秘書看本校；教育局看所轄的一所學校（schoolId）。依登入帳號排序。',
  })
  async managedAccounts(
    @Args() args: ConnectionArgs,
    @Arg('schoolId', () => ID, { nullable: true, description: '教育局必填；學校帳號省略（即本校）' })
    schoolId: string | null | undefined,
    @Arg('search', () => String, {
      nullable: true,
      description: '登入帳號、姓名或學號包含這段文字（照字面比對，最多 30 個字）',
    })
    search: string | null | undefined,
    @Arg('kind', () => ManagedAccountKind, { nullable: true }) kind: ManagedAccountKind | null | undefined,
    @Arg('status', () => ManagedAccountStatus, { nullable: true }) status: ManagedAccountStatus | null | undefined,
    @Ctx() ctx: AppContext,
  ) {
    return this.page(ctx, schoolId, { search, kind, status }, args);
  }

  @Authorized()
  @Query(() => StaffAccountConnection, {
    description: '教職員帳號與行政職務（同 managedAccounts(kind: STAFF)）',
    deprecationReason: '請改用 managedAccounts(kind: STAFF)',
  })
  async staffAccounts(
    @Args() args: ConnectionArgs,
    @Arg('schoolId', () => ID, { nullable: true, description: '教育局必填；學校帳號省略（即本校）' })
    schoolId: string | null | undefined,
    @Ctx() ctx: AppContext,
  ) {
    return this.page(ctx, schoolId, { kind: ManagedAccountKind.STAFF }, args);
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
    const account = result.value ? wrapper(ctx)(result.value) : null;
    return payload(new SetAdminSectionPayload(), 'account', { value: account, userErrors: result.userErrors }, null);
  }

  @Authorized()
  @Mutation(() => SetTeachingRolePayload, {
    description: '授予或移除教職員帳號的一個教學身分（不能是自己、學生帳號，也不能移除唯一的身分）',
  })
  async setTeachingRole(
    @Arg('input') input: SetTeachingRoleInput,
    @Ctx() ctx: AppContext,
  ): Promise<SetTeachingRolePayload> {
    const result = await setTeachingRole(ctx, input);
    const account = result.value ? wrapper(ctx)(result.value) : null;
    return payload(new SetTeachingRolePayload(), 'account', { value: account, userErrors: result.userErrors }, null);
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
    return Object.assign(new ResetAccountPasswordPayload(), { account: wrapper(ctx)(account), temporaryPassword });
  }

  @Authorized()
  @Mutation(() => AccountPayload, {
    description: '停用或啟用帳號；停用後無法登入，所有登入立即失效（擔任行政職務的帳號限執行秘書或教育局；不能是自己）',
  })
  async setAccountActive(@Arg('input') input: SetAccountActiveInput, @Ctx() ctx: AppContext): Promise<AccountPayload> {
    return accountPayload(ctx, await setAccountActive(ctx, input.accountId, input.active));
  }

  @Authorized()
  @Mutation(() => AccountPayload, { description: '解除帳號因登入失敗次數過多而暫停登入的鎖定' })
  async unlockAccount(@Arg('input') input: UnlockAccountInput, @Ctx() ctx: AppContext): Promise<AccountPayload> {
    return accountPayload(ctx, await unlockAccount(ctx, input.accountId));
  }

  @Authorized()
  @Mutation(() => GrantTemporaryAccessPayload, {
    description:
      '臨時帳號：休學、轉出等學籍異動的學生可登入到截止日結束，並重設為一組新的臨時密碼（只顯示這一次），原有登入失效',
  })
  async grantTemporaryAccess(
    @Arg('input') input: GrantTemporaryAccessInput,
    @Ctx() ctx: AppContext,
  ): Promise<GrantTemporaryAccessPayload> {
    const result = await grantTemporaryAccess(ctx, input);
    return Object.assign(new GrantTemporaryAccessPayload(), {
      userErrors: result.userErrors,
      account: result.value ? wrapper(ctx)(result.value.account) : null,
      temporaryPassword: result.value?.temporaryPassword ?? null,
    });
  }

  @Authorized()
  @Mutation(() => AccountPayload, { description: '立即結束學生的臨時帳號' })
  async endTemporaryAccess(
    @Arg('input') input: EndTemporaryAccessInput,
    @Ctx() ctx: AppContext,
  ): Promise<AccountPayload> {
    return accountPayload(ctx, await endTemporaryAccess(ctx, input.accountId));
  }
}
