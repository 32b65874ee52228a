import type { AppContext } from '../../common/context.js';
import { toDate } from '../../common/sql.js';
import { AppError, ErrorCode, badInput, forbidden, notFound } from '../../common/errors.js';
import { requireIdOfType } from '../../common/ids.js';
import { type Connection, type ConnectionArgs, connectionOf, decodeCursor, pageSize } from '../../common/pagination.js';
import { formatRocCalendarDate, isIsoCalendarDate, taipeiIsoDate } from '../../common/roc.js';
import { type Result, userError } from '../../common/user-error.js';
import { recordAudit } from '../audit/audit.service.js';
import { hashPassword, temporaryPassword } from './password.js';
import { ADMIN_SECTION_LABELS, AdminSection, type Role } from '../../common/roles.js';
import {
  mayGrantTemporaryAccess,
  mayManageAccounts,
  maySetActive,
  maySetSection,
  maySetTeachingRoles,
  mayResetOfficeAccounts,
  mayResetPassword,
  mayUnlock,
} from './people.permissions.js';
import type { StudentStatus } from './people.enums.js';
import {
  type ManagedAccountKind,
  type ManagedAccountStatus,
  TEACHING_ROLE_LABELS,
  type TeachingRole,
} from './account-admin.types.js';

/** A school account as account administration sees it: staff or student. */
export interface AccountRow {
  id: string;
  schoolId: string;
  username: string;
  displayName: string;
  roles: Role[];
  adminSections: AdminSection[];
  active: boolean;
  /** The password was set by somebody else (a first password, a reset) and its owner has not changed it yet. */
  passwordTemporary: boolean;
  /** A student's login from the roster whose first-password slip has not been printed yet. */
  slipPending: boolean;
  /** 臨時帳號: the student's status rules are lifted until then (past values stay until ended or granted again). */
  temporaryUntil: Date | null;
  isStudent: boolean;
  studentNumber: string | null;
  studentStatus: StudentStatus | null;
  /** The throttle's lock of the login name from anywhere, whether or not it has ended. */
  lockedUntil: Date | null;
}

interface AccountRecord {
  id: string;
  school_id: string;
  username: string;
  display_name: string;
  roles: Role[];
  admin_sections: AdminSection[];
  active: boolean;
  password_temporary: boolean;
  slip_pending: boolean;
  temporary_until: Date | string | null;
  is_student: boolean;
  student_number: string | null;
  student_status: StudentStatus | null;
  locked_until: Date | string | null;
}

const toDateOrNull = (value: Date | string | null): Date | null => (value === null ? null : toDate(value));

const toRow = (record: AccountRecord): AccountRow => ({
  id: record.id,
  schoolId: record.school_id,
  username: record.username,
  displayName: record.display_name,
  roles: record.roles,
  adminSections: record.admin_sections,
  active: record.active,
  passwordTemporary: record.password_temporary,
  slipPending: record.slip_pending,
  temporaryUntil: toDateOrNull(record.temporary_until),
  isStudent: record.is_student,
  studentNumber: record.student_number,
  studentStatus: record.student_status,
  lockedUntil: toDateOrNull(record.locked_until),
});

const SECTION_REFUSALS: Record<AdminSection, string> = {
  [AdminSection.COORDINATOR]: '「執行秘書」只能由教育局設定。',
  [AdminSection.REGISTRATION]: '「註冊組」只能由執行秘書或教育局設定。',
  [AdminSection.TEACHING]: '「教學組」只能由資訊組、執行秘書或教育局設定。',
  [AdminSection.STUDENT_AFFAIRS]: '「訓育組」只能由資訊組、執行秘書或教育局設定。',
  [AdminSection.IT]: '「資訊組」只能由資訊組、執行秘書或教育局設定。',
};

const OFFICE_ACCOUNT_REFUSAL = '這個帳號擔任行政職務，只有執行秘書或教育局可以';

/** The longest search text: enough for a name or a login name, short enough to keep the scan cheap. */
export const ACCOUNT_SEARCH_MAX = 30;

export interface AccountListFilter {
  search?: string | null;
  kind?: ManagedAccountKind | null;
  status?: ManagedAccountStatus | null;
}

