import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import { inTenantTransaction } from '../../api/src/common/tenant.js';
import { createStudent } from '../../api/src/db/seed/builders.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { nationalIdCheckOf } from '../../api/src/modules/exchange/exchange-manifest.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { uploadImportFile } from '../support/uploads.js';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let app: TestApp;
let city: TestCity;

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
});
afterAll(() => app.close());

const EXPORT = `mutation ($input: ExportExchangeFileInput!) {
  exportExchangeFile(input: $input) {
    exchangeExport { id fileName size sha256 recordCount fileCount downloadUrl destinationSchoolCode }
    userErrors { field code message }
  }
}`;
const IMPORT = `mutation ($input: ImportExchangeFileInput!) {
  importExchangeFile(input: $input) {
    portfolioExchange { id originSchoolCode originSchoolName originLabel recordCount records { kind title } }
    userErrors { field code message }
  }
}`;
const TRANSFERRED = `query ($id: ID!) {
  node(id: $id) {
    ... on Student {
      transferredRecords {
        originSchoolCode originLabel
        records { kind termKey termLabel title fields { label value } files { id name size sha256 url } }
      }
    }
  }
}`;

interface Exported {
  exportExchangeFile: {
    exchangeExport: {
      id: string;
      fileName: string;
      size: number;
      sha256: string;
      recordCount: number;
      fileCount: number;
      downloadUrl: string;
    } | null;
    userErrors: { field: string[]; code: string; message: string }[];
  };
}
interface Imported {
  importExchangeFile: {
    portfolioExchange: {
      id: string;
      originSchoolCode: string;
      originLabel: string;
      recordCount: number;
      records: { kind: string; title: string }[];
    } | null;
    userErrors: { field: string[]; code: string; message: string }[];
  };
}

interface Pair {
  sender: TestSchool;
  receiver: TestSchool;
  senderRegistration: ApiClient;
  receiverRegistration: ApiClient;
  /** The student at the sending school and the same person at the receiving school. */
  studentAtSender: string;
  studentAtReceiver: string;
  outcomeFiles: string[];
}

/** The same person (national ID and birth date) as a student of `school`. */
async function samePersonAt(school: TestSchool, nationalIdEncrypted: string, birthDate = '2008-05-01') {
  const nationalId = app.services.pii.decrypt(nationalIdEncrypted);
  const { student } = await inTenantTransaction(app.owner.em, { schoolId: school.school.id, authorityId: null }, (tx) =>
    createStudent(tx, app.services.auth, app.services.pii, tx.merge(school.school), {
      studentNumber: `9${String(Math.floor(Math.random() * 9000) + 1000)}`,
      name: '轉入學生',
      nationalId,
      birthDate,
      cohort: school.years.at(-1)!.year - 2,
      seatNumber: 30,
      schoolClass: null,
    }),
  );
  return student;
}

/**
 * A sending school whose first student has graded course records, two certified outcomes with a stored document each
 * and a cadre record; a receiving school of the same city (or `receiverCity`) holding the same person.
 */
async function pair(receiverCity: TestCity = city): Promise<Pair> {
  const sender = await city.school();
  const receiver = await receiverCity.school();
  const student = sender.students[0]!;
  const { physics, term } = await app.factory.gradedSections(sender, [student]);
  const teacher = sender.accounts.find((account) => account.username === sender.logins.teacher.username)!;
  await app.factory.outcomes(sender, physics, 2, teacher.id);
  await app.sql(
    `update course_outcome_version set status = 'CERTIFIED', decided_at = now(), decided_by = ? where school_id = ?`,
    [teacher.id, sender.school.id],
  );
  await app.sql(`update course_outcome set status = 'CERTIFIED' where school_id = ?`, [sender.school.id]);
  await app.sql(
    `insert into cadre_record (school_id, id, student_id, term_id, unit, position, level, starts_on, ends_on)
     values (?, gen_random_uuid(), ?, ?, '班級', '班長', 1, '2026-08-01', '2027-01-31')`,
    [sender.school.id, student.id, term.id],
  );
  const files = await app.sql<{ sha256: string }>(
    `select u.sha256 from course_outcome o
     join course_outcome_version v on v.school_id = o.school_id and v.outcome_id = o.id
     join upload u on u.school_id = v.school_id and u.id = v.document_upload_id
     where o.school_id = ? order by u.sha256`,
    [sender.school.id],
  );
  const same = await samePersonAt(receiver, student.nationalIdEncrypted);
  const login = (school: TestSchool) =>
    app.client().login(school.logins.registration.username, school.logins.registration.password);
  return {
    sender,
    receiver,
    senderRegistration: await login(sender),
    receiverRegistration: await login(receiver),
    studentAtSender: toGlobalId('Student', student.id),
    studentAtReceiver: toGlobalId('Student', same.id),
    outcomeFiles: files.map((file) => file.sha256),
  };
}

