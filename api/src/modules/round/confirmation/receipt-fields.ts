import type { AppContext } from '../../../common/context.js';
import { formatRocCalendarDate, isIsoCalendarDate } from '../../../common/roc.js';
import { NATIONAL_ID_COLUMN } from '../central/rosters.js';
import type { ReceiptRow } from '../receipt.entity.js';

/** One field of a receipt row as a person checks it: the roster's column name and the submitted value. */
export interface ReceiptField {
  label: string;
  value: string;
}

type Cell = string | number | null | undefined;

/** Columns every row of a package repeats (the school, the period, the birth date) or that no one reads here. */
const HIDDEN = new Set(['學校代碼', '學年度', '學期', NATIONAL_ID_COLUMN, '出生日期']);
const HASH = /[0-9a-f]{64}/;
const FILE_ENTRY = /[0-9a-f]{64}(?:\.(\w+))?$/;

/** A cell as text: ISO dates in ROC form, a packaged file by its kind (the name is its hash), nothing as —. */
function shown(cell: Cell): string {
  if (cell === null || cell === undefined || String(cell).trim() === '') return '—';
  const text = String(cell).trim();
  if (isIsoCalendarDate(text)) return formatRocCalendarDate(text);
  const file = FILE_ENTRY.exec(text);
  if (file) return file[1] ? `已附檔案（${file[1].toUpperCase()}）` : '已附檔案';
  return text.replace(HASH, (hash) => `${hash.slice(0, 12)}…`);
}

/**
 * The fields of a submitted row a student checks (e.g. a competition's 獎項), from the row's cells and its roster's
 * columns: not the school and the period every row repeats, never the national ID (its cell is kept empty anyway),
 * no SHA-256 column, a choice's code column only where the roster has no column with its label, and no empty cell
 * (an optional field left blank, a grade not given). Without the
 * columns (a row the central database listed but the school did not send, or a submission made before they were
 * kept), the row's identifying fields.
 */
export function receiptRowFields(
  columns: string[] | null | undefined,
  cells: Cell[] | null | undefined,
  keyFields: Record<string, string>,
): ReceiptField[] {
  if (!columns || !cells) return Object.entries(keyFields).map(([label, value]) => ({ label, value: shown(value) }));
  const names = new Set(columns);
  return columns.flatMap((label, index) => {
    if (HIDDEN.has(label) || label.endsWith('SHA-256')) return [];
    if (label.endsWith('代碼') && names.has(label.slice(0, -'代碼'.length))) return [];
    const cell = cells[index];
    if (cell === null || cell === undefined || String(cell).trim() === '') return [];
    return [{ label, value: shown(cell) }];
  });
}

/** The submitted values of a row by column name (raw text), for finding the record it names. */
export function receiptRowValues(
  columns: string[] | null | undefined,
  cells: Cell[] | null | undefined,
  keyFields: Record<string, string>,
): Record<string, string> {
  if (!columns || !cells) return { ...keyFields };
  return Object.fromEntries(
    columns.map((name, index) => [
      name,
      cells[index] === null || cells[index] === undefined ? '' : String(cells[index]),
    ]),
  );
}

/** A receipt row's fields as submitted (receiptRowFields), read through the request's loaders. */
export async function fieldsOfRow(ctx: AppContext, row: ReceiptRow): Promise<ReceiptField[]> {
  const [submitted, submission] = await Promise.all([
    row.submissionRow ? ctx.loaders.submissionRowById.load(row.submissionRow.id) : null,
    ctx.loaders.submissionById.load(row.submission.id),
  ]);
  const columns = submitted ? (submission?.rosterColumns?.[submitted.roster] ?? null) : null;
  return receiptRowFields(columns, submitted?.cells, row.keyFields);
}