/** The accounts of one school (the viewer's, or for the bureau one of its schools), by login name. */
export async function listAccounts(
  ctx: AppContext,
  schoolId: string,
  filter: AccountListFilter,
  args: ConnectionArgs,
): Promise<Connection<AccountRow>> {
  const viewer = ctx.viewer;
  if (!viewer || !mayManageAccounts(viewer)) throw forbidden('管理帳號權限');
  const limit = pageSize(args);
  if (typeof filter.search === 'string' && filter.search.length > ACCOUNT_SEARCH_MAX) {
    throw badInput(`搜尋文字最多 ${ACCOUNT_SEARCH_MAX} 個字。`, 'search');
  }
  const search = filter.search?.trim() || null;
  const [afterName, afterId] = args.after ? decodeCursor(args.after) : [null, null];
  const rows = await ctx.em.execute<AccountRecord[]>('select * from account_admin_list(?, ?, ?, ?, ?, ?, ?, ?)', [
    schoolId,
    search,
    filter.kind ?? null,
    filter.status ?? null,
    ctx.services.clock.now(),
    afterName === null ? null : String(afterName),
    afterId,
    limit + 1,
  ]);
  return connectionOf(rows.map(toRow), limit, (row) => [row.username.toLowerCase(), row.id]);
}

/** An account the viewer may administer; NOT_FOUND for anything else (another school, another authority). */
async function reachableAccount(ctx: AppContext, accountId: string): Promise<AccountRow> {
  const id = requireIdOfType(accountId, 'UserAccount', '帳號', 'accountId');
  const [record] = await ctx.em.execute<AccountRecord[]>('select * from account_admin_get(?)', [id]);
  if (!record) throw notFound('帳號');
  return toRow(record);
}

/** The account again after a change, as the list shows it. */
async function reread(ctx: AppContext, id: string): Promise<AccountRow> {
  const [record] = await ctx.em.execute<AccountRecord[]>('select * from account_admin_get(?)', [id]);
  if (!record) throw notFound('帳號');
  return toRow(record);
}

/** The school's audit row is written by the SQL function; a bureau's own log gets one here as well. */
async function auditForBureau(ctx: AppContext, operation: string, accountId: string, detail?: Record<string, unknown>) {
  const viewer = ctx.viewer;
  if (viewer?.kind !== 'BUREAU') return;
  await recordAudit(ctx.em, viewer, ctx.requestId, { operation, targetIds: [accountId], detail });
}

function requireManager(ctx: AppContext, what: string) {
  const viewer = ctx.viewer;
  if (!viewer || !mayManageAccounts(viewer)) throw forbidden(what);
  return viewer;
}

export interface SetAdminSectionInput {
  accountId: string;
  section: AdminSection;
  granted: boolean;
}

/**
 * Grants or takes away one admin section of one account. Holding a section is what makes an account 行政人員, so the
 * role follows the sections. Audited in the school's log (and the bureau's, when the bureau did it).
 */
const temporaryPasswordError = (displayName: string) =>
  userError(
    'accountId',
    'TEMPORARY_PASSWORD',
    `「${displayName}」仍在使用別人設定的臨時密碼；請本人登入並設定自己的密碼後，再授予行政職務。`,
  );

