import type { EntityManager } from '@mikro-orm/postgresql';
import { type AppContext, contextWith } from '../../common/context.js';
import { forbidden, notFound } from '../../common/errors.js';
import { idOfType, isUuid, newId, requireIdOfType } from '../../common/ids.js';
import { hasVisibleText } from '../../common/input-text.js';
import { normalizeNationalId } from '../../common/national-id.js';
import { type Connection, type ConnectionArgs, connectionOf, decodeCursor, pageSize } from '../../common/pagination.js';
import { isUniqueViolation, toDate } from '../../common/sql.js';
import { type Result, userError, type UserError } from '../../common/user-error.js';
import type { Viewer } from '../../common/viewer.js';
import { recordAudit } from '../audit/audit.service.js';
import { importExchangeFile, writeExchangeFile } from '../exchange/exchange-file.js';
import { StudentStatus, STUDENT_STATUS_LABELS } from '../people/people.enums.js';
import { SchoolClass } from '../people/school-class.entity.js';
import {
  createStudentLogins,
  LOGIN_NAME,
  loginNameProblem,
  loginNamesTaken,
  schoolLoginRule,
  studentLoginName,
} from '../people/student-login.service.js';
import { Student } from '../people/student.entity.js';
import { buildStudent, validateStudentFields } from '../people/student.service.js';
import { School } from '../school/school.entity.js';
import {
  type ApproveTransferOutInput,
  type DeclineTransferOutInput,
  type RequestTransferInInput,
  TransferIn,
  type TransferInRow,
  TransferLookup,
  TransferOut,
  type TransferOutRow,
  TransferStatus,
} from './transfer.types.js';
import { mayCancelTransfer, mayManageTransfers } from './transfers.permissions.js';

const DECLINE_REASON_MAX = 200;

const TRANSFER_IN_COLUMNS = `id, origin_school_id, national_id_encrypted, to_char(birth_date, 'YYYY-MM-DD') as birth_date,
  student_id, creates_student, new_student_number, new_name, new_class_id, new_cohort, new_seat_number, new_gender,
  status, requested_by, requested_at, decided_at, decline_reason, exchange_sha256, completed_at, records_imported,
  cancelled_at`;

const TRANSFER_OUT_COLUMNS = `id, destination_school_id, student_id, requested_at, requested_by_name, status,
  decided_at, decline_reason, completed_at, cancelled_at`;

function requireManager(ctx: AppContext): Viewer & { schoolId: string } {
  if (!mayManageTransfers(ctx.viewer) || !ctx.viewer?.schoolId) throw forbidden('轉學（轉入、轉出）作業（限註冊組）');
  return ctx.viewer as Viewer & { schoolId: string };
}

const inRow = (row: TransferInRow): TransferInRow => ({
  ...row,
  requested_at: toDate(row.requested_at),
  decided_at: row.decided_at && toDate(row.decided_at),
  completed_at: row.completed_at && toDate(row.completed_at),
  cancelled_at: row.cancelled_at && toDate(row.cancelled_at),
});

const outRow = (row: TransferOutRow): TransferOutRow => ({
  ...row,
  requested_at: toDate(row.requested_at),
  decided_at: row.decided_at && toDate(row.decided_at),
  completed_at: row.completed_at && toDate(row.completed_at),
  cancelled_at: row.cancelled_at && toDate(row.cancelled_at),
});

async function readTransferIn(
  em: EntityManager,
  schoolId: string,
  id: string,
  lock = false,
): Promise<TransferIn | null> {
  const [row] = await em.execute<TransferInRow[]>(
    `select ${TRANSFER_IN_COLUMNS} from transfer_in where school_id = ? and id = ?${lock ? ' for update' : ''}`,
    [schoolId, id],
  );
  return row ? new TransferIn(inRow(row)) : null;
}

async function readTransferOut(
  em: EntityManager,
  schoolId: string,
  id: string,
  lock = false,
): Promise<TransferOut | null> {
  const [row] = await em.execute<TransferOutRow[]>(
    `select ${TRANSFER_OUT_COLUMNS} from transfer_out where school_id = ? and id = ?${lock ? ' for update' : ''}`,
    [schoolId, id],
  );
  return row ? new TransferOut(outRow(row)) : null;
}

