import type { AccountStatusPolicy } from '../../common/config.js';
import { formatRocDate, formatRocDateTime } from '../../common/roc.js';
import type { ViewerRestriction } from '../../common/viewer.js';
import { StudentStatus } from './people.enums.js';

/** What the database knows about an account that decides whether, and how far, its person may use the platform. */
export interface AccessFacts {
  passwordTemporary: boolean;
  /** A 臨時帳號's end: before it, the status rules are lifted. */
  temporaryUntil: Date | null;
  /** Set for a student's account. */
  studentStatus: StudentStatus | null;
  statusChangedAt: Date | null;
  schoolDeactivatedAt: Date | null;
}

export type AccountAccess =
  { signIn: false; code: string; message: string } | { signIn: true; restriction: ViewerRestriction | null };

const DAY_MS = 86_400_000;

const ASK_FOR_TEMPORARY = '如需勾選或查看資料，請洽學校資訊組申請臨時帳號。';

/**
 * The rules of issue 18, point 4, in one place for login and for every request: a deactivated school signs nobody
 * in; a temporary account lifts the status rules until it ends; 休學 reads (or, by policy, does not sign in); 轉出
 * and 畢業 read for a grace period counted from the status change, then sign in no more. Whoever may sign in with a
 * password somebody else set must first set their own.
 */
export function accountAccess(facts: AccessFacts, now: Date, policy: AccountStatusPolicy): AccountAccess {
  if (facts.schoolDeactivatedAt && facts.schoolDeactivatedAt <= now) {
    return {
      signIn: false,
      code: 'SCHOOL_DEACTIVATED',
      message: '這個學校（部別）已停用本平臺，帳號無法登入；如有疑問請洽教育局。',
    };
  }
  const temporaryRunning = facts.temporaryUntil !== null && facts.temporaryUntil > now;
  const statusRestriction = temporaryRunning ? null : withTemporaryEnded(statusAccess(facts, now, policy), facts);
  if (statusRestriction && !statusRestriction.signIn) return statusRestriction;
  if (facts.passwordTemporary) {
    return {
      signIn: true,
      restriction: {
        code: 'PASSWORD_CHANGE_REQUIRED',
        message: '您正在使用別人設定的密碼（初始密碼單或重設後的密碼），請先設定只有您知道的新密碼，才能使用其他功能。',
      },
    };
  }
  return statusRestriction ?? { signIn: true, restriction: null };
}

function statusAccess(facts: AccessFacts, now: Date, policy: AccountStatusPolicy): AccountAccess | null {
  switch (facts.studentStatus) {
    case StudentStatus.SUSPENDED:
      return policy.suspendedAccess === 'NONE'
        ? { signIn: false, code: 'STUDENT_SUSPENDED', message: `休學期間帳號無法登入。${ASK_FOR_TEMPORARY}` }
        : readOnly(`您目前為休學狀態，只能查看資料，不能上傳、修改或勾選。${ASK_FOR_TEMPORARY}`);
    case StudentStatus.TRANSFERRED:
    case StudentStatus.GRADUATED: {
      const graduated = facts.studentStatus === StudentStatus.GRADUATED;
      const days = graduated ? policy.graduatedReadOnlyDays : policy.transferredReadOnlyDays;
      const since = facts.statusChangedAt ?? now;
      const ends = new Date(since.getTime() + days * DAY_MS);
      const what = graduated ? '畢業' : '轉出';
      if (now >= ends) {
        return {
          signIn: false,
          code: graduated ? 'STUDENT_GRADUATED' : 'STUDENT_TRANSFERRED',
          message: `您已${what}，帳號已於 ${formatRocDate(ends)} 停止使用；如需資料，請洽學校註冊組。`,
        };
      }
      return readOnly(`您已${what}，帳號在 ${formatRocDate(ends)} 前可以登入查看資料，但不能上傳、修改或勾選。`);
    }
    default:
      return null;
  }
}

/** A person whose 臨時帳號 has run out is told so first: that is what changed for them. */
function withTemporaryEnded(access: AccountAccess | null, facts: AccessFacts): AccountAccess | null {
  if (!access || !facts.temporaryUntil) return access;
  const ended = `您的臨時帳號已於 ${formatRocDateTime(facts.temporaryUntil)} 到期。`;
  if (!access.signIn) return { signIn: false, code: 'TEMPORARY_ACCESS_EXPIRED', message: ended + access.message };
  return access.restriction ? readOnly(ended + access.restriction.message) : access;
}

const readOnly = (message: string): AccountAccess => ({ signIn: true, restriction: { code: 'READ_ONLY', message } });