export async function setAdminSection(ctx: AppContext, input: SetAdminSectionInput): Promise<Result<AccountRow>> {
  const viewer = requireManager(ctx, '管理帳號權限');
  const account = await reachableAccount(ctx, input.accountId);
  if (account.id === viewer.accountId) {
    throw new AppError(ErrorCode.FORBIDDEN, '不能變更自己的行政權限，請洽其他管理者。');
  }
  if (!maySetSection(viewer, input.section, account)) {
    throw new AppError(ErrorCode.FORBIDDEN, SECTION_REFUSALS[input.section]);
  }
  // Whoever set a temporary password knows it: the section would be theirs too until its owner sets their own.
  if (input.granted && account.passwordTemporary) {
    return { value: null, userErrors: [temporaryPasswordError(account.displayName)] };
  }
  const [changed] = await ctx.em.execute<{ outcome: string; roles: Role[]; admin_sections: AdminSection[] }[]>(
    'select * from account_admin_set_section(?, ?, ?, ?, ?)',
    [account.id, input.section, input.granted, viewer.accountId, ctx.requestId],
  );
  if (!changed) throw notFound('帳號');
  switch (changed.outcome) {
    case 'OK':
    case 'UNCHANGED':
      break;
    case 'STUDENT_ACCOUNT':
      return { value: null, userErrors: [userError('accountId', 'STUDENT_ACCOUNT', '學生帳號不能擔任行政職務。')] };
    case 'TEMPORARY_PASSWORD':
      return { value: null, userErrors: [temporaryPasswordError(account.displayName)] };
    case 'LAST_ROLE':
      return {
        value: null,
        userErrors: [
          userError(
            'section',
            'LAST_ROLE',
            `這是「${account.displayName}」唯一的職務，移除後帳號將沒有任何身分；請先加上其他身分，或停用帳號。`,
          ),
        ],
      };
    default:
      throw notFound('帳號');
  }
  if (changed.outcome === 'OK') {
    await auditForBureau(ctx, input.granted ? 'account.grant_section' : 'account.revoke_section', account.id, {
      section: input.section,
      label: ADMIN_SECTION_LABELS[input.section],
    });
  }
  return { value: { ...account, roles: changed.roles, adminSections: changed.admin_sections }, userErrors: [] };
}

const OFFICE_RESET_REFUSAL = '這個帳號擔任行政職務，只有執行秘書或教育局可以重設它的密碼。';

/**
 * Gives an account a new random password, shown once to the person resetting it, ends every session of the account
 * on every instance, and unlinks it from the single sign-on identities it was signed in with.
 */
export async function resetAccountPassword(
  ctx: AppContext,
  accountId: string,
): Promise<{ account: AccountRow; temporaryPassword: string }> {
  const viewer = requireManager(ctx, '重設密碼');
  const account = await reachableAccount(ctx, accountId);
  if (account.id === viewer.accountId) {
    throw new AppError(ErrorCode.FORBIDDEN, '不能重設自己的密碼，請洽其他管理者；自己的密碼請在「登入裝置」變更。');
  }
  if (!mayResetPassword(viewer, account)) {
    throw new AppError(ErrorCode.FORBIDDEN, OFFICE_RESET_REFUSAL);
  }
  const password = temporaryPassword();
  const [row] = await ctx.em.execute<{ outcome: string; credential_id: string | null }[]>(
    'select * from account_admin_reset_password(?, ?, ?, ?, ?, ?)',
    [
      account.id,
      await hashPassword(password),
      ctx.services.clock.now(),
      viewer.accountId,
      ctx.requestId,
      mayResetOfficeAccounts(viewer),
    ],
  );
  // The account became an office account since it was read (a section granted meanwhile): the rule is checked again
  // on its locked row.
  if (row?.outcome === 'OFFICE_ACCOUNT') throw new AppError(ErrorCode.FORBIDDEN, OFFICE_RESET_REFUSAL);
  if (!row?.credential_id) throw notFound('帳號');
  await ctx.services.auth.announceRevocation(ctx.em, row.credential_id);
  // Whoever holds the login is being re-established: a provider identity it was linked to may link afresh.
  await ctx.services.auth.unlinkSso(ctx.em, row.credential_id);
  await auditForBureau(ctx, 'account.reset_password', account.id);
  return { account: await reread(ctx, account.id), temporaryPassword: password };
}

/**
 * Disables or enables an account. A disabled account cannot sign in (the login says so) and every session of it
 * ends at once, on every instance. Never one's own; an office account only by 執行秘書 or the bureau.
 */
export async function setAccountActive(ctx: AppContext, accountId: string, active: boolean): Promise<AccountRow> {
  const viewer = requireManager(ctx, active ? '啟用帳號' : '停用帳號');
  const account = await reachableAccount(ctx, accountId);
  if (account.id === viewer.accountId) {
    throw new AppError(ErrorCode.FORBIDDEN, '不能停用或啟用自己的帳號，請洽其他管理者。');
  }
  if (!maySetActive(viewer, account)) {
    throw new AppError(ErrorCode.FORBIDDEN, `${OFFICE_ACCOUNT_REFUSAL}${active ? '啟用' : '停用'}它。`);
  }
  const [changed] = await ctx.em.execute<{ outcome: string; credential_id: string | null }[]>(
    'select * from account_admin_set_active(?, ?, ?, ?, ?)',
    [account.id, active, ctx.services.clock.now(), viewer.accountId, ctx.requestId],
  );
  if (!changed || changed.outcome === 'NOT_FOUND') throw notFound('帳號');
  if (changed.outcome === 'OK') {
    if (!active && changed.credential_id) await ctx.services.auth.announceRevocation(ctx.em, changed.credential_id);
    await auditForBureau(ctx, active ? 'account.enable' : 'account.disable', account.id);
  }
  return reread(ctx, account.id);
}

