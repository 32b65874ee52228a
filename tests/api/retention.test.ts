import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { utimes } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/src/common/config.js';
import { storageKeyOf } from '../../api/src/modules/files/file-storage.js';
import { keepBytes } from '../../api/src/modules/files/generated-upload.js';
import { collectLeftovers } from '../../api/src/modules/files/leftover-collection.js';
import { applyRetention, type RetentionRun } from '../../api/src/modules/retention/retention-job.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { withClient } from '../support/pg-client.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';
import { testDatabaseUrl } from '../support/test-database.js';

/**
 * The retention job works in every school at once, so these tests run in a database of their own (as the leftover
 * collection's do). The clock is DEFAULT_TEST_NOW (115學年度第1學期): with the default policy, students who left
 * before about 2021-11-28 are past the 5-year kinds and those who left before 2025-11-28 past counseling's year.
 */
let admin: pg.Client;
let databaseName: string;
let databaseUrl: string;
let app: TestApp;
let city: TestCity;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  databaseName = `retention_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${databaseName}`);
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${databaseName}`;
  databaseUrl = url.toString();
  app = await startTestApp({ DATABASE_URL: databaseUrl }, DEFAULT_TEST_NOW);
  city = await app.factory.city();
});

afterAll(async () => {
  await app?.close();
  await admin.query(`drop database if exists ${databaseName} with (force)`);
  await admin.end();
});

const OLD = '2020-06-30T12:00:00+08:00';
const RECENT = '2025-06-30T12:00:00+08:00';

const accountId = (s: TestSchool, username: string) => s.accounts.find((a) => a.username === username)!.id;

interface Terms {
  current: string;
  currentYear: string;
  previous: string;
  previousYear: string;
}

async function termsOf(s: TestSchool): Promise<Terms> {
  const current = app.factory.currentTerm(s);
  const rows = await app.sql<{ id: string; academic_year_id: string; year: number }>(
    `select t.id, t.academic_year_id, y.year from term t join academic_year y on y.school_id = t.school_id
       and y.id = t.academic_year_id where t.school_id = ? order by y.year, t.semester`,
    [s.school.id],
  );
  const currentRow = rows.find((row) => row.id === current.id)!;
  const previous = rows.find((row) => row.year === currentRow.year - 1)!;
  return {
    current: current.id,
    currentYear: currentRow.academic_year_id,
    previous: previous.id,
    previousYear: previous.academic_year_id,
  };
}

async function setStatus(studentId: string, status: string, since: string): Promise<void> {
  await app.sql('update student set status = ?, status_changed_at = ? where id = ?', [status, since, studentId]);
}

async function outcomeUploads(s: TestSchool): Promise<Map<string, { uploadId: string; sha256: string }>> {
  const rows = await app.sql<{ student_id: string; upload_id: string; sha256: string }>(
    `select o.student_id, v.document_upload_id as upload_id, u.sha256 from course_outcome o
       join course_outcome_version v on v.school_id = o.school_id and v.outcome_id = o.id
       join upload u on u.school_id = v.school_id and u.id = v.document_upload_id
     where o.school_id = ?`,
    [s.school.id],
  );
  return new Map(rows.map((row) => [row.student_id, { uploadId: row.upload_id, sha256: row.sha256 }]));
}

async function performance(s: TestSchool, studentId: string, yearId: string): Promise<string> {
  const id = randomUUID();
  await app.sql(
    `insert into diverse_performance (school_id, id, student_id, academic_year_id, category, title, details, description,
                                      created_at, updated_at)
     values (?, ?, ?, ?, 'COMPETITION', '科展', '{}', '參加科展', now(), now())`,
    [s.school.id, id, studentId, yearId],
  );
  return id;
}

async function zip(label: string): Promise<{ sha256: string; size: number }> {
  const bytes = Buffer.from(`PK retention test package ${label} ${randomUUID()}`);
  return { sha256: await keepBytes(app.services.files, bytes), size: bytes.length };
}

async function submission(
  s: TestSchool,
  termId: string,
  category: string,
  students: (string | null)[],
): Promise<{ id: string; sha256: string; rows: Map<string | null, string> }> {
  const id = randomUUID();
  const file = await zip(category);
  await app.sql(
    `insert into submission (school_id, id, term_id, category, idempotency_key, status, row_counts, zip_sha256,
                             zip_size, created_by, created_at)
     values (?, ?, ?, ?, ?, 'SUBMITTED', '{}', ?, ?, ?, now())`,
    [s.school.id, id, termId, category, randomUUID(), file.sha256, file.size, s.accounts[0]!.id],
  );
  const rows = new Map<string | null, string>();
  for (const [index, studentId] of students.entries()) {
    const rowId = randomUUID();
    rows.set(studentId, rowId);
    await app.sql(
      `insert into submission_row (school_id, id, submission_id, roster, row_number, student_id, cells)
       values (?, ?, ?, '2_學生資料名冊', ?, ?, '[]')`,
      [s.school.id, rowId, id, index + 1, studentId],
    );
  }
  return { id, sha256: file.sha256, rows };
}

/** A receipt list for a submission with one row answering the given submitted row, and the student's review. */
async function receiptRow(
  s: TestSchool,
  submissionId: string,
  submittedRowId: string,
  studentId: string,
): Promise<string> {
  const file = await zip('receipt');
  const uploadId = randomUUID();
  const importId = randomUUID();
  const rowId = randomUUID();
  const staff = s.accounts[0]!.id;
  await app.sql(
    `insert into upload (school_id, id, purpose, file_name, declared_size, created_by, created_at, expires_at, sha256,
                         size, content_type, stored_at)
     values (?, ?, 'IMPORT', '收訖明細.xlsx', ?, ?, now(), now(), ?, ?, 'application/octet-stream',
             now() - interval '2 days')`,
    [s.school.id, uploadId, file.size, staff, file.sha256, file.size],
  );
  await app.sql(
    `insert into receipt_import (school_id, id, submission_id, kind, upload_id, file_name, file_sha256, received_count,
                                 rejected_count, flagged_count, created_by, created_at)
     values (?, ?, ?, 'CADRES', ?, '收訖明細.xlsx', ?, 1, 0, 0, ?, now())`,
    [s.school.id, importId, submissionId, uploadId, file.sha256, staff],
  );
  await app.sql(
    `insert into receipt_row (school_id, id, receipt_import_id, submission_id, kind, row_number, submission_row_id,
                              student_id, key_fields, status, reconciliation)
     values (?, ?, ?, ?, 'CADRES', 2, ?, ?, '{}', 'RECEIVED', 'OK')`,
    [s.school.id, rowId, importId, submissionId, submittedRowId, studentId],
  );
  await app.sql(
    `insert into receipt_review (school_id, id, receipt_row_id, student_id, decision, decided_by, decided_at)
     values (?, gen_random_uuid(), ?, ?, 'CORRECT', ?, now())`,
    [s.school.id, rowId, studentId, staff],
  );
  return rowId;
}

const REPORT = `query {
  retentionReport {
    asOf asOfRoc
    kinds { kind kindLabel rowLabel days enabled cutoff cutoffRoc dueRows dueStudents dueFiles heldRows heldStudents inUseRows }
  }
}`;

interface KindReport {
  kind: string;
  kindLabel: string;
  days: number;
  enabled: boolean;
  cutoffRoc: string | null;
  dueRows: number;
  dueStudents: number;
  dueFiles: number;
  heldRows: number;
  heldStudents: number;
  inUseRows: number;
}

const byKind = (kinds: KindReport[]) => Object.fromEntries(kinds.map((kind) => [kind.kind, kind]));

async function reportOf(s: TestSchool): Promise<Record<string, KindReport>> {
  const staff = await app.client().login(s.logins.registration.username, s.logins.registration.password);
  const data = await staff.ok<{ retentionReport: { kinds: KindReport[] } }>(REPORT);
  return byKind(data.retentionReport.kinds);
}

const count = async (table: string, where: string, params: unknown[]) =>
  (await app.sqlOne<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`, params)).n;

