import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalNationalId } from '../../api/src/db/seed/builders.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { uploadImportFile, xlsxFile } from '../support/uploads.js';

const MAX_ROWS = 1_000;
const MAX_UNCOMPRESSED_BYTES = 256 * 1024;

/** The row limit set low, the uncompressed cap at its default: a large sheet meets the row limit first. */
let app: TestApp;
let city: TestCity;
/** The uncompressed cap set low, the row limit at its default. */
let smallCap: TestApp;
let smallCapCity: TestCity;

beforeAll(async () => {
  app = await startTestApp({ IMPORT_MAX_ROWS: String(MAX_ROWS) });
  city = await app.factory.city();
  smallCap = await startTestApp({ IMPORT_MAX_UNCOMPRESSED_BYTES: String(MAX_UNCOMPRESSED_BYTES) });
  smallCapCity = await smallCap.factory.city();
});
afterAll(async () => {
  await app?.close();
  await smallCap?.close();
});

const RUN_FIELDS = 'id status rowCount problemCount problems(limit: 10) { rowNumber column code message }';
const PREVIEW = `mutation ($input: PreviewImportInput!) {
  previewImport(input: $input) { importRun { ${RUN_FIELDS} } userErrors { code message } }
}`;
const COMMIT = `mutation ($input: CommitImportInput!) {
  commitImport(input: $input) { importRun { id status } userErrors { code message } }
}`;

interface Run {
  id: string;
  status: string;
  rowCount: number;
  problemCount: number;
  problems: { rowNumber: number; column: string | null; code: string; message: string }[];
}

const STUDENT_HEADER = ['學號', '身分證號', '姓名', '出生日期', '性別', '班級', '座號', '入學年度', '學籍狀態'];
let serial = 830_000;
/** A valid roster row with a fresh national ID: under the old reader such a file would have been imported. */
function studentRow(number: string, name = `匯入生${number}`): string[] {
  serial += 7;
  return [number, fictionalNationalId(serial, 'M'), name, '98/03/05', '男', '103', '1', '115', '在學'];
}

