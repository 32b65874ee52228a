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
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { Me } from './me.type.js';
import { requireViewer } from '../../common/auth-checker.js';
import { badInput, unauthenticated } from '../../common/errors.js';
import { requireIdOfType, toGlobalId } from '../../common/ids.js';
import { academicYearOf, semesterOf, termLabel } from '../../common/roc.js';
import { MutationPayload, PayloadType, userError } from '../../common/user-error.js';
import { hasRole } from '../../common/viewer.js';
import { recordAudit } from '../audit/audit.service.js';
import { Authority } from '../authority/authority.entity.js';
import { Role } from '../../common/roles.js';
import { Student } from '../people/student.entity.js';
import { SchoolClass } from '../people/school-class.entity.js';
import { School } from '../school/school.entity.js';
import { Term } from '../term/term.entity.js';
import { describeDevice } from './device.js';
import { enterSession } from './sign-in.js';

@ObjectType({ description: '一個登入中的裝置' })
class SessionInfo {
  @Field(() => ID)
  id!: string;

  @Field()
  createdAt!: Date;

  @Field()
  lastSeenAt!: Date;

  @Field()
  expiresAt!: Date;

  @Field(() => String, { nullable: true })
  userAgent!: string | null;

  @Field(() => String, { nullable: true, description: '瀏覽器與系統，例如「Chrome／Android 手機」；認不出時為空' })
  get device(): string | null {
    return describeDevice(this.userAgent);
  }

  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field({ description: '是否為目前這個裝置' })
  isCurrent!: boolean;
}

@InputType()
class LoginInput {
  @Field({ description: '帳號' })
  username!: string;

  @Field({ description: '密碼' })
  password!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'API 用戶端設為 true 以取得 bearer token；瀏覽器使用 httpOnly cookie，不需要 token',
  })
  issueToken?: boolean | null;
}

@ObjectType()
class LoginPayload extends MutationPayload {
  @Field(() => Me, { nullable: true })
  me!: Me | null;

  @Field(() => String, { nullable: true, description: '只在 issueToken 為 true 時回傳' })
  token!: string | null;

  @Field(() => Int, { nullable: true, description: '暫停登入時，還要等幾秒' })
  retryAfterSeconds!: number | null;
}

@InputType()
class LogoutInput {
  @Field(() => Boolean, { nullable: true, description: '同時登出這個帳號的所有裝置' })
  allSessions?: boolean | null;
}

@ObjectType()
class LogoutPayload extends MutationPayload {
  @Field(() => Int, { description: '結束的登入數' })
  endedSessions!: number;

  @Field(() => String, {
    nullable: true,
    description: '這個登入是經由單一登入（例如教育雲）開始、且該服務提供登出時，登出該服務的網址；否則為 null',
  })
  providerLogoutUrl!: string | null;
}

@InputType()
class ChangePasswordInput {
  @Field({ description: '目前的密碼' })
  currentPassword!: string;

  @Field({ description: '新密碼（至少 10 個字元，不能包含帳號）' })
  newPassword!: string;
}

const ChangePasswordPayload = PayloadType<'changed', boolean>('ChangePasswordPayload', 'changed', () => Boolean, {
  description: '是否已變更',
  nullable: false,
});
type ChangePasswordPayload = InstanceType<typeof ChangePasswordPayload>;

@InputType()
class RevokeSessionInput {
  @Field(() => ID)
  sessionId!: string;
}

const RevokeSessionPayload = PayloadType<'revoked', boolean>('RevokeSessionPayload', 'revoked', () => Boolean, {
  nullable: false,
});
type RevokeSessionPayload = InstanceType<typeof RevokeSessionPayload>;

const MAX_CREDENTIAL_LENGTH = 200;

@Resolver(() => Me)
export class AuthResolver {
  @Query(() => Me, { nullable: true, description: '目前登入的使用者；未登入時為 null' })
  me(@Ctx() ctx: AppContext): Me | null {
    return ctx.viewer ? new Me(ctx.viewer) : null;
  }

