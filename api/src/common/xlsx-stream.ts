/**
 * Reads the first sheet of an XLSX workbook a chunk at a time, with memory that grows with the rows kept (at most
 * maxDataRows) and not with the file, stopping as soon as the sheet has more rows than that or the parts read have
 * inflated past maxUncompressedBytes.
 *
 * Why yauzl and saxes rather than exceljs. `workbook.xlsx.load` builds the whole workbook in memory before a row can be
 * counted (a 300,000-row file took over a minute and gigabytes, blocking the event loop). Its streaming
 * `stream.xlsx.WorkbookReader` reads the zip front to back with unzipper, and Excel writes sharedStrings.xml after the
 * sheets: until the strings are seen it copies each sheet whole to a temporary file (removed once that sheet has been
 * read, or only at exit when the read is abandoned), so the whole sheet is inflated before its first row; it cannot
 * count inflated bytes, trusts the sizes in the local headers and matches sheets to the workbook by file name in zip
 * order. yauzl reads the zip's central directory and opens any part on demand over the buffer, inflates with Node's
 * zlib off the main thread and fails a part that inflates to more than it declared; saxes is the XML parser exceljs
 * itself uses. So the parts are read in the order the reading needs, whatever their order in the zip: the sheet
 * first, then only the shared strings its rows use.
 */
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** One cell as the file holds it: what kind of value it was, and its text. */
export type CellKind = 'empty' | 'text' | 'number' | 'date' | 'formula' | 'other';

/** A cell's value as the sheet holds it, text not yet trimmed. */
export interface SheetValue {
  kind: Exclude<CellKind, 'empty'>;
  text: string;
  /** Date cells: the calendar date written in the sheet, YYYY-MM-DD. */
  date?: string;
}

/** A row that holds at least one value, its cells one per column up to the sheet's widest such row. */
export interface SheetRow {
  rowNumber: number;
  cells: (SheetValue | undefined)[];
}

export interface SheetLimits {
  /** Rows after row 1 that hold a value; one more stops the read. */
  maxDataRows: number;
  /** Bytes all parts read may inflate to, counted as they inflate. */
  maxUncompressedBytes: number;
}

export type XlsxProblemReason = 'MALFORMED' | 'TOO_MANY_ROWS' | 'TOO_LARGE' | 'TOO_WIDE';

export class XlsxProblem extends Error {
  constructor(
    readonly reason: XlsxProblemReason,
    /** TOO_MANY_ROWS: the data rows the sheet says it spans (its <dimension>), when it says so plausibly. */
    readonly declaredRows: number | null = null,
    /** TOO_WIDE: the rightmost column used. */
    readonly width: number | null = null,
  ) {
    super(reason);
  }
}

const MAX_SHEET_ROWS = 1_048_576;
const MAX_SHEET_COLUMNS = 16_384;
/** What one cell slot of the padded table costs; the table counts against the uncompressed cap like the XML does. */
const BYTES_PER_CELL_SLOT = 8;
/** What a kept value costs in memory besides its text (its object and the slots that point at it), roughly. */
const BYTES_PER_VALUE = 64;
/** Column IV: far to the right of any import's columns. */
export const MAX_VALUE_COLUMNS = 256;

