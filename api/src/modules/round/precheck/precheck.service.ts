import { SubmissionCategory } from '../../../common/submission-category.js';
import { ref } from '@mikro-orm/core';
import type { AppContext } from '../../../common/context.js';
import { forbidden } from '../../../common/errors.js';
import { idOfType } from '../../../common/ids.js';
import { maskNationalId, normalizeNationalId } from '../../../common/national-id.js';
import { requireSnapshot } from '../../../common/request-transaction.plugin.js';
import { pgTextArray } from '../../../common/sql.js';
import { type Result, type UserError, userError } from '../../../common/user-error.js';
import { recordAudit } from '../../audit/audit.service.js';
import { keepBytes, storeAnswerAsUpload, XLSX_TYPE } from '../../files/generated-upload.js';
import { type FileUpload, UploadPurpose } from '../../files/upload.entity.js';
import { findAttachableUpload } from '../../files/upload.service.js';
import { FileProblem, OWN_FILE, readTabularFile } from '../../../common/tabular-file.js';
import { Student } from '../../people/student.entity.js';
import { UserAccount } from '../../people/user-account.entity.js';
import { centralGateway } from '../central/central-gateway.js';
import { mainEnrolmentRosterOf, readEnrolmentRoster } from '../central/rosters.js';
import { rosterWorkbook } from '../central/central-workbook.js';
import { rosterScopeOf } from '../roster-scope.js';
import { TaskKind } from '../../timeline/timeline.enums.js';
import { enrolmentKey, readPrecheckResult, PrecheckMismatchKind } from '../central/precheck-format.js';
import { PrecheckMismatch, PrecheckRun, PrecheckStatus } from '../precheck.entity.js';
import { mayPrecheck, maySendPrecheck } from '../round.permissions.js';
import { termArgument } from '../../term/term.service.js';

/** The pre-check compares the term's enrolments of every student: 修課紀錄, the regular round. */
const PRECHECK_ROUND = { category: SubmissionCategory.COURSE_RECORDS, grade12Round: false };

const RUN_NOT_FOUND = userError('precheckRunId', 'PRECHECK_RUN_NOT_FOUND', '找不到指定的預檢紀錄。');

const fileError = (code: string, message: string): Result<never> => ({
  value: null,
  userErrors: [userError('uploadId', code, message)],
});

async function runOf(ctx: AppContext, globalId: string): Promise<PrecheckRun | null> {
  const id = idOfType(globalId, 'PrecheckRun');
  return id ? ctx.em.findOne(PrecheckRun, { id }) : null;
}

/** The roster's file name: named after the division's ordinary enrolment roster (3_學生成績名冊, or 6_ at a 進修部). */
export const precheckRosterFileName = async (ctx: AppContext, run: PrecheckRun): Promise<string> => {
  const term = (await ctx.loaders.termById.load(run.term.id))!;
  const { schoolCode, year, semester } = await rosterScopeOf(ctx, term, PRECHECK_ROUND);
  const school = (await ctx.loaders.schoolById.load(ctx.viewer!.schoolId!))!;
  const roster = mainEnrolmentRosterOf(school.division);
  return `預檢名冊_${roster.slice(roster.lastIndexOf('/') + 1, -'.xlsx'.length)}_${schoolCode}_${year}${semester}.xlsx`;
};

/**
 * 匯出預檢名冊: the term's enrolments without grades (by `readEnrolmentRoster`, the query the submission's enrolment
 * rosters use: every enrolment those rosters carry, 3 or 6, 4 and 5, in one workbook) as an XLSX, inside the PRECHECK
 * window, read from one REPEATABLE READ snapshot (see request-transaction.plugin.ts), stored content-addressed,
 * recorded as a run and audited.
 */
