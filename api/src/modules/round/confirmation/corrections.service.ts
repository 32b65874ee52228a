import type { AppContext } from '../../../common/context.js';
import { forbidden } from '../../../common/errors.js';
import { idOfType, newId } from '../../../common/ids.js';
import { formatRocCalendarDate } from '../../../common/roc.js';
import { CATEGORY_LABELS, SubmissionCategory } from '../../../common/submission-category.js';
import { type Result, userError, type UserError } from '../../../common/user-error.js';
import { recordAudit } from '../../audit/audit.service.js';
import { Enrolment, ENROLMENT_KIND_LABELS, type EnrolmentKind } from '../../course/course.entity.js';
import { gradeProblem, MAX_NOTE_LENGTH, PASSING_GRADE } from '../../course/grades.service.js';
import { DiversePerformance } from '../../portfolio/diverse-performance.entity.js';
import { categoryNotOffered } from '../../portfolio/performance-fields.js';
import { checkPerformanceText, performanceFacts, type PerformanceText } from '../../portfolio/performance.service.js';
import { PERFORMANCE_CATEGORY_LABELS } from '../../portfolio/portfolio.enums.js';
import { CadreRecord } from '../../records/records.entity.js';
import { type CadreFields, checkCadreFields, DUPLICATE_CADRE } from '../../records/records.service.js';
import { RECEIPT_KINDS, ReceiptKind } from '../central/receipt-format.js';
import { Dispute, UNRESOLVED_DISPUTE } from '../confirmation.entity.js';
import { holdFinalLockKey } from '../final-lock.js';
import { ReceiptRow } from '../receipt.entity.js';
import { maySubmit } from '../round.permissions.js';
import { Submission, SubmissionRow } from '../submission.entity.js';
import { closeDispute, DisputeResolution, lockedDispute, notYourCategory } from './confirmation.service.js';
import { receiptRowValues } from './receipt-fields.js';

// Corrections during 疑義處理 (DOMAIN.md §5, step 4): the section that submits a category corrects its data before
// the category's final lock, each correction kept in record_correction and audited, and, when made from a dispute,
// the dispute closed as corrected with an answer that says what changed. The next submission carries it
// (submitTerm links the dispute; finalizeTerm refuses while a correction is newer than the latest submission).

/** How a correction answers a dispute, if it is made from one. */
export interface CorrectionLink {
  disputeId?: string | null;
  /** The words to the student; what changed is added after them. */
  answer?: string | null;
}

/** One changed field, as the student and the audit read it. */
export interface Change {
  label: string;
  before: string;
  after: string;
}

type Target = 'CADRE_RECORD' | 'ENROLMENT' | 'DIVERSE_PERFORMANCE';

/** Where a record's data goes: its category, its term (term-wise data) or year, its student, and its round's term. */
interface Scope {
  category: SubmissionCategory;
  termId: string | null;
  academicYearId: string;
  studentId: string;
  /** The term whose round submits it: the record's term, or the year's second term for yearly data. */
  roundTermId: string;
}

export const MAX_ANSWER_LENGTH = 400;
const DISPUTE_ANSWER_MAX = 500;
const NOTHING_CHANGED = userError(null, 'NOTHING_CHANGED', '資料與原本相同，未做任何變更。');

const fail = <T>(field: string | null, code: string, message: string): Result<T> => ({
  value: null,
  userErrors: [userError(field, code, message)],
});

const blank = (text: string) => (text === '' ? '（空白）' : text);

/** The fields whose values differ, in the order of `after`. */
export function changesBetween(before: Record<string, string>, after: Record<string, string>): Change[] {
  return Object.keys(after)
    .filter((label) => (before[label] ?? '') !== (after[label] ?? ''))
    .map((label) => ({ label, before: before[label] ?? '', after: after[label] ?? '' }));
}

/** What changed, in one line: 「獎項：佳作 → 第一名；簡述：…」 or what was deleted. */
export function changeSummary(changes: Change[], deleted: string | null): string {
  if (deleted) return `刪除${deleted}`;
  return changes.map((c) => `${c.label}：${blank(c.before)} → ${blank(c.after)}`).join('；');
}