const destinationOf = (school: TestSchool, authorityCode: string) => ({
  authorityCode,
  schoolCode: school.school.code,
  division: school.school.division,
});

async function exportFile(p: Pair, destination = destinationOf(p.receiver, city.authority.code)) {
  const { exportExchangeFile } = await p.senderRegistration.ok<Exported>(EXPORT, {
    input: { studentId: p.studentAtSender, ...destination },
  });
  expect(exportExchangeFile.userErrors).toEqual([]);
  const response = await fetch(`${app.url}${exportExchangeFile.exchangeExport!.downloadUrl}`, {
    headers: { authorization: `Bearer ${p.senderRegistration.token}` },
  });
  expect(response.status).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  expect(sha(bytes)).toBe(exportExchangeFile.exchangeExport!.sha256);
  return { bytes, exported: exportExchangeFile.exchangeExport! };
}

async function importBytes(p: Pair, bytes: Buffer, studentId = p.studentAtReceiver) {
  const upload = await uploadImportFile(app.url, p.receiverRegistration, '交換檔.zip', bytes);
  const { importExchangeFile } = await p.receiverRegistration.ok<Imported>(IMPORT, {
    input: { studentId, uploadId: upload.id },
  });
  return importExchangeFile;
}

const exchangedRows = async (school: TestSchool) =>
  app.sqlOne<{ exchanges: number; records: number; files: number }>(
    `select (select count(*)::int from portfolio_exchange where school_id = ?) as exchanges,
            (select count(*)::int from exchanged_record where school_id = ?) as records,
            (select count(*)::int from exchanged_file where school_id = ?) as files`,
    [school.school.id, school.school.id, school.school.id],
  );

