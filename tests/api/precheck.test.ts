import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';
import { csvFile, uploadImportFile } from '../support/uploads.js';
import { sheetRows, workbookOf } from '../support/workbooks.js';

const DAY = 24 * 3600_000;
const at = (days: number) => new Date(DEFAULT_TEST_NOW.getTime() + days * DAY);

let app: TestApp;
let city: TestCity;

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
});
afterAll(() => app.close());

const EXPORT = `mutation ($input: ExportPrecheckRosterInput!) {
  exportPrecheckRoster(input: $input) {
    precheckRun { id status rowCount rosterSha256 rosterSize rosterUrl viewerCanDownloadRoster }
    userErrors { code message }
  }
}`;
const SEND = `mutation ($input: SendPrecheckToCentralRepositoryInput!) {
  sendPrecheckToCentralRepository(input: $input) { resultFile { id fileName sha256 } userErrors { code message } }
}`;
const IMPORT = `mutation ($input: ImportPrecheckResultInput!) {
  importPrecheckResult(input: $input) {
    precheckRun { id status matchedCount mismatchCount resultSha256 resultFileName comparedAt }
    userErrors { code message }
  }
}`;
const RUNS = `query ($termId: ID!) {
  precheckRuns(termId: $termId) { nodes { id status rowCount createdAt createdBy { displayName } } }
}`;
const MISMATCHES = `query ($runId: ID!, $orderBy: PrecheckMismatchOrder, $courseCode: String, $studentId: ID, $first: Int, $after: String) {
  precheckMismatches(runId: $runId, orderBy: $orderBy, courseCode: $courseCode, studentId: $studentId, first: $first, after: $after) {
    nodes {
      kind studentId studentNumber studentName className nationalIdMasked courseCode courseName sectionName explanation
      rowNumber
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface RunFields {
  id: string;
  status: string;
  rowCount: number;
  rosterSha256: string;
  rosterSize: number;
  rosterUrl: string;
  viewerCanDownloadRoster: boolean;
}
interface ExportResult {
  exportPrecheckRoster: { precheckRun: RunFields | null; userErrors: { code: string; message: string }[] };
}
interface ImportResult {
  importPrecheckResult: {
    precheckRun: { id: string; status: string; matchedCount: number; mismatchCount: number } | null;
    userErrors: { code: string; message: string }[];
  };
}
interface MismatchRow {
  kind: string;
  studentId: string | null;
  studentNumber: string | null;
  studentName: string | null;
  className: string | null;
  nationalIdMasked: string | null;
  courseCode: string;
  courseName: string | null;
  sectionName: string | null;
  explanation: string | null;
}
interface MismatchResult {
  precheckMismatches: { nodes: MismatchRow[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

interface Setup {
  school: TestSchool;
  termId: string;
  registration: ApiClient;
  teaching: ApiClient;
}

/** A school with the PRECHECK window (open now by default) and two sections: six enrolments, with grades. */
async function setup(window: { startsAt: Date; endsAt: Date } = { startsAt: at(-1), endsAt: at(5) }): Promise<Setup> {
  const school = await city.school();
  await city.timeline([{ kind: TaskKind.PRECHECK, ...window }], [school]);
  const { term } = await app.factory.gradedSections(school);
  const registration = await app
    .client()
    .login(school.logins.registration.username, school.logins.registration.password);
  const teaching = await app.client().login(school.logins.teaching.username, school.logins.teaching.password);
  return { school, termId: toGlobalId('Term', term.id), registration, teaching };
}

const exportRoster = (client: ApiClient, termId: string) => client.ok<ExportResult>(EXPORT, { input: { termId } });

async function exported(client: ApiClient, termId: string): Promise<RunFields> {
  const result = await exportRoster(client, termId);
  expect(result.exportPrecheckRoster.userErrors).toEqual([]);
  return result.exportPrecheckRoster.precheckRun!;
}

async function sendToReference(client: ApiClient, precheckRunId: string) {
  const sent = await client.ok<{
    sendPrecheckToCentralRepository: {
      resultFile: { id: string; fileName: string; sha256: string } | null;
      userErrors: { code: string }[];
    };
  }>(SEND, { input: { precheckRunId } });
  expect(sent.sendPrecheckToCentralRepository.userErrors).toEqual([]);
  return sent.sendPrecheckToCentralRepository.resultFile!;
}

const importResult = (client: ApiClient, precheckRunId: string, uploadId: string) =>
  client.ok<ImportResult>(IMPORT, { input: { precheckRunId, uploadId } });

async function download(client: ApiClient, url: string) {
  const response = await fetch(`${app.url}${url}`, { headers: { authorization: `Bearer ${client.token}` } });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

function badCheckDigit(id: string): string {
  const last = Number(id.at(-1));
  return `${id.slice(0, -1)}${(last + 1) % 10}`;
}

/** What a refused import must leave as it was: the run's row and the school's mismatches. */
const stateOf = async (schoolId: string) => ({
  mismatches: (
    await app.sqlOne<{ n: number }>('select count(*)::int as n from precheck_mismatch where school_id = ?', [schoolId])
  ).n,
  runs: await app.sql<{ id: string; status: string; result_sha256: string | null }>(
    'select id, status, result_sha256 from precheck_run where school_id = ? order by created_at, id',
    [schoolId],
  ),
});

describe('pre-check (預檢)', () => {
  it('refuses to export outside the PRECHECK window and records nothing', async () => {
    const { school, termId, teaching } = await setup({ startsAt: at(2), endsAt: at(6) });
    const result = await exportRoster(teaching, termId);
    expect(result.exportPrecheckRoster.precheckRun).toBeNull();
    expect(result.exportPrecheckRoster.userErrors[0]!.code).toBe('WINDOW_NOT_OPEN');
    expect(result.exportPrecheckRoster.userErrors[0]!.message).toMatch(/預檢/);
    const runs = await app.sql('select 1 from precheck_run where school_id = ?', [school.school.id]);
    expect(runs).toHaveLength(0);
  });

  it('exports the roster without grades, first sheet 學校代碼/學年度/學期; records the run; only 註冊組 downloads it', async () => {
    const { school, termId, teaching, registration } = await setup();
    const run = await exported(teaching, termId);
    expect(run.status).toBe('EXPORTED');
    expect(run.rowCount).toBe(6);
    expect(run.viewerCanDownloadRoster).toBe(false);

    const recorded = await app.sqlOne<{ status: string; row_count: number; roster_sha256: string; term_id: string }>(
      'select status, row_count, roster_sha256, term_id from precheck_run where school_id = ?',
      [school.school.id],
    );
    expect(recorded).toMatchObject({ status: 'EXPORTED', row_count: 6, roster_sha256: run.rosterSha256 });
    const audit = await app.sql<{ operation: string }>(
      "select operation from audit_log where school_id = ? and operation = 'precheck.export'",
      [school.school.id],
    );
    expect(audit).toHaveLength(1);

    const runs = await registration.ok<{ precheckRuns: { nodes: { id: string; rowCount: number }[] } }>(RUNS, {
      termId,
    });
    expect(runs.precheckRuns.nodes.map((node) => node.id)).toEqual([run.id]);

    // 教學組 exported it but may not download it: the roster carries full national IDs.
    const refused = await download(teaching, run.rosterUrl);
    expect(refused.response.status).toBe(404);

    const { response, bytes } = await download(registration, run.rosterUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(run.rosterSha256);
    expect(bytes.length).toBe(run.rosterSize);
    const rows = await sheetRows(bytes);
    const header = rows[0]!;
    expect(header.slice(0, 6)).toEqual(['學校代碼', '學年度', '學期', '身分證號', '出生日期', '學號']);
    expect(header).toContain('課程代碼');
    for (const grade of ['學期成績', '是否及格', '補考成績', '是否採計學分', '質性描述']) {
      expect(header).not.toContain(grade);
    }
    const term = await app.sqlOne<{ year: number; semester: number }>(
      'select y.year, t.semester from term t join academic_year y on y.id = t.academic_year_id where t.id = ?',
      [Buffer.from(termId, 'base64url').toString().split(':')[1]],
    );
    expect(rows).toHaveLength(7);
    const ids = school.students.map((student) => app.services.pii.decrypt(student.nationalIdEncrypted));
    for (const row of rows.slice(1)) {
      expect(row.slice(0, 3)).toEqual([school.school.code, term.year, term.semester]);
      expect(ids).toContain(row[3]);
      expect(row).not.toContain(80);
    }
  });

  it('compares through the reference repository: a bad national ID is listed per student and course', async () => {
    const { school, termId, teaching, registration } = await setup();
    const bad = school.students[1]!;
    await app.sql('update student set national_id_encrypted = ? where id = ?', [
      app.services.pii.encrypt(badCheckDigit(app.services.pii.decrypt(bad.nationalIdEncrypted))),
      bad.id,
    ]);
    const badEnrolments = await app.sqlOne<{ n: number }>(
      'select count(*)::int as n from enrolment where student_id = ?',
      [bad.id],
    );
    const run = await exported(teaching, termId);

    // Only 註冊組 sends: the answer carries full national IDs and becomes the sender's upload.
    const teachingSend = await teaching.request(SEND, { input: { precheckRunId: run.id } });
    expect(teachingSend.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    const resultFile = await sendToReference(registration, run.id);
    const rows = await sheetRows(await app.services.files.read(resultFile.sha256));
    expect(rows[0]).toEqual(['學校代碼', '學年度', '學期', '身分證號', '學號', '課程代碼', '比對結果', '說明']);
    expect(rows.slice(1).filter((row) => row[6] === '不符')).toHaveLength(badEnrolments.n);

    const imported = (await importResult(registration, run.id, resultFile.id)).importPrecheckResult;
    expect(imported.userErrors).toEqual([]);
    expect(imported.precheckRun).toMatchObject({ status: 'COMPARED', matchedCount: 6 - badEnrolments.n });
    expect(imported.precheckRun!.mismatchCount).toBe(badEnrolments.n);

    // 教學組 reads the mismatches too: the student's name, 學號 and class, the course code, name and section.
    const listed = await teaching.ok<MismatchResult>(MISMATCHES, { runId: run.id });
    expect(listed.precheckMismatches.nodes).toHaveLength(badEnrolments.n);
    const studentClass = await app.sqlOne<{ name: string }>(
      'select k.name from school_class k join student s on s.class_id = k.id where s.id = ?',
      [bad.id],
    );
    for (const row of listed.precheckMismatches.nodes) {
      expect(row).toMatchObject({
        kind: 'MISMATCH',
        studentId: toGlobalId('Student', bad.id),
        studentNumber: bad.studentNumber,
        studentName: bad.name,
        className: studentClass.name,
      });
      expect(row.nationalIdMasked).toMatch(/^.{3}\*{4}.{3}$/);
      expect(row.courseCode).toHaveLength(23);
      expect(['物理', '國語文']).toContain(row.courseName);
      expect(row.sectionName).toBeTruthy();
      expect(row.explanation).toMatch(/身分證號.*檢查碼/);
    }
    // Per course: one course code, and ordered by course.
    const code = listed.precheckMismatches.nodes[0]!.courseCode;
    const byCourse = await teaching.ok<MismatchResult>(MISMATCHES, {
      runId: run.id,
      orderBy: 'COURSE',
      courseCode: code,
    });
    expect(byCourse.precheckMismatches.nodes.map((row) => row.courseCode)).toEqual([code]);
    const other = await teaching.ok<MismatchResult>(MISMATCHES, {
      runId: run.id,
      studentId: toGlobalId('Student', school.students[0]!.id),
    });
    expect(other.precheckMismatches.nodes).toEqual([]);
    // Keyset pages.
    const page = await teaching.ok<MismatchResult>(MISMATCHES, { runId: run.id, first: 1 });
    expect(page.precheckMismatches.pageInfo.hasNextPage).toBe(badEnrolments.n > 1);

    const audit = await app.sql<{ operation: string }>(
      "select operation from audit_log where school_id = ? and operation like 'precheck.%' order by operation",
      [school.school.id],
    );
    expect(audit.map((row) => row.operation)).toEqual([
      'precheck.export',
      'precheck.import',
      'precheck.send_reference',
    ]);
  });

  it('imports a CSV result with 中央查無 and 學校未列 rows', async () => {
    const { school, termId, teaching } = await setup();
    const run = await exported(teaching, termId);
    const roster = await sheetRows(await app.services.files.read(run.rosterSha256));
    const [head, ...data] = roster;
    const col = (name: string) => head!.indexOf(name);
    const csvRows = data.map((row, index) => [
      String(row[0]),
      String(row[1]),
      String(row[2]),
      String(row[col('身分證號')]),
      String(row[col('學號')]),
      String(row[col('課程代碼')]),
      index === 0 ? '中央查無' : '相符',
      index === 0 ? '中央資料庫無此學生的學籍資料' : '',
    ]);
    const first = data[0]!;
    const unknownCode = `${String(first[col('課程代碼')]).slice(0, 22)}Z`;
    csvRows.push([
      String(first[0]),
      String(first[1]),
      String(first[2]),
      String(first[col('身分證號')]),
      String(first[col('學號')]),
      unknownCode,
      '學校未列',
      '中央資料庫有此修課紀錄',
    ]);
    const file = csvFile([
      ['學校代碼', '學年度', '學期', '身分證號', '學號', '課程代碼', '比對結果', '說明'],
      ...csvRows,
    ]);
    const upload = await uploadImportFile(app.url, teaching, '比對結果.csv', file);
    const result = (await importResult(teaching, run.id, upload.id)).importPrecheckResult;
    expect(result.userErrors).toEqual([]);
    expect(result.precheckRun).toMatchObject({ matchedCount: 5, mismatchCount: 2 });
    const listed = await teaching.ok<MismatchResult>(MISMATCHES, { runId: run.id, orderBy: 'COURSE' });
    const kinds = listed.precheckMismatches.nodes.map((row) => [row.kind, row.courseCode, row.courseName]);
    expect(kinds).toContainEqual(['NOT_IN_CENTRAL', first[col('課程代碼')], expect.any(String)]);
    expect(kinds).toContainEqual(['NOT_LISTED_BY_SCHOOL', unknownCode, null]);
    expect(listed.precheckMismatches.nodes.every((row) => row.studentNumber === first[col('學號')])).toBe(true);
    expect(
      await app.sql('select 1 from precheck_mismatch where school_id = ? and student_id is null', [school.school.id]),
    ).toHaveLength(0);
  });

  it('refuses another school’s or term’s file, a truncated one, one for another run, and a duplicate, changing nothing', async () => {
    const { school, termId, registration } = await setup();
    const run = await exported(registration, termId);
    const resultFile = await sendToReference(registration, run.id);
    const bytes = await app.services.files.read(resultFile.sha256);
    const rows = await sheetRows(bytes);
    const before = await stateOf(school.school.id);

    const refuse = async (name: string, file: Buffer, code: string, runId = run.id) => {
      const upload = await uploadImportFile(app.url, registration, name, file);
      const result = (await importResult(registration, runId, upload.id)).importPrecheckResult;
      expect(result.precheckRun, code).toBeNull();
      expect(result.userErrors.map((error) => error.code)).toEqual([code]);
      return result.userErrors[0]!.message;
    };
    const otherSchool = rows.map((row, index) => (index === 0 ? row : ['999999', ...row.slice(1)]));
    expect(await refuse('a.xlsx', await workbookOf('預檢比對結果', otherSchool), 'PRECHECK_OTHER_SCHOOL')).toMatch(
      /未匯入任何資料/,
    );
    const otherTerm = rows.map((row, index) => (index === 0 ? row : [row[0]!, Number(row[1]) - 1, ...row.slice(2)]));
    expect(await refuse('b.xlsx', await workbookOf('預檢比對結果', otherTerm), 'PRECHECK_OTHER_TERM')).toMatch(
      /學年度/,
    );
    await refuse('c.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)), 'MALFORMED_XLSX');
    expect(await refuse('d.xlsx', await workbookOf('預檢比對結果', rows.slice(0, -2)), 'PRECHECK_INCOMPLETE')).toMatch(
      /2 筆/,
    );
    const foreignRow = rows.map((row, index) =>
      index === 1 ? [...row.slice(0, 5), `${String(row[5]).slice(0, 22)}Z`, ...row.slice(6)] : row,
    );
    await refuse('e.xlsx', await workbookOf('預檢比對結果', foreignRow), 'PRECHECK_OTHER_RUN');
    await refuse(
      'f.xlsx',
      await workbookOf(
        '預檢比對結果',
        rows.map((row) => row.slice(0, 6)),
      ),
      'NOT_A_PRECHECK_RESULT',
    );
    const oddVerdict = rows.map((row, index) => (index === 2 ? [...row.slice(0, 6), '不明', ''] : row));
    await refuse('g.xlsx', await workbookOf('預檢比對結果', oddVerdict), 'INVALID_PRECHECK_ROW');
    expect(await stateOf(school.school.id)).toEqual(before);

    // The real answer imports once, also when sent twice at the same moment; again (the same upload or the same
    // bytes), or into another run, it is refused.
    const [a, b] = await Promise.all([
      importResult(registration, run.id, resultFile.id),
      importResult(registration, run.id, resultFile.id),
    ]);
    const codes = [a, b].map((result) => result.importPrecheckResult.userErrors.map((error) => error.code));
    expect(codes.sort()).toEqual([[], ['PRECHECK_ALREADY_IMPORTED']]);
    const after = await stateOf(school.school.id);
    expect(after.runs[0]!.status).toBe('COMPARED');
    await refuse('same.xlsx', bytes, 'PRECHECK_ALREADY_IMPORTED');
    const again = (await importResult(registration, run.id, resultFile.id)).importPrecheckResult;
    expect(again.userErrors.map((error) => error.code)).toEqual(['PRECHECK_ALREADY_IMPORTED']);
    const second = await exported(registration, termId);
    await refuse('other-run.xlsx', bytes, 'PRECHECK_OTHER_RUN', second.id);
    const final = await stateOf(school.school.id);
    expect(final.mismatches).toBe(after.mismatches);
    expect(final.runs).toEqual([...after.runs, { id: expect.any(String), status: 'EXPORTED', result_sha256: null }]);

    // The database itself keeps a compared run as it is.
    await expect(
      app.sql("update precheck_run set status = 'EXPORTED' where school_id = ? and status = 'COMPARED'", [
        school.school.id,
      ]),
    ).rejects.toThrow(/EXPORTED to COMPARED/);
  });

  it('is 教學組’s and 註冊組’s: teachers and students are forbidden; file exchange answers FILE_EXCHANGE', async () => {
    const { school, termId, teaching, registration } = await setup();
    const run = await exported(teaching, termId);
    const teacher = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    const student = await app.client().login(school.logins.student.username, school.logins.student.password);
    for (const client of [teacher, student]) {
      const exportTry = await client.request(EXPORT, { input: { termId } });
      expect(exportTry.errors[0]?.extensions?.code).toBe('FORBIDDEN');
      const list = await client.request(RUNS, { termId });
      expect(list.errors[0]?.extensions?.code).toBe('FORBIDDEN');
      const mismatches = await client.request(MISMATCHES, { runId: run.id });
      expect(mismatches.errors[0]?.extensions?.code).toBe('FORBIDDEN');
      const send = await client.request(SEND, { input: { precheckRunId: run.id } });
      expect(send.errors[0]?.extensions?.code).toBe('FORBIDDEN');
      const node = await client.ok<{ node: unknown }>('query ($id: ID!) { node(id: $id) { id } }', { id: run.id });
      expect(node.node).toBeNull();
      expect((await download(client, run.rosterUrl)).response.status).toBe(404);
    }
    const can = `{ me { viewerCanPrecheck } }`;
    expect((await teaching.ok<{ me: { viewerCanPrecheck: boolean } }>(can)).me.viewerCanPrecheck).toBe(true);
    expect((await registration.ok<{ me: { viewerCanPrecheck: boolean } }>(can)).me.viewerCanPrecheck).toBe(true);
    expect((await teacher.ok<{ me: { viewerCanPrecheck: boolean } }>(can)).me.viewerCanPrecheck).toBe(false);

    const uploadsBefore = await app.sql('select 1 from upload where school_id = ?', [school.school.id]);
    app.services.config.centralGateway = 'file';
    try {
      const result = await registration.ok<{ sendPrecheckToCentralRepository: { userErrors: { code: string }[] } }>(
        SEND,
        { input: { precheckRunId: run.id } },
      );
      expect(result.sendPrecheckToCentralRepository.userErrors.map((error) => error.code)).toEqual(['FILE_EXCHANGE']);
    } finally {
      app.services.config.centralGateway = 'reference';
    }
    expect(await app.sql('select 1 from upload where school_id = ?', [school.school.id])).toHaveLength(
      uploadsBefore.length,
    );
  });
});