/** A workbook of `rows` rows of 20 cells after a header, written with exceljs' streaming writer as Excel lays it out. */
async function largeWorkbook(rows: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true });
  const sheet = workbook.addWorksheet('名冊');
  sheet.addRow([...STUDENT_HEADER, ...Array.from({ length: 11 }, (_, column) => `備註${column + 1}`)]).commit();
  for (let row = 0; row < rows; row += 1) {
    sheet
      .addRow(
        Array.from({ length: 20 }, (_, column) =>
          column % 2 === 0 ? `資料${(row * 7 + column) % 700}` : row + column,
        ),
      )
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

async function signIn(target: TestApp, school: TestSchool): Promise<ApiClient> {
  return target.client().login(school.logins.registration.username, school.logins.registration.password);
}

async function preview(target: TestApp, client: ApiClient, fileName: string, bytes: Buffer): Promise<Run> {
  const upload = await uploadImportFile(target.url, client, fileName, bytes);
  const result = await client.request<{ previewImport: { importRun: Run | null; userErrors: unknown[] } }>(PREVIEW, {
    input: { kind: 'STUDENTS', uploadId: upload.id },
  });
  expect(result.errors).toEqual([]);
  expect(result.data!.previewImport.userErrors).toEqual([]);
  return result.data!.previewImport.importRun!;
}

/** Commits a refused run: the answer is a user error, never an internal one. */
async function commitCodes(client: ApiClient, run: Run): Promise<string[]> {
  const result = await client.request<{ commitImport: { userErrors: { code: string }[] } }>(COMMIT, {
    input: { importId: run.id },
  });
  expect(result.errors).toEqual([]);
  return result.data!.commitImport.userErrors.map((error) => error.code);
}

/** What an import writes for one school: students, accounts, classes and committed imports. */
async function footprint(target: TestApp, school: TestSchool) {
  return target.sqlOne(
    `with target as (select ?::uuid as id)
     select (select count(*)::int from student where school_id = (select id from target)) as students,
            (select count(*)::int from user_account where school_id = (select id from target)) as accounts,
            (select count(*)::int from school_class where school_id = (select id from target)) as classes,
            (select count(*)::int from import_run
              where school_id = (select id from target) and status = 'COMMITTED') as commits,
            (select count(*)::int from audit_log
              where school_id = (select id from target) and operation = 'import.commit') as audits`,
    [school.school.id],
  );
}

/**
 * Runs `work` while asking /healthz every 50 ms, as a load balancer would. The server runs in this process, so the
 * longest stretch between two answers is the longest time the event loop was not free, and the resident set is the
 * server's memory.
 */
async function whileWatching<T>(work: () => Promise<T>) {
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  let longestGapMs = 0;
  let answers = 0;
  /** Requests that got no answer: a stalled server drops kept-alive connections once it runs again. */
  let failures = 0;
  let done = false;
  const watch = (async () => {
    let last = performance.now();
    while (!done) {
      try {
        const response = await fetch(`${app.url}/healthz`);
        if (response.ok && ((await response.json()) as { ok?: boolean }).ok === true) answers += 1;
        else failures += 1;
      } catch {
        failures += 1;
      }
      const now = performance.now();
      longestGapMs = Math.max(longestGapMs, now - last);
      last = now;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      await sleep(50);
    }
  })();
  let result: T;
  try {
    result = await work();
  } finally {
    done = true;
    await watch;
  }
  return { result, longestGapMs, rssGrowth: peakRss - startRss, answers, failures };
}

describe('import limits', () => {
  it('answers an XLSX of 100,000 rows with TOO_MANY_ROWS, without stalling other requests or ballooning', async () => {
    const school = await city.school();
    const staff = await signIn(app, school);
    const bytes = await largeWorkbook(100_000);
    expect(bytes.length).toBeGreaterThan(3 * 1024 * 1024);
    const before = await footprint(app, school);

    const watched = await whileWatching(() => preview(app, staff, 'huge.xlsx', bytes));
    const run = watched.result;
    expect(run.status).toBe('REJECTED');
    expect(run.problems).toEqual([
      {
        rowNumber: 0,
        column: null,
        code: 'TOO_MANY_ROWS',
        message: expect.stringContaining(`上限 ${MAX_ROWS.toLocaleString('en-US')} 列`),
      },
    ]);
    // The old reader held the event loop for seconds and grew by about a gigabyte on this file.
    expect(watched.longestGapMs).toBeLessThan(1_000);
    expect(watched.rssGrowth).toBeLessThan(300 * 1024 * 1024);
    expect(watched.answers).toBeGreaterThan(0);
    expect(watched.failures).toBe(0);
    expect(await commitCodes(staff, run)).toEqual(['HAS_PROBLEMS']);
    expect(await footprint(app, school)).toEqual(before);
  });

  it('refuses an XLSX that inflates past IMPORT_MAX_UNCOMPRESSED_BYTES and writes nothing', async () => {
    const school = await smallCapCity.school();
    const staff = await signIn(smallCap, school);
    const rows = Array.from({ length: 1_200 }, (_, index) => studentRow(String(8_300_000 + index)));
    const bytes = await xlsxFile([STUDENT_HEADER, ...rows]);
    // The file itself is well under the cap; what it unpacks to is not.
    expect(bytes.length).toBeLessThan(MAX_UNCOMPRESSED_BYTES);
    const before = await footprint(smallCap, school);

    const run = await preview(smallCap, staff, 'roster.xlsx', bytes);
    expect(run.status).toBe('REJECTED');
    expect(run.problems).toHaveLength(1);
    expect(run.problems[0]).toMatchObject({ rowNumber: 0, code: 'TOO_LARGE_UNCOMPRESSED' });
    expect(run.problems[0]!.message).toContain('解壓縮後超過 256 KB 的上限');
    expect(await commitCodes(staff, run)).toEqual(['HAS_PROBLEMS']);
    expect(await footprint(smallCap, school)).toEqual(before);
  });

  it('refuses a UTF-16 CSV with a NUL in a cell with a clear message, not an internal error, and writes nothing', async () => {
    const school = await city.school();
    const staff = await signIn(app, school);
    const text = [STUDENT_HEADER, studentRow('8400001'), studentRow('8400002', '陳\u0000大文'), studentRow('8400003')]
      .map((row) => row.join(','))
      .join('\r\n');
    // UTF-16LE with a byte order mark, as Excel writes Unicode text.
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${text}\r\n`, 'utf16le')]);
    const before = await footprint(app, school);

    const run = await preview(app, staff, 'roster.csv', bytes);
    expect(run.status).toBe('REJECTED');
    expect(run.problems).toEqual([
      {
        rowNumber: 0,
        column: null,
        code: 'CONTROL_CHARACTERS',
        message: '第 3 列「姓名」欄含有無法處理的控制字元，請刪除後另存再上傳。',
      },
    ]);
    expect(await commitCodes(staff, run)).toEqual(['HAS_PROBLEMS']);
    expect(await footprint(app, school)).toEqual(before);
  });
});