  @Mutation(() => LoginPayload, { description: '以帳號密碼登入' })
  async login(@Arg('input') input: LoginInput, @Ctx() ctx: AppContext): Promise<LoginPayload> {
    if (input.username.length > MAX_CREDENTIAL_LENGTH || input.password.length > MAX_CREDENTIAL_LENGTH) {
      throw badInput('帳號或密碼過長。');
    }
    const payload = new LoginPayload();
    payload.me = null;
    payload.token = null;
    payload.retryAfterSeconds = null;
    const outcome = await ctx.services.auth.login(ctx.em, {
      username: input.username,
      password: input.password,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    if (!outcome.ok) {
      payload.userErrors = outcome.userErrors;
      payload.retryAfterSeconds = outcome.retryAfterSeconds;
      return payload;
    }
    const viewer = outcome.viewer;
    await enterSession(ctx, outcome, {});
    payload.me = new Me(viewer);
    payload.token = input.issueToken ? outcome.token : null;
    return payload;
  }

  @Mutation(() => LogoutPayload, { description: '登出這個裝置，或所有裝置' })
  async logout(
    @Arg('input', () => LogoutInput, { nullable: true }) input: LogoutInput | null,
    @Ctx() ctx: AppContext,
  ): Promise<LogoutPayload> {
    const payload = Object.assign(new LogoutPayload(), { endedSessions: 0, providerLogoutUrl: null as string | null });
    ctx.cookies?.clear();
    if (!ctx.viewer || !ctx.sessionToken) return payload;
    payload.providerLogoutUrl = ctx.services.sso.providerLogoutUrl(ctx.viewer.signInProvider);
    payload.endedSessions = await ctx.services.auth.logout(
      ctx.em,
      ctx.sessionToken,
      input?.allSessions ?? false,
      ctx.viewer.credentialId,
    );
    await recordAudit(ctx.em, ctx.viewer, ctx.requestId, {
      operation: input?.allSessions ? 'auth.logout_all' : 'auth.logout',
      targetIds: [ctx.viewer.sessionId],
    });
    return payload;
  }

  @Authorized()
  @Mutation(() => ChangePasswordPayload, {
    description: '變更自己的密碼（須輸入目前的密碼）；其他裝置上的登入隨之失效',
  })
  async changePassword(
    @Arg('input') input: ChangePasswordInput,
    @Ctx() ctx: AppContext,
  ): Promise<ChangePasswordPayload> {
    const viewer = requireViewer(ctx);
    if (input.currentPassword.length > MAX_CREDENTIAL_LENGTH || input.newPassword.length > MAX_CREDENTIAL_LENGTH) {
      throw badInput('密碼過長。');
    }
    // What a guesser knows of a student besides their name: the 學號 and the school's code.
    const student = hasRole(viewer, Role.STUDENT) ? await ctx.loaders.studentByAccountId.load(viewer.accountId) : null;
    const school = viewer.schoolId ? await ctx.loaders.schoolById.load(viewer.schoolId) : null;
    const outcome = await ctx.services.auth.changePassword(ctx.em, viewer, {
      token: ctx.sessionToken!,
      currentPassword: input.currentPassword,
      newPassword: input.newPassword,
      ip: ctx.ip,
      personalWords: [student?.studentNumber ?? '', school?.code ?? ''],
    });
    const payload = Object.assign(new ChangePasswordPayload(), { changed: outcome.ok });
    if (!outcome.ok) {
      payload.userErrors = outcome.userErrors;
      return payload;
    }
    await recordAudit(ctx.em, viewer, ctx.requestId, {
      operation: 'auth.change_password',
      targetIds: [viewer.accountId],
    });
    return payload;
  }

  @Authorized()
  @Query(() => [SessionInfo], { description: '這個帳號目前登入中的裝置' })
  async mySessions(@Ctx() ctx: AppContext): Promise<SessionInfo[]> {
    if (!ctx.sessionToken) throw unauthenticated();
    const sessions = await ctx.services.auth.listSessions(ctx.em, ctx.sessionToken);
    return sessions.map((session) =>
      Object.assign(new SessionInfo(), { ...session, id: toGlobalId('Session', session.id) }),
    );
  }

  @Authorized()
  @Mutation(() => RevokeSessionPayload, { description: '讓這個帳號在某個裝置上的登入失效' })
  async revokeSession(@Arg('input') input: RevokeSessionInput, @Ctx() ctx: AppContext): Promise<RevokeSessionPayload> {
    const viewer = requireViewer(ctx);
    const sessionId = requireIdOfType(input.sessionId, 'Session', '登入', 'sessionId');
    const revoked = await ctx.services.auth.revokeSession(ctx.em, ctx.sessionToken!, sessionId, viewer.credentialId);
    const payload = Object.assign(new RevokeSessionPayload(), { revoked });
    if (!revoked) {
      payload.userErrors = [userError('sessionId', 'SESSION_NOT_FOUND', '找不到這個登入，可能已經登出。')];
      return payload;
    }
    await recordAudit(ctx.em, viewer, ctx.requestId, { operation: 'auth.revoke_session', targetIds: [sessionId] });
    return payload;
  }

  @FieldResolver(() => School, { nullable: true, description: '所屬學校與部別（教育局帳號為 null）' })
  school(@Root() me: Me, @Ctx() ctx: AppContext): Promise<School | null> | null {
    return me.viewer.schoolId ? ctx.loaders.schoolById.load(me.viewer.schoolId) : null;
  }

  @FieldResolver(() => Authority, { description: '所屬教育局' })
  async authority(@Root() me: Me, @Ctx() ctx: AppContext): Promise<Authority> {
    const authority = await ctx.loaders.authorityById.load(me.viewer.authorityId);
    if (!authority) throw new Error('the viewer’s authority is missing');
    return authority;
  }

  @FieldResolver(() => Term, { nullable: true, description: '本校目前的學期' })
  currentTerm(@Root() me: Me, @Ctx() ctx: AppContext): Promise<Term | null> | null {
    return me.viewer.schoolId ? ctx.loaders.currentTerm() : null;
  }

  @FieldResolver(() => String, { description: '依伺服器時間推算的目前學期，例如「115學年度第1學期」' })
  currentTermLabel(@Ctx() ctx: AppContext): string {
    const now = ctx.services.clock.now();
    return termLabel(academicYearOf(now), semesterOf(now));
  }

  @FieldResolver(() => String, { description: '依伺服器時間推算的目前學期代碼，例如「1151」（統計的學期參數）' })
  currentTermKey(@Ctx() ctx: AppContext): string {
    const now = ctx.services.clock.now();
    return `${academicYearOf(now)}${semesterOf(now)}`;
  }

  @FieldResolver(() => Boolean, {
    description: '仍在使用別人設定的密碼（初始密碼單或重設後）：須先變更密碼，才能使用其他功能',
  })
  passwordIsTemporary(@Root() me: Me): boolean {
    return me.viewer.restriction?.code === 'PASSWORD_CHANGE_REQUIRED';
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: '帳號目前只能查看、不能修改的原因（休學、轉出或畢業後的寬限期）；可以修改時為 null',
  })
  readOnlyReason(@Root() me: Me): string | null {
    return me.viewer.restriction?.code === 'READ_ONLY' ? me.viewer.restriction.message : null;
  }

  @FieldResolver(() => Int, { description: '臨時帳號最長可設定的天數（政策設定）' })
  temporaryAccessMaxDays(@Ctx() ctx: AppContext): number {
    return ctx.services.config.accounts.temporaryAccessMaxDays;
  }

  @FieldResolver(() => Date, { description: '伺服器目前時間（以此為準）' })
  serverTime(@Ctx() ctx: AppContext): Date {
    return ctx.services.clock.now();
  }

  @FieldResolver(() => Student, { nullable: true, description: '學生本人的學籍資料' })
  student(@Root() me: Me, @Ctx() ctx: AppContext): Promise<Student | null> | null {
    return hasRole(me.viewer, Role.STUDENT) ? ctx.loaders.studentByAccountId.load(me.viewer.accountId) : null;
  }

  @FieldResolver(() => [SchoolClass], { description: '擔任導師的班級' })
  homeroomClasses(@Root() me: Me, @Ctx() ctx: AppContext): Promise<SchoolClass[]> | SchoolClass[] {
    if (!hasRole(me.viewer, Role.HOMEROOM_TEACHER)) return [];
    return ctx.loaders.homeroomClassesByTeacher.load(me.viewer.accountId);
  }
}