/** The row id behind a transfer's global id; a malformed one is BAD_USER_INPUT (another school's is NOT_FOUND later). */
function transferIdOf(globalId: string, type: 'TransferIn' | 'TransferOut'): string {
  return requireIdOfType(globalId, type, type === 'TransferIn' ? '轉入申請' : '轉出申請', 'transferId');
}

// ---------------------------------------------------------------- lists

/** A list's cursor: the request time (ISO) and the row id. */
const isTimeAndId = (key: unknown[]): key is [string, string] =>
  key.length === 2 &&
  typeof key[0] === 'string' &&
  !Number.isNaN(Date.parse(key[0])) &&
  typeof key[1] === 'string' &&
  isUuid(key[1]);

function listQuery(table: 'transfer_in' | 'transfer_out', columns: string) {
  return async <R>(ctx: AppContext, args: ConnectionArgs): Promise<{ rows: R[]; limit: number }> => {
    const viewer = requireManager(ctx);
    const limit = pageSize(args);
    const params: unknown[] = [viewer.schoolId];
    let after = '';
    if (args.after) {
      const [at, id] = decodeCursor(args.after, isTimeAndId);
      after = ' and (requested_at, id) < (?::timestamptz, ?::uuid)';
      params.push(at, id);
    }
    const rows = await ctx.em.execute<R[]>(
      `select ${columns} from ${table} where school_id = ?${after} order by requested_at desc, id desc limit ?`,
      [...params, limit + 1],
    );
    return { rows, limit };
  };
}

const transferInPage = listQuery('transfer_in', TRANSFER_IN_COLUMNS);
const transferOutPage = listQuery('transfer_out', TRANSFER_OUT_COLUMNS);

/** The receiving school's requests, newest first. */
export async function listTransfersIn(ctx: AppContext, args: ConnectionArgs): Promise<Connection<TransferIn>> {
  const { rows, limit } = await transferInPage<TransferInRow>(ctx, args);
  return connectionOf(
    rows.map((row) => new TransferIn(inRow(row))),
    limit,
    (t) => [t.row.requested_at.toISOString(), t.row.id],
  );
}

/** Requests other schools sent for this school's students, newest first. */
export async function listTransfersOut(ctx: AppContext, args: ConnectionArgs): Promise<Connection<TransferOut>> {
  const { rows, limit } = await transferOutPage<TransferOutRow>(ctx, args);
  return connectionOf(
    rows.map((row) => new TransferOut(outRow(row))),
    limit,
    (t) => [t.row.requested_at.toISOString(), t.row.id],
  );
}

/** How many requests wait for this school: incoming ones to answer, approved ones of its own to receive. */
export async function transfersAwaiting(ctx: AppContext): Promise<number> {
  if (!mayManageTransfers(ctx.viewer) || !ctx.viewer?.schoolId) return 0;
  const [row] = await ctx.em.execute<{ n: number }[]>(
    `select (select count(*) from transfer_out where school_id = ? and status = 'PENDING')::int
          + (select count(*) from transfer_in where school_id = ? and status = 'APPROVED')::int as n`,
    [ctx.viewer.schoolId, ctx.viewer.schoolId],
  );
  return row?.n ?? 0;
}

// ---------------------------------------------------------------- finding the person

interface OriginSchool {
  school_id: string;
  code: string;
  name: string;
  division: string;
}

/** The national ID and birth date as typed, checked at the edge; the keyed digest of the ID when both are valid. */
function personOf(
  ctx: AppContext,
  nationalId: string,
  birthDate: string,
): { digest: string; nationalId: string; birthDate: string } | UserError[] {
  const fields = { nationalId, birthDate: birthDate.trim() };
  const errors = validateStudentFields(fields, ctx.services.clock.now());
  if (errors.length > 0) return errors;
  const normalized = normalizeNationalId(nationalId);
  return { digest: ctx.services.pii.digest(normalized), nationalId: normalized, birthDate: fields.birthDate };
}

/** The schools of the viewer's city, other than its own, that hold this person (a SECURITY DEFINER function). */
function originSchools(em: EntityManager, digest: string, birthDate: string): Promise<OriginSchool[]> {
  return em.execute<OriginSchool[]>('select * from transfer_origin_schools(?, ?::date)', [digest, birthDate]);
}

