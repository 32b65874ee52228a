import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FileProblem, readTabularFile } from '../tabular-file.js';

const OPTIONS = { maxRows: 1000 };
const CSV = '學號,姓名,出生日期\r\n1150001,王小明,99/03/05\r\n1150002,"陳,大文",99/04/01\r\n';

async function problemOf(bytes: Buffer, options = OPTIONS): Promise<string> {
  try {
    await readTabularFile(bytes, options);
  } catch (error) {
    if (error instanceof FileProblem) return error.code;
    throw error;
  }
  throw new Error('expected a FileProblem');
}

async function xlsx(build: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('名冊'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('reading CSV as Excel in Taiwan writes it', () => {
  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]), 'utf-8'],
    ['UTF-8 without BOM', Buffer.from(CSV, 'utf8'), 'utf-8'],
    ['Big5 (CP950)', iconv.encode(CSV, 'cp950'), 'big5'],
    ['UTF-16 (Unicode 文字)', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(CSV, 'utf-16le')]), 'utf-16'],
  ])('reads %s', async (_name, bytes, encoding) => {
    const file = await readTabularFile(bytes, OPTIONS);
    expect(file.encoding).toBe(encoding);
    expect(file.headers).toEqual(['學號', '姓名', '出生日期']);
    expect(file.rows.map((row) => [row.rowNumber, row.cells.map((c) => c.text)])).toEqual([
      [2, ['1150001', '王小明', '99/03/05']],
      [3, ['1150002', '陳,大文', '99/04/01']],
    ]);
  });

  it('keeps row numbers when blank lines sit between rows', async () => {
    const file = await readTabularFile(Buffer.from('學號,姓名\n1,甲\n,\n3,丙\n'), OPTIONS);
    expect(file.rows.map((row) => row.rowNumber)).toEqual([2, 4]);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'EMPTY_FILE'],
    ['a file of blank lines', Buffer.from('\r\n\r\n'), 'EMPTY_FILE'],
    ['an old .xls file', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'OLD_EXCEL_FORMAT'],
    ['bytes in no known encoding', Buffer.from([0x41, 0x2c, 0x42, 0x0a, 0xff, 0xff, 0xff, 0x80, 0x0a]), 'BAD_ENCODING'],
    ['an unclosed quote', Buffer.from('學號,姓名\n1,"王小明\n2,陳大文\n'), 'MALFORMED_CSV'],
    ['more rows than one import takes', Buffer.from(`學號\n${'1\n'.repeat(1001)}`), 'TOO_MANY_ROWS'],
  ])('refuses %s with a clear problem', async (_name, bytes, code) => {
    expect(await problemOf(bytes)).toBe(code);
  });

  it('says how many rows a too-large file has and what to do', async () => {
    const bytes = Buffer.from(`學號\n${'1\n'.repeat(100_000)}`);
    await expect(readTabularFile(bytes, { maxRows: 20_000 })).rejects.toThrow(
      '檔案有 100,000 列資料，超過單次匯入上限 20,000 列，請分成幾個檔案匯入。',
    );
  });
});

describe('reading XLSX', () => {
  it('reads the first sheet with the kind of each cell', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(['學號', '姓名', '出生日期', '座號', '備註']);
      sheet.addRow(['1150001', '王小明', new Date(Date.UTC(2010, 2, 5)), 7, { formula: 'A2&"x"', result: '1150001x' }]);
    });
    const file = await readTabularFile(bytes, OPTIONS);
    expect(file.format).toBe('xlsx');
    expect(file.headers).toEqual(['學號', '姓名', '出生日期', '座號', '備註']);
    expect(file.rows[0]!.cells).toEqual([
      { kind: 'text', text: '1150001' },
      { kind: 'text', text: '王小明' },
      { kind: 'date', text: '2010-03-05', date: '2010-03-05' },
      { kind: 'number', text: '7' },
      { kind: 'formula', text: '1150001x' },
    ]);
  });

  it('refuses a truncated workbook', async () => {
    const bytes = await xlsx((sheet) => sheet.addRow(['學號']));
    expect(await problemOf(bytes.subarray(0, Math.floor(bytes.length / 2)))).toBe('MALFORMED_XLSX');
  });

  it('refuses a workbook with too many rows before reading them all', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(['學號']);
      for (let i = 0; i < 1001; i += 1) sheet.addRow([String(i)]);
    });
    expect(await problemOf(bytes)).toBe('TOO_MANY_ROWS');
  });
});
