import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import { parsePdf } from '../../api/src/modules/round/confirmation/__tests__/pdf-reader.js';
import { keepBytes } from '../../api/src/modules/files/generated-upload.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let app: TestApp;
let city: TestCity;

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
});
afterAll(() => app.close());

interface Graduate {
  school: TestSchool;
  studentId: string;
  /** The stored files the portfolio holds: two certified outcomes' documents and a performance's document. */
  files: string[];
}

/** A school whose first student graduated today, with two certified outcomes and a performance, each with a file. */
async function graduate(): Promise<Graduate> {
  const school = await city.school();
  const student = school.students[0]!;
  const { physics } = await app.factory.gradedSections(school, [student]);
  const teacher = school.accounts.find((account) => account.username === school.logins.teacher.username)!;
  await app.factory.outcomes(school, physics, 2, teacher.id);
  await app.sql(
    `update course_outcome_version set status = 'CERTIFIED', decided_at = now(), decided_by = ? where school_id = ?`,
    [teacher.id, school.school.id],
  );
  await app.sql(`update course_outcome set status = 'CERTIFIED' where school_id = ?`, [school.school.id]);
  const bytes = Buffer.from(`%PDF-1.4\n% performance ${student.id}\n`);
  const performanceFile = await keepBytes(app.services.files, bytes);
  await app.sql(
    `with u as (
       insert into upload (school_id, id, purpose, file_name, declared_size, created_by, created_at, expires_at, sha256,
                           size, content_type, stored_at)
       values (?, gen_random_uuid(), 'DOCUMENT', '../服務/證明.pdf', ?, ?, now(), now(), ?, ?, 'application/pdf', now())
       returning id)
     insert into diverse_performance (school_id, id, student_id, academic_year_id, category, title, details,
                                      description, document_upload_id, created_at, updated_at)
     select ?, gen_random_uuid(), ?, ?, 'SERVICE_LEARNING', '社區服務', '{"hours": 12}', '淨灘活動', u.id, now(), now()
     from u`,
    [
      school.school.id,
      bytes.length,
      student.account!.id,
      performanceFile,
      bytes.length,
      school.school.id,
      student.id,
      school.years.at(-1)!.id,
    ],
  );
  await app.sql(`update student set status = 'GRADUATED', status_changed_at = ? where school_id = ? and id = ?`, [
    app.clock.now(),
    school.school.id,
    student.id,
  ]);
  const outcomeFiles = await app.sql<{ sha256: string }>(
    `select u.sha256 from course_outcome_version v join upload u on u.school_id = v.school_id and u.id = v.document_upload_id
     where v.school_id = ?`,
    [school.school.id],
  );
  return {
    school,
    studentId: toGlobalId('Student', student.id),
    files: [...outcomeFiles.map((row) => row.sha256), performanceFile].sort(),
  };
}

const fetchZip = (client: ApiClient | null, studentId: string) =>
  fetch(`${app.url}/students/${encodeURIComponent(studentId)}/portfolio.zip`, {
    headers: client?.token ? { authorization: `Bearer ${client.token}` } : {},
  });