const originNotFound = (field: string): UserError =>
  userError(
    field,
    'TRANSFER_ORIGIN_NOT_FOUND',
    '本市其他學校查無這個身分證字號與出生日期的學生，請核對後再試；外縣市轉入請改用學習歷程交換檔的匯入。',
  );

const studentExists = (student: Student): UserError =>
  userError(
    'newStudent',
    'TRANSFER_STUDENT_EXISTS',
    `本校已有這位學生（${student.name}，學號 ${student.studentNumber}），請改為選擇這位學生辦理轉入，不要另建新學生。`,
  );

const LOOKUPS_PER_HOUR = 30;

/** Who the person typed is: the schools of the city that hold them, and the student this school already has. */
export async function lookupTransfer(ctx: AppContext, nationalId: string, birthDate: string): Promise<TransferLookup> {
  const viewer = requireManager(ctx);
  const lookup = new TransferLookup();
  const person = personOf(ctx, nationalId, birthDate);
  if (Array.isArray(person)) {
    lookup.userErrors = person;
    return lookup;
  }
  // The birth date is what keeps a lookup from telling which schools hold a national ID: trying every birth date
  // (aliases in one request, or many requests) is held to LOOKUPS_PER_HOUR per account, and every lookup is audited.
  // Counting and recording are one statement, so aliased lookups of one request, run interleaved, count each other.
  const recorded = await ctx.em.execute<{ id: string }[]>(
    `insert into audit_log (school_id, id, actor_account_id, operation, request_id)
     select ?, gen_random_uuid(), ?, 'transfer.lookup', ?
      where (select count(*) from audit_log
              where school_id = ? and actor_account_id = ? and operation = 'transfer.lookup'
                and occurred_at > now() - interval '1 hour') < ?
     returning id`,
    [viewer.schoolId, viewer.accountId, ctx.requestId, viewer.schoolId, viewer.accountId, LOOKUPS_PER_HOUR],
  );
  if (recorded.length === 0) {
    lookup.userErrors = [
      userError(
        'nationalId',
        'TOO_MANY_LOOKUPS',
        `一小時內最多查詢 ${LOOKUPS_PER_HOUR} 次轉入學生，請稍後再試；如需大量轉入，請洽教育局。`,
      ),
    ];
    return lookup;
  }
  const origins = await originSchools(ctx.em, person.digest, person.birthDate);
  lookup.existingStudent = await ctx.em.findOne(Student, { nationalIdDigest: person.digest });
  if (origins.length === 0) lookup.userErrors = [originNotFound('nationalId')];
  const schools = await ctx.em.find(School, { id: { $in: origins.map((origin) => origin.school_id) } });
  const byId = new Map(schools.map((school) => [school.id, school]));
  lookup.originSchools = origins.map((origin) => byId.get(origin.school_id)).filter((s): s is School => Boolean(s));
  return lookup;
}

// ---------------------------------------------------------------- the receiving school

interface NewStudentPlan {
  studentNumber: string;
  name: string;
  schoolClass: SchoolClass;
  cohort: number;
  seatNumber: number | null;
  gender: 'M' | 'F' | null;
}

const prefixed = (errors: UserError[], prefix: string): UserError[] =>
  errors.map((error) => Object.assign(error, { field: ['input', prefix, ...error.field.slice(1)] }));