/**
 * Lifts the sign-in throttle's lock of the account's login name (from anywhere and from each address), so its owner
 * can sign in again at once. Audited when there was something to lift.
 */
export async function unlockAccount(ctx: AppContext, accountId: string): Promise<AccountRow> {
  const viewer = requireManager(ctx, '解除鎖定');
  const account = await reachableAccount(ctx, accountId);
  if (!mayUnlock(viewer)) throw forbidden('解除鎖定');
  const [row] = await ctx.em.execute<{ cleared: number | null }[]>('select account_admin_unlock(?, ?, ?) as cleared', [
    account.id,
    viewer.accountId,
    ctx.requestId,
  ]);
  if (row?.cleared === null || row?.cleared === undefined) throw notFound('帳號');
  if (row.cleared > 0) await auditForBureau(ctx, 'account.unlock', account.id, { cleared: row.cleared });
  return reread(ctx, account.id);
}

export interface SetTeachingRoleInput {
  accountId: string;
  role: TeachingRole;
  granted: boolean;
}

/**
 * Gives or takes one teaching role of a staff account. Never a student's, never one's own, never the last role an
 * account has, and never 導師 from a class's homeroom teacher while the class's school year lasts.
 */
export async function setTeachingRole(ctx: AppContext, input: SetTeachingRoleInput): Promise<Result<AccountRow>> {
  const viewer = requireManager(ctx, '管理帳號權限');
  const account = await reachableAccount(ctx, input.accountId);
  if (account.id === viewer.accountId) {
    throw new AppError(ErrorCode.FORBIDDEN, '不能變更自己的身分，請洽其他管理者。');
  }
  const label = TEACHING_ROLE_LABELS[input.role];
  if (account.isStudent) {
    return { value: null, userErrors: [userError('accountId', 'STUDENT_ACCOUNT', `學生帳號不能擔任${label}。`)] };
  }
  if (!maySetTeachingRoles(viewer, account)) throw forbidden('管理帳號權限');
  const [changed] = await ctx.em.execute<{ outcome: string; roles: Role[]; class_name: string | null }[]>(
    'select * from account_admin_set_role(?, ?, ?, ?, ?, ?)',
    [account.id, input.role, input.granted, taipeiIsoDate(ctx.services.clock.now()), viewer.accountId, ctx.requestId],
  );
  switch (changed?.outcome) {
    case 'OK':
      await auditForBureau(ctx, input.granted ? 'account.grant_role' : 'account.revoke_role', account.id, {
        role: input.role,
      });
      return { value: { ...account, roles: changed.roles }, userErrors: [] };
    case 'UNCHANGED':
      return { value: account, userErrors: [] };
    case 'STUDENT_ACCOUNT':
      return { value: null, userErrors: [userError('accountId', 'STUDENT_ACCOUNT', `學生帳號不能擔任${label}。`)] };
    case 'LAST_ROLE':
      return {
        value: null,
        userErrors: [
          userError(
            'role',
            'LAST_ROLE',
            `「${label}」是「${account.displayName}」唯一的身分，移除後帳號將沒有任何身分；請先加上其他身分，或停用帳號。`,
          ),
        ],
      };
    case 'HOMEROOM_CLASS':
      return {
        value: null,
        userErrors: [
          userError(
            'role',
            'HOMEROOM_CLASS',
            `「${account.displayName}」仍是 ${changed.class_name ?? ''} 的導師；請先在「班級」為該班改派導師，再移除導師身分。`,
          ),
        ],
      };
    default:
      throw notFound('帳號');
  }
}

const addDays = (isoDate: string, days: number): string => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

export interface GrantTemporaryAccessInput {
  accountId: string;
  /** The last day (Asia/Taipei) the student may sign in, YYYY-MM-DD. */
  until: string;
}

