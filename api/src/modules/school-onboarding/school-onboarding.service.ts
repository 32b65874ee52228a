import type { AppContext } from '../../common/context.js';
import { isBureau } from '../people/people.permissions.js';
import { forbidden, notFound } from '../../common/errors.js';
import { hasVisibleText, textProblem } from '../../common/input-text.js';
import { newId, requireIdOfType } from '../../common/ids.js';
import { academicYearOf, defaultTermDates } from '../../common/roc.js';
import { type Result, type UserError, userError } from '../../common/user-error.js';
import type { Viewer } from '../../common/viewer.js';
import { recordAudit } from '../audit/audit.service.js';
import { hashPassword, temporaryPassword } from '../people/password.js';
import { DIVISION_LABELS, School, SchoolDivision } from '../school/school.entity.js';
import {
  defaultStudentLoginPattern,
  LOGIN_NAME,
  studentLoginName,
  studentLoginPatternProblem,
  TYPICAL_STUDENT_NUMBER,
} from './student-login-rule.js';

/** Bringing schools on, and off, is the bureau's: its administrators, for the schools of their own authority. */
export const mayOnboardSchools = isBureau;

function requireBureauAdmin(ctx: AppContext, what: string): Viewer {
  const viewer = ctx.viewer;
  if (!mayOnboardSchools(viewer)) throw forbidden(what);
  return viewer!;
}

export interface CreateSchoolInput {
  code: string;
  name: string;
  division: SchoolDivision;
  studentLoginPattern?: string | null;
  itUsername: string;
  itDisplayName: string;
}

export interface CreatedSchool {
  school: School;
  itUsername: string;
  itDisplayName: string;
  /** The 資訊組 account's first password: returned once, stored only hashed. */
  temporaryPassword: string;
}

const SCHOOL_CODE = /^[0-9A-Z]{6}$/;
const NAME_MAX = 100;
const DISPLAY_NAME_MAX = 50;

/** A one-line name: trimmed, visible, no control characters, at most `max` characters. */
function nameProblem(value: string, max: number, label: string, example: string): string | null {
  if (value === '') return `請填寫${label}，例如「${example}」。`;
  if (textProblem(value, false) || !hasVisibleText(value)) return `${label}含有無法使用的字元，請重新輸入。`;
  if ([...value].length > max) return `${label}最多 ${max} 個字，目前有 ${[...value].length} 個字。`;
  return null;
}

/**
 * A new school division of the viewer's authority, with what a division needs before anybody there can work: the
 * previous and the current academic year with both terms on the default calendar (as every school has; the
 * 註冊組 imports its roster into the current term, and the last term's round needs the previous one), and its
 * first account, 資訊組, with a one-time password shown once here. Timelines are not copied in: the school adopts
 * the bureau's published template itself, as every school does. Nothing is written when anything is refused.
 */