/** The new student's fields checked as the student form and the roster import check them. */
async function planNewStudent(
  ctx: AppContext,
  schoolId: string,
  input: NonNullable<RequestTransferInInput['newStudent']>,
): Promise<NewStudentPlan | UserError[]> {
  const now = ctx.services.clock.now();
  const studentNumber = input.studentNumber.trim();
  const errors = prefixed(
    validateStudentFields({ studentNumber, name: input.name, seatNumber: input.seatNumber ?? null }, now),
    'newStudent',
  );
  const classId = idOfType(input.classId, 'SchoolClass');
  const schoolClass = classId
    ? await ctx.em.findOne(SchoolClass, { id: classId }, { populate: ['academicYear'] })
    : null;
  if (!schoolClass) {
    errors.push(userError('newStudent.classId', 'CLASS_NOT_FOUND', '找不到指定的班級，請重新選擇。'));
  }
  const cohort =
    input.cohort ?? (schoolClass ? schoolClass.academicYear.getEntity().year - (schoolClass.gradeYear - 10) : 0);
  if (schoolClass) {
    errors.push(...prefixed(validateStudentFields({ cohort }, now), 'newStudent'));
  }
  const gender = input.gender == null || input.gender === '' ? null : input.gender;
  if (gender !== null && gender !== 'M' && gender !== 'F') {
    errors.push(userError('newStudent.gender', 'INVALID_GENDER', '性別請填 M（男）或 F（女），或留白。'));
  }
  if (errors.length > 0) return errors;
  const taken = await newStudentClashes(ctx, schoolId, studentNumber);
  if (taken.length > 0) return taken;
  return {
    studentNumber,
    name: input.name.trim(),
    schoolClass: schoolClass!,
    cohort,
    seatNumber: input.seatNumber ?? null,
    gender: gender as 'M' | 'F' | null,
  };
}

/** A 學號 this school already uses, or a login name by the school's rule that is taken. */
async function newStudentClashes(ctx: AppContext, schoolId: string, studentNumber: string): Promise<UserError[]> {
  const clash = await ctx.em.findOne(Student, { studentNumber });
  if (clash) {
    return [
      userError('newStudent.studentNumber', 'DUPLICATE_STUDENT_NUMBER', `學號 ${studentNumber} 已有其他學生使用。`),
    ];
  }
  const rule = await schoolLoginRule(ctx.em, schoolId);
  const loginName = studentLoginName(rule.studentLoginPattern, rule.code, studentNumber);
  const problem = loginNameProblem(
    loginName,
    LOGIN_NAME.test(loginName) ? await loginNamesTaken(ctx.em, [loginName]) : new Set(),
  );
  return problem ? [userError('newStudent.studentNumber', problem.code, problem.message)] : [];
}

/** Thrown inside a savepoint to undo what it wrote, carrying the problems to answer with. */
class Undo extends Error {
  constructor(readonly userErrors: UserError[]) {
    super('undo');
  }
}

/**
 * 轉入學生: the receiving school asks the student's school of origin (found by the keyed digest of the national ID and
 * the birth date) to send their portfolio. The student is one this school already has, or one it creates on receipt.
 */