describe("a student's whole portfolio as one ZIP", () => {
  it('lets a read-only graduate download it, with every file, its hashes in manifest.json and a Chinese index', async () => {
    const g = await graduate();
    const client = await app.client().login(g.school.logins.student.username, g.school.logins.student.password);
    const me = await client.ok<{ me: { readOnlyReason: string | null } }>('{ me { readOnlyReason } }');
    expect(me.me.readOnlyReason).toContain('畢業');
    const { node } = await client.ok<{ node: { portfolioZipUrl: string | null } }>(
      `query ($id: ID!) { node(id: $id) { ... on Student { portfolioZipUrl } } }`,
      { id: g.studentId },
    );
    expect(node.portfolioZipUrl).toBe(`/students/${encodeURIComponent(g.studentId)}/portfolio.zip`);

    const response = await fetchZip(client, g.studentId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(decodeURIComponent(response.headers.get('content-disposition')!)).toContain('學習歷程_');
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));

    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
      student: { nationalIdMasked: string };
      records: { kind: string; files: { path: string; name: string; size: number; sha256: string }[] }[];
    };
    const listed = manifest.records.flatMap((record) => record.files);
    expect(listed.map((file) => file.sha256).sort()).toEqual(g.files);
    for (const file of listed) {
      const entry = zip.file(file.path);
      expect(entry, file.path).not.toBeNull();
      const bytes = await entry!.async('nodebuffer');
      expect(sha(bytes)).toBe(file.sha256);
      expect(bytes.length).toBe(file.size);
    }
    // A name with a folder in it stays one file name inside its folder.
    const performance = listed.find((file) => file.path.startsWith('多元表現/'))!;
    expect(performance.path).toMatch(/^多元表現\/\d{4}_\d{3}_服務_證明\.pdf$/);
    expect(listed.filter((file) => file.path.startsWith('課程學習成果/'))).toHaveLength(2);
    // The masked number only.
    const nationalId = app.services.pii.decrypt(g.school.students[0]!.nationalIdEncrypted);
    expect(manifest.student.nationalIdMasked).toMatch(/^[A-Z]\d{2}\*{4}\d{3}$/);
    expect(JSON.stringify(manifest)).not.toContain(nationalId);

    const pdf = parsePdf(await zip.file('索引.pdf')!.async('nodebuffer'));
    const text = pdf.pages.flatMap((page) => page.texts).join('');
    expect(text).toContain('學習歷程檔案索引');
    expect(text).toContain(manifest.student.nationalIdMasked);
    expect(text).not.toContain(nationalId);
    for (const file of listed) {
      expect(text).toContain(file.sha256);
      expect(text).toContain(file.path);
    }
    expect(pdf.pages.every((page) => page.notdefGlyphs === 0)).toBe(true);
    expect(zip.file('收訖明細.csv')).not.toBeNull();

    const audit = await app.sql<{ operation: string; detail: { own: boolean; files: number } }>(
      `select operation, detail from audit_log where school_id = ? and operation = 'downloadPortfolioZip'`,
      [g.school.school.id],
    );
    expect(audit).toEqual([
      { operation: 'downloadPortfolioZip', detail: expect.objectContaining({ own: true, files: 3 }) },
    ]);
  });

  it('lets 註冊組 of the school download it (logged for the student), and nobody else', async () => {
    const g = await graduate();
    const registration = await app
      .client()
      .login(g.school.logins.registration.username, g.school.logins.registration.password);
    const staff = await fetchZip(registration, g.studentId);
    expect(staff.status).toBe(200);
    await staff.arrayBuffer();
    const logged = await app.sql<{ kind: string }>(
      `select kind from pii_access_log where school_id = ? and student_id = ?`,
      [g.school.school.id, g.school.students[0]!.id],
    );
    expect(logged.map((row) => row.kind)).toContain('STUDENT_EXPORT');

    // Another student of the same school.
    const classmate = g.school.students[1]!;
    const other = await app
      .client()
      .login(g.school.accounts.find((account) => account.id === classmate.account!.id)!.username, 'test-password-1');
    expect((await fetchZip(other, g.studentId)).status).toBe(403);
    const { node } = await other.ok<{ node: { portfolioZipUrl: string | null } | null }>(
      `query ($id: ID!) { node(id: $id) { ... on Student { portfolioZipUrl } } }`,
      { id: toGlobalId('Student', classmate.id) },
    );
    expect(node?.portfolioZipUrl).toMatch(/portfolio\.zip$/);

    // The homeroom teacher sees the student but is not 註冊組.
    const homeroom = await app.client().login(g.school.logins.homeroom.username, g.school.logins.homeroom.password);
    expect((await fetchZip(homeroom, g.studentId)).status).toBe(403);

    // 註冊組 of another school does not even find the student.
    const elsewhere = await city.school();
    const stranger = await app
      .client()
      .login(elsewhere.logins.registration.username, elsewhere.logins.registration.password);
    expect((await fetchZip(stranger, g.studentId)).status).toBe(404);
    expect((await fetchZip(null, g.studentId)).status).toBe(401);
    expect((await fetchZip(registration, 'not-an-id')).status).toBe(404);
  });
});
