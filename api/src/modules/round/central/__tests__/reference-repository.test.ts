import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ROSTER_PATHS, type Roster } from '../rosters.js';
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
});