export async function requestTransferIn(ctx: AppContext, input: RequestTransferInInput): Promise<Result<TransferIn>> {
  const viewer = requireManager(ctx);
  const person = personOf(ctx, input.nationalId, input.birthDate);
  const errors: UserError[] = Array.isArray(person) ? [...person] : [];
  const picks = Number(Boolean(input.studentId)) + Number(Boolean(input.newStudent));
  if (picks !== 1) {
    errors.push(
      userError(
        'studentId',
        'TRANSFER_STUDENT_CHOICE',
        '請選擇本校已有的學生，或填寫要新建學生的學號、姓名與班級（兩者擇一）。',
      ),
    );
  }
  if (errors.length > 0 || Array.isArray(person)) return { value: null, userErrors: errors };

  const existing = await ctx.em.findOne(Student, { nationalIdDigest: person.digest });
  let student: Student | null = null;
  let plan: NewStudentPlan | null = null;
  if (input.studentId) {
    const studentId = idOfType(input.studentId, 'Student');
    student = studentId ? await ctx.em.findOne(Student, { id: studentId }) : null;
    if (!student) throw notFound('學生');
    if (student.nationalIdDigest !== person.digest || student.birthDate !== person.birthDate) {
      return {
        value: null,
        userErrors: [
          userError(
            'studentId',
            'TRANSFER_STUDENT_MISMATCH',
            `所選的學生（${student.name}，學號 ${student.studentNumber}）身分證字號或出生日期與輸入的不符，請再核對。`,
          ),
        ],
      };
    }
  } else {
    if (existing) return { value: null, userErrors: [studentExists(existing)] };
    const planned = await planNewStudent(ctx, viewer.schoolId, input.newStudent!);
    if (Array.isArray(planned)) return { value: null, userErrors: planned };
    plan = planned;
  }

  const origins = await originSchools(ctx.em, person.digest, person.birthDate);
  if (origins.length === 0) return { value: null, userErrors: [originNotFound('nationalId')] };
  let origin = origins[0]!;
  if (input.originSchoolId) {
    const originId = idOfType(input.originSchoolId, 'School');
    const chosen = origins.find((candidate) => candidate.school_id === originId);
    if (!chosen) return { value: null, userErrors: [originNotFound('originSchoolId')] };
    origin = chosen;
  } else if (origins.length > 1) {
    const names = origins.map((o) => `${o.name}（${o.code}）${o.division === 'NIGHT' ? '進修部' : '日間部'}`);
    return {
      value: null,
      userErrors: [
        userError(
          'originSchoolId',
          'TRANSFER_ORIGIN_AMBIGUOUS',
          `本市有不只一所學校有這位學生的學籍：${names.join('、')}；請選擇原就讀學校。`,
        ),
      ],
    };
  }

  const alreadyRequested = (): Result<TransferIn> => ({
    value: null,
    userErrors: [
      userError(
        'nationalId',
        'TRANSFER_ALREADY_REQUESTED',
        `已向${origin.name}提出這位學生的轉入申請，尚未完成；請勿重複申請（可在「轉入申請」清單查看或取消）。`,
      ),
    ],
  });
  const [open] = await ctx.em.execute<{ id: string }[]>(
    `select id from transfer_in where school_id = ? and origin_school_id = ? and national_id_digest = ?
       and status in ('PENDING', 'APPROVED')`,
    [viewer.schoolId, origin.school_id, person.digest],
  );
  if (open) return alreadyRequested();

  const id = newId();
  const now = ctx.services.clock.now();
  try {
    // A savepoint: a lost race on the open-request index, or an origin gone meanwhile, leaves nothing written.
    await ctx.em.transactional(async (tx) => {
      await tx.execute(
        `insert into transfer_in (school_id, id, origin_school_id, national_id_digest, national_id_encrypted, birth_date,
           student_id, creates_student, new_student_number, new_name, new_class_id, new_cohort, new_seat_number,
           new_gender, status, requested_by, requested_at)
         values (?, ?, ?, ?, ?, ?::date, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)`,
        [
          viewer.schoolId,
          id,
          origin.school_id,
          person.digest,
          ctx.services.pii.encrypt(person.nationalId),
          person.birthDate,
          student?.id ?? null,
          plan !== null,
          plan?.studentNumber ?? null,
          plan?.name ?? null,
          plan?.schoolClass.id ?? null,
          plan?.cohort ?? null,
          plan?.seatNumber ?? null,
          plan?.gender ?? null,
          viewer.accountId,
          now,
        ],
      );
      const [sent] = await tx.execute<{ sent: boolean }[]>('select transfer_send_request(?) as sent', [id]);
      if (!sent?.sent) throw new Undo([originNotFound('nationalId')]);
    });
  } catch (error) {
    if (error instanceof Undo) return { value: null, userErrors: error.userErrors };
    if (isUniqueViolation(error)) return alreadyRequested();
    throw error;
  }
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'transfer.request',
    targetIds: [id, ...(student ? [student.id] : [])],
    detail: { originSchoolId: origin.school_id, createsStudent: plan !== null },
  });
  return { value: await readTransferIn(ctx.em, viewer.schoolId, id), userErrors: [] };
}

