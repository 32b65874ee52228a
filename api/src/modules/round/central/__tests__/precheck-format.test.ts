import { describe, expect, it } from 'vitest';
import { readTabularFile } from '../../../../common/tabular-file.js';
import { ReferenceCentralRepository } from '../central-gateway.js';
import { ROSTER_PATHS, type Roster } from '../rosters.js';
import { rosterWorkbook } from '../central-workbook.js';
import { PRECHECK_RESULT_COLUMNS, readPrecheckResult } from '../precheck-format.js';

const AT = new Date('2026-11-28T09:00:00+08:00');
const CODE = '00000000000000011010201';
const columns = ['學校代碼', '學年度', '學期', '身分證號', '出生日期', '學號', '課程代碼', '科目名稱', '開課年級'];

const enrolment = (nationalId: string, code = CODE, birth = '2008-05-01', school = '123456') => ({
  studentId: null,
  cells: [school, 115, 1, nationalId, birth, 's1', code, '物理', 10],
});

async function compare(rows: Roster['rows']) {
  const roster: Roster = { path: ROSTER_PATHS.grades, sheetName: '學生成績名冊', columns, rows };
  const answer = await new ReferenceCentralRepository({ maxSelectedOutcomes: 6, maxSelectedPerformances: 10 }).precheck(
    { schoolCode: '123456', year: 115, semester: 1, roster: await rosterWorkbook(roster, AT), at: AT },
  );
  const table = await readTabularFile(answer.bytes, { maxRows: 100 });
  return { answer, table };
}

const csv = (rows: string[][]) => Buffer.from(rows.map((row) => row.join(',')).join('\r\n'), 'utf8');

describe('the pre-check comparison', () => {
  it('answers 相符, or 不符 for a bad national ID, birth date or course code, another school, and a duplicate', async () => {
    const { answer, table } = await compare([
      enrolment('A123456789'),
      enrolment('A123456788'),
      enrolment('A123456789', '0000000000000001101020'),
      enrolment('A123456789'),
      enrolment('B123456780', CODE, '2008/05/01'),
      enrolment('A123456789', CODE, '2008-05-01', '999999'),
    ]);
    expect(table.headers).toEqual(PRECHECK_RESULT_COLUMNS);
    expect(answer.fileName).toBe('預檢比對結果_123456_1151.xlsx');
    const read = readPrecheckResult(table);
    if (!('rows' in read)) throw new Error(read.message);
    expect(read.rows.map((row) => [row.kind, row.explanation.replace(/：.*/, '')])).toEqual([
      [null, ''],
      ['MISMATCH', '身分證號'],
      ['MISMATCH', '課程代碼'],
      ['MISMATCH', '同一學生的同一課程代碼重複列出。'],
      ['MISMATCH', '出生日期格式不正確。'],
      ['MISMATCH', '學校代碼與預檢學校不符。'],
    ]);
    expect(read.rows[0]).toMatchObject({ schoolCode: '123456', year: '115', semester: '1', studentNumber: 's1' });
    expect([answer.matched, answer.mismatched]).toEqual([1, 5]);
  });

  it('reads a CSV result and names what is wrong with a file that is not one', async () => {
    const header = PRECHECK_RESULT_COLUMNS;
    const good = await readTabularFile(
      csv([header, ['123456', '115', '1', 'a123456789', 's1', CODE, '學校未列', '中央有此紀錄']]),
      { maxRows: 10 },
    );
    const read = readPrecheckResult(good);
    expect('rows' in read && read.rows[0]).toMatchObject({
      kind: 'NOT_LISTED_BY_SCHOOL',
      nationalId: 'A123456789',
      explanation: '中央有此紀錄',
    });

    const noVerdict = await readTabularFile(csv([header.slice(0, 6), ['123456', '115', '1', 'A1', 's1', CODE]]), {
      maxRows: 10,
    });
    expect(readPrecheckResult(noVerdict)).toMatchObject({ code: 'NOT_A_PRECHECK_RESULT' });
    expect((readPrecheckResult(noVerdict) as { message: string }).message).toMatch(/比對結果、說明/);
    const odd = await readTabularFile(csv([header, ['123456', '115', '1', 'A1', 's1', CODE, '大概', '']]), {
      maxRows: 10,
    });
    expect(readPrecheckResult(odd)).toMatchObject({ code: 'INVALID_PRECHECK_ROW' });
    const blank = await readTabularFile(csv([header, ['123456', '115', '1', '', 's1', CODE, '相符', '']]), {
      maxRows: 10,
    });
    expect(readPrecheckResult(blank)).toMatchObject({ code: 'INVALID_PRECHECK_ROW' });
  });
});
