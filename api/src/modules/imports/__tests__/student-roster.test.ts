import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseStudentRoster, STUDENT_COLUMNS } from '../student-roster.js';
import { readTabularFile } from '../../../common/tabular-file.js';
import { importTemplate } from '../templates.js';

const TODAY = new Date('2026-11-28T09:00:00+08:00');
const HEADER = '學號,身分證號,姓名,出生日期,性別,班級,座號,入學年度,學籍狀態';

async function roster(lines: string[], encoding: 'utf8' | 'cp950' = 'utf8') {
  const text = [HEADER, ...lines].join('\r\n');
  const bytes = encoding === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'cp950');
  return parseStudentRoster(await readTabularFile(bytes, { maxRows: 1000 }), TODAY);
}

describe('the student roster', () => {
  it('reads valid rows, with ROC dates, genders and statuses in Chinese', async () => {
    const { rows, problems } = await roster([
      '1150001,A123456789,王小明,99/03/05,男,101,1,115,在學',
      '1150002,f131104093,陳小華,0990401,女,101,,115,',
    ]);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        rowNumber: 2,
        studentNumber: '1150001',
        nationalId: 'A123456789',
        name: '王小明',
        birthDate: '2010-03-05',
        gender: 'M',
        className: '101',
        seatNumber: 1,
        cohort: 115,
        status: 'ENROLLED',
      },
      {
        rowNumber: 3,
        studentNumber: '1150002',
        nationalId: 'F131104093',
        name: '陳小華',
        birthDate: '2010-04-01',
        gender: 'F',
        className: '101',
        seatNumber: null,
        cohort: 115,
        status: 'ENROLLED',
      },
    ]);
  });

  it('reports every problem of a Big5 file by row number and column, in Chinese', async () => {
    const { rows, problems } = await roster(
      [
        '1150001,A123456789,王小明,99/03/05,男,101,1,115,在學',
        '1150002,A123456788,陳小華,99/02/30,不明,101,一,115,退學',
        '1150001,F131104093,林小美,99/05/05,女,101,3,115,在學',
      ],
      'cp950',
    );
    expect(rows.map((row) => row.rowNumber)).toEqual([2]);
    expect(problems.map((p) => p.message)).toEqual([
      '第 3 列「出生日期」：「99/02/30」不是日期，請寫成 99/03/05 或 2010-03-05。',
      '第 3 列「座號」：請填數字。',
      '第 3 列「性別」：請填「男」或「女」。',
      '第 3 列「學籍狀態」：請填在學、休學、轉出或畢業。',
      '第 3 列「身分證號」：身分證字號檢查碼不正確，請再核對一次。',
      '第 4 列「學號」：與第 2 列重複。',
    ]);
  });

  it('names missing columns on the header row', async () => {
    const file = await readTabularFile(Buffer.from('學號,姓名\n1,甲\n'), { maxRows: 10 });
    const { problems } = parseStudentRoster(file, TODAY);
    expect(problems.map((p) => p.message)).toContain('第 1 列「身分證號」：缺少這個欄位，請使用下載的範本。');
  });

  it('refuses formulas and dates in text cells of a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名冊');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([
      { formula: '"115"&"0001"', result: '1150001' },
      'A123456789',
      '王小明',
      new Date(Date.UTC(2010, 2, 5)),
      '男',
      new Date(Date.UTC(2026, 0, 1)),
      1,
      115,
      '在學',
    ]);
    const file = await readTabularFile(Buffer.from(await workbook.xlsx.writeBuffer()), { maxRows: 10 });
    const { rows, problems } = parseStudentRoster(file, TODAY);
    expect(rows).toEqual([]);
    expect(problems.map((p) => p.code)).toEqual(['FORMULA_CELL', 'DATE_IN_TEXT_CELL']);
  });

  it('reads back its own templates', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const file = await readTabularFile(await importTemplate(STUDENT_COLUMNS, format), { maxRows: 10 });
      const { rows, problems } = parseStudentRoster(file, TODAY);
      expect(problems, format).toEqual([]);
      expect(rows[0], format).toMatchObject({
        studentNumber: '1150001',
        nationalId: 'A123456789',
        birthDate: '2010-03-05',
        gender: 'M',
      });
    }
  });
});