/** Built-in number formats that show dates or times: 14–22 and 45–47, and 27–36 and 50–58 in East Asian locales. */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** A custom format shows a date or time when a date or time token is left once quoted text, escapes and [..] go. */
export function isDateFormat(formatCode: string): boolean {
  const tokens = formatCode
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[ymdhsb]/i.test(tokens);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Excel stores dates as day counts whose whole part is the calendar day written in the cell (exceljs' conversion). */
function calendarDateOfSerial(serial: number, date1904: boolean): string | null {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  if (Number.isNaN(date.getTime())) return null;
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Excel writes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x). */
const decodeEscapes = (text: string): string =>
  text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;

/** Element names without their namespace prefix: some writers use <x:c>, most plain <c>. */
const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** "C5" as [5, 3]; a part left out or outside the sheet (a whole-column or whole-row reference) is null. */
function parseRef(ref: string): [row: number | null, column: number | null] {
  let column = 0;
  let i = ref.startsWith('$') ? 1 : 0;
  for (; i < ref.length && column <= MAX_SHEET_COLUMNS; i += 1) {
    const code = ref.charCodeAt(i) | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + code - 0x60;
  }
  const digits = ref.slice(ref[i] === '$' ? i + 1 : i);
  const row = /^\d{1,7}$/.test(digits) ? Number(digits) : 0;
  return [row >= 1 && row <= MAX_SHEET_ROWS ? row : null, column >= 1 && column <= MAX_SHEET_COLUMNS ? column : null];
}

interface XmlHandlers {
  open?: (name: string, attributes: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/** The zip's parts by name, each inflated and parsed on demand, with one count of inflated bytes for all. */
class Package {
  private inflated = 0;

  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
    private readonly maxUncompressedBytes: number,
  ) {}

  static async open(bytes: Buffer, maxUncompressedBytes: number): Promise<Package> {
    const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true });
    const entries = new Map<string, Entry>();
    for await (const entry of zip.eachEntry()) {
      if (!entries.has(entry.fileName)) entries.set(entry.fileName, entry);
    }
    return new Package(zip, entries, maxUncompressedBytes);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  close(): void {
    this.zip.close();
  }

  /** Like parse, for a part always read to its end: one declared larger than what the cap leaves is refused unread. */
  async parseWhole(name: string, handlers: XmlHandlers): Promise<void> {
    const entry = this.entries.get(name);
    if (entry && this.inflated + entry.uncompressedSize > this.maxUncompressedBytes) throw new XlsxProblem('TOO_LARGE');
    await this.parse(name, handlers);
  }

  /**
   * Feeds the part to an XML parser a chunk at a time, giving the event loop a turn after each chunk so that other
   * requests go on during a long read. Stops early once `finished` says so. A missing part reads as empty. The bytes
   * are counted as they inflate, since a declared size may lie (yauzl also fails a part that inflates past it).
   */
  async parse(name: string, handlers: XmlHandlers, finished: () => boolean = () => false): Promise<void> {
    const entry = this.entries.get(name);
    if (!entry) return;
    const parser = new SaxesParser({ xmlns: false, position: false });
    if (handlers.open) {
      const open = handlers.open;
      parser.on('opentag', (tag: SaxesTagPlain) => open(local(tag.name), tag.attributes));
    }
    if (handlers.close) {
      const close = handlers.close;
      parser.on('closetag', (tag: SaxesTagPlain) => close(local(tag.name)));
    }
    if (handlers.text) {
      parser.on('text', handlers.text);
      parser.on('cdata', handlers.text);
    }
    const stream: Readable = await this.zip.openReadStreamPromise(entry);
    const decoder = new StringDecoder('utf8');
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        this.inflated += chunk.length;
        if (this.inflated > this.maxUncompressedBytes) throw new XlsxProblem('TOO_LARGE');
        parser.write(decoder.write(chunk));
        if (finished()) return;
        await yieldToEventLoop();
      }
      parser.write(decoder.end());
      parser.close();
    } finally {
      stream.destroy();
    }
  }
}

interface Relationship {
  type: string;
  target: string;
}

async function readRelationships(pkg: Package, name: string): Promise<Map<string, Relationship>> {
  const relationships = new Map<string, Relationship>();
  await pkg.parseWhole(name, {
    open(element, attributes) {
      if (element !== 'Relationship' || attributes.TargetMode === 'External') return;
      const { Id: id, Type: type, Target: target } = attributes;
      if (id && type && target) relationships.set(id, { type, target });
    },
  });
  return relationships;
}

/** The part a relationship points to: targets are relative to the folder of the part that holds the relationship. */
function resolveTarget(fromPart: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(fromPart), target);
  return posix.normalize(path);
}

const relsOf = (part: string): string => posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);

const findByType = (relationships: Map<string, Relationship>, type: string): Relationship | undefined =>
  [...relationships.values()].find((relationship) => relationship.type.endsWith(`/${type}`));

interface WorkbookParts {
  sheet: string | null;
  sharedStrings: string | null;
  styles: string | null;
  date1904: boolean;
}