export async function createSchool(ctx: AppContext, input: CreateSchoolInput): Promise<Result<CreatedSchool>> {
  const viewer = requireBureauAdmin(ctx, '新增學校（限教育局管理者）');
  const code = input.code.trim().toUpperCase();
  const name = input.name.trim();
  const itUsername = input.itUsername.trim();
  const itDisplayName = input.itDisplayName.trim();
  const pattern = input.studentLoginPattern?.trim() || defaultStudentLoginPattern(input.division);

  const errors: UserError[] = [];
  if (!SCHOOL_CODE.test(code)) {
    errors.push(
      userError(
        'code',
        'INVALID_SCHOOL_CODE',
        `學校代碼須為 6 碼數字或英文大寫字母（例如 383301），目前是「${input.code}」。`,
      ),
    );
  }
  const nameError = nameProblem(name, NAME_MAX, '校名', '臺北市立示範高級中學');
  if (nameError) errors.push(userError('name', 'INVALID_NAME', nameError));
  if (!LOGIN_NAME.test(itUsername)) {
    errors.push(
      userError(
        'itUsername',
        'INVALID_USERNAME',
        '資訊組帳號須為 3 到 64 個英文字母、數字或 . _ @ - 符號，例如「383301.it」。',
      ),
    );
  }
  const displayError = nameProblem(itDisplayName, DISPLAY_NAME_MAX, '資訊組人員姓名', '王資訊');
  if (displayError) errors.push(userError('itDisplayName', 'INVALID_DISPLAY_NAME', displayError));
  const patternError = studentLoginPatternProblem(pattern);
  if (patternError) errors.push(userError('studentLoginPattern', 'INVALID_LOGIN_PATTERN', patternError));
  if (errors.length > 0) return { value: null, userErrors: errors };

  const sibling = await siblingWithPattern(ctx, null, code, input.division, pattern);
  if (sibling) return { value: null, userErrors: [sibling] };

  const schoolId = newId();
  const accountId = newId();
  const password = temporaryPassword();
  const current = academicYearOf(ctx.services.clock.now());
  const years = [current - 1, current].map((year) => {
    const first = defaultTermDates(year, 1);
    const second = defaultTermDates(year, 2);
    return {
      id: newId(),
      year,
      startsOn: first.startsOn,
      endsOn: second.endsOn,
      terms: [
        { id: newId(), semester: 1, ...first },
        { id: newId(), semester: 2, ...second },
      ],
    };
  });
  const [row] = await ctx.em.execute<{ outcome: string }[]>(
    'select school_onboard(?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?) as outcome',
    [
      schoolId,
      code,
      name,
      input.division,
      pattern,
      JSON.stringify(years),
      accountId,
      newId(),
      itUsername,
      itDisplayName,
      await hashPassword(password),
      viewer.accountId,
      ctx.requestId,
    ],
  );
  const label = `學校代碼 ${code} 的${DIVISION_LABELS[input.division]}`;
  switch (row?.outcome) {
    case 'OK':
      break;
    case 'DUPLICATE_SCHOOL': {
      // The bureau sees its own schools only (row-level security): one of them, or a school of another authority.
      const own = await ctx.em.findOne(School, { code, division: input.division }, { filters: false });
      const message = own
        ? `${label}已經建立（${own.name}${own.deactivatedAt ? '，已停用；要恢復請按「重新啟用」' : ''}），不能重複建立。`
        : `${label}已由其他教育局建立，請確認學校代碼與部別。`;
      return { value: null, userErrors: [userError('code', 'DUPLICATE_SCHOOL', message)] };
    }
    case 'USERNAME_TAKEN':
      return {
        value: null,
        userErrors: [
          userError('itUsername', 'USERNAME_TAKEN', `帳號「${itUsername}」已有人使用（全平臺不分大小寫），請換一個。`),
        ],
      };
    default:
      throw new Error(`school_onboard answered ${row?.outcome}`);
  }
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'school.onboard',
    targetIds: [schoolId, accountId],
    detail: { code, division: input.division, itUsername, studentLoginPattern: pattern },
  });
  const school = await ctx.em.findOneOrFail(School, { id: schoolId }, { filters: false });
  return { value: { school, itUsername, itDisplayName, temporaryPassword: password }, userErrors: [] };
}

/**
 * The other division of the same school code, when it makes student logins by the same rule: a 學號 found in both
 * would give both students one login name, so the second is refused before any roster meets it.
 */
async function siblingWithPattern(
  ctx: AppContext,
  schoolId: string | null,
  code: string,
  division: SchoolDivision,
  pattern: string,
): Promise<UserError | null> {
  const others = await ctx.em.find(
    School,
    { code, division: { $ne: division }, ...(schoolId ? { id: { $ne: schoolId } } : {}) },
    { filters: false },
  );
  const same = others.find(
    (other) =>
      studentLoginName(other.studentLoginPattern, code, TYPICAL_STUDENT_NUMBER) ===
      studentLoginName(pattern, code, TYPICAL_STUDENT_NUMBER),
  );
  if (!same) return null;
  return userError(
    'studentLoginPattern',
    'LOGIN_PATTERN_CLASH',
    `同校${same.divisionLabel}的學生帳號規則也是「${same.studentLoginPattern}」，兩部學號相同時帳號會衝突；請改用例如「{code}${division === SchoolDivision.NIGHT ? 'n' : 'd'}{number}」。`,
  );
}

