import { createHash } from 'node:crypto';
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../../api/src/common/ids.js';
import { SubmissionCategory } from '../../api/src/common/submission-category.js';
import { storageKeyOf } from '../../api/src/modules/files/file-storage.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';
import { sheetRows } from '../support/workbooks.js';

const DAY = 24 * 3600_000;
const at = (days: number) => new Date(DEFAULT_TEST_NOW.getTime() + days * DAY);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const OUTCOMES_ROSTER = '01_學業表現上傳資料/7_學生課程學習成果名冊.xlsx';

let app: TestApp;
let city: TestCity;

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
});
afterAll(() => app.close());

const SUBMIT = `mutation ($input: SubmitTermInput!) {
  submitTerm(input: $input) {
    submission { id zipSha256 zipSize evidenceFiles packageUrl }
    userErrors { code message }
  }
}`;
const SEND = `mutation ($input: SendToCentralRepositoryInput!) {
  sendToCentralRepository(input: $input) { receiptFiles { id sha256 } userErrors { code message } }
}`;
const IMPORT = `mutation ($input: ImportReceiptsInput!) {
  importReceipts(input: $input) { receiptImport { receivedCount rejectedCount } userErrors { code message } }
}`;

interface Submitted {
  submitTerm: {
    submission: { id: string; zipSha256: string; zipSize: number; evidenceFiles: number; packageUrl: string } | null;
    userErrors: { code: string; message: string }[];
  };
}

interface Round {
  school: TestSchool;
  registration: ApiClient;
  termId: string;
  /** The selected outcomes' stored files, by hash. */
  files: { sha256: string }[];
}

const storedPath = (sha256: string) => path.join(app.filesDir, ...storageKeyOf(sha256).split('/'));

/**
 * A school whose physics students each selected two certified outcomes of the year, each with a document in the file
 * store, and the year's COURSE_OUTCOMES submission window open in the second term.
 */
async function round(): Promise<Round> {
  const school = await city.school();
  await city.timeline(
    [{ kind: TaskKind.SUBMIT, category: SubmissionCategory.COURSE_OUTCOMES, startsAt: at(-1), endsAt: at(5) }],
    [school],
  );
  const { physics } = await app.factory.gradedSections(school);
  const teacher = school.accounts.find((account) => account.username === school.logins.teacher.username)!;
  await app.factory.outcomes(school, physics, 2, teacher.id);
  await app.sql(
    `update course_outcome_version set status = 'CERTIFIED', decided_at = now(), decided_by = ? where school_id = ?`,
    [teacher.id, school.school.id],
  );
  await app.sql(`update course_outcome set status = 'CERTIFIED', selected_at = now() where school_id = ?`, [
    school.school.id,
  ]);
  const files = await app.sql<{ sha256: string }>(
    `select u.sha256 from course_outcome o
     join course_outcome_version v on v.school_id = o.school_id and v.outcome_id = o.id and v.version = o.current_version
     join upload u on u.school_id = v.school_id and u.id = v.document_upload_id
     where o.school_id = ? order by u.sha256`,
    [school.school.id],
  );
  const year = school.years.at(-1)!;
  const secondTerm = school.terms.find((t) => t.semester === 2 && t.academicYear.id === year.id)!;
  const registration = await app
    .client()
    .login(school.logins.registration.username, school.logins.registration.password);
  return { school, registration, termId: toGlobalId('Term', secondTerm.id), files };
}

const submit = (r: Round, key: string) =>
  r.registration.ok<Submitted>(SUBMIT, {
    input: { termId: r.termId, category: 'COURSE_OUTCOMES', idempotencyKey: key },
  });

