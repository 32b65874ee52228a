import { requireViewer } from '../../common/auth-checker.js';
import type { AppContext } from '../../common/context.js';
import { forbidden } from '../../common/errors.js';
import { idOfType } from '../../common/ids.js';
import { isIsoCalendarDate, taipeiIsoDate } from '../../common/roc.js';
import { type Result, userError, type UserError } from '../../common/user-error.js';
import { recordAudit } from '../audit/audit.service.js';
import { Student } from '../people/student.entity.js';
import { UserAccount } from '../people/user-account.entity.js';
import type { RecordCadreInput, RecordCounselingInput } from './dto/records.input.js';
import { CadreRecord, CounselingKind, CounselingParticipant, CounselingRecord } from './records.entity.js';
import { NO_CURRENT_TERM, termArgumentOrCurrent } from '../term/term.service.js';
import { mayRecordCadres, mayRecordCounseling } from './records.permissions.js';

function textError(field: string, value: string, label: string, max: number): UserError | null {
  const length = value.trim().length;
  return length === 0 || length > max ? userError(field, 'INVALID_TEXT', `請填寫${label}（最多 ${max} 個字）。`) : null;
}

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
  if (errors.length > 0 || !student || !term) return { value: null, userErrors: errors };
  const same = await ctx.em.count(CadreRecord, {
    student,
    term,
    unit: input.unit.trim(),
    position: input.position.trim(),
    startsOn: input.startsOn,
  });
  if (same > 0) {
    return {
      value: null,
      userErrors: [
        userError('position', 'DUPLICATE_CADRE', '這位學生在這個學期已有相同單位、職稱與開始日期的幹部紀錄。'),
      ],
    };
  }

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

/** A course counselor records a session with one student or a group. */
export async function recordCounseling(
  ctx: AppContext,
  input: RecordCounselingInput,
): Promise<Result<CounselingRecord>> {
  const viewer = requireViewer(ctx);
  if (!mayRecordCounseling(viewer)) throw forbidden('登錄課程諮詢紀錄（限課程諮詢教師）');
  const errors: UserError[] = [];
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