/** The receiving school withdraws a request its school of origin has not answered yet. */
export async function cancelTransferIn(ctx: AppContext, transferId: string): Promise<Result<TransferIn>> {
  const viewer = requireManager(ctx);
  const id = transferIdOf(transferId, 'TransferIn');
  const transfer = await readTransferIn(ctx.em, viewer.schoolId, id);
  if (!transfer) throw notFound('轉入申請');
  const notCancellable = (label: string): Result<TransferIn> => ({
    value: null,
    userErrors: [
      userError(
        'transferId',
        'TRANSFER_NOT_CANCELLABLE',
        `這筆申請目前是「${label}」；只有尚未接收的申請（待原校同意、原校已同意）可以取消。`,
      ),
    ],
  });
  if (!mayCancelTransfer(transfer.status)) return notCancellable(transfer.statusLabel);
  const now = ctx.services.clock.now();
  // The origin's row is locked first (inside the function), then this school's: the order approving and receiving
  // take too. Null: the origin's row is gone (its student was deleted there), nothing keeps this one from cancelling.
  const [answer] = await ctx.em.execute<{ status: TransferStatus | null }[]>(
    'select transfer_cancel_request(?, ?) as status',
    [id, now],
  );
  const originStatus = answer?.status ?? null;
  if (originStatus !== null && originStatus !== TransferStatus.CANCELLED) {
    // Answered or received since this request read it.
    return notCancellable((await readTransferIn(ctx.em, viewer.schoolId, id))?.statusLabel ?? originStatus);
  }
  const updated = await ctx.em.execute<{ id: string }[]>(
    `update transfer_in set status = 'CANCELLED', cancelled_at = ?, cancelled_by = ?
     where school_id = ? and id = ? and status in ('PENDING', 'APPROVED') returning id`,
    [now, viewer.accountId, viewer.schoolId, id],
  );
  // Two cancels at once (or a cancel racing a receipt when the origin's row is gone): the other one got here first.
  if (updated.length !== 1) {
    return notCancellable((await readTransferIn(ctx.em, viewer.schoolId, id))?.statusLabel ?? transfer.statusLabel);
  }
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'transfer.cancel',
    targetIds: [id],
    detail: { statusWas: transfer.status },
  });
  return { value: await readTransferIn(ctx.em, viewer.schoolId, id), userErrors: [] };
}

const NOT_RECEIVABLE: Partial<Record<TransferStatus, string>> = {
  [TransferStatus.PENDING]: '原校尚未同意這筆申請，還不能接收。',
  [TransferStatus.COMPLETED]: '這筆轉入已經接收完成。',
  [TransferStatus.DECLINED]: '原校未同意這筆申請，無法接收。',
  [TransferStatus.CANCELLED]: '這筆申請已取消，無法接收。',
};

/**
 * The receiving school takes in what the school of origin sent: the student created now if the request said so (or,
 * if this school has meanwhile got the same person, by the roster import, that student), then the exchange file
 * imported onto them (records read-only, marked with the school of origin). All or nothing.
 */
