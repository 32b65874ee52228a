import { describe, expect, it } from 'vitest';
import { packageZip, ROSTER_PATHS, type Roster } from '../rosters.js';
import { ReferenceCentralRepository } from '../central-gateway.js';
import { readTabularFile } from '../../../../common/tabular-file.js';

const AT = new Date('2026-11-28T09:00:00+08:00');
const CODE = '00000000000000011010201';
const SHA = 'a'.repeat(64);
const columns = ['學校代碼', '學年度', '學期', '身分證號', '出生日期', '課程代碼', '科目名稱', '成果類別', '簡述'];
const fileColumns = ['文件檔名', '文件SHA-256', '影音檔名', '影音SHA-256'];

function outcome(nationalId: string, code = CODE, files: (string | null)[] = ['a.pdf', SHA, null, null]) {
  return {
    studentId: null,
    cells: ['123456', 115, 0, nationalId, '2008-05-01', code, '物理', '其他課程學習成果', '簡述', ...files],
  };
}

async function answer(rows: Roster['rows'], policy = { maxSelectedOutcomes: 2, maxSelectedPerformances: 10 }) {
  const roster: Roster = {
    path: ROSTER_PATHS.outcomes,
    sheetName: '學生課程學習成果名冊',
    columns: [...columns, ...fileColumns],
    rows,
  };
  const zip = await packageZip([roster], AT);
  const [file, ...rest] = await new ReferenceCentralRepository(policy).send({
    schoolCode: '123456',
    year: 115,
    semester: 2,
    zip,
    at: AT,
  });
  expect(rest).toEqual([]);
  const table = await readTabularFile(file!.bytes, { maxRows: 100 });
  const status = table.headers.indexOf('收訖狀態');
  return {
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
});