/** A division of the viewer's authority by its global id; NOT_FOUND for anything else (another authority's). */
async function ownSchool(ctx: AppContext, schoolId: string): Promise<School> {
  const id = requireIdOfType(schoolId, 'School', '學校', 'schoolId');
  const school = await ctx.em.findOne(School, { id, authority: ctx.viewer!.authorityId }, { filters: false });
  if (!school) throw notFound('學校');
  return school;
}

export interface SchoolActivation {
  school: School;
  /** How many signed-in devices were signed out by a deactivation. */
  sessionsEnded: number;
}

/**
 * Deactivates or reactivates a division. Deactivated, none of its accounts can sign in (the session resolution and
 * the login refuse them) and every live session ends now, on every instance; its data stays, and the city figures
 * keep its history. Reactivating lets the accounts in again with the passwords they had.
 */
export async function setSchoolActive(
  ctx: AppContext,
  input: { schoolId: string; active: boolean },
): Promise<Result<SchoolActivation>> {
  const viewer = requireBureauAdmin(
    ctx,
    input.active ? '重新啟用學校（限教育局管理者）' : '停用學校（限教育局管理者）',
  );
  const school = await ownSchool(ctx, input.schoolId);
  const [row] = await ctx.em.execute<{ outcome: string; revoked_credentials: string[] }[]>(
    'select * from school_set_deactivated(?, ?, ?, ?, ?)',
    [school.id, !input.active, ctx.services.clock.now(), viewer.accountId, ctx.requestId],
  );
  if (row?.outcome === 'NOT_FOUND') throw notFound('學校');
  if (row?.outcome === 'UNCHANGED') {
    return {
      value: null,
      userErrors: [
        userError(
          'schoolId',
          input.active ? 'ALREADY_ACTIVE' : 'ALREADY_DEACTIVATED',
          `${school.displayName}${input.active ? '已在使用中' : '已經停用'}，不需要再${input.active ? '啟用' : '停用'}。`,
        ),
      ],
    };
  }
  const revoked = row?.revoked_credentials ?? [];
  for (const credentialId of revoked) await ctx.services.auth.announceRevocation(ctx.em, credentialId);
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: input.active ? 'school.reactivate' : 'school.deactivate',
    targetIds: [school.id],
    detail: { code: school.code, division: school.division, sessionsEnded: revoked.length },
  });
  await ctx.em.refresh(school, { filters: false });
  return { value: { school, sessionsEnded: revoked.length }, userErrors: [] };
}

/** Changes how the division's student logins are made from now on; logins made before keep their names. */
export async function setStudentLoginPattern(
  ctx: AppContext,
  input: { schoolId: string; studentLoginPattern: string },
): Promise<Result<School>> {
  const viewer = requireBureauAdmin(ctx, '設定學生帳號規則（限教育局管理者）');
  const school = await ownSchool(ctx, input.schoolId);
  const pattern = input.studentLoginPattern.trim();
  const problem = studentLoginPatternProblem(pattern);
  if (problem) return { value: null, userErrors: [userError('studentLoginPattern', 'INVALID_LOGIN_PATTERN', problem)] };
  const sibling = await siblingWithPattern(ctx, school.id, school.code, school.division, pattern);
  if (sibling) return { value: null, userErrors: [sibling] };
  const [row] = await ctx.em.execute<{ outcome: string }[]>('select school_set_login_pattern(?, ?, ?, ?) as outcome', [
    school.id,
    pattern,
    viewer.accountId,
    ctx.requestId,
  ]);
  if (row?.outcome === 'NOT_FOUND') throw notFound('學校');
  if (row?.outcome === 'OK') {
    await recordAudit(ctx.em, viewer, ctx.requestId, {
      operation: 'school.set_login_pattern',
      targetIds: [school.id],
      detail: { from: school.studentLoginPattern, to: pattern },
    });
  }
  await ctx.em.refresh(school, { filters: false });
  return { value: school, userErrors: [] };
}