const deletedIn = (run: RetentionRun, schoolId: string) =>
  Object.fromEntries(run.deletions.filter((d) => d.schoolId === schoolId).map((d) => [d.kind, d]));

describe('retention after graduation or leaving', () => {
  let a: TestSchool;
  let b: TestSchool;
  let aTerms: Terms;
  let g1: string; // graduated six years ago: past every period
  let g2: string; // graduated a year and a half ago: past counseling's year only
  let e: string; // enrolled
  let t: string; // transferred out six years ago; last year's data not finally submitted
  let packages: {
    p0: { id: string; sha256: string };
    p1: { id: string; sha256: string };
    p2: { id: string; sha256: string };
  };
  let receiptOfG1: string;
  let receiptOfE: string;
  let performanceOfG1: string;
  let performanceOfT: string;
  let groupRecord: string;
  let ownRecord: string;
  let uploadsBefore: Map<string, { uploadId: string; sha256: string }>;
  let bOutcomes: number;

  beforeAll(async () => {
    a = await city.school();
    b = await city.school();
    aTerms = await termsOf(a);
    [g1, g2, e, t] = a.students.map((student) => student.id) as [string, string, string, string];
    const teacher = a.accounts.find((account) => account.username === a.logins.teacher.username)!;

    // This year's course records and outcomes (one each, with a stored document), finally submitted for the year.
    const [section] = await app.factory.sections(a, [{ subjectName: '物理', teacher, students: a.students }]);
    await app.factory.outcomes(a, section!, 1, teacher.id);
    // E's outcome names the same content as G1's: the bytes must outlive G1's upload row.
    const uploads = await outcomeUploads(a);
    await app.sql('update upload set sha256 = ? where id = ?', [uploads.get(g1)!.sha256, uploads.get(e)!.uploadId]);
    await app.sql("update upload set stored_at = now() - interval '2 days' where school_id = ?", [a.school.id]);
    uploadsBefore = await outcomeUploads(a);

    performanceOfG1 = await performance(a, g1, aTerms.currentYear);
    await performance(a, g2, aTerms.currentYear);
    await performance(a, e, aTerms.currentYear);
    // Last year's, of the student who left: that year is not finally submitted, so it is held back.
    performanceOfT = await performance(a, t, aTerms.previousYear);

    const counselor = accountId(a, a.logins.counselor.username);
    groupRecord = randomUUID();
    ownRecord = randomUUID();
    await app.sql(
      `insert into counseling_record (school_id, id, counselor_id, kind, held_on, topic, content)
       values (?, ?, ?, 'GROUP', '2026-10-01', '選課說明', '團體諮詢的內容'),
              (?, ?, ?, 'INDIVIDUAL', '2026-10-02', '升學', '個別諮詢的內容')`,
      [a.school.id, groupRecord, counselor, a.school.id, ownRecord, counselor],
    );
    await app.sql(
      `insert into counseling_participant (school_id, id, record_id, student_id)
       select ?, gen_random_uuid(), r, s from (values (?::uuid, ?::uuid), (?, ?), (?, ?), (?, ?)) v(r, s)`,
      [a.school.id, groupRecord, g1, groupRecord, g2, groupRecord, e, ownRecord, g1],
    );

    await app.sql(
      `insert into cadre_record (school_id, id, student_id, term_id, unit, position, level, starts_on, ends_on)
       values (?, gen_random_uuid(), ?, ?, '班級', '班長', 1, '2026-09-01', '2027-01-20'),
              (?, gen_random_uuid(), ?, ?, '班級', '副班長', 1, '2025-09-01', '2026-01-20')`,
      [a.school.id, g1, aTerms.current, a.school.id, t, aTerms.previous],
    );

    // Packages: P1 (基本資料) carries G1 and a row about no student, P2 (修課紀錄) G1 and E, P0 last year's T.
    const p1 = await submission(a, aTerms.current, 'BASIC', [g1, null]);
    const p2 = await submission(a, aTerms.current, 'COURSE_RECORDS', [g1, e]);
    const p0 = await submission(a, aTerms.previous, 'BASIC', [t]);
    packages = { p0, p1, p2 };
    receiptOfG1 = await receiptRow(a, p1.id, p1.rows.get(g1)!, g1);
    receiptOfE = await receiptRow(a, p2.id, p2.rows.get(e)!, e);
    // Last year's 基本資料 is finally submitted by its lock; this year's terms are marked finalized.
    await app.sql(
      `insert into final_lock (school_id, id, term_id, category, submission_id, locked_by, locked_at)
       values (?, gen_random_uuid(), ?, 'BASIC', ?, ?, now())`,
      [a.school.id, aTerms.previous, p0.id, a.accounts[0]!.id],
    );
    await app.sql('update term set finalized_at = now() where school_id = ? and academic_year_id = ?', [
      a.school.id,
      aTerms.currentYear,
    ]);

    await setStatus(g1, 'GRADUATED', OLD);
    await setStatus(g2, 'GRADUATED', RECENT);
    await setStatus(t, 'TRANSFERRED', '2020-02-01T12:00:00+08:00');

    // School B: a graduate of long ago whose year is not finally submitted, and an enrolled student.
    const bTeacher = b.accounts.find((account) => account.username === b.logins.teacher.username)!;
    const [bSection] = await app.factory.sections(b, [
      { subjectName: '化學', teacher: bTeacher, students: b.students },
    ]);
    bOutcomes = await app.factory.outcomes(b, bSection!, 1, bTeacher.id);
    await app.sql("update upload set stored_at = now() - interval '2 days' where school_id = ?", [b.school.id]);
    await setStatus(b.students[0]!.id, 'GRADUATED', OLD);
  });

  it('reports what the next run deletes, holds back and keeps, then deletes exactly that', async () => {
    const before = await reportOf(a);
    expect(before.COURSE_OUTCOMES).toMatchObject({
      days: 1826,
      enabled: true,
      dueRows: 2,
      dueStudents: 2,
      dueFiles: 2,
    });
    expect(before.COURSE_OUTCOMES!.cutoffRoc).toMatch(/^110\/11\/2[78]$/);
    expect(before.PERFORMANCES).toMatchObject({ dueRows: 1, dueStudents: 1, heldRows: 1, heldStudents: 1 });
    expect(before.COUNSELING).toMatchObject({ days: 365, dueRows: 3, dueStudents: 2, heldRows: 0 });
    expect(before.CADRE_RECORDS).toMatchObject({ dueRows: 2, dueStudents: 2 });
    expect(before.RECEIPTS).toMatchObject({ dueRows: 1, dueStudents: 1 });
    expect(before.SUBMISSION_PACKAGES).toMatchObject({ dueRows: 3, dueStudents: 2, dueFiles: 2, inUseRows: 0 });
    expect(before.COURSE_RECORDS).toMatchObject({ dueRows: 2, dueStudents: 2, inUseRows: 0 });
    expect(before.COURSE_RECORDS!.kindLabel).toBe('修課紀錄（選課與成績）');

    // The other school's report is its own: a graduate's outcome held back, nothing due.
    const other = await reportOf(b);
    expect(other.COURSE_OUTCOMES).toMatchObject({ dueRows: 0, heldRows: 1, heldStudents: 1 });

    // The bureau sees both schools, as counts.
    const bureau = await app.client().login(city.bureauLogin.username, city.bureauLogin.password);
    const cityReport = await bureau.ok<{
      cityRetentionReport: { schoolId: string; schoolCode: string; divisionLabel: string; kinds: KindReport[] }[];
    }>(`query { cityRetentionReport { schoolId schoolCode divisionLabel kinds { kind dueRows heldRows } } }`);
    expect(cityReport.cityRetentionReport).toHaveLength(2);
    const cityA = cityReport.cityRetentionReport.find((row) => row.schoolCode === a.school.code)!;
    expect(byKind(cityA.kinds).COURSE_OUTCOMES).toMatchObject({ dueRows: 2, heldRows: 0 });

    // First a run with 多元表現 switched off (RETENTION_PERFORMANCES_DAYS=off): every other kind goes, not that one.
    const offConfig = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, RETENTION_PERFORMANCES_DAYS: 'off' });
    expect(offConfig.retention.performancesDays).toBe(0);
    const firstRun = await applyRetention({
      ...app.services,
      config: { ...app.services.config, retention: offConfig.retention },
    });
    expect(firstRun.failures).toEqual([]);
    const first = deletedIn(firstRun, a.school.id);
    expect(first.PERFORMANCES).toBeUndefined();
    expect(await count('diverse_performance', 'id = ?', [performanceOfG1])).toBe(1);
    const midway = await reportOf(a);
    expect(midway.PERFORMANCES).toMatchObject({ dueRows: 1, heldRows: 1 });

    const secondRun = await applyRetention(app.services);
    expect(secondRun.failures).toEqual([]);
    const second = deletedIn(secondRun, a.school.id);
    // What was reported is what went, kind by kind.
    const deleted = { ...first, ...second };
    for (const [kind, reported] of Object.entries(before)) {
      if (!reported.enabled || reported.dueRows === 0) {
        expect(deleted[kind], kind).toBeUndefined();
        continue;
      }
      expect({
        kind,
        rows: deleted[kind]!.rows,
        students: deleted[kind]!.students,
        files: deleted[kind]!.files,
      }).toEqual({ kind, rows: reported.dueRows, students: reported.dueStudents, files: reported.dueFiles });
    }
    // Nothing of school B went.
    expect(secondRun.deletions.filter((d) => d.schoolId === b.school.id)).toEqual([]);
    expect(firstRun.deletions.filter((d) => d.schoolId === b.school.id)).toEqual([]);

    const after = await reportOf(a);
    for (const kind of Object.values(after)) expect(kind.dueRows, kind.kind).toBe(0);
    expect(after.PERFORMANCES).toMatchObject({ heldRows: 1, heldStudents: 1 });
  });

  it('left the recent graduate and the enrolled student everything but what their policy ended', async () => {
    const of = (table: string, student: string) =>
      count(table, 'school_id = ? and student_id = ?', [a.school.id, student]);
    for (const student of [g1, t]) {
      expect(await of('course_outcome', student)).toBe(0);
      expect(await of('enrolment', student)).toBe(0);
      expect(await of('cadre_record', student)).toBe(0);
      expect(await of('counseling_participant', student)).toBe(0);
      expect(await of('submission_row', student)).toBe(0);
    }
    expect(await of('diverse_performance', g1)).toBe(0);
    expect(await count('diverse_performance', 'id = ?', [performanceOfT])).toBe(1);
    // The recent graduate keeps all but the counseling records (a year); the enrolled student keeps everything.
    expect(await of('course_outcome', g2)).toBe(1);
    expect(await of('enrolment', g2)).toBe(1);
    expect(await of('diverse_performance', g2)).toBe(1);
    expect(await of('counseling_participant', g2)).toBe(0);
    for (const table of [
      'course_outcome',
      'enrolment',
      'diverse_performance',
      'counseling_participant',
      'submission_row',
    ]) {
      expect(await of(table, e), table).toBe(1);
    }
    // The group record stays for the student still in it; the individual one went with its only student.
    expect(await count('counseling_record', 'id = ?', [groupRecord])).toBe(1);
    expect(await count('counseling_record', 'id = ?', [ownRecord])).toBe(0);
    expect(await count('receipt_row', 'id = ?', [receiptOfG1])).toBe(0);
    expect(await count('receipt_review', 'receipt_row_id = ?', [receiptOfG1])).toBe(0);
    expect(await count('receipt_row', 'id = ?', [receiptOfE])).toBe(1);
    // A package goes when no student row is left in it; one that still carries E stays.
    const removed = await app.sql<{ id: string; package_removed_at: Date | null }>(
      'select id, package_removed_at from submission where school_id = ?',
      [a.school.id],
    );
    const removedAt = new Map(removed.map((row) => [row.id, row.package_removed_at]));
    expect(removedAt.get(packages.p1.id)).not.toBeNull();
    expect(removedAt.get(packages.p0.id)).not.toBeNull();
    expect(removedAt.get(packages.p2.id)).toBeNull();
    // The submission rows themselves stay (final locks and receipt lists name them); the row about no student too.
    expect(await count('submission_row', 'submission_id = ? and student_id is null', [packages.p1.id])).toBe(1);
    // School B untouched.
    expect(await count('course_outcome', 'school_id = ?', [b.school.id])).toBe(bOutcomes);
  });

  it('deletes the upload rows, and the bytes only where no other row names the same content', async () => {
    const uploadGone = async (id: string) => (await count('upload', 'id = ?', [id])) === 0;
    expect(await uploadGone(uploadsBefore.get(g1)!.uploadId)).toBe(true);
    expect(await uploadGone(uploadsBefore.get(t)!.uploadId)).toBe(true);
    expect(await uploadGone(uploadsBefore.get(e)!.uploadId)).toBe(false);

    const filePath = (sha256: string) => path.join(app.filesDir, ...storageKeyOf(sha256).split('/'));
    const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000);
    for (const sha256 of [
      uploadsBefore.get(g1)!.sha256,
      uploadsBefore.get(t)!.sha256,
      packages.p1.sha256,
      packages.p2.sha256,
    ]) {
      await utimes(filePath(sha256), twoDaysAgo, twoDaysAgo);
    }
    await collectLeftovers(app.services);
    // G1's content is still E's; T's outcome and the removed package are gone; the package E is in stays.
    expect(existsSync(filePath(uploadsBefore.get(g1)!.sha256))).toBe(true);
    expect(existsSync(filePath(uploadsBefore.get(t)!.sha256))).toBe(false);
    expect(existsSync(filePath(packages.p1.sha256))).toBe(false);
    expect(existsSync(filePath(packages.p2.sha256))).toBe(true);
  });

  it('writes what it deleted to the school audit log: kind, counts and ids, no personal values', async () => {
    const rows = await app.sql<{
      operation: string;
      target_ids: string[];
      request_id: string;
      detail: Record<string, unknown>;
    }>(
      "select operation, target_ids, request_id, detail from audit_log where school_id = ? and operation = 'retention.delete'",
      [a.school.id],
    );
    expect(new Set(rows.map((row) => row.detail.kind))).toEqual(
      new Set([
        'COURSE_OUTCOMES',
        'PERFORMANCES',
        'COUNSELING',
        'CADRE_RECORDS',
        'RECEIPTS',
        'SUBMISSION_PACKAGES',
        'COURSE_RECORDS',
      ]),
    );
    const outcomes = rows.find((row) => row.detail.kind === 'COURSE_OUTCOMES')!;
    expect(outcomes.detail).toMatchObject({ rows: 2, students: 2, files: 2, uploadsRemoved: 2, retentionDays: 1826 });
    expect(outcomes.target_ids).toHaveLength(2);
    expect(outcomes.request_id).toMatch(/^retention-/);
    const packageRow = rows.find((row) => row.detail.kind === 'SUBMISSION_PACKAGES')!;
    expect(packageRow.target_ids).toEqual(expect.arrayContaining([packages.p0.id, packages.p1.id]));
    const text = JSON.stringify(rows);
    for (const student of a.students) {
      expect(text).not.toContain(student.name);
      expect(text).not.toContain(student.studentNumber);
    }
    expect(await count('audit_log', "school_id = ? and operation = 'retention.delete'", [b.school.id])).toBe(0);
  });

  it('opens no way around the final lock for requests or other roles', async () => {
    await withClient(databaseUrl, async (db) => {
      await db.query('begin');
      try {
        await db.query('set local role portfolio_app');
        await db.query("select set_config('app.school_id', $1, true)", [a.school.id]);
        // A request (a tenant is set) cannot run the deletion or list the schools.
        await expect(
          db.query(
            "select * from retention_apply($1, 'COURSE_OUTCOMES', now(), '{\"COURSE_OUTCOMES\": 365}', 10, 'x')",
            [a.school.id],
          ),
        ).rejects.toThrow(/scheduled job/);
      } finally {
        await db.query('rollback');
      }
      await db.query('begin');
      try {
        await db.query('set local role portfolio_app');
        await db.query("select set_config('app.school_id', $1, true)", [b.school.id]);
        // Nor read another school's plan, even as counts.
        const other = await db.query('select * from retention_report($1, now(), \'{"COURSE_OUTCOMES": 365}\')', [
          a.school.id,
        ]);
        expect(other.rows).toEqual([]);
        // The plan itself is not the request role's.
        await expect(db.query("select * from retention_due($1, now(), '{}', null)", [b.school.id])).rejects.toThrow(
          /permission denied/,
        );
      } finally {
        await db.query('rollback');
      }
      // The retention mark is no key by itself: the append-only receipt rows still refuse the owner's delete.
      await db.query('begin');
      try {
        await db.query("select set_config('app.retention_run', 'on', true)");
        await expect(db.query('delete from receipt_row where id = $1', [receiptOfE])).rejects.toThrow(/append-only/);
      } finally {
        await db.query('rollback');
      }
      // ...and the final lock still refuses a change of last year's 基本資料 (a request's own delete included).
      await db.query('begin');
      try {
        await db.query(
          `insert into cadre_record (school_id, id, student_id, term_id, unit, position, level, starts_on, ends_on)
           values ($1, gen_random_uuid(), $2, $3, '社團', '社長', 1, '2025-09-01', '2026-01-20')`,
          [a.school.id, e, aTerms.previous],
        );
        throw new Error('the insert should have been refused');
      } catch (error) {
        expect((error as { code?: string }).code).toBe('PF001');
      } finally {
        await db.query('rollback');
      }
    });
  });

  it('refuses a period under a year at start, and takes 0 or off as never', () => {
    expect(() => loadConfig({ RETENTION_COUNSELING_DAYS: '30' })).toThrow(/RETENTION_COUNSELING_DAYS/);
    expect(() => loadConfig({ RETENTION_COURSE_OUTCOMES_DAYS: 'forever' })).toThrow(/RETENTION_COURSE_OUTCOMES_DAYS/);
    expect(loadConfig({ RETENTION_RECEIPTS_DAYS: '0' }).retention.receiptsDays).toBe(0);
    // What a graduate may still download is kept as long as they may sign in to download it.
    expect(() =>
      loadConfig({ ACCOUNT_GRADUATED_READ_ONLY_DAYS: '730', RETENTION_COURSE_OUTCOMES_DAYS: '400' }),
    ).toThrow(/RETENTION_COURSE_OUTCOMES_DAYS.*ACCOUNT_GRADUATED_READ_ONLY_DAYS/);
    expect(
      loadConfig({ ACCOUNT_GRADUATED_READ_ONLY_DAYS: '730', RETENTION_COUNSELING_DAYS: '400' }).retention
        .counselingDays,
    ).toBe(400);
    expect(loadConfig({}).retention).toEqual({
      courseOutcomesDays: 1826,
      performancesDays: 1826,
      courseRecordsDays: 1826,
      cadreRecordsDays: 1826,
      receiptsDays: 1826,
      submissionPackagesDays: 1826,
      counselingDays: 365,
    });
  });
});