export async function receiveTransferIn(ctx: AppContext, transferId: string): Promise<Result<TransferIn>> {
  const viewer = requireManager(ctx);
  const id = transferIdOf(transferId, 'TransferIn');
  const transfer = await readTransferIn(ctx.em, viewer.schoolId, id);
  if (!transfer) throw notFound('轉入申請');
  const notReceivable = (status: TransferStatus): Result<TransferIn> => ({
    value: null,
    userErrors: [
      userError('transferId', 'TRANSFER_NOT_RECEIVABLE', NOT_RECEIVABLE[status] ?? '這筆申請目前不能接收。'),
    ],
  });
  if (transfer.status !== TransferStatus.APPROVED) return notReceivable(transfer.status);
  const now = ctx.services.clock.now();

  let outcome: { studentId: string; exchangeId: string; records: number; created: boolean };
  try {
    outcome = await ctx.em.transactional(async (tx) => {
      // The origin's row first (marked received), then this school's, as approving and cancelling lock them.
      const [marked] = await tx.execute<{ ok: boolean }[]>('select transfer_mark_received(?, ?) as ok', [id, now]);
      const locked = await readTransferIn(tx, viewer.schoolId, id, true);
      if (!marked?.ok || locked?.status !== TransferStatus.APPROVED) {
        throw new Undo(notReceivable(locked?.status ?? TransferStatus.CANCELLED).userErrors);
      }
      const row = locked.row;
      let studentId = row.student_id;
      let created = false;
      if (row.creates_student) {
        const nationalId = ctx.services.pii.decrypt(row.national_id_encrypted);
        const existing = await tx.findOne(Student, { nationalIdDigest: ctx.services.pii.digest(nationalId) });
        if (existing && existing.birthDate !== row.birth_date) throw new Undo([studentExists(existing)]);
        if (existing) studentId = existing.id;
        else {
          const clashes = await newStudentClashes(
            contextWith(ctx, { em: tx }),
            viewer.schoolId,
            row.new_student_number!,
          );
          if (clashes.length > 0) {
            throw new Undo(
              clashes.map((clash) =>
                Object.assign(clash, {
                  field: ['input', 'transferId'],
                  message: `${clash.message}無法建立學生；請取消這筆申請，改以其他學號重新申請。`,
                }),
              ),
            );
          }
          const schoolClass = row.new_class_id ? await tx.findOne(SchoolClass, { id: row.new_class_id }) : null;
          const student = buildStudent(
            tx,
            ctx.services.pii,
            viewer.schoolId,
            {
              studentNumber: row.new_student_number!,
              name: row.new_name!,
              nationalId,
              birthDate: row.birth_date,
              cohort: row.new_cohort!,
              seatNumber: row.new_seat_number,
              status: StudentStatus.ENROLLED,
              gender: row.new_gender,
            },
            schoolClass,
          );
          student.statusChangedAt = now;
          await createStudentLogins(tx, await schoolLoginRule(tx, viewer.schoolId), [student]);
          await tx.flush();
          studentId = student.id;
          created = true;
        }
      }
      if (!studentId) {
        throw new Undo([
          userError(
            'transferId',
            'TRANSFER_STUDENT_GONE',
            '這筆申請所指的本校學生已被刪除；請取消這筆申請後重新申請。',
          ),
        ]);
      }
      const imported = await importExchangeFile(contextWith(ctx, { em: tx }), {
        sha256: row.exchange_sha256!,
        studentId,
      });
      if (!imported.value) throw new Undo(imported.userErrors);
      // A student coming back (A → B → A, or 日間部 → 進修部 → 日間部) is received onto the row this school kept for
      // them, still 轉出 (or 畢業, 休學) from when they left: they are 在學 here again, which also keeps retention away.
      const receiving = await tx.findOne(Student, { id: studentId });
      if (receiving && receiving.status !== StudentStatus.ENROLLED) {
        receiving.changeStatus(StudentStatus.ENROLLED, now);
        await tx.flush();
      }
      await tx.execute(
        `update transfer_in set status = 'COMPLETED', completed_at = ?, completed_by = ?, exchange_id = ?,
           records_imported = ?, student_id = ?
         where school_id = ? and id = ?`,
        [now, viewer.accountId, imported.value.exchangeId, imported.value.records, studentId, viewer.schoolId, id],
      );
      return { studentId, exchangeId: imported.value.exchangeId, records: imported.value.records, created };
    });
  } catch (error) {
    if (error instanceof Undo) return { value: null, userErrors: error.userErrors };
    throw error;
  }
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'transfer.receive',
    targetIds: [id, outcome.studentId, outcome.exchangeId],
    detail: { records: outcome.records, createdStudent: outcome.created },
  });
  return { value: await readTransferIn(ctx.em, viewer.schoolId, id), userErrors: [] };
}

// ---------------------------------------------------------------- the school of origin

const NOT_ANSWERABLE: Partial<Record<TransferStatus, string>> = {
  [TransferStatus.APPROVED]: '這筆申請本校已經同意了。',
  [TransferStatus.COMPLETED]: '這筆轉學已經完成。',
  [TransferStatus.DECLINED]: '這筆申請本校已經回覆不同意。',
  [TransferStatus.CANCELLED]: '轉入學校已取消這筆申請。',
};

/** The incoming request, locked for its answer, still waiting for one; or the reason it is not. */
async function pendingTransferOut(
  ctx: AppContext,
  schoolId: string,
  transferId: string,
): Promise<TransferOut | UserError> {
  const id = transferIdOf(transferId, 'TransferOut');
  // The origin's row is always locked first; the receiving school's cancellation takes the same order.
  const transfer = await readTransferOut(ctx.em, schoolId, id, true);
  if (!transfer) throw notFound('轉出申請');
  const refusal = NOT_ANSWERABLE[transfer.status];
  return refusal ? userError('transferId', 'TRANSFER_ALREADY_ANSWERED', refusal) : transfer;
}

/**
 * The school of origin agrees: the student is 轉出 (set now if asked), their exchange file is written into the shared
 * content-addressed store, and its hash reaches the receiving school's request, which is then ready to receive.
 */