/**
 * 臨時帳號: a student whose status keeps them out (休學, 轉出, 畢業) may sign in until the end of the given day, with
 * a new one-time password shown once; every earlier session ends. The sign-in and session rules read the column.
 */
export async function grantTemporaryAccess(
  ctx: AppContext,
  input: GrantTemporaryAccessInput,
): Promise<Result<{ account: AccountRow; temporaryPassword: string }>> {
  const viewer = requireManager(ctx, '設定臨時帳號');
  const account = await reachableAccount(ctx, input.accountId);
  if (!account.isStudent) {
    return {
      value: null,
      userErrors: [userError('accountId', 'NOT_STUDENT', '臨時帳號只給學生帳號（休學、轉出等學籍異動的學生）。')],
    };
  }
  if (!mayGrantTemporaryAccess(viewer, account)) throw forbidden('設定臨時帳號');
  const today = taipeiIsoDate(ctx.services.clock.now());
  // How far ahead a 臨時帳號 may reach (policy): a 休學/異動 student needs it for a window, not a term.
  const maxDays = ctx.services.config.accounts.temporaryAccessMaxDays;
  const latest = addDays(today, maxDays);
  if (!isIsoCalendarDate(input.until)) {
    return { value: null, userErrors: [userError('until', 'INVALID_DATE', '請輸入有效的截止日期。')] };
  }
  if (input.until < today || input.until > latest) {
    return {
      value: null,
      userErrors: [
        userError(
          'until',
          'OUT_OF_RANGE',
          `臨時帳號的截止日期須介於今天（${formatRocCalendarDate(today)}）到 ${formatRocCalendarDate(latest)}（${maxDays} 天內）之間。`,
        ),
      ],
    };
  }
  const password = temporaryPassword();
  const [granted] = await ctx.em.execute<{ outcome: string; credential_id: string | null }[]>(
    'select * from account_admin_grant_temporary(?, ?::date, ?, ?, ?, ?)',
    [account.id, input.until, await hashPassword(password), ctx.services.clock.now(), viewer.accountId, ctx.requestId],
  );
  switch (granted?.outcome) {
    case 'OK':
      break;
    case 'NOT_STUDENT':
      return {
        value: null,
        userErrors: [userError('accountId', 'NOT_STUDENT', '這個帳號沒有對應的學生資料，不能設定臨時帳號。')],
      };
    case 'ENROLLED':
      return {
        value: null,
        userErrors: [
          userError('accountId', 'ENROLLED', `「${account.displayName}」目前在學，本來就能登入，不需要臨時帳號。`),
        ],
      };
    case 'DISABLED':
      return {
        value: null,
        userErrors: [
          userError(
            'accountId',
            'ACCOUNT_DISABLED',
            `「${account.displayName}」的帳號已停用；請先啟用帳號，再設定臨時帳號。`,
          ),
        ],
      };
    default:
      throw notFound('帳號');
  }
  if (granted.credential_id) await ctx.services.auth.announceRevocation(ctx.em, granted.credential_id);
  await auditForBureau(ctx, 'account.grant_temporary_access', account.id, { until: input.until });
  return { value: { account: await reread(ctx, account.id), temporaryPassword: password }, userErrors: [] };
}

/** Ends a temporary access now; sessions it alone allowed end with it. */
export async function endTemporaryAccess(ctx: AppContext, accountId: string): Promise<AccountRow> {
  const viewer = requireManager(ctx, '結束臨時帳號');
  const account = await reachableAccount(ctx, accountId);
  if (!mayGrantTemporaryAccess(viewer, account)) throw forbidden('結束臨時帳號');
  const [ended] = await ctx.em.execute<{ outcome: string; credential_id: string | null }[]>(
    'select * from account_admin_end_temporary(?, ?, ?, ?)',
    [account.id, ctx.services.clock.now(), viewer.accountId, ctx.requestId],
  );
  if (!ended || ended.outcome === 'NOT_FOUND') throw notFound('帳號');
  if (ended.outcome === 'OK') {
    if (ended.credential_id) await ctx.services.auth.announceRevocation(ctx.em, ended.credential_id);
    await auditForBureau(ctx, 'account.end_temporary_access', account.id);
  }
  return reread(ctx, account.id);
}