export async function exportPrecheckRoster(ctx: AppContext, input: { termId: string }): Promise<Result<PrecheckRun>> {
  const viewer = ctx.viewer;
  if (!viewer?.schoolId || !mayPrecheck(viewer)) throw forbidden('匯出預檢名冊');
  const term = await termArgument(ctx, input.termId);

  await requireSnapshot(ctx.em, 'exportPrecheckRoster');
  const window = await ctx.services.windows.check(
    ctx.em,
    { period: { termId: term.id }, kind: TaskKind.PRECHECK },
    'termId',
  );
  if (window.userError) return { value: null, userErrors: [window.userError] };

  const scope = await rosterScopeOf(ctx, term, PRECHECK_ROUND);
  const roster = await readEnrolmentRoster(ctx.em, ctx.services.pii, scope, { withGrades: false });
  if (roster.rows.length === 0) {
    return {
      value: null,
      userErrors: [userError('termId', 'NO_ENROLMENTS', '這個學期還沒有任何修課資料，沒有可預檢的名冊。')],
    };
  }
  const now = ctx.services.clock.now();
  const bytes = await rosterWorkbook(roster, now);
  const sha256 = await keepBytes(ctx.services.files, bytes);
  const run = ctx.em.create(PrecheckRun, {
    school: viewer.schoolId,
    term: term.id,
    status: PrecheckStatus.EXPORTED,
    rosterSha256: sha256,
    rosterSize: bytes.length,
    rowCount: roster.rows.length,
    createdBy: ctx.em.getReference(UserAccount, viewer.accountId),
    createdAt: now,
  });
  await ctx.em.flush();
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'precheck.export',
    targetIds: [run.id, term.id],
    detail: { rosterSha256: sha256, rows: roster.rows.length },
  });
  return { value: run, userErrors: [] };
}

/**
 * 送中央比對: hands the stored roster to the configured gateway. The reference repository answers at once; its
 * comparison result file is stored as an IMPORT upload of the viewer, ready for `importPrecheckResult`. File
 * exchange answers with a userError telling staff to hand the roster over and import the result they get back.
 */
export async function sendPrecheckToCentralRepository(
  ctx: AppContext,
  input: { precheckRunId: string },
): Promise<Result<FileUpload>> {
  const viewer = ctx.viewer;
  if (!viewer?.schoolId || !maySendPrecheck(viewer)) throw forbidden('將預檢名冊送至中央資料庫');
  const run = await runOf(ctx, input.precheckRunId);
  if (!run) return { value: null, userErrors: [RUN_NOT_FOUND] };
  if (run.status === PrecheckStatus.COMPARED) {
    return {
      value: null,
      userErrors: [
        userError('precheckRunId', 'PRECHECK_ALREADY_COMPARED', '這次預檢已匯入比對結果；要再比對請重新匯出預檢名冊。'),
      ],
    };
  }
  const term = (await ctx.loaders.termById.load(run.term.id))!;
  const gateway = centralGateway(ctx.services.config.centralGateway, ctx.services.config.portfolio);
  const now = ctx.services.clock.now();
  const answer = await gateway.precheck({
    ...(await rosterScopeOf(ctx, term, PRECHECK_ROUND)),
    roster: await ctx.services.files.read(run.rosterSha256),
    at: now,
  });
  if (answer === null) {
    return {
      value: null,
      userErrors: [
        userError(
          'precheckRunId',
          'FILE_EXCHANGE',
          '本系統以檔案交換方式連接中央資料庫：請下載預檢名冊上傳至中央資料庫，收到比對結果後再於此匯入。',
        ),
      ],
    };
  }
  const upload = await storeAnswerAsUpload(ctx, { ...answer, contentType: XLSX_TYPE }, now);
  await ctx.em.flush();
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'precheck.send_reference',
    targetIds: [run.id, upload.id],
    detail: { matched: answer.matched, mismatched: answer.mismatched },
  });
  return { value: upload, userErrors: [] };
}

/**
 * 匯入比對結果: reads the central database's comparison result file for a run and stores its mismatches. The file
 * must be for the viewer's school and the run's term, and answer exactly this run's roster: every enrolment of the
 * roster once (a file that lacks some was cut off), and no enrolment the roster does not hold except 學校未列 rows
 * (otherwise it answers another run). A run takes one result; the same file again, here or for another run, is
 * refused. Every refusal writes nothing.
 */
