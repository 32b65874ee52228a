import type { AppContext } from '../../common/context.js';
import { AppError, ErrorCode, forbidden, notFound } from '../../common/errors.js';
import { requireIdOfType } from '../../common/ids.js';
import { type Connection, type ConnectionArgs, connectionOf, decodeCursor, pageSize } from '../../common/pagination.js';
import { type Result, userError } from '../../common/user-error.js';
import { recordAudit } from '../audit/audit.service.js';
import { hashPassword, temporaryPassword } from './password.js';
import { ADMIN_SECTION_LABELS, AdminSection, type Role } from '../../common/roles.js';
import { mayManageAccounts, maySetSection, mayResetPassword } from './people.permissions.js';

/** A school account as account administration sees it (staff only; students have their own pages). */
export interface StaffAccountRow {
  id: string;
  schoolId: string;
  username: string;
  displayName: string;
  roles: Role[];
  adminSections: AdminSection[];
  active: boolean;
  /** The password was set by somebody else (a first password, a reset) and its owner has not changed it yet. */
  passwordTemporary: boolean;
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
}

const toRow = (record: AccountRecord): StaffAccountRow => ({
  id: record.id,
  schoolId: record.school_id,
  username: record.username,
  displayName: record.display_name,
  roles: record.roles,
  adminSections: record.admin_sections,
  active: record.active,
  passwordTemporary: record.password_temporary,
});

const SECTION_REFUSALS: Record<AdminSection, string> = {
  [AdminSection.COORDINATOR]: '「執行秘書」只能由教育局設定。',
  [AdminSection.REGISTRATION]: '「註冊組」只能由執行秘書或教育局設定。',
  [AdminSection.TEACHING]: '「教學組」只能由資訊組、執行秘書或教育局設定。',
  [AdminSection.STUDENT_AFFAIRS]: '「訓育組」只能由資訊組、執行秘書或教育局設定。',
  [AdminSection.IT]: '「資訊組」只能由資訊組、執行秘書或教育局設定。',
};

/** The staff accounts of the viewer's school, or for the bureau of one of its schools, by login name. */
export async function listStaffAccounts(
  ctx: AppContext,
  schoolId: string,
  args: ConnectionArgs,
): Promise<Connection<StaffAccountRow>> {
  const viewer = ctx.viewer;
  if (!viewer || !mayManageAccounts(viewer)) throw forbidden('管理帳號權限');
  const limit = pageSize(args);
  const [afterName, afterId] = args.after ? decodeCursor(args.after) : [null, null];
  const rows = await ctx.em.execute<AccountRecord[]>('select * from account_admin_list(?, ?, ?, ?)', [
    schoolId,
    afterName === null ? null : String(afterName),
    afterId,
    limit + 1,
  ]);
  return connectionOf(rows.map(toRow), limit, (row) => [row.username.toLowerCase(), row.id]);
}

/** An account the viewer may administer; NOT_FOUND for anything else (another school, another authority). */
async function reachableAccount(ctx: AppContext, accountId: string): Promise<StaffAccountRow> {
  const id = requireIdOfType(accountId, 'UserAccount', '帳號', 'accountId');
  const [record] = await ctx.em.execute<AccountRecord[]>('select * from account_admin_get(?)', [id]);
  if (!record) throw notFound('帳號');
  return toRow(record);
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
export async function setAdminSection(ctx: AppContext, input: SetAdminSectionInput): Promise<Result<StaffAccountRow>> {
  const viewer = ctx.viewer;
  if (!viewer || !mayManageAccounts(viewer)) throw forbidden('管理帳號權限');
  const account = await reachableAccount(ctx, input.accountId);
  if (account.id === viewer.accountId) {
    throw new AppError(ErrorCode.FORBIDDEN, '不能變更自己的行政權限，請洽其他管理者。');
  }
  if (!maySetSection(viewer, input.section, account)) {
    throw new AppError(ErrorCode.FORBIDDEN, SECTION_REFUSALS[input.section]);
  }
  // Whoever set a temporary password knows it: the section would be theirs too until its owner sets their own.
  if (input.granted && account.passwordTemporary) {
    return {
      value: null,
      userErrors: [
        userError(
          'accountId',
          'TEMPORARY_PASSWORD',
          `「${account.displayName}」仍在使用別人設定的臨時密碼；請本人登入並在「登入裝置」變更密碼後，再授予行政職務。`,
        ),
      ],
    };
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
  if (changed.outcome === 'OK' && viewer.kind === 'BUREAU') {
    await recordAudit(ctx.em, viewer, ctx.requestId, {
      operation: input.granted ? 'account.grant_section' : 'account.revoke_section',
      targetIds: [account.id],
      detail: { section: input.section, label: ADMIN_SECTION_LABELS[input.section] },
    });
  }
  return { value: { ...account, roles: changed.roles, adminSections: changed.admin_sections }, userErrors: [] };
}

/**
 * Gives an account a new random password, shown once to the person resetting it, and ends every session of the
 * account on every instance.
 */
export async function resetAccountPassword(
  ctx: AppContext,
  accountId: string,
): Promise<{ account: StaffAccountRow; temporaryPassword: string }> {
  const viewer = ctx.viewer;
  if (!viewer || !mayManageAccounts(viewer)) throw forbidden('重設密碼');
  const account = await reachableAccount(ctx, accountId);
  if (account.id === viewer.accountId) {
    throw new AppError(ErrorCode.FORBIDDEN, '不能重設自己的密碼，請洽其他管理者。');
  }
  if (!mayResetPassword(viewer, account)) {
    throw new AppError(ErrorCode.FORBIDDEN, '這個帳號擔任行政職務，只有執行秘書或教育局可以重設它的密碼。');
  }
  const password = temporaryPassword();
  const [row] = await ctx.em.execute<{ credential_id: string | null }[]>(
    'select account_admin_reset_password(?, ?, ?, ?, ?) as credential_id',
    [account.id, await hashPassword(password), ctx.services.clock.now(), viewer.accountId, ctx.requestId],
  );
  if (!row?.credential_id) throw notFound('帳號');
  await ctx.services.auth.announceRevocation(ctx.em, row.credential_id);
  if (viewer.kind === 'BUREAU') {
    await recordAudit(ctx.em, viewer, ctx.requestId, { operation: 'account.reset_password', targetIds: [account.id] });
  }
  return { account: { ...account, passwordTemporary: true }, temporaryPassword: password };
}