export async function approveTransferOut(
  ctx: AppContext,
  input: ApproveTransferOutInput,
): Promise<Result<TransferOut>> {
  const viewer = requireManager(ctx);
  const transfer = await pendingTransferOut(ctx, viewer.schoolId, input.transferId);
  if (!(transfer instanceof TransferOut)) return { value: null, userErrors: [transfer] };
  const row = transfer.row;
  const student = await ctx.em.findOne(Student, { id: row.student_id });
  if (!student) throw notFound('學生');
  const now = ctx.services.clock.now();
  const statusWas = student.status;
  if (student.status !== StudentStatus.TRANSFERRED) {
    if (!input.markTransferred) {
      return {
        value: null,
        userErrors: [
          userError(
            'markTransferred',
            'STUDENT_NOT_TRANSFERRED',
            `${student.name} 目前的學籍狀態是「${STUDENT_STATUS_LABELS[student.status]}」；同意轉出前須設為「轉出」，請勾選「同時將學籍狀態設為轉出」。`,
          ),
        ],
      };
    }
    student.changeStatus(StudentStatus.TRANSFERRED, now);
    await ctx.em.flush();
  }

  const destination = await ctx.em.findOne(School, { id: row.destination_school_id });
  if (!destination) throw notFound('轉入學校');
  const authority = await ctx.loaders.authorityById.load(destination.authority.id);
  if (!authority) throw notFound('教育局');
  const file = await writeExchangeFile(ctx, student.id, {
    authorityCode: authority.code,
    schoolCode: destination.code,
    division: destination.division,
  });
  const [answered] = await ctx.em.execute<{ ok: boolean }[]>(
    `select transfer_answer_request(?, 'APPROVED', ?, null, ?) as ok`,
    [row.id, file.sha256, now],
  );
  // This school's row is locked and pending, so the receiving one is pending too (cancelling takes this lock first).
  if (!answered?.ok) throw new Error('transfer_answer_request found no pending request at the receiving school');
  await ctx.em.execute(
    `update transfer_out set status = 'APPROVED', decided_by = ?, decided_at = ?, exchange_sha256 = ?
     where school_id = ? and id = ?`,
    [viewer.accountId, now, file.sha256, viewer.schoolId, row.id],
  );
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'transfer.approve',
    targetIds: [row.id, student.id],
    detail: {
      destinationSchoolId: destination.id,
      exchangeSha256: file.sha256,
      ...(statusWas !== student.status ? { statusFrom: statusWas, statusTo: student.status } : {}),
    },
  });
  return { value: await readTransferOut(ctx.em, viewer.schoolId, row.id), userErrors: [] };
}

/** The school of origin does not agree, with a reason the receiving school reads. */
export async function declineTransferOut(
  ctx: AppContext,
  input: DeclineTransferOutInput,
): Promise<Result<TransferOut>> {
  const viewer = requireManager(ctx);
  const reason = input.reason.trim();
  if (!hasVisibleText(reason) || reason.length > DECLINE_REASON_MAX) {
    return {
      value: null,
      userErrors: [
        userError('reason', 'INVALID_DECLINE_REASON', `請填寫不同意的理由（最多 ${DECLINE_REASON_MAX} 字）。`),
      ],
    };
  }
  const transfer = await pendingTransferOut(ctx, viewer.schoolId, input.transferId);
  if (!(transfer instanceof TransferOut)) return { value: null, userErrors: [transfer] };
  const now = ctx.services.clock.now();
  const [answered] = await ctx.em.execute<{ ok: boolean }[]>(
    `select transfer_answer_request(?, 'DECLINED', null, ?, ?) as ok`,
    [transfer.row.id, reason, now],
  );
  if (!answered?.ok) throw new Error('transfer_answer_request found no pending request at the receiving school');
  await ctx.em.execute(
    `update transfer_out set status = 'DECLINED', decided_by = ?, decided_at = ?, decline_reason = ?
     where school_id = ? and id = ?`,
    [viewer.accountId, now, reason, viewer.schoolId, transfer.row.id],
  );
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'transfer.decline',
    targetIds: [transfer.row.id, transfer.row.student_id],
    detail: { destinationSchoolId: transfer.row.destination_school_id },
  });
  return { value: await readTransferOut(ctx.em, viewer.schoolId, transfer.row.id), userErrors: [] };
}