export async function importPrecheckResult(
  ctx: AppContext,
  input: { precheckRunId: string; uploadId: string },
): Promise<Result<PrecheckRun>> {
  const viewer = ctx.viewer;
  if (!viewer?.schoolId || !mayPrecheck(viewer)) throw forbidden('匯入預檢比對結果');
  const runId = idOfType(input.precheckRunId, 'PrecheckRun');
  if (!runId) return { value: null, userErrors: [RUN_NOT_FOUND] };
  const { upload, error } = await findAttachableUpload(ctx, input.uploadId, UploadPurpose.IMPORT, 'uploadId');
  if (!upload) return { value: null, userErrors: [error!] };
  const sha256 = upload.sha256!;

  // One import per run, and per file, at a time: a concurrent second request waits and then sees the first one's.
  // Always the run's lock first, then the file's, so two requests cannot wait for each other.
  await ctx.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`precheck-run:${runId}`]);
  await ctx.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`precheck-file:${sha256}`]);
  const run = await ctx.em.findOne(PrecheckRun, { id: runId }, { refresh: true });
  if (!run) return { value: null, userErrors: [RUN_NOT_FOUND] };
  if (run.status === PrecheckStatus.COMPARED) {
    return run.resultSha256 === sha256
      ? fileError('PRECHECK_ALREADY_IMPORTED', '這個比對結果檔已匯入過這次預檢，未重複匯入。')
      : fileError('PRECHECK_ALREADY_COMPARED', '這次預檢已匯入另一個比對結果檔；要再比對請重新匯出預檢名冊。');
  }
  const [usedBy] = await ctx.em.execute<{ id: string }[]>(
    'select id from precheck_run where result_sha256 = ? limit 1',
    [sha256],
  );
  if (usedBy) {
    return fileError('PRECHECK_OTHER_RUN', '這個比對結果檔已匯入另一次預檢，不能再匯入這一次，未匯入任何資料。');
  }

  let table;
  try {
    table = await readTabularFile(await ctx.services.files.read(sha256), ctx.services.config.imports);
  } catch (problem) {
    if (problem instanceof FileProblem) return fileError(problem.code, problem.message);
    throw problem;
  }
  const read = readPrecheckResult(table);
  if (!('rows' in read)) return fileError(read.code, read.message);
  const term = (await ctx.loaders.termById.load(run.term.id))!;
  const scope = await rosterScopeOf(ctx, term, PRECHECK_ROUND);
  if (read.rows.some((row) => row.schoolCode !== scope.schoolCode)) {
    return fileError(
      'PRECHECK_OTHER_SCHOOL',
      `這份比對結果不是本校（學校代碼 ${scope.schoolCode}）的，未匯入任何資料。`,
    );
  }
  if (read.rows.some((row) => row.year !== String(scope.year) || row.semester !== String(scope.semester))) {
    return fileError(
      'PRECHECK_OTHER_TERM',
      `這份比對結果不是 ${scope.year} 學年度第 ${scope.semester} 學期的，未匯入任何資料。`,
    );
  }
  const problem = await answersRoster(ctx, run, read.rows);
  if (problem) return { value: null, userErrors: [problem] };

  const mismatches = read.rows.filter((row) => row.kind !== null);
  const places = await placesOf(
    ctx,
    term.id,
    mismatches.map((row) => ({ studentNumber: row.studentNumber, nationalId: row.nationalId, code: row.courseCode })),
  );
  mismatches.forEach((row, index) => {
    const place = places[index]!;
    const studentNumber = place.studentNumber ?? (row.studentNumber || null);
    const nationalId = normalizeNationalId(row.nationalId);
    ctx.em.create(PrecheckMismatch, {
      school: viewer.schoolId!,
      run,
      rowNumber: row.rowNumber,
      kind: row.kind!,
      student: place.studentId,
      studentNumber,
      nationalIdMasked: nationalId ? maskNationalId(nationalId) : null,
      courseCode: row.courseCode,
      course: place.courseId,
      section: place.sectionId,
      explanation: row.explanation || null,
      byStudent: sortKey(studentNumber, row.courseCode, row.rowNumber),
      byCourse: sortKey(row.courseCode, studentNumber, row.rowNumber),
    });
  });
  run.status = PrecheckStatus.COMPARED;
  run.resultUpload = ref(upload);
  run.resultFileName = upload.fileName;
  run.resultSha256 = sha256;
  run.comparedBy = ctx.em.getReference(UserAccount, viewer.accountId, { wrapped: true });
  run.comparedAt = ctx.services.clock.now();
  run.matchedCount = read.rows.length - mismatches.length;
  run.mismatchCount = mismatches.length;
  await ctx.em.flush();
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'precheck.import',
    targetIds: [run.id, upload.id],
    detail: {
      resultSha256: sha256,
      matched: run.matchedCount,
      mismatched: run.mismatchCount,
      byKind: Object.fromEntries(
        Object.values(PrecheckMismatchKind).map((kind) => [kind, mismatches.filter((row) => row.kind === kind).length]),
      ),
    },
  });
  return { value: run, userErrors: [] };
}

/** Empty values sort last; the row number keeps one student's rows of one course in file order. \u0001 separates (text holds no NUL). */
const sortKey = (first: string | null, second: string | null, rowNumber: number): string =>
  [first ?? '\uffff', second ?? '\uffff', String(rowNumber).padStart(9, '0')].join('\u0001');