/** The answer a student reads: the staff's words, then what changed, cut to the dispute's 500 characters. */
function answerWithSummary(answer: string, summary: string): string {
  const head = answer || '已依疑義更正資料，將於下次提交送至中央資料庫。';
  const full = `${head}（更正內容：${summary}）`;
  if ([...full].length <= DISPUTE_ANSWER_MAX) return full;
  const room = DISPUTE_ANSWER_MAX - [...head].length - '（更正內容：…）'.length;
  return `${head}（更正內容：${[...summary].slice(0, Math.max(0, room)).join('')}…）`;
}

async function secondTermOf(ctx: AppContext, academicYearId: string): Promise<string> {
  const [term] = await ctx.em.execute<{ id: string }[]>(
    'select id from term where academic_year_id = ? order by semester desc limit 1',
    [academicYearId],
  );
  if (!term) throw new Error('academic year without terms');
  return term.id;
}

async function termScope(
  ctx: AppContext,
  category: SubmissionCategory,
  termId: string,
  studentId: string,
): Promise<Scope> {
  const term = (await ctx.loaders.termById.load(termId))!;
  return { category, termId, academicYearId: term.academicYear.id, studentId, roundTermId: termId };
}

async function yearScope(ctx: AppContext, academicYearId: string, studentId: string): Promise<Scope> {
  return {
    category: SubmissionCategory.PERFORMANCES,
    termId: null,
    academicYearId,
    studentId,
    roundTermId: await secondTermOf(ctx, academicYearId),
  };
}

/**
 * Whether the viewer may correct this data now, and the dispute the correction answers: the section that submits
 * the category, before its final lock (the same rule as the database's, asked while holding the round's lock key, so
 * a final submission cannot slip in between), and a dispute of the same student, category and period that is not
 * answered yet.
 */
async function guard(
  ctx: AppContext,
  scope: Scope,
  link: CorrectionLink,
  field: string,
): Promise<{ error: UserError | null; dispute: Dispute | null; answer: string }> {
  const viewer = ctx.viewer!;
  const refuse = (error: UserError) => ({ error, dispute: null, answer: '' });
  if (!maySubmit(viewer, scope.category)) return refuse(notYourCategory(field, scope.category));
  const answer = link.answer?.trim() ?? '';
  if ([...answer].length > MAX_ANSWER_LENGTH) {
    return refuse(
      userError(
        'answer',
        'ANSWER_TOO_LONG',
        `給學生的回覆最多 ${MAX_ANSWER_LENGTH} 字，目前 ${[...answer].length} 字。`,
      ),
    );
  }
  let dispute: Dispute | null = null;
  if (link.disputeId) {
    const id = idOfType(link.disputeId, 'Dispute');
    dispute = id ? await ctx.em.findOne(Dispute, { id }) : null;
    if (!dispute) return refuse(userError('disputeId', 'DISPUTE_NOT_FOUND', '找不到指定的疑義，未做任何變更。'));
    const disputeTerm = (await ctx.loaders.termById.load(dispute.term.id))!;
    const samePeriod =
      scope.termId === null ? disputeTerm.academicYear.id === scope.academicYearId : dispute.term.id === scope.termId;
    if (dispute.category !== scope.category || dispute.student?.id !== scope.studentId || !samePeriod) {
      return refuse(
        userError(
          'disputeId',
          'DISPUTE_OTHER_RECORD',
          '這件疑義不是關於這筆資料（學生、類別或學期不同），未做任何變更。',
        ),
      );
    }
    if (!UNRESOLVED_DISPUTE.includes(dispute.status)) {
      return refuse(userError('disputeId', 'DISPUTE_RESOLVED', '這件疑義已處理完畢，未做任何變更。'));
    }
  }
  for (const grade12Round of [false, true]) {
    await holdFinalLockKey(ctx.em, { termId: scope.roundTermId, category: scope.category, grade12Round });
  }
  // Answered meanwhile (resolveDispute, or another correction that waited for the same keys)? Then not again.
  if (dispute && !UNRESOLVED_DISPUTE.includes((await lockedDispute(ctx, dispute.id))!.status)) {
    return refuse(userError('disputeId', 'DISPUTE_RESOLVED', '這件疑義已處理完畢，未做任何變更。'));
  }
  const [lock] = await ctx.em.execute<{ label: string | null }[]>('select final_lock_label(?, ?, ?, ?, ?) as label', [
    viewer.schoolId,
    scope.termId,
    scope.academicYearId,
    scope.studentId,
    scope.category,
  ]);
  if (lock?.label) {
    return refuse(
      userError(
        field,
        'TERM_FINALIZED',
        `${lock.label}的「${CATEGORY_LABELS[scope.category]}」已完成最終提交，資料不能再新增、修改或刪除。`,
      ),
    );
  }
  return { error: null, dispute, answer };
}

