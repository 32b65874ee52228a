import { requireViewer } from '../../common/auth-checker.js';
import type { AppContext } from '../../common/context.js';
import { forbidden } from '../../common/errors.js';
import { idOfType } from '../../common/ids.js';
import { isIsoCalendarDate, taipeiIsoDate } from '../../common/roc.js';
import { type Result, userError, type UserError } from '../../common/user-error.js';
import { recordAudit } from '../audit/audit.service.js';
import { Student } from '../people/student.entity.js';
import { UserAccount } from '../people/user-account.entity.js';
import type { RecordCadreInput, RecordCounselingInput, UpdateCounselingInput } from './dto/records.input.js';
import { CadreRecord, CounselingKind, CounselingParticipant, CounselingRecord } from './records.entity.js';
import { NO_CURRENT_TERM, termArgumentOrCurrent } from '../term/term.service.js';
import { mayRecordCadres, mayRecordCounseling } from './records.permissions.js';

function textError(field: string, value: string, label: string, max: number): UserError | null {
  const length = value.trim().length;
  return length === 0 || length > max ? userError(field, 'INVALID_TEXT', `請填寫${label}（最多 ${max} 個字）。`) : null;
}

/** A cadre position's own fields as typed: every problem (in Chinese, by field) and the clean values. */
export function checkCadreFields(input: CadreFields): { values: CadreFields; errors: UserError[] } {
  const errors: UserError[] = [];
  for (const error of [textError('unit', input.unit, '單位', 50), textError('position', input.position, '職稱', 50)]) {
    if (error) errors.push(error);
  }
  if (!Number.isInteger(input.level) || input.level < 1 || input.level > 3) {
    errors.push(userError('level', 'INVALID_LEVEL', '幹部等級只能是 1、2 或 3。'));
  }
  if (!isIsoCalendarDate(input.startsOn))
    errors.push(userError('startsOn', 'INVALID_DATE', '開始日期格式應為 YYYY-MM-DD。'));
  if (!isIsoCalendarDate(input.endsOn))
    errors.push(userError('endsOn', 'INVALID_DATE', '結束日期格式應為 YYYY-MM-DD。'));
  else if (isIsoCalendarDate(input.startsOn) && input.endsOn < input.startsOn) {
    errors.push(userError('endsOn', 'ENDS_BEFORE_START', '結束日期不可早於開始日期。'));
  }
  return {
    values: {
      unit: input.unit.trim(),
      position: input.position.trim(),
      level: input.level,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
    },
    errors,
  };
}

export interface CadreFields {
  unit: string;
  position: string;
  level: number;
  startsOn: string;
  endsOn: string;
}

export const DUPLICATE_CADRE = userError(
  'position',
  'DUPLICATE_CADRE',
  '這位學生在這個學期已有相同單位、職稱與開始日期的幹部紀錄。',
);

/** 訓育組 records one cadre position of a student for a term. */
export async function recordCadre(ctx: AppContext, input: RecordCadreInput): Promise<Result<CadreRecord>> {
  const viewer = requireViewer(ctx);
  if (!mayRecordCadres(viewer)) throw forbidden('登錄校內幹部（限訓育組）');
  const errors: UserError[] = [];
  const studentId = idOfType(input.studentId, 'Student');
  const student = studentId ? await ctx.em.findOne(Student, { id: studentId }) : null;
  if (!student) errors.push(userError('studentId', 'STUDENT_NOT_FOUND', '找不到這位學生。'));
  const term = await termArgumentOrCurrent(ctx, input.termId);
  if (!term) errors.push(NO_CURRENT_TERM);
  errors.push(...checkCadreFields(input).errors);
  if (errors.length > 0 || !student || !term) return { value: null, userErrors: errors };
  const same = await ctx.em.count(CadreRecord, {
    student,
    term,
    unit: input.unit.trim(),
    position: input.position.trim(),
    startsOn: input.startsOn,
  });
  if (same > 0) return { value: null, userErrors: [DUPLICATE_CADRE] };

  const record = ctx.em.create(CadreRecord, {
    school: student.school,
    student,
    term,
    unit: input.unit.trim(),
    position: input.position.trim(),
    level: input.level,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    createdBy: ctx.em.getReference(UserAccount, viewer.accountId),
  });
  await ctx.em.flush();
  await recordAudit(ctx.em, viewer, ctx.requestId, { operation: 'cadre.record', targetIds: [record.id, student.id] });
  return { value: record, userErrors: [] };
}

/** A group session of a whole grade is rare but real; thousands of ids are a mistake or a hostile request. */
const MAX_PARTICIPANTS = 300;