/** The first sheet in the order the workbook lists its sheets (not zip order), and the parts its cells refer to. */
async function readWorkbook(pkg: Package): Promise<WorkbookParts> {
  const packageRelationships = await readRelationships(pkg, '_rels/.rels');
  const officeDocument = findByType(packageRelationships, 'officeDocument');
  const workbookPart = officeDocument ? resolveTarget('', officeDocument.target) : 'xl/workbook.xml';
  if (!pkg.has(workbookPart)) throw new XlsxProblem('MALFORMED');

  const sheetIds: string[] = [];
  let date1904 = false;
  await pkg.parseWhole(workbookPart, {
    open(element, attributes) {
      if (element === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      if (element === 'sheet') {
        const idAttribute = Object.keys(attributes).find((key) => key.endsWith(':id'));
        if (idAttribute) sheetIds.push(attributes[idAttribute]!);
      }
    },
  });
  const relationships = await readRelationships(pkg, relsOf(workbookPart));
  const partOf = (relationship: Relationship | undefined): string | null =>
    relationship ? resolveTarget(workbookPart, relationship.target) : null;
  const firstSheet = sheetIds
    .map((id) => relationships.get(id))
    .find((relationship) => relationship?.type.endsWith('/worksheet'));
  return {
    sheet: partOf(firstSheet),
    sharedStrings: partOf(findByType(relationships, 'sharedStrings')),
    styles: partOf(findByType(relationships, 'styles')),
    date1904,
  };
}

/** Which cell styles (the s="" of a cell, an index into cellXfs) show numbers as dates. */
async function readDateStyles(pkg: Package, part: string | null): Promise<boolean[]> {
  if (!part) return [];
  const customFormats = new Map<number, string>();
  const xfFormats: number[] = [];
  const open: string[] = [];
  await pkg.parseWhole(part, {
    open(element, attributes) {
      const parent = open[open.length - 1];
      if (element === 'numFmt' && parent === 'numFmts') {
        customFormats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      } else if (element === 'xf' && parent === 'cellXfs') {
        xfFormats.push(Number(attributes.numFmtId ?? 0));
      }
      open.push(element);
    },
    close() {
      open.pop();
    },
  });
  return xfFormats.map((id) => {
    const custom = customFormats.get(id);
    return custom === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormat(custom);
  });
}

/** A cell read from the sheet: its value, or the index of its text in the shared strings, read afterwards. */
type PendingValue = SheetValue | number;

interface PendingRow {
  columns: number[];
  values: PendingValue[];
  /** The rightmost <c> of the row, value or not: exceljs counted styled empty cells in a row's width. */
  lastColumn: number;
}

interface SheetContents {
  rows: Map<number, PendingRow>;
  merges: [top: number, left: number, bottom: number, right: number][];
}

/** Reads the sheet's rows that hold a value, refusing at the first data row past the limit. */
async function readSheet(
  pkg: Package,
  part: string,
  dateStyles: boolean[],
  date1904: boolean,
  limits: SheetLimits,
): Promise<SheetContents> {
  const { maxDataRows } = limits;
  // What the values kept so far hold in memory, against the same cap as the bytes inflated: a sheet of a hundred
  // megabytes of one-character cells is millions of objects, far more than the bytes that carried them.
  let keptBytes = 0;
  const rows = new Map<number, PendingRow>();
  const merges: SheetContents['merges'] = [];
  let declaredRows: number | null = null;
  let dataRows = 0;

  let inSheetData = false;
  let rowNumber = 0;
  let row: PendingRow | null = null;
  let column = 0;
  let cellType = 'n';
  let cellStyle = 0;
  let hasFormula = false;
  let valueText: string | null = null;
  let inlineText: string | null = null;
  let collecting: 'value' | 'inline' | null = null;
  let inPhonetic = false;
  let inInline = false;

  const cellValue = (): PendingValue | null => {
    if (hasFormula) return { kind: 'formula', text: formulaResult() };
    switch (cellType) {
      case 's': {
        const index = valueText === null ? NaN : Number(valueText);
        return Number.isInteger(index) && index >= 0 ? index : null;
      }
      case 'inlineStr':
        return inlineText === null ? null : { kind: 'text', text: decodeEscapes(inlineText) };
      case 'str':
        return valueText === null ? null : { kind: 'text', text: valueText };
      case 'b':
        return valueText === null ? null : { kind: 'other', text: String(parseInt(valueText, 10) !== 0) };
      case 'e':
        return valueText === null ? null : { kind: 'other', text: valueText };
      case 'd': {
        if (valueText === null) return null;
        const date = /^\d{4}-\d{2}-\d{2}/.exec(valueText)?.[0];
        return date ? { kind: 'date', text: date, date } : { kind: 'text', text: valueText };
      }
      default: {
        if (valueText === null || valueText.trim() === '') return null;
        const number = parseFloat(valueText);
        const date = dateStyles[cellStyle] ? calendarDateOfSerial(number, date1904) : null;
        return date ? { kind: 'date', text: date, date } : { kind: 'number', text: String(number) };
      }
    }
  };

  /** The value Excel cached when it last calculated the formula, as text. */
  const formulaResult = (): string => {
    if (!valueText) return '';
    if (cellType === 'b') return String(parseInt(valueText, 10) !== 0);
    if (cellType === 'str' || cellType === 'e' || cellType === 's') return valueText;
    const number = parseFloat(valueText);
    const date = dateStyles[cellStyle] ? calendarDateOfSerial(number, date1904) : null;
    return date ?? String(number);
  };

  const endRow = (): void => {
    if (!row || row.values.length === 0) return;
    const existing = rows.get(rowNumber);
    if (existing) {
      existing.columns = existing.columns.concat(row.columns);
      existing.values = existing.values.concat(row.values);
      existing.lastColumn = Math.max(existing.lastColumn, row.lastColumn);
      return;
    }
    if (rowNumber > 1) {
      dataRows += 1;
      if (dataRows > maxDataRows) throw new XlsxProblem('TOO_MANY_ROWS', declaredRows);
    }
    rows.set(rowNumber, row);
  };

  await pkg.parse(part, {
    open(element, attributes) {
      if (!inSheetData) {
        if (element === 'sheetData') inSheetData = true;
        else if (element === 'dimension' && attributes.ref) {
          const [bottom] = parseRef(attributes.ref.split(':').pop()!);
          if (bottom !== null && bottom - 1 > maxDataRows) declaredRows = bottom - 1;
        } else if (element === 'mergeCell' && attributes.ref) {
          const [from, to = from] = attributes.ref.split(':') as [string, string?];
          const [top, left] = parseRef(from);
          const [bottom, right] = parseRef(to);
          if (top !== null && left !== null && bottom !== null && right !== null) {
            merges.push([Math.min(top, bottom), Math.min(left, right), Math.max(top, bottom), Math.max(left, right)]);
          }
        }
        return;
      }
      switch (element) {
        case 'row': {
          const number = attributes.r === undefined ? rowNumber + 1 : Number(attributes.r);
          if (!Number.isInteger(number) || number < 1 || number > MAX_SHEET_ROWS) throw new XlsxProblem('MALFORMED');
          rowNumber = number;
          row = { columns: [], values: [], lastColumn: 0 };
          column = 0;
          break;
        }
        case 'c': {
          if (attributes.r === undefined) column += 1;
          else column = parseRef(attributes.r)[1] ?? MAX_SHEET_COLUMNS + 1;
          if (column > MAX_SHEET_COLUMNS) throw new XlsxProblem('MALFORMED');
          cellType = attributes.t ?? 'n';
          cellStyle = attributes.s === undefined ? 0 : Number(attributes.s);
          hasFormula = false;
          valueText = null;
          inlineText = null;
          break;
        }
        case 'f':
          hasFormula = true;
          break;
        case 'v':
          collecting = 'value';
          valueText = '';
          break;
        case 'is':
          inInline = true;
          inlineText = '';
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 't':
          if (inInline && !inPhonetic) collecting = 'inline';
          break;
      }
    },
    text(text) {
      if (collecting === 'value') valueText += text;
      else if (collecting === 'inline') inlineText += text;
    },
    close(element) {
      if (!inSheetData) return;
      switch (element) {
        case 'v':
        case 't':
          collecting = null;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'c': {
          if (!row) throw new XlsxProblem('MALFORMED');
          row.lastColumn = Math.max(row.lastColumn, column);
          const value = cellValue();
          if (value !== null) {
            // No import has more than a few dozen columns; a value this far right is not one of ours.
            if (column > MAX_VALUE_COLUMNS) throw new XlsxProblem('TOO_WIDE', null, column);
            keptBytes += BYTES_PER_VALUE + (typeof value === 'number' ? 0 : value.text.length * 2);
            if (keptBytes > limits.maxUncompressedBytes) throw new XlsxProblem('TOO_LARGE');
            row.columns.push(column);
            row.values.push(value);
          }
          break;
        }
        case 'row':
          endRow();
          row = null;
          break;
        case 'sheetData':
          inSheetData = false;
          break;
      }
    },
  });
  return { rows, merges };
}

/** The shared strings at the given indexes, read up to the last of them; the others are not kept. */
async function readSharedStrings(pkg: Package, part: string | null, wanted: Set<number>): Promise<Map<number, string>> {
  const strings = new Map<number, string>();
  if (!part || wanted.size === 0) return strings;
  let last = 0;
  for (const index of wanted) last = Math.max(last, index);
  let index = 0;
  let text = '';
  let collecting = false;
  let inPhonetic = false;
  await pkg.parse(
    part,
    {
      open(element) {
        if (element === 'si') text = '';
        else if (element === 'rPh') inPhonetic = true;
        else if (element === 't' && !inPhonetic) collecting = true;
      },
      text(chunk) {
        if (collecting) text += chunk;
      },
      close(element) {
        if (element === 't') collecting = false;
        else if (element === 'rPh') inPhonetic = false;
        else if (element === 'si') {
          if (wanted.has(index)) strings.set(index, decodeEscapes(text));
          index += 1;
        }
      },
    },
    () => index > last,
  );
  return strings;
}

type Table = Map<number, (SheetValue | undefined)[]>;

/**
 * The rows with one cell per column up to the widest row, as exceljs gave them. Each slot counts against the cap, so
 * that a sheet with a value in its last column (XFD) on every row is refused rather than expanded.
 */
class PaddedTable {
  readonly rows: Table = new Map();

  constructor(
    readonly width: number,
    private readonly limits: SheetLimits,
  ) {}

  row(rowNumber: number): (SheetValue | undefined)[] {
    let cells = this.rows.get(rowNumber);
    if (!cells) {
      if ((this.rows.size + 1) * this.width * BYTES_PER_CELL_SLOT > this.limits.maxUncompressedBytes) {
        throw new XlsxProblem('TOO_WIDE', null, this.width);
      }
      cells = Array<SheetValue | undefined>(this.width).fill(undefined);
      this.rows.set(rowNumber, cells);
    }
    return cells;
  }

  /**
   * Merged cells read as the value of their top-left cell, as exceljs read them, within the rows and columns the
   * sheet uses (a merge reaching to the sheet's last row adds nothing past the last row read).
   */
  applyMerges(merges: SheetContents['merges']): void {
    let lastRow = 0;
    for (const rowNumber of this.rows.keys()) lastRow = Math.max(lastRow, rowNumber);
    let dataRows = [...this.rows.keys()].filter((rowNumber) => rowNumber > 1).length;
    for (const [top, left, bottom, right] of merges) {
      const master = this.rows.get(top)?.[left - 1];
      if (!master) continue;
      for (let rowNumber = top; rowNumber <= Math.min(bottom, lastRow); rowNumber += 1) {
        if (!this.rows.has(rowNumber) && rowNumber > 1 && (dataRows += 1) > this.limits.maxDataRows) {
          throw new XlsxProblem('TOO_MANY_ROWS');
        }
        this.row(rowNumber).fill(master, left - 1, Math.min(right, this.width));
      }
    }
  }

  sorted(): SheetRow[] {
    return [...this.rows.keys()]
      .sort((a, b) => a - b)
      .map((rowNumber) => ({ rowNumber, cells: this.rows.get(rowNumber)! }));
  }
}

/** Reads the rows of the first sheet that hold a value, each with one cell per column. */
export async function readFirstSheet(bytes: Buffer, limits: SheetLimits): Promise<SheetRow[]> {
  let pkg: Package;
  try {
    pkg = await Package.open(bytes, limits.maxUncompressedBytes);
  } catch {
    throw new XlsxProblem('MALFORMED');
  }
  try {
    const parts = await readWorkbook(pkg);
    if (!parts.sheet) return [];
    if (!pkg.has(parts.sheet)) throw new XlsxProblem('MALFORMED');
    const dateStyles = await readDateStyles(pkg, parts.styles);
    const contents = await readSheet(pkg, parts.sheet, dateStyles, parts.date1904, limits);

    const wanted = new Set<number>();
    let width = 0;
    for (const row of contents.rows.values()) {
      width = Math.max(width, row.lastColumn);
      for (const value of row.values) if (typeof value === 'number') wanted.add(value);
    }
    const strings = await readSharedStrings(pkg, parts.sharedStrings, wanted);

    const table = new PaddedTable(width, limits);
    for (const [rowNumber, row] of contents.rows) {
      const cells = table.row(rowNumber);
      row.values.forEach((value, index) => {
        const text = typeof value === 'number' ? strings.get(value) : undefined;
        cells[row.columns[index]! - 1] =
          typeof value !== 'number' ? value : text === undefined ? undefined : { kind: 'text', text };
      });
    }
    table.applyMerges(contents.merges);
    return table.sorted();
  } catch (error) {
    throw error instanceof XlsxProblem ? error : new XlsxProblem('MALFORMED');
  } finally {
    pkg.close();
  }
}

/** "C" for column 3, "AA" for 27: how Excel names a column. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}
