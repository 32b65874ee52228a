import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import yazl from 'yazl';
import { LocalFileStorage } from '../../../files/file-storage.js';
import { rosterWorkbook } from '../central-workbook.js';
import { describe, expect, it } from 'vitest';
import { PERFORMANCE_ROSTER_PATHS, performanceRosterColumns, ROSTER_PATHS, type Roster } from '../rosters.js';
import { unionOfColumns } from '../receipt-format.js';
import { PerformanceCategory } from '../../../portfolio/portfolio.enums.js';
import { packageStream } from '../package-zip.js';
import { ReferenceCentralRepository } from '../central-gateway.js';
import { readTabularFile } from '../../../../common/tabular-file.js';
import { evidenceNameOf } from '../evidence.js';

const AT = new Date('2026-11-28T09:00:00+08:00');
const CODE = '00000000000000011010201';
const PDF = Buffer.from('%PDF-1.4 evidence');
const SHA = createHash('sha256').update(PDF).digest('hex');
const NAME = evidenceNameOf(SHA, 'application/pdf');
const columns = ['學校代碼', '學年度', '學期', '身分證號', '出生日期', '課程代碼', '科目名稱', '成果類別', '簡述'];
const fileColumns = ['文件檔名', '文件SHA-256', '影音檔名', '影音SHA-256'];

function outcome(nationalId: string, code = CODE, files: (string | null)[] = [NAME, SHA, null, null]) {
  const [name, sha256] = files;
  return {
    studentId: null,
    cells: ['123456', 115, 0, nationalId, '2008-05-01', code, '物理', '其他課程學習成果', '簡述', ...files],
    evidence: name && sha256 && name.endsWith('.pdf') ? [{ name, sha256 }] : [],
  };
}

/** Where the reference repository copies a package to read it (the store's temporary folder in the platform). */
const scratch = new LocalFileStorage(mkdtempSync(path.join(tmpdir(), 'reference-repository-')));

/** The store the package reads evidence from: the bytes by hash, as kept. */
const storeOf = (stored: Map<string, Buffer>) => ({
  open: (sha256: string) => Promise.resolve(stored.has(sha256) ? Readable.from([stored.get(sha256)!]) : null),
});

async function answer(
  rows: Roster['rows'],
  policy = { maxSelectedOutcomes: 2, maxSelectedPerformances: 10 },
  stored = new Map([[SHA, PDF]]),
) {
  const roster: Roster = {
    path: ROSTER_PATHS.outcomes,
    sheetName: '學生課程學習成果名冊',
    columns: [...columns, ...fileColumns],
    rows,
  };
  const { zip, trouble } = await packageStream([roster], AT, storeOf(stored));
  const [file, ...rest] = await new ReferenceCentralRepository(policy).send({
    schoolCode: '123456',
    year: 115,
    semester: 2,
    openZip: () => Promise.resolve(zip),
    scratch,
    at: AT,
  });
  expect(rest).toEqual([]);
  const table = await readTabularFile(file!.bytes, { maxRows: 100 });
  const status = table.headers.indexOf('收訖狀態');
  return {
    trouble,
    file: file!,
    verdicts: table.rows.map((row) => [row.cells[status]!.text, row.cells[status + 1]?.text ?? '']),
  };
}

