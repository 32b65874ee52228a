import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { FileProblem, type ReadOptions, readTabularFile } from '../tabular-file.js';

const OPTIONS = { maxRows: 1000 };
const CSV = '學號,姓名,出生日期\r\n1150001,王小明,99/03/05\r\n1150002,"陳,大文",99/04/01\r\n';

async function fileProblemOf(bytes: Buffer, options: ReadOptions = OPTIONS): Promise<FileProblem> {
  try {
    await readTabularFile(bytes, options);
  } catch (error) {
    if (error instanceof FileProblem) return error;
    throw error;
  }
  throw new Error('expected a FileProblem');
}

const problemOf = async (bytes: Buffer, options: ReadOptions = OPTIONS): Promise<string> =>
  (await fileProblemOf(bytes, options)).code;

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

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Package {
  /** The <sheetData> rows of each sheet, and what follows <sheetData> (merged cells), in the order the workbook lists them. */
  sheets: { rows: string; dimension?: string; after?: string }[];
  sharedStrings?: string[];
  /** <numFmts> and <cellXfs> of styles.xml. */
  styles?: string;
  /** Where the parts go in the zip: Excel writes the shared strings after the sheets. */
  order?: 'excel' | 'sheets-last';
  /** The sheet's part names in the zip, when they should not be sheet1.xml, sheet2.xml... in workbook order. */
  sheetFiles?: string[];
}