/** Keeps the correction, audits it and, when it answers a dispute, closes the dispute as corrected. */
async function finish(
  ctx: AppContext,
  scope: Scope,
  what: { target: Target; targetId: string; operation: string; changes: Change[]; deleted: string | null },
  dispute: Dispute | null,
  answer: string,
): Promise<void> {
  const viewer = ctx.viewer!;
  const id = newId();
  await ctx.em.execute(
    `insert into record_correction (school_id, id, category, term_id, academic_year_id, student_id, target, target_id,
                                    action, changes, dispute_id, corrected_by, corrected_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)`,
    [
      viewer.schoolId,
      id,
      scope.category,
      scope.termId,
      scope.academicYearId,
      scope.studentId,
      what.target,
      what.targetId,
      what.deleted ? 'DELETE' : 'UPDATE',
      JSON.stringify(what.changes),
      dispute?.id ?? null,
      viewer.accountId,
      ctx.services.clock.now(),
    ],
  );
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: what.operation,
    targetIds: [what.targetId, scope.studentId, ...(dispute ? [dispute.id] : [])],
    // Which fields, not their values: the audit log is read by every office account and kept for good, while the
    // values before and after stay in record_correction with the record they belong to.
    detail: {
      category: scope.category,
      fields: what.changes.map((change) => change.label),
      ...(what.deleted ? { deleted: true } : {}),
      ...(dispute ? { dispute: true } : {}),
    },
  });
  if (dispute) {
    const summary = changeSummary(what.changes, what.deleted);
    await closeDispute(ctx, dispute, DisputeResolution.CORRECTED, answerWithSummary(answer, summary), {
      byCorrection: true,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 校內幹部 (基本資料)

const cadreFacts = (record: CadreFields): Record<string, string> => ({
  單位: record.unit,
  職稱: record.position,
  幹部等級: String(record.level),
  開始日期: formatRocCalendarDate(record.startsOn),
  結束日期: formatRocCalendarDate(record.endsOn),
});

const cadreLine = (record: CadreFields) =>
  `幹部紀錄「${record.unit} ${record.position}（${formatRocCalendarDate(record.startsOn)}–${formatRocCalendarDate(record.endsOn)}）」`;

async function cadreOf(ctx: AppContext, globalId: string): Promise<CadreRecord | null> {
  const id = idOfType(globalId, 'CadreRecord');
  return id ? ctx.em.findOne(CadreRecord, { id }) : null;
}

const CADRE_NOT_FOUND = () =>
  fail<never>('cadreRecordId', 'CADRE_RECORD_NOT_FOUND', '找不到這筆幹部紀錄，未做任何變更。');

/** 註冊組 or 訓育組 correct a cadre record (校內幹部, part of 基本資料) of a term not finally submitted. */
export async function updateCadreRecord(
  ctx: AppContext,
  input: CadreFields & CorrectionLink & { cadreRecordId: string },
): Promise<Result<CadreRecord>> {
  const record = await cadreOf(ctx, input.cadreRecordId);
  if (!record) return CADRE_NOT_FOUND();
  const scope = await termScope(ctx, SubmissionCategory.BASIC, record.term.id, record.student.id);
  const { error, dispute, answer } = await guard(ctx, scope, input, 'cadreRecordId');
  if (error) return { value: null, userErrors: [error] };
  const { values, errors } = checkCadreFields(input);
  if (errors.length > 0) return { value: null, userErrors: errors };
  const same = await ctx.em.count(CadreRecord, {
    id: { $ne: record.id },
    student: record.student.id,
    term: record.term.id,
    unit: values.unit,
    position: values.position,
    startsOn: values.startsOn,
  });
  if (same > 0) return { value: null, userErrors: [DUPLICATE_CADRE] };
  const before = cadreFacts(record);
  Object.assign(record, values);
  const changes = changesBetween(before, cadreFacts(record));
  if (changes.length === 0) return { value: null, userErrors: [NOTHING_CHANGED] };
  await ctx.em.flush();
  await finish(
    ctx,
    scope,
    { target: 'CADRE_RECORD', targetId: record.id, operation: 'cadre.update', changes, deleted: null },
    dispute,
    answer,
  );
  return { value: record, userErrors: [] };
}

/** 註冊組 or 訓育組 delete a cadre record that should not be there, before the term's final lock. */
export async function deleteCadreRecord(
  ctx: AppContext,
  input: CorrectionLink & { cadreRecordId: string },
): Promise<Result<{ id: string }>> {
  const record = await cadreOf(ctx, input.cadreRecordId);
  if (!record) return CADRE_NOT_FOUND();
  const scope = await termScope(ctx, SubmissionCategory.BASIC, record.term.id, record.student.id);
  const { error, dispute, answer } = await guard(ctx, scope, input, 'cadreRecordId');
  if (error) return { value: null, userErrors: [error] };
  const changes = Object.entries(cadreFacts(record)).map(([label, before]) => ({ label, before, after: '' }));
  const globalId = record.globalId;
  const deleted = cadreLine(record);
  ctx.em.remove(record);
  await ctx.em.flush();
  await finish(
    ctx,
    scope,
    { target: 'CADRE_RECORD', targetId: record.id, operation: 'cadre.delete', changes, deleted },
    dispute,
    answer,
  );
  return { value: { id: globalId }, userErrors: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// 修課紀錄

export interface EnrolmentValues {
  kind: EnrolmentKind;
  termGrade?: number | null;
  passed?: boolean | null;
  makeupGrade?: number | null;
  creditsCounted?: boolean | null;
  qualitativeNote?: string | null;
}

const yesNo = (value: boolean | null | undefined) => (value === null || value === undefined ? '' : value ? '是' : '否');
const grade = (value: number | string | null | undefined) =>
  value === null || value === undefined ? '' : String(Number(value));

const enrolmentFacts = (enrolment: EnrolmentValues): Record<string, string> => ({
  修課類別: ENROLMENT_KIND_LABELS[enrolment.kind],
  學期成績: grade(enrolment.termGrade),
  是否及格: yesNo(enrolment.passed),
  補考成績: grade(enrolment.makeupGrade),
  是否採計學分: yesNo(enrolment.creditsCounted),
  質性描述: enrolment.qualitativeNote ?? '',
});

/**
 * 註冊組 or 教學組 correct what the grades roster carries of one enrolment (修課類別, 學期成績, 是否及格, 補考成績,
 * 是否採計學分, 質性描述) before the term's final lock. 是否及格 left empty follows the term grade, as in grade entry.
 */
export async function correctEnrolment(
  ctx: AppContext,
  input: EnrolmentValues & CorrectionLink & { enrolmentId: string },
): Promise<Result<Enrolment>> {
  const id = idOfType(input.enrolmentId, 'Enrolment');
  const enrolment = id ? await ctx.em.findOne(Enrolment, { id }, { populate: ['section.course'] }) : null;
  if (!enrolment) return fail('enrolmentId', 'ENROLMENT_NOT_FOUND', '找不到這筆修課紀錄，未做任何變更。');
  const termId = enrolment.section.getEntity().course.getEntity().term.id;
  const scope = await termScope(ctx, SubmissionCategory.COURSE_RECORDS, termId, enrolment.student.id);
  const { error, dispute, answer } = await guard(ctx, scope, input, 'enrolmentId');
  if (error) return { value: null, userErrors: [error] };
  const note = input.qualitativeNote?.trim() || null;
  const errors = [
    gradeProblem(input.termGrade, 'termGrade', '學期成績'),
    gradeProblem(input.makeupGrade, 'makeupGrade', '補考成績'),
    note && [...note].length > MAX_NOTE_LENGTH
      ? userError('qualitativeNote', 'NOTE_TOO_LONG', `質性描述最多 ${MAX_NOTE_LENGTH} 個字。`)
      : null,
  ].filter((problem): problem is UserError => problem !== null);
  if (errors.length > 0) return { value: null, userErrors: errors };
  const before = enrolmentFacts(enrolment);
  const termGrade = input.termGrade ?? null;
  Object.assign(enrolment, {
    kind: input.kind,
    termGrade,
    passed: input.passed ?? (termGrade === null ? null : termGrade >= PASSING_GRADE),
    makeupGrade: input.makeupGrade ?? null,
    creditsCounted: input.creditsCounted ?? null,
    qualitativeNote: note,
  });
  const changes = changesBetween(before, enrolmentFacts(enrolment));
  if (changes.length === 0) return { value: null, userErrors: [NOTHING_CHANGED] };
  await ctx.em.flush();
  await finish(
    ctx,
    scope,
    { target: 'ENROLMENT', targetId: enrolment.id, operation: 'grades.correct', changes, deleted: null },
    dispute,
    answer,
  );
  return { value: enrolment, userErrors: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// 多元表現

async function performanceOf(ctx: AppContext, globalId: string): Promise<DiversePerformance | null> {
  const id = idOfType(globalId, 'DiversePerformance');
  return id ? ctx.em.findOne(DiversePerformance, { id }) : null;
}

const PERFORMANCE_NOT_FOUND = () =>
  fail<never>('performanceId', 'PERFORMANCE_NOT_FOUND', '找不到這筆多元表現，未做任何變更。');

/**
 * 訓育組 or 註冊組 correct a student's performance (its category, fields, 簡述 and link; the files stay the
 * student's) before the year's final lock, whether or not it was selected.
 */
export async function correctPerformance(
  ctx: AppContext,
  input: PerformanceText & CorrectionLink & { performanceId: string },
): Promise<Result<DiversePerformance>> {
  const performance = await performanceOf(ctx, input.performanceId);
  if (!performance) return PERFORMANCE_NOT_FOUND();
  const scope = await yearScope(ctx, performance.academicYear.id, performance.student.id);
  const { error, dispute, answer } = await guard(ctx, scope, input, 'performanceId');
  if (error) return { value: null, userErrors: [error] };
  const notOffered =
    input.category !== performance.category
      ? categoryNotOffered(input.category, ctx.services.config.portfolio.performanceCategories)
      : null;
  if (notOffered) return fail('category', notOffered.code, notOffered.message);
  const { values, errors } = checkPerformanceText(input);
  if (errors.length > 0) return { value: null, userErrors: errors };
  const before = performanceFacts(performance);
  Object.assign(performance, { category: input.category, ...values, updatedAt: ctx.services.clock.now() });
  const changes = changesBetween(before, performanceFacts(performance));
  if (changes.length === 0) return { value: null, userErrors: [NOTHING_CHANGED] };
  await ctx.em.flush();
  await finish(
    ctx,
    scope,
    {
      target: 'DIVERSE_PERFORMANCE',
      targetId: performance.id,
      operation: 'performance.correct',
      changes,
      deleted: null,
    },
    dispute,
    answer,
  );
  return { value: performance, userErrors: [] };
}

/** 訓育組 or 註冊組 delete a student's performance that should not be there, before the year's final lock. */
export async function deleteStudentPerformance(
  ctx: AppContext,
  input: CorrectionLink & { performanceId: string },
): Promise<Result<{ id: string }>> {
  const performance = await performanceOf(ctx, input.performanceId);
  if (!performance) return PERFORMANCE_NOT_FOUND();
  const scope = await yearScope(ctx, performance.academicYear.id, performance.student.id);
  const { error, dispute, answer } = await guard(ctx, scope, input, 'performanceId');
  if (error) return { value: null, userErrors: [error] };
  const facts = performanceFacts(performance);
  const changes = Object.entries(facts).map(([label, before]) => ({ label, before, after: '' }));
  const deleted = `多元表現「${facts['類別']}：${performance.title}」`;
  const globalId = performance.globalId;
  const performanceId = performance.id;
  ctx.em.remove(performance);
  await ctx.em.flush();
  await finish(
    ctx,
    scope,
    { target: 'DIVERSE_PERFORMANCE', targetId: performanceId, operation: 'performance.delete', changes, deleted },
    dispute,
    answer,
  );
  return { value: { id: globalId }, userErrors: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// The records a dispute is about

export interface DisputeRecords {
  dispute: Dispute;
  cadreRecords: CadreRecord[];
  enrolments: Enrolment[];
  performances: DiversePerformance[];
  /** The record the disputed row names, when one of the lists has it. */
  matchedId: string | null;
}

/**
 * The records a dispute may be about, for the section to open and correct: the student's records of the dispute's
 * kind and period, and which of them the disputed receipt row names (by the row's submitted values: the cadre's unit,
 * position and start, the enrolment's course code and kind, the performance's 名稱 and category). Course outcomes are
 * corrected by their student and teacher, not here.
 */
export async function disputeRecords(ctx: AppContext, disputeId: string): Promise<DisputeRecords | null> {
  const id = idOfType(disputeId, 'Dispute');
  const dispute = id ? await ctx.em.findOne(Dispute, { id }) : null;
  if (!dispute) return null;
  if (!maySubmit(ctx.viewer, dispute.category)) throw forbidden('查看這件疑義的資料');
  const empty: DisputeRecords = { dispute, cadreRecords: [], enrolments: [], performances: [], matchedId: null };
  const studentId = dispute.student?.id;
  if (!studentId) return empty;
  const row = await ctx.em.findOneOrFail(ReceiptRow, { id: dispute.receiptRow.id });
  const submitted = row.submissionRow ? await ctx.em.findOne(SubmissionRow, { id: row.submissionRow.id }) : null;
  const submission = await ctx.em.findOneOrFail(Submission, { id: row.submission.id });
  const columns = submitted ? (submission.rosterColumns?.[submitted.roster] ?? null) : null;
  const values = receiptRowValues(columns, submitted?.cells, row.keyFields);
  const value = (name: string) => (values[name] ?? '').trim();

  if (row.kind === ReceiptKind.CADRES) {
    const cadreRecords = await ctx.em.find(
      CadreRecord,
      { student: studentId, term: dispute.term.id },
      { orderBy: { startsOn: 'asc', id: 'asc' } },
    );
    const matched = cadreRecords.find(
      (r) =>
        r.unit === value('單位名稱') &&
        r.position === value('擔任職務') &&
        (!value('開始日期') || r.startsOn === value('開始日期')),
    );
    return { ...empty, cadreRecords, matchedId: matched?.globalId ?? null };
  }
  if (row.kind === ReceiptKind.COURSE_RECORDS) {
    const enrolments = await ctx.em.find(
      Enrolment,
      { student: studentId, section: { course: { term: dispute.term.id } } },
      { populate: ['section.course'], orderBy: { section: { course: { code: 'asc' } }, id: 'asc' } },
    );
    const matched = enrolments.find(
      (e) =>
        e.section.getEntity().course.getEntity().code === value('課程代碼') &&
        (!value('修課類別') || ENROLMENT_KIND_LABELS[e.kind] === value('修課類別')),
    );
    return { ...empty, enrolments, matchedId: matched?.globalId ?? null };
  }
  if (row.kind === ReceiptKind.PERFORMANCES) {
    const term = (await ctx.loaders.termById.load(dispute.term.id))!;
    const performances = await ctx.em.find(
      DiversePerformance,
      { student: studentId, academicYear: term.academicYear.id },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    // The row names the performance by its 名稱; its category is a column or the roster the row sits in.
    const named = performances.filter((p) => p.title === value('名稱'));
    const inCategory = (p: DiversePerformance) => {
      const label = PERFORMANCE_CATEGORY_LABELS[p.category];
      return Object.values(values).includes(label) || Boolean(submitted?.roster.includes(label.replace(/（.*$/, '')));
    };
    const matched = named.find(inCategory) ?? named[0];
    return { ...empty, performances, matchedId: matched?.globalId ?? null };
  }
  return empty;
}

/** Why the dispute's kind has no record to correct here, for the page to say. */
export const notCorrectableHere = (kind: ReceiptKind): string | null =>
  kind === ReceiptKind.COURSE_OUTCOMES
    ? `「${RECEIPT_KINDS[kind].label}」由學生更換檔案、任課教師重新認證，不在這裡更正。`
    : null;