describe('the reference central repository', () => {
  it('receives valid rows and rejects bad national IDs, course codes, outcomes without a file and wrong file kinds', async () => {
    const { file, verdicts } = await answer([
      outcome('A123456789'),
      outcome('A123456788'),
      outcome('A123456789', '0000000000000001101020'),
      outcome('A123456789', CODE, [null, null, null, null]),
      outcome('A123456789', CODE, ['a.exe', SHA, null, null]),
    ]);
    expect(file.kind).toBe('COURSE_OUTCOMES');
    expect(file.fileName).toBe('收訖明細_課程學習成果_123456_115_0.xlsx');
    expect(verdicts[0]).toEqual(['已收訖', '']);
    expect(verdicts[1]![0]).toBe('退件');
    expect(verdicts[1]![1]).toMatch(/身分證號.*檢查碼/);
    expect(verdicts[2]![1]).toMatch(/^課程代碼：/);
    expect(verdicts[3]![1]).toMatch(/未附經認證的檔案/);
    expect(verdicts[4]![1]).toMatch(/檔案類型/);
    expect([file.received, file.rejected]).toEqual([1, 4]);
  });

  it('rejects a student’s outcomes beyond the selection cap', async () => {
    const { verdicts } = await answer([outcome('A123456789'), outcome('A123456789'), outcome('A123456789')]);
    expect(verdicts.map((verdict) => verdict[0])).toEqual(['已收訖', '已收訖', '退件']);
    expect(verdicts[2]![1]).toMatch(/上限 2 件/);
  });

  it('rejects a row whose listed file is not in the package, or whose bytes differ from the listed SHA-256', async () => {
    const other = createHash('sha256').update('another file').digest('hex');
    const { verdicts, trouble } = await answer([
      outcome('A123456789'),
      // Listed but never carried: the row names a file the package lacks.
      { ...outcome('A123456789', CODE, [evidenceNameOf(other, 'application/pdf'), other, null, null]), evidence: [] },
      // Carried under the listed name, but the row gives another hash.
      outcome('A123456789', CODE, [NAME, other, null, null]),
    ]);
    expect(trouble).toEqual({ missing: [], altered: [] });
    expect(verdicts[0]).toEqual(['已收訖', '']);
    expect(verdicts[1]).toEqual(['退件', '文件檔名所列的檔案未附於資料包。']);
    expect(verdicts[2]).toEqual(['退件', '文件檔名所列的檔案內容與文件SHA-256不符。']);
  });

  it('reports a stored file that is gone or whose bytes no longer match its hash', async () => {
    const lost = await answer([outcome('A123456789')], undefined, new Map());
    expect(lost.trouble.missing.map((file) => file.name)).toEqual([NAME]);
    const altered = await answer([outcome('A123456789')], undefined, new Map([[SHA, Buffer.from('tampered')]]));
    expect(altered.trouble.altered.map((file) => file.name)).toEqual([NAME]);
  });
  it('rejects a row whose file name the package holds twice, and a hash listed without its file name', async () => {
    const roster: Roster = {
      path: ROSTER_PATHS.outcomes,
      sheetName: '學生課程學習成果名冊',
      columns: [...columns, ...fileColumns],
      rows: [outcome('A123456789'), outcome('A123456789', CODE, [null, SHA, null, null])],
    };
    // Not a package the platform writes (it names each file once): one built by hand, the same entry twice.
    const zip = new yazl.ZipFile();
    zip.addBuffer(await rosterWorkbook(roster, AT), roster.path);
    zip.addBuffer(PDF, NAME);
    zip.addBuffer(PDF, NAME);
    zip.end();
    const [file] = await new ReferenceCentralRepository({ maxSelectedOutcomes: 6, maxSelectedPerformances: 10 }).send({
      schoolCode: '123456',
      year: 115,
      semester: 2,
      openZip: () => Promise.resolve(zip.outputStream.pipe(new PassThrough())),
      scratch,
      at: AT,
    });
    const table = await readTabularFile(file!.bytes, { maxRows: 100 });
    const status = table.headers.indexOf('收訖狀態');
    expect(table.rows.map((row) => [row.cells[status]!.text, row.cells[status + 1]?.text ?? ''])).toEqual([
      ['退件', '文件檔名所列的檔名在資料包中重複出現。'],
      ['退件', '文件SHA-256有值，但文件檔名空白。'],
    ]);
  });
});