async function download(client: ApiClient, url: string): Promise<Buffer> {
  const response = await fetch(`${app.url}${url}`, { headers: { authorization: `Bearer ${client.token}` } });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

const tempFiles = () => readdir(path.join(app.filesDir, 'tmp'));

describe('the evidence files in a package', () => {
  it('carries every listed file once, under the name the roster lists, with the bytes its SHA-256 names', async () => {
    const r = await round();
    expect(r.files).toHaveLength(4);
    const { submitTerm } = await submit(r, 'evidence-carried-1');
    expect(submitTerm.userErrors).toEqual([]);
    const bytes = await download(r.registration, submitTerm.submission!.packageUrl);
    expect(sha(bytes)).toBe(submitTerm.submission!.zipSha256);
    expect(bytes.length).toBe(submitTerm.submission!.zipSize);
    expect(submitTerm.submission!.evidenceFiles).toBe(4);

    const zip = await JSZip.loadAsync(bytes);
    const rows = await sheetRows(await zip.file(OUTCOMES_ROSTER)!.async('nodebuffer'));
    const [header, ...data] = rows;
    const name = header!.indexOf('文件檔名');
    const hash = header!.indexOf('文件SHA-256');
    expect(data).toHaveLength(4);
    const listed = data.map((row) => ({ name: String(row[name]), sha256: String(row[hash]) }));
    expect(listed.map((file) => file.sha256).sort()).toEqual(r.files.map((file) => file.sha256));
    const evidence = Object.values(zip.files).filter((entry) => !entry.dir && !entry.name.endsWith('.xlsx'));
    expect(evidence.map((entry) => entry.name).sort()).toEqual(listed.map((file) => file.name).sort());
    for (const file of listed) {
      expect(file.name).toBe(`03_佐證檔案/${file.sha256}.pdf`);
      const carried = await zip.file(file.name)!.async('nodebuffer');
      expect(sha(carried)).toBe(file.sha256);
      expect(carried).toEqual(await app.services.files.read(file.sha256));
    }

    // The reference central repository finds every file with its hash: all rows received.
    const sent = await r.registration.ok<{
      sendToCentralRepository: { receiptFiles: { id: string; sha256: string }[]; userErrors: unknown[] };
    }>(SEND, { input: { submissionId: submitTerm.submission!.id } });
    expect(sent.sendToCentralRepository.userErrors).toEqual([]);
    const receipt = await sheetRows(
      await app.services.files.read(sent.sendToCentralRepository.receiptFiles[0]!.sha256),
    );
    const status = receipt[0]!.indexOf('收訖狀態');
    expect(receipt.slice(1).map((row) => row[status])).toEqual(['已收訖', '已收訖', '已收訖', '已收訖']);
  });

  it('builds no package when a listed file is gone from the store or its bytes changed, and says so', async () => {
    const r = await round();
    const [lost, altered] = r.files;
    await rm(storedPath(lost!.sha256));
    await writeFile(storedPath(altered!.sha256), 'not the bytes this hash names');
    const { submitTerm } = await submit(r, 'evidence-trouble-1');
    expect(submitTerm.submission).toBeNull();
    expect(submitTerm.userErrors).toEqual([
      {
        code: 'EVIDENCE_UNAVAILABLE',
        message:
          '資料包未建立：已勾選項目的佐證檔案中，1 個檔案在檔案庫中找不到、1 個檔案的內容與上傳時不符。請聯絡資訊組自備份還原檔案後再提交。',
      },
    ]);
    const submissions = await app.sql('select 1 from submission where school_id = ?', [r.school.school.id]);
    expect(submissions).toHaveLength(0);
    // The half-built zip is not left behind.
    expect(await tempFiles()).toEqual([]);
  });

  it('the reference repository rejects the rows of a file left out of the package or altered in it', async () => {
    const r = await round();
    const { submitTerm } = await submit(r, 'evidence-tampered-1');
    const submission = submitTerm.submission!;
    // What the central database could receive after a transfer went wrong: one file dropped, another's bytes changed.
    const zip = await JSZip.loadAsync(await app.services.files.read(submission.zipSha256));
    const evidence = Object.keys(zip.files).filter((name) => name.startsWith('03_佐證檔案/'));
    const [dropped, changed] = evidence;
    zip.remove(dropped!);
    zip.file(changed!, 'tampered');
    await writeFile(storedPath(submission.zipSha256), await zip.generateAsync({ type: 'nodebuffer' }));

    const sent = await r.registration.ok<{
      sendToCentralRepository: { receiptFiles: { id: string; sha256: string }[]; userErrors: unknown[] };
    }>(SEND, { input: { submissionId: submission.id } });
    const receiptFile = sent.sendToCentralRepository.receiptFiles[0]!;
    const rows = await sheetRows(await app.services.files.read(receiptFile.sha256));
    const [header, ...data] = rows;
    const name = header!.indexOf('文件檔名');
    const verdict = (file: string) => {
      const row = data.find((cells) => cells[name] === file)!;
      return [row[header!.indexOf('收訖狀態')], row[header!.indexOf('退件原因')]];
    };
    expect(verdict(dropped!)).toEqual(['退件', '文件檔名所列的檔案未附於資料包。']);
    expect(verdict(changed!)).toEqual(['退件', '文件檔名所列的檔案內容與文件SHA-256不符。']);
    const imported = await r.registration.ok<{
      importReceipts: { receiptImport: { receivedCount: number; rejectedCount: number } };
    }>(IMPORT, { input: { submissionId: submission.id, uploadId: receiptFile.id } });
    expect(imported.importReceipts.receiptImport).toEqual({ receivedCount: 2, rejectedCount: 2 });
  });

  it('still imports the receipts of a submission kept before roster columns were, and sizes past 2 GiB read back', async () => {
    const r = await round();
    const { submitTerm } = await submit(r, 'evidence-earlier-1');
    const submission = submitTerm.submission!;
    // As a submission made before the columns were kept, of a package that, as sizes go now, passed 2 GiB.
    await app.sql('update submission set roster_columns = null, evidence_files = null, zip_size = ? where id = ?', [
      3_000_000_000,
      fromGlobalId(submission.id)!.id,
    ]);
    const read = await r.registration.ok<{ node: { zipSize: number; evidenceFiles: number | null } }>(
      'query ($id: ID!) { node(id: $id) { ... on Submission { zipSize evidenceFiles } } }',
      { id: submission.id },
    );
    expect(read.node).toEqual({ zipSize: 3_000_000_000, evidenceFiles: null });
    const sent = await r.registration.ok<{
      sendToCentralRepository: { receiptFiles: { id: string; sha256: string }[]; userErrors: unknown[] };
    }>(SEND, { input: { submissionId: submission.id } });
    const imported = await r.registration.ok<{
      importReceipts: { receiptImport: { receivedCount: number; rejectedCount: number } | null; userErrors: unknown[] };
    }>(IMPORT, { input: { submissionId: submission.id, uploadId: sent.sendToCentralRepository.receiptFiles[0]!.id } });
    expect(imported.importReceipts.userErrors).toEqual([]);
    expect(imported.importReceipts.receiptImport).toEqual({ receivedCount: 4, rejectedCount: 0 });
    const flagged = await app.sql("select 1 from receipt_row where school_id = ? and reconciliation <> 'OK'", [
      r.school.school.id,
    ]);
    expect(flagged).toHaveLength(0);
  });
});