/** The students of a session and its fields as typed: every problem and the students found. */
async function checkCounseling(
  ctx: AppContext,
  input: RecordCounselingInput,
): Promise<{ students: Student[]; errors: UserError[] }> {
  const errors: UserError[] = [];
  if (input.studentIds.length > MAX_PARTICIPANTS) {
    errors.push(userError('studentIds', 'TOO_MANY_STUDENTS', `一次諮詢最多 ${MAX_PARTICIPANTS} 位學生。`));
    return { students: [], errors };
  }
  const ids = input.studentIds.map((id) => idOfType(id, 'Student'));
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  const students = unique.length ? await ctx.em.find(Student, { id: { $in: unique } }) : [];
  const found = new Set(students.map((student) => student.id));
  ids.forEach((id, index) => {
    if (!id || !found.has(id)) errors.push(userError(`studentIds.${index}`, 'STUDENT_NOT_FOUND', '找不到這位學生。'));
  });
  // Counted on the students found, so a student who is not found is reported once, above.
  if (input.kind === CounselingKind.INDIVIDUAL && ids.length !== 1) {
    errors.push(userError('studentIds', 'INDIVIDUAL_NEEDS_ONE', '個別諮詢只能有一位學生。'));
  }
  if (input.kind === CounselingKind.GROUP && students.length < 2) {
    errors.push(userError('studentIds', 'GROUP_NEEDS_TWO', '團體諮詢至少要有兩位學生。'));
  }
  if (!isIsoCalendarDate(input.heldOn) || input.heldOn > taipeiIsoDate(ctx.services.clock.now())) {
    errors.push(userError('heldOn', 'INVALID_DATE', '諮詢日期格式應為 YYYY-MM-DD，且不可是未來的日期。'));
  }
  for (const error of [
    textError('topic', input.topic, '主題', 100),
    textError('content', input.content, '內容', 2000),
  ]) {
    if (error) errors.push(error);
  }
  return { students, errors };
}

/** A course counselor records a session with one student or a group. */
export async function recordCounseling(
  ctx: AppContext,
  input: RecordCounselingInput,
): Promise<Result<CounselingRecord>> {
  const viewer = requireViewer(ctx);
  if (!mayRecordCounseling(viewer)) throw forbidden('登錄課程諮詢紀錄（限課程諮詢教師）');
  const { students, errors } = await checkCounseling(ctx, input);
  if (errors.length > 0) return { value: null, userErrors: errors };

  const record = ctx.em.create(CounselingRecord, {
    school: students[0]!.school,
    counselor: ctx.em.getReference(UserAccount, viewer.accountId),
    kind: input.kind,
    heldOn: input.heldOn,
    topic: input.topic.trim(),
    content: input.content.trim(),
  });
  for (const student of students) ctx.em.create(CounselingParticipant, { school: student.school, record, student });
  await ctx.em.flush();
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'counseling.record',
    targetIds: [record.id, ...students.map((student) => student.id)],
  });
  return { value: record, userErrors: [] };
}

const COUNSELING_KIND_LABELS: Record<CounselingKind, string> = {
  [CounselingKind.INDIVIDUAL]: '個別諮詢',
  [CounselingKind.GROUP]: '團體諮詢',
};

/**
 * The counselor who recorded a session corrects it: its kind, students, date, topic and content, checked as when it
 * was recorded. Counseling records are the school's own (never submitted), so no final lock applies; the audit keeps
 * what changed (the content's length, not its words: it may be sensitive).
 */
export async function updateCounseling(
  ctx: AppContext,
  input: UpdateCounselingInput,
): Promise<Result<CounselingRecord>> {
  const viewer = requireViewer(ctx);
  if (!mayRecordCounseling(viewer)) throw forbidden('修改課程諮詢紀錄（限課程諮詢教師）');
  const id = idOfType(input.recordId, 'CounselingRecord');
  const record = id ? await ctx.em.findOne(CounselingRecord, { id }) : null;
  if (!record || record.counselor.id !== viewer.accountId) {
    return {
      value: null,
      userErrors: [
        userError(
          'recordId',
          'RECORD_NOT_FOUND',
          '找不到您登錄的這筆諮詢紀錄（只能修改自己登錄的紀錄），未做任何變更。',
        ),
      ],
    };
  }
  const { students, errors } = await checkCounseling(ctx, input);
  if (errors.length > 0) return { value: null, userErrors: errors };

  const participants = await ctx.em.find(CounselingParticipant, { record });
  const before = new Set(participants.map((p) => p.student.id));
  const after = new Set(students.map((s) => s.id));
  const facts = (r: { kind: CounselingKind; heldOn: string; topic: string; content: string }, ids: Set<string>) => ({
    種類: COUNSELING_KIND_LABELS[r.kind],
    諮詢日期: r.heldOn,
    主題: r.topic,
    內容字數: String([...r.content].length),
    學生人數: String(ids.size),
  });
  const old = facts(record, before);
  const contentChanged = record.content !== input.content.trim();
  const studentsChanged = before.size !== after.size || [...after].some((studentId) => !before.has(studentId));
  Object.assign(record, {
    kind: input.kind,
    heldOn: input.heldOn,
    topic: input.topic.trim(),
    content: input.content.trim(),
  });
  const now = facts(record, after);
  const fields = (Object.keys(now) as (keyof typeof now)[]).filter((key) => old[key] !== now[key]);
  if (contentChanged && !fields.includes('內容字數')) fields.push('內容字數');
  if (studentsChanged && !fields.includes('學生人數')) fields.push('學生人數');
  if (fields.length === 0) {
    return { value: null, userErrors: [userError(null, 'NOTHING_CHANGED', '內容與原本相同，未做任何變更。')] };
  }
  for (const participant of participants) if (!after.has(participant.student.id)) ctx.em.remove(participant);
  for (const student of students) {
    if (!before.has(student.id)) ctx.em.create(CounselingParticipant, { school: student.school, record, student });
  }
  await ctx.em.flush();
  const pick = (all: Record<string, string>) => Object.fromEntries(fields.map((key) => [key, all[key]]));
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'counseling.update',
    targetIds: [record.id, ...new Set([...before, ...after])],
    detail: {
      fields: fields.map((key) => (key === '內容字數' ? '內容' : key === '學生人數' ? '學生' : key)),
      before: pick(old),
      after: pick(now),
    },
  });
  return { value: record, userErrors: [] };
}