describe('the reference central repository with a kind of several rosters', () => {
  const competitionColumns = performanceRosterColumns(PerformanceCategory.COMPETITION);
  const workplaceColumns = performanceRosterColumns(PerformanceCategory.WORKPLACE_LEARNING);
  /** A performance row of `columns`, its own cells given by column name (the rest empty). */
  const performance = (columns: string[], nationalId: string, own: Record<string, string | number>) => ({
    studentId: null,
    cells: columns.map((name, index): string | number | null => {
      if (index < 3) return ['123456', 115, 0][index]!;
      if (name === '身分證號') return nationalId;
      if (name === '出生日期') return '2008-05-01';
      return own[name] ?? null;
    }),
  });
  const competition = (nationalId: string, title: string, level = '4') =>
    performance(competitionColumns, nationalId, {
      項目: '實驗組',
      競賽等級代碼: level,
      競賽等級: '全國',
      參與形式代碼: '2',
      參與形式: '團體',
      名稱: title,
      簡述: '簡述',
    });
  const workplace = (nationalId: string, title: string) =>
    performance(workplaceColumns, nationalId, {
      職場名稱: '示範藥局',
      職場學習形式代碼: '1',
      職場學習形式: '職場體驗',
      時數: 30,
      名稱: title,
      簡述: '簡述',
    });

  async function send(rosters: Roster[], policy = { maxSelectedOutcomes: 6, maxSelectedPerformances: 2 }) {
    const { zip } = await packageStream(rosters, AT, storeOf(new Map()));
    return new ReferenceCentralRepository(policy).send({
      schoolCode: '123456',
      year: 115,
      semester: 2,
      openZip: () => Promise.resolve(zip),
      scratch,
      at: AT,
    });
  }
  const roster = (path: string, columns: string[], rows: Roster['rows']): Roster => ({
    path,
    sheetName: path.slice(path.lastIndexOf('_') + 1, -5),
    columns,
    rows,
  });

  it('answers every performance roster in one file: 名冊, the union of their columns, each row its own cells', async () => {
    const [file, ...rest] = await send([
      roster(PERFORMANCE_ROSTER_PATHS.COMPETITION, competitionColumns, [competition('A123456789', '物理競賽')]),
      roster(PERFORMANCE_ROSTER_PATHS.CADRE, performanceRosterColumns(PerformanceCategory.CADRE), []),
      roster(PERFORMANCE_ROSTER_PATHS.WORKPLACE_LEARNING, workplaceColumns, [workplace('A123456789', '藥局體驗')]),
    ]);
    expect(rest).toEqual([]);
    expect(file!.kind).toBe('PERFORMANCES');
    const table = await readTabularFile(file!.bytes, { maxRows: 100 });
    const headers = table.headers;
    expect(headers.slice(0, 7)).toEqual(['學校代碼', '學年度', '學期', '收訖種類', '名冊', '身分證號', '出生日期']);
    // The categories' own columns before the common ones, which stay last, then the receipt's own.
    expect(headers.slice(-9)).toEqual([
      '名稱',
      '簡述',
      '外部連結',
      '文件檔名',
      '文件SHA-256',
      '影音檔名',
      '影音SHA-256',
      '收訖狀態',
      '退件原因',
    ]);
    for (const name of ['競賽等級代碼', '職場學習形式代碼', '單位', '幹部類別代碼']) expect(headers).toContain(name);
    const cell = (row: number, name: string) => table.rows[row]!.cells[headers.indexOf(name)]?.text ?? '';
    expect(table.rows).toHaveLength(2);
    expect([cell(0, '名冊'), cell(0, '競賽等級代碼'), cell(0, '職場學習形式代碼'), cell(0, '名稱')]).toEqual([
      '競賽參與名冊',
      '4',
      '',
      '物理競賽',
    ]);
    expect([cell(1, '名冊'), cell(1, '競賽等級代碼'), cell(1, '職場學習形式代碼'), cell(1, '時數')]).toEqual([
      '職場學習名冊',
      '',
      '1',
      '30',
    ]);
    expect([file!.received, file!.rejected]).toEqual([2, 0]);
  });

  it('counts the selection cap per student across all performance rosters, and rejects a code outside its table', async () => {
    const [file] = await send([
      roster(PERFORMANCE_ROSTER_PATHS.COMPETITION, competitionColumns, [
        competition('A123456789', '一'),
        competition('B123456780', '等級不明', '7'),
      ]),
      roster(PERFORMANCE_ROSTER_PATHS.WORKPLACE_LEARNING, workplaceColumns, [
        workplace('A123456789', '二'),
        workplace('A123456789', '三'),
      ]),
    ]);
    const table = await readTabularFile(file!.bytes, { maxRows: 100 });
    const status = table.headers.indexOf('收訖狀態');
    expect(table.rows.map((row) => [row.cells[status]!.text, row.cells[status + 1]?.text ?? ''])).toEqual([
      ['已收訖', ''],
      ['退件', '競賽等級代碼「7」不在代碼表中。'],
      ['已收訖', ''],
      ['退件', '超過每學年勾選上限 2 件。'],
    ]);
  });

  it('answers the enrolment rosters (3, 4 重修, 5 重讀) of course records in one file, and a union of columns keeps each roster’s order', async () => {
    const gradeColumns = ['學校代碼', '學年度', '學期', '身分證號', '出生日期', '課程代碼', '修課類別', '學期成績'];
    const enrolment = (kind: string) => ({
      studentId: null,
      cells: ['123456', 115, 2, 'A123456789', '2008-05-01', CODE, kind, 80],
    });
    const [file] = await send([
      roster(ROSTER_PATHS.grades, gradeColumns, [enrolment('一般')]),
      roster(ROSTER_PATHS.retakes, gradeColumns, [enrolment('重修')]),
      roster(ROSTER_PATHS.repeats, gradeColumns, []),
    ]);
    expect(file!.kind).toBe('COURSE_RECORDS');
    const table = await readTabularFile(file!.bytes, { maxRows: 100 });
    expect(table.headers).toEqual([
      '學校代碼',
      '學年度',
      '學期',
      '收訖種類',
      '名冊',
      ...gradeColumns.slice(3),
      '收訖狀態',
      '退件原因',
    ]);
    expect(table.rows.map((row) => row.cells[4]!.text)).toEqual(['學生成績名冊', '學生重修成績名冊']);

    expect(
      unionOfColumns([
        ['A', 'B', 'Z'],
        ['A', 'C', 'D', 'Z'],
        ['E', 'Z', 'F'],
      ]),
    ).toEqual(['A', 'B', 'C', 'D', 'E', 'Z', 'F']);
  });
});