/** The ZIP rebuilt with one entry changed (as a person with an archive program would). */
async function rezipped(bytes: Buffer, change: (name: string, content: Buffer) => Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    out.file(entry.name, change(entry.name, await entry.async('nodebuffer')));
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('the portfolio exchange file between two schools of one city', () => {
  it('carries the records and files, signed, and lands them read-only on the receiving student with the origin', async () => {
    const p = await pair();
    const { bytes, exported } = await exportFile(p);
    expect(exported.fileCount).toBe(2);
    // 2 enrolments (物理, 國語文), 2 certified outcomes, 1 cadre record.
    expect(exported.recordCount).toBe(5);

    const zip = await JSZip.loadAsync(bytes);
    const manifestBytes = await zip.file('manifest.json')!.async('nodebuffer');
    const manifest = JSON.parse(manifestBytes.toString('utf8'));
    expect(manifest.format).toBe('tw-learning-portfolio-exchange');
    expect(manifest.origin.schoolCode).toBe(p.sender.school.code);
    expect(manifest.destination).toEqual(destinationOf(p.receiver, city.authority.code));
    // Never the national ID in clear: only its scrypt with the file's salt.
    const nationalId = app.services.pii.decrypt(p.sender.students[0]!.nationalIdEncrypted);
    expect(manifestBytes.toString('utf8')).not.toContain(nationalId);
    expect(manifest.student.nationalIdCheck.scrypt).toBe(
      await nationalIdCheckOf(manifest.student.nationalIdCheck.salt, nationalId),
    );
    for (const sha256 of p.outcomeFiles) {
      const entry = zip.file(`files/${sha256}.pdf`)!;
      expect(sha(await entry.async('nodebuffer'))).toBe(sha256);
    }
    const signature = JSON.parse(await zip.file('manifest.sig')!.async('string'));
    expect(signature.algorithm).toBe('Ed25519');

    const result = await importBytes(p, bytes);
    expect(result.userErrors).toEqual([]);
    expect(result.portfolioExchange).toMatchObject({
      originSchoolCode: p.sender.school.code,
      originLabel: `${p.sender.school.name} 日間部`,
      recordCount: 5,
    });

    const { node } = await p.receiverRegistration.ok<{
      node: {
        transferredRecords: {
          originSchoolCode: string;
          records: {
            kind: string;
            fields: { label: string; value: string }[];
            files: { url: string; sha256: string }[];
          }[];
        }[];
      };
    }>(TRANSFERRED, { id: p.studentAtReceiver });
    expect(node.transferredRecords).toHaveLength(1);
    const records = node.transferredRecords[0]!.records;
    expect(records.map((record) => record.kind).sort()).toEqual([
      'CADRE_RECORD',
      'COURSE_OUTCOME',
      'COURSE_OUTCOME',
      'COURSE_RECORD',
      'COURSE_RECORD',
    ]);
    const course = records.find((record) => record.kind === 'COURSE_RECORD')!;
    expect(course.fields).toContainEqual({ label: '原修課學校代碼', value: p.sender.school.code });
    const files = records.flatMap((record) => record.files);
    expect(files.map((file) => file.sha256).sort()).toEqual(p.outcomeFiles);
    const file = await fetch(`${app.url}${files[0]!.url}`, {
      headers: { authorization: `Bearer ${p.receiverRegistration.token}` },
    });
    expect(file.status).toBe(200);
    expect(sha(Buffer.from(await file.arrayBuffer()))).toBe(files[0]!.sha256);

    // Read-only by construction: the request role cannot change or remove them.
    expect(
      await app.sql<{ privilege_type: string }>(
        `select privilege_type from information_schema.role_table_grants
         where grantee = 'portfolio_app' and table_name = 'exchanged_record' order by 1`,
      ),
    ).toEqual([{ privilege_type: 'INSERT' }, { privilege_type: 'SELECT' }]);
    await expect(
      app.sql(`update exchanged_record set title = 'x' where school_id = ?`, [p.receiver.school.id]),
    ).rejects.toThrow(/append-only/);

    // One audit row each side.
    const audits = await app.sql<{ operation: string }>(
      `select operation from audit_log where school_id in (?, ?) and operation in ('exportExchangeFile', 'importExchangeFile')
       order by operation`,
      [p.sender.school.id, p.receiver.school.id],
    );
    expect(audits.map((row) => row.operation)).toEqual(['exportExchangeFile', 'importExchangeFile']);

    // The same file twice writes nothing new.
    const before = await exchangedRows(p.receiver);
    const again = await importBytes(p, bytes);
    expect(again.userErrors.map((error) => error.code)).toEqual(['EXCHANGE_ALREADY_IMPORTED']);
    expect(await exchangedRows(p.receiver)).toEqual(before);

    // The student themself sees them on their own page.
    const own = await app.client().login(p.sender.logins.student.username, p.sender.logins.student.password);
    const { node: mine } = await own.ok<{ node: { transferredRecords: unknown[] } }>(TRANSFERRED, {
      id: p.studentAtSender,
    });
    expect(mine.transferredRecords).toEqual([]);
  });

  it('refuses a tampered file (a changed file entry or manifest) and writes nothing', async () => {
    const p = await pair();
    const { bytes } = await exportFile(p);
    const empty = await exchangedRows(p.receiver);

    // One byte of a stored file entry changed in place: its SHA-256 no longer matches.
    const target = p.outcomeFiles[0]!;
    const original = await app.services.files.read(target);
    const at = bytes.indexOf(original);
    expect(at).toBeGreaterThan(0);
    const flipped = Buffer.from(bytes);
    flipped[at + original.length - 2] = flipped[at + original.length - 2]! ^ 0x01;
    const fileChanged = await importBytes(p, flipped);
    expect(fileChanged.userErrors.map((error) => error.code)).toEqual(['EXCHANGE_TAMPERED']);
    expect(fileChanged.userErrors[0]!.message).toMatch(/簽章不符/);

    // The manifest edited (a grade changed) and the ZIP rebuilt: the signature no longer matches.
    const manifestChanged = await rezipped(bytes, (name, content) =>
      name === 'manifest.json'
        ? Buffer.from(content.toString('utf8').replace('"80"', '"99"').replace('課程代碼', '課程代號'))
        : content,
    );
    const manifestResult = await importBytes(p, manifestChanged);
    expect(manifestResult.userErrors.map((error) => error.code)).toEqual(['EXCHANGE_TAMPERED']);

    // A file entry replaced by other bytes, the manifest left as signed.
    const swapped = await rezipped(bytes, (name, content) =>
      name === `files/${target}.pdf` ? Buffer.from('%PDF-1.4 forged') : content,
    );
    expect((await importBytes(p, swapped)).userErrors.map((error) => error.code)).toEqual(['EXCHANGE_TAMPERED']);

    // Every entry deflated (same content, every check before reading passes), then a file entry's compressed bytes
    // broken: the reader's inflate error is a refusal, not a crash of the server.
    const deflated = await rezipped(bytes, (_name, content) => content);
    const name = Buffer.from(`files/${target}.pdf`);
    const header = deflated.indexOf(
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04])]),
      deflated.indexOf(name) - 30,
    );
    const dataStart = header + 30 + deflated.readUInt16LE(header + 26) + deflated.readUInt16LE(header + 28);
    const broken = Buffer.from(deflated);
    for (let i = 0; i < 8; i += 1) broken[dataStart + i] = 0xff;
    expect((await importBytes(p, broken)).userErrors.map((error) => error.code)).toEqual(['EXCHANGE_TAMPERED']);
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await exchangedRows(p.receiver)).toEqual(empty);
  });

  it('refuses a file for another city, another school, or another student, and writes nothing', async () => {
    const otherCity = await app.factory.city();
    const p = await pair(otherCity);
    // Addressed to the receiver's school code, but in the sender's city: the receiver is in another one.
    const { bytes } = await exportFile(p, destinationOf(p.receiver, city.authority.code));
    const result = await importBytes(p, bytes);
    expect(result.userErrors.map((error) => error.code)).toEqual(['EXCHANGE_OTHER_CITY']);

    const q = await pair();
    const elsewhere = await city.school();
    const { bytes: forElsewhere } = await exportFile(q, destinationOf(elsewhere, city.authority.code));
    expect((await importBytes(q, forElsewhere)).userErrors.map((error) => error.code)).toEqual([
      'EXCHANGE_OTHER_SCHOOL',
    ]);

    const { bytes: forReceiver } = await exportFile(q);
    const stranger = toGlobalId('Student', q.receiver.students[0]!.id);
    const wrong = await importBytes(q, forReceiver, stranger);
    expect(wrong.userErrors.map((error) => error.code)).toEqual(['EXCHANGE_WRONG_STUDENT']);
    expect(await exchangedRows(p.receiver)).toEqual({ exchanges: 0, records: 0, files: 0 });
    expect(await exchangedRows(q.receiver)).toEqual({ exchanges: 0, records: 0, files: 0 });

    // The right student then imports it.
    expect((await importBytes(q, forReceiver)).userErrors).toEqual([]);
  });

  it('answers garbage, a ZIP with ../ names and an unsigned ZIP with a clear message, never a 500', async () => {
    const p = await pair();
    const garbage = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a zip at all')]);
    const bad = await importBytes(p, garbage);
    expect(bad.userErrors.map((error) => error.code)).toEqual(['EXCHANGE_BAD_FILE']);
    expect(bad.userErrors[0]!.message).toMatch(/學習歷程交換檔/);

    const climbing = new yazl.ZipFile();
    climbing.addBuffer(Buffer.from('{}'), 'manifest.json');
    climbing.addBuffer(Buffer.from('x'), 'files/xx/xx/etc/passwd');
    climbing.end();
    const chunks: Buffer[] = [];
    for await (const chunk of climbing.outputStream) chunks.push(chunk as Buffer);
    // yazl refuses to write such a name, so it is put in afterwards (local header and central directory alike).
    const hostile = Buffer.from(
      Buffer.concat(chunks).toString('latin1').replaceAll('files/xx/xx/etc/passwd', 'files/../../etc/passwd'),
      'latin1',
    );
    const traversal = await importBytes(p, hostile);
    expect(traversal.userErrors.map((error) => error.code)).toEqual(['EXCHANGE_BAD_FILE']);

    const unsigned = new JSZip();
    unsigned.file('manifest.json', '{"format":"tw-learning-portfolio-exchange"}');
    const noSignature = await importBytes(p, await unsigned.generateAsync({ type: 'nodebuffer' }));
    expect(noSignature.userErrors.map((error) => error.code)).toEqual(['EXCHANGE_BAD_FILE']);
    expect(await exchangedRows(p.receiver)).toEqual({ exchanges: 0, records: 0, files: 0 });
  });

  it('lets only 註冊組 export and import', async () => {
    const p = await pair();
    const teacher = await app.client().login(p.sender.logins.teacher.username, p.sender.logins.teacher.password);
    const refused = await teacher.request(EXPORT, {
      input: { studentId: p.studentAtSender, ...destinationOf(p.receiver, city.authority.code) },
    });
    expect(refused.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN/);
    const affairs = await app.client().login(p.sender.logins.affairs.username, p.sender.logins.affairs.password);
    const notRegistration = await affairs.request(EXPORT, {
      input: { studentId: p.studentAtSender, ...destinationOf(p.receiver, city.authority.code) },
    });
    expect(notRegistration.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const invalid = await p.senderRegistration.ok<Exported>(EXPORT, {
      input: { studentId: p.studentAtSender, authorityCode: 'no spaces!', schoolCode: '12', division: 'DAY' },
    });
    expect(invalid.exportExchangeFile.userErrors.map((error) => error.code)).toEqual([
      'INVALID_AUTHORITY_CODE',
      'INVALID_SCHOOL_CODE',
    ]);
  });
});
