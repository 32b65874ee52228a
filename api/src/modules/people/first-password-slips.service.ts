import type { AppContext } from '../../common/context.js';
import { forbidden, notFound } from '../../common/errors.js';
import { requireIdOfType } from '../../common/ids.js';
import { pgTextArray } from '../../common/sql.js';
import { type Result, userError } from '../../common/user-error.js';
import { recordAudit } from '../audit/audit.service.js';
import { PiiAccessKind, readerOf, recordPiiAccess } from '../privacy/pii-access.js';
import { firstPasswordSlipsPdf, firstPasswordSlipsXlsx, type SlipInput, slipFileName } from './first-password-slips.js';
import { hashPassword, temporaryPassword } from './password.js';
import { SchoolClass } from './school-class.entity.js';
import { Student } from './student.entity.js';
import type { UserAccount } from './user-account.entity.js';
import { mayPrintFirstPasswordSlips } from './people.permissions.js';

export interface SlipClassRow {
  schoolClass: SchoolClass;
  /** Students of the class who have a login. */
  withLogin: number;
  /** Of them, those whose first password has not been handed out yet. */
  pending: number;
}

async function pendingAccounts(ctx: AppContext, accountIds: string[]): Promise<Set<string>> {
  if (accountIds.length === 0) return new Set();
  const rows = await ctx.em.execute<{ account_id: string }[]>('select auth_slips_pending(?::uuid[]) as account_id', [
    pgTextArray(accountIds),
  ]);
  return new Set(rows.map((row) => row.account_id));
}

/** The school's classes that have students with logins, and how many slips each still has to print. */
export async function slipClasses(ctx: AppContext): Promise<SlipClassRow[]> {
  if (!mayPrintFirstPasswordSlips(ctx.viewer)) throw forbidden('列印初始密碼單（限資訊組、註冊組）');
  const students = await ctx.em.find(Student, { account: { $ne: null }, schoolClass: { $ne: null } });
  const pending = await pendingAccounts(
    ctx,
    students.map((student) => student.account!.id),
  );
  const byClass = new Map<string, { withLogin: number; pending: number }>();
  for (const student of students) {
    const counts = byClass.get(student.schoolClass!.id) ?? { withLogin: 0, pending: 0 };
    counts.withLogin += 1;
    if (pending.has(student.account!.id)) counts.pending += 1;
    byClass.set(student.schoolClass!.id, counts);
  }
  const classes = await ctx.em.find(SchoolClass, { id: { $in: [...byClass.keys()] } }, { orderBy: { name: 'asc' } });
  return classes.map((schoolClass) => ({ schoolClass, ...byClass.get(schoolClass.id)! }));
}

export interface IssuedSlips {
  issued: number;
  pdf: { fileName: string; bytes: Buffer };
  xlsx: { fileName: string; bytes: Buffer };
}

/**
 * Sets a one-time password for every student of the class whose first password has not been handed out, and returns
 * them as slips (PDF and XLSX), the only place they ever appear: only hashes are stored, and a slip once printed is
 * not printed again (a lost one is a reset). Audited with the accounts it set.
 */
export async function issueFirstPasswordSlips(ctx: AppContext, classId: string): Promise<Result<IssuedSlips>> {
  const viewer = ctx.viewer;
  if (!mayPrintFirstPasswordSlips(viewer)) throw forbidden('列印初始密碼單（限資訊組、註冊組）');
  const id = requireIdOfType(classId, 'SchoolClass', '班級', 'classId');
  const schoolClass = await ctx.em.findOne(SchoolClass, { id });
  if (!schoolClass) throw notFound('班級');
  const students = await ctx.em.find(Student, { schoolClass, account: { $ne: null } }, { populate: ['account'] });
  const pending = await pendingAccounts(
    ctx,
    students.map((student) => student.account!.id),
  );
  const waiting = students.filter((student) => pending.has(student.account!.id));
  if (waiting.length === 0) {
    return {
      value: null,
      userErrors: [
        userError(
          'classId',
          'NO_PENDING_SLIPS',
          `${schoolClass.name} 班沒有待發放的初始密碼：密碼單已經印過，或學生還沒有帳號（請先匯入學生名冊）。遺失密碼單的學生，請在「帳號與權限」為他重設密碼。`,
        ),
      ],
    };
  }
  const passwords = waiting.map(() => temporaryPassword());
  const hashes = await Promise.all(passwords.map((password) => hashPassword(password)));
  const issuedRows = await ctx.em.execute<{ account_id: string }[]>(
    'select auth_issue_first_passwords(?::uuid[], ?::text[]) as account_id',
    [pgTextArray(waiting.map((student) => student.account!.id)), pgTextArray(hashes)],
  );
  // Somebody printing the same class at the same moment took the others: only what this request set is printed.
  const issued = new Set(issuedRows.map((row) => row.account_id));
  const printed = waiting
    .map((student, index) => ({ student, password: passwords[index]! }))
    .filter(({ student }) => issued.has(student.account!.id));
  if (printed.length === 0) {
    return {
      value: null,
      userErrors: [userError('classId', 'NO_PENDING_SLIPS', `${schoolClass.name} 班的初始密碼單剛由其他人印出。`)],
    };
  }
  const school = await ctx.loaders.schoolById.load(viewer!.schoolId!);
  const input: SlipInput = {
    schoolName: school?.name ?? '',
    className: schoolClass.name,
    generatedAt: ctx.services.clock.now(),
    students: printed.map(({ student, password }) => ({
      seatNumber: student.seatNumber ?? null,
      studentNumber: student.studentNumber,
      name: student.name,
      username: (student.account!.getEntity() as UserAccount).username,
      password,
    })),
  };
  await recordAudit(ctx.em, viewer!, ctx.requestId, {
    operation: 'account.first_password_slips',
    targetIds: printed.map(({ student }) => student.account!.id),
    detail: { class: schoolClass.name, count: printed.length },
  });
  // The slips list the students' names and 學號: an export with student rows, in each student's access log.
  await recordPiiAccess(ctx.em, readerOf(ctx), {
    kind: PiiAccessKind.STUDENT_EXPORT,
    studentIds: printed.map(({ student }) => student.id),
    targetId: schoolClass.id,
  });
  const [pdf, xlsx] = await Promise.all([firstPasswordSlipsPdf(input), firstPasswordSlipsXlsx(input)]);
  return {
    value: {
      issued: printed.length,
      pdf: { fileName: slipFileName(schoolClass.name, 'pdf'), bytes: pdf },
      xlsx: { fileName: slipFileName(schoolClass.name, 'xlsx'), bytes: xlsx },
    },
    userErrors: [],
  };
}