/** An XLSX package written part by part, as Excel lays it out, so that the order in the zip and each part are known. */
async function handWritten(spec: Package): Promise<Buffer> {
  const sheetFiles = spec.sheetFiles ?? spec.sheets.map((_, index) => `sheet${index + 1}.xml`);
  const parts: [string, string][] = [
    [
      '[Content_Types].xml',
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `${XML}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${XML}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${spec.sheets
        .map((_, index) => `<sheet name="工作表${index + 1}" sheetId="${index + 1}" r:id="rIdSheet${index + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML}<Relationships xmlns="${PACKAGE_REL_NS}">${sheetFiles
        .map(
          (file, index) =>
            `<Relationship Id="rIdSheet${index + 1}" Type="${REL_NS}/worksheet" Target="worksheets/${file}"/>`,
        )
        .join(
          '',
        )}<Relationship Id="rIdStyles" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rIdStrings" Type="${REL_NS}/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>`,
    ],
  ];
  const sheets: [string, string][] = spec.sheets.map((sheet, index) => [
    `xl/worksheets/${sheetFiles[index]}`,
    `${XML}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${sheet.dimension ? `<dimension ref="${sheet.dimension}"/>` : ''}<sheetData>${sheet.rows}</sheetData>${sheet.after ?? ''}</worksheet>`,
  ]);
  const styles: [string, string] = [
    'xl/styles.xml',
    `${XML}<styleSheet xmlns="${MAIN_NS}">${spec.styles ?? '<cellXfs count="1"><xf numFmtId="0"/></cellXfs>'}</styleSheet>`,
  ];
  const strings: [string, string] = [
    'xl/sharedStrings.xml',
    `${XML}<sst xmlns="${MAIN_NS}" count="${spec.sharedStrings?.length ?? 0}">${(spec.sharedStrings ?? [])
      .map((text) =>
        text.startsWith('<') ? `<si>${text}</si>` : `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`,
      )
      .join('')}</sst>`,
  ];
  const ordered =
    spec.order === 'sheets-last' ? [...parts, styles, strings, ...sheets] : [...parts, ...sheets, styles, strings];
  const zip = new JSZip();
  for (const [name, text] of ordered) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A row of shared-string cells: `sharedRow(2, 0, 1)` is row 2 with columns A and B holding strings 0 and 1. */
const sharedRow = (row: number, ...indexes: number[]): string =>
  `<row r="${row}">${indexes.map((index, column) => `<c r="${String.fromCharCode(65 + column)}${row}" t="s"><v>${index}</v></c>`).join('')}</row>`;

const inlineRow = (row: number, ...texts: string[]): string =>
  `<row r="${row}">${texts.map((text, column) => `<c r="${String.fromCharCode(65 + column)}${row}" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`).join('')}</row>`;

describe('reading XLSX as Excel lays it out', () => {
  it('reads the cells of each kind, with the shared strings after the sheet in the zip', async () => {
    const bytes = await handWritten({
      sharedStrings: [
        '學號',
        '姓名',
        '出生日期',
        '入學',
        '公式',
        '備註',
        '在學',
        ' 1150001 ',
        '<r><t>王</t></r><r><rPr><b/></rPr><t>小明</t></r><rPh sb="0" eb="1"><t>ㄨㄤˊ</t></rPh>',
      ],
      styles:
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="[$-404]e&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
        '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs>',
      sheets: [
        {
          rows:
            sharedRow(1, 0, 1, 2, 3, 4, 5, 6) +
            '<row r="2"><c r="A2" t="s"><v>7</v></c><c r="B2" t="s"><v>8</v></c><c r="C2" s="1"><v>40242</v></c>' +
            '<c r="D2" s="2"><v>40422.5</v></c><c r="E2" t="str"><f>A2&amp;"x"</f><v>1150001x</v></c>' +
            '<c r="F2" t="inlineStr"><is><r><t>行內</t></r><r><t>文字 </t></r></is></c><c r="G2" t="b"><v>1</v></c></row>' +
            '<row r="3"><c r="A3" s="3"><v>1234.5</v></c><c r="E3"><f t="shared" ref="E3:E4" si="0">1+1</f><v>2</v></c></row>',
        },
      ],
    });
    const file = await readTabularFile(bytes, OPTIONS);
    expect(file.headers).toEqual(['學號', '姓名', '出生日期', '入學', '公式', '備註', '在學']);
    expect(file.rows).toEqual([
      {
        rowNumber: 2,
        cells: [
          { kind: 'text', text: '1150001' },
          { kind: 'text', text: '王小明' },
          { kind: 'date', text: '2010-03-05', date: '2010-03-05' },
          { kind: 'date', text: '2010-09-01', date: '2010-09-01' },
          { kind: 'formula', text: '1150001x' },
          { kind: 'text', text: '行內文字' },
          { kind: 'other', text: 'true' },
        ],
      },
      {
        rowNumber: 3,
        cells: [
          { kind: 'number', text: '1234.5' },
          { kind: 'empty', text: '' },
          { kind: 'empty', text: '' },
          { kind: 'empty', text: '' },
          { kind: 'formula', text: '2' },
          { kind: 'empty', text: '' },
          { kind: 'empty', text: '' },
        ],
      },
    ]);
  });

  it('reads the first sheet the workbook lists, whatever the order of the sheets in the zip', async () => {
    const bytes = await handWritten({
      sheets: [{ rows: inlineRow(1, '第一張') }, { rows: inlineRow(1, '第二張') }],
      sheetFiles: ['sheet2.xml', 'sheet1.xml'],
      order: 'sheets-last',
    });
    expect((await readTabularFile(bytes, OPTIONS)).headers).toEqual(['第一張']);
  });

  it('reads a merged cell as the value of its top-left cell, as before', async () => {
    const bytes = await handWritten({
      sheets: [
        {
          rows:
            inlineRow(1, '班級', '座號') +
            inlineRow(2, '101', '1') +
            '<row r="3"><c r="A3"/><c r="B3" t="inlineStr"><is><t>2</t></is></c></row>',
          after: '<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>',
        },
      ],
    });
    const file = await readTabularFile(bytes, OPTIONS);
    expect(file.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['101', '1'],
      ['101', '2'],
    ]);
  });

  it('stops at the first row past the limit without reading the rest of the sheet', async () => {
    const rows = Array.from({ length: 30 }, (_, index) => inlineRow(index + 1, String(index)));
    // The XML breaks off after row 30: a reader that went on past row 12 (the 11th data row) would call it damaged.
    const bytes = await handWritten({
      sheets: [{ rows: `${rows.join('')}<row r="31"><c r="A31" t="inlineStr"><is><t>&` }],
    });
    const problem = await fileProblemOf(bytes, { maxRows: 10 });
    expect(problem.code).toBe('TOO_MANY_ROWS');
    expect(problem.message).toBe('檔案超過單次匯入上限 10 列資料，請分成幾個檔案匯入。');
  });

  it('says how many rows the sheet spans when it says so itself', async () => {
    const rows = Array.from({ length: 30 }, (_, index) => inlineRow(index + 1, String(index))).join('');
    const bytes = await handWritten({
      sheets: [{ rows: `${rows}<row r="31"><c r="A31" t="inlineStr"><is><t>&`, dimension: 'A1:T300001' }],
    });
    expect((await fileProblemOf(bytes, { maxRows: 10 })).message).toBe(
      '檔案有 300,000 列資料，超過單次匯入上限 10 列，請分成幾個檔案匯入。',
    );
  });

  it('refuses a workbook whose parts inflate past the cap, counting what actually inflates', async () => {
    // 4,000 rows of 20 cells: about 800 KB of XML in a file of about 200 KB.
    const row = (number: number): string =>
      `<row r="${number}">${Array.from({ length: 20 }, (_, column) => `<c r="${String.fromCharCode(65 + column)}${number}"><v>${column}</v></c>`).join('')}</row>`;
    const bytes = await handWritten({
      sheets: [{ rows: Array.from({ length: 4000 }, (_, index) => row(index + 1)).join('') }],
    });
    expect(bytes.length).toBeLessThan(512 * 1024);
    expect((await readTabularFile(bytes, { maxRows: 10_000 })).rows).toHaveLength(3999);
    const problem = await fileProblemOf(bytes, { maxRows: 10_000, maxUncompressedBytes: 512 * 1024 });
    expect(problem.code).toBe('TOO_LARGE_UNCOMPRESSED');
    expect(problem.message).toBe(
      '這個 Excel 檔解壓縮後超過 512 KB 的上限，請刪除不需要的工作表、圖片或格式，或分成幾個檔案匯入。',
    );
  });

  it('refuses a part that declares a small size and inflates to more', async () => {
    const styles = `<cellXfs count="1"><xf numFmtId="0"/></cellXfs>${' '.repeat(1_000_000)}`;
    const bytes = await handWritten({ sheets: [{ rows: inlineRow(1, '學號') + inlineRow(2, '1') }], styles });
    // The central directory and the local header of styles.xml both claim 1,000 bytes.
    const name = Buffer.from('xl/styles.xml');
    for (const [signature, sizeOffset, nameOffset] of [
      [0x04034b50, 22, 30],
      [0x02014b50, 24, 46],
    ] as const) {
      for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
        const start = at - nameOffset;
        if (start >= 0 && bytes.readUInt32LE(start) === signature) bytes.writeUInt32LE(1000, start + sizeOffset);
      }
    }
    expect(await problemOf(bytes, { maxRows: 10, maxUncompressedBytes: 10_000 })).toBe('MALFORMED_XLSX');
  });

  it('refuses a sheet padded out to its last column rather than expanding it', async () => {
    const rows = Array.from(
      { length: 2000 },
      (_, index) => `<row r="${index + 1}"><c r="XFD${index + 1}"><v>1</v></c></row>`,
    );
    const bytes = await handWritten({ sheets: [{ rows: rows.join('') }] });
    const problem = await fileProblemOf(bytes, { maxRows: 10_000 });
    expect(problem.code).toBe('TOO_LARGE_UNCOMPRESSED');
    expect(problem.message).toContain('第 XFD 欄');
  });
});

describe('what a sheet costs in memory', () => {
  it('refuses a value far to the right of any import’s columns', async () => {
    const bytes = await handWritten({
      sheets: [{ rows: `${inlineRow(1, '學號')}<row r="2"><c r="KN2"><v>1</v></c></row>` }],
    });
    const problem = await fileProblemOf(bytes);
    expect(problem.code).toBe('TOO_LARGE_UNCOMPRESSED');
    expect(problem.message).toBe(
      '工作表第 KN 欄有資料，超出匯入檔案可用的範圍（最多到 IV 欄），請刪除右側多餘的欄後另存再上傳。',
    );
  });

  it('counts the values it keeps against the cap, not only the bytes that carried them', async () => {
    // 20,000 one-digit cells: 300 KB of XML, well under the cap, but over a megabyte as objects in memory.
    const row = (n: number) => `<row r="${n}">${'<c><v>1</v></c>'.repeat(10)}</row>`;
    const bytes = await handWritten({
      sheets: [{ rows: Array.from({ length: 2000 }, (_, i) => row(i + 1)).join('') }],
    });
    expect(bytes.length).toBeLessThan(100_000);
    expect(await problemOf(bytes, { maxRows: 10_000, maxUncompressedBytes: 1_000_000 })).toBe('TOO_LARGE_UNCOMPRESSED');
    expect((await readTabularFile(bytes, { maxRows: 10_000, maxUncompressedBytes: 4_000_000 })).rows).toHaveLength(
      1999,
    );
  });
});

describe('control characters in cells', () => {
  const utf16 = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

  it('refuses a UTF-16 CSV with a NUL in a cell, naming the row and the column', async () => {
    const problem = await fileProblemOf(
      utf16('學號\t姓名\r\n1150001\t王小明\r\n1150002\t陳\u0000大文\r\n'.replace(/\t/g, ',')),
    );
    expect(problem.code).toBe('CONTROL_CHARACTERS');
    expect(problem.message).toBe('第 3 列「姓名」欄含有無法處理的控制字元，請刪除後另存再上傳。');
  });

  it.each([
    ['a C0 control in UTF-8', Buffer.from('學號,姓名\n1,王\u0001明\n'), '第 2 列「姓名」欄'],
    ['DEL in UTF-8', Buffer.from('學號,姓名\n1,王明\u007f\n'), '第 2 列「姓名」欄'],
    ['a C1 control in UTF-8', Buffer.from('學號,姓名\n1,王\u0085明\n'), '第 2 列「姓名」欄'],
    ['a vertical tab in UTF-8', Buffer.from('學號,姓名\n1,"王\u000b明"\n'), '第 2 列「姓名」欄'],
    ['a lone surrogate in UTF-16', utf16('學號,姓名\n1,王\ud800明\n'), '第 2 列「姓名」欄'],
    [
      'a lone surrogate in big-endian UTF-16',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('學號,姓名\n1,王\udc00明\n', 'utf16le').swap16()]),
      '第 2 列「姓名」欄',
    ],
    ['a NUL in Big5', iconv.encode('學號,姓名\n1,王明\n2,陳\u0000大文\n', 'cp950'), '第 3 列「姓名」欄'],
    ['a NUL in the header', Buffer.from('學號,姓\u0000名\n1,王明\n'), '第 1 列 B 欄'],
  ])('refuses %s', async (_name, bytes, where) => {
    const problem = await fileProblemOf(bytes);
    expect(problem.code).toBe('CONTROL_CHARACTERS');
    expect(problem.message).toContain(where);
  });

  it('refuses an XLSX with a NUL in a cell, naming the row and the column', async () => {
    const bytes = await handWritten({
      sharedStrings: ['學號', '姓名', '1150001', '王小明', '1150002', '陳_x0000_大文'],
      sheets: [{ rows: sharedRow(1, 0, 1) + sharedRow(2, 2, 3) + sharedRow(3, 4, 5) }],
    });
    const problem = await fileProblemOf(bytes);
    expect(problem.code).toBe('CONTROL_CHARACTERS');
    expect(problem.message).toBe('第 3 列「姓名」欄含有無法處理的控制字元，請刪除後另存再上傳。');
  });

  it('refuses an XLSX with a lone surrogate or a C1 control in an inline string', async () => {
    for (const text of ['王_xD800_明', '王\u0085明']) {
      const bytes = await handWritten({ sheets: [{ rows: inlineRow(1, '學號', '姓名') + inlineRow(2, '1', text) }] });
      expect(await fileProblemOf(bytes)).toMatchObject({
        code: 'CONTROL_CHARACTERS',
        message: expect.stringContaining('第 2 列「姓名」欄'),
      });
    }
  });

  it('keeps tabs and line breaks inside a cell', async () => {
    const csv = await readTabularFile(Buffer.from('學號,備註\r\n1,"第一行\r\n第二行\t附註"\r\n'), OPTIONS);
    expect(csv.rows[0]!.cells[1]!.text).toBe('第一行\r\n第二行\t附註');
    const xlsx = await readTabularFile(
      await handWritten({
        sheets: [{ rows: inlineRow(1, '學號', '備註') + inlineRow(2, '1', '第一行_x000D_\n第二行\t附註') }],
      }),
      OPTIONS,
    );
    expect(xlsx.rows[0]!.cells[1]!.text).toBe('第一行\r\n第二行\t附註');
  });
});