/**
 * Whether the result answers exactly this run's roster (read back from the stored file): each enrolment once, none
 * it does not hold. 學校未列 rows are by definition not in the roster.
 */
async function answersRoster(
  ctx: AppContext,
  run: PrecheckRun,
  rows: { kind: PrecheckMismatchKind | null; nationalId: string; courseCode: string; rowNumber: number }[],
): Promise<UserError | null> {
  const roster = await readTabularFile(await ctx.services.files.read(run.rosterSha256), OWN_FILE);
  const at = (name: string) => roster.headers.indexOf(name);
  const open = new Map<string, number>();
  for (const row of roster.rows) {
    const key = enrolmentKey(row.cells[at('身分證號')]?.text ?? '', row.cells[at('課程代碼')]?.text ?? '');
    open.set(key, (open.get(key) ?? 0) + 1);
  }
  for (const row of rows) {
    if (row.kind === PrecheckMismatchKind.NOT_LISTED_BY_SCHOOL) continue;
    const key = enrolmentKey(row.nationalId, row.courseCode);
    const left = open.get(key) ?? 0;
    if (left === 0) {
      return userError(
        'uploadId',
        'PRECHECK_OTHER_RUN',
        `比對結果第 ${row.rowNumber} 列的修課資料不在這次預檢的名冊中，這份檔案可能是另一次預檢的結果，未匯入任何資料。`,
      );
    }
    open.set(key, left - 1);
  }
  const unanswered = [...open.values()].reduce((sum, left) => sum + left, 0);
  if (unanswered > 0) {
    return userError(
      'uploadId',
      'PRECHECK_INCOMPLETE',
      `比對結果少了名冊中的 ${unanswered} 筆修課資料，檔案可能不完整，未匯入任何資料。`,
    );
  }
  return null;
}

interface Place {
  studentId: string | null;
  studentNumber: string | null;
  courseId: string | null;
  sectionId: string | null;
}

/**
 * The student, course and section each result row is about, with a constant number of statements: students by
 * 學號 (the roster carries it), else by the national ID's digest; courses by code in the term; the section by the
 * student's enrolment in that course.
 */
async function placesOf(
  ctx: AppContext,
  termId: string,
  rows: { studentNumber: string; nationalId: string; code: string }[],
): Promise<Place[]> {
  const numbers = [...new Set(rows.map((row) => row.studentNumber).filter(Boolean))];
  const byNumber = new Map(
    (numbers.length > 0 ? await ctx.em.find(Student, { studentNumber: { $in: numbers } }) : []).map((s) => [
      s.studentNumber,
      s,
    ]),
  );
  const digests = [
    ...new Set(
      rows
        .filter((row) => !byNumber.has(row.studentNumber))
        .map((row) => ctx.services.pii.digest(normalizeNationalId(row.nationalId))),
    ),
  ];
  const byDigest = new Map(
    (digests.length > 0 ? await ctx.em.find(Student, { nationalIdDigest: { $in: digests } }) : []).map((s) => [
      s.nationalIdDigest,
      s,
    ]),
  );
  const codes = [...new Set(rows.map((row) => row.code))];
  const enrolments =
    codes.length > 0
      ? await ctx.em.execute<
          { course_id: string; code: string; section_id: string | null; student_id: string | null }[]
        >(
          `select c.id as course_id, c.code, e.section_id, e.student_id
           from course c
           left join course_section cs on cs.school_id = c.school_id and cs.course_id = c.id
           left join enrolment e on e.school_id = cs.school_id and e.section_id = cs.id
           where c.term_id = ? and c.code = any(?::text[])`,
          [termId, pgTextArray(codes)],
        )
      : [];
  const courses = new Map<string, { courseId: string; sections: Map<string, string> }>();
  for (const row of enrolments) {
    const course = courses.get(row.code) ?? { courseId: row.course_id, sections: new Map<string, string>() };
    if (row.student_id && row.section_id) course.sections.set(row.student_id, row.section_id);
    courses.set(row.code, course);
  }
  return rows.map((row) => {
    const student =
      byNumber.get(row.studentNumber) ?? byDigest.get(ctx.services.pii.digest(normalizeNationalId(row.nationalId)));
    const course = courses.get(row.code);
    return {
      studentId: student?.id ?? null,
      studentNumber: student?.studentNumber ?? null,
      courseId: course?.courseId ?? null,
      sectionId: (student && course?.sections.get(student.id)) ?? null,
    };
  });
}
