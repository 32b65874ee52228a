import ExcelJS from 'exceljs';
import type { Request, Response } from 'express';
import { AppError, ErrorCode } from '../../common/errors.js';
import { readForRoute } from '../../common/http-session.js';
import { formatRocDateTime } from '../../common/roc.js';
import type { AppServices } from '../../common/context.js';
import {
  cityCohortTable,
  citySchoolStatistics,
  cityTermProgress,
  schoolClassStatistics,
  schoolCohortTable,
  schoolTermProgress,
  type StatisticsContext,
} from './statistics.service.js';
import type {
  CohortStatisticsTable,
  StatisticsFigures,
  StatisticsPage,
  TermProgressFigures,
} from './statistics.types.js';

export const STATISTICS_EXPORT_PATH = '/statistics';

type CellKind = 'text' | 'int' | 'pct' | 'ratio';
type Cell = string | number | null;

/** A table view as the bureau's slide shows it: title, 更新日期, headers, rows. */
export interface ExportTable {
  title: string;
  asOf: Date;
  columns: { header: string; kind: CellKind }[];
  rows: Cell[][];
}

/** A figure that does not apply (e.g. a confirmation rate before any receipt list), unlike a suppressed one. */
const NOT_APPLICABLE = '—';

const FIGURE_COLUMNS: { header: string; kind: CellKind }[] = [
  { header: '學生總人數', kind: 'int' },
  { header: '上傳人數', kind: 'int' },
  { header: '尚未上傳人數', kind: 'int' },
  { header: '學生上傳比率', kind: 'pct' },
  { header: '課程學習成果上傳總件數', kind: 'int' },
  { header: '平均每生上傳件數', kind: 'ratio' },
  { header: '教師認證件數', kind: 'int' },
  { header: '多元表現上傳總件數', kind: 'int' },
  { header: '課程諮詢紀錄總件數', kind: 'int' },
];
const figureCells = (f: StatisticsFigures): Cell[] => [
  f.students,
  f.uploaders,
  f.nonUploaders,
  f.uploadRatePct,
  f.outcomesUploaded,
  f.outcomesPerUploader,
  f.outcomesCertified,
  f.performancesUploaded,
  f.counselingRecords,
];

const PROGRESS_COLUMNS: { header: string; kind: CellKind }[] = [
  { header: '開放中的期程', kind: 'text' },
  { header: '在學學生數', kind: 'int' },
  { header: '上傳人數', kind: 'int' },
  { header: '上傳率', kind: 'pct' },
  { header: '課程學習成果件數', kind: 'int' },
  { header: '已認證件數', kind: 'int' },
  { header: '認證率', kind: 'pct' },
  { header: '勾選件數', kind: 'int' },
  { header: '勾選人數', kind: 'int' },
  { header: '勾選率', kind: 'pct' },
  { header: '確認率', kind: 'pct' },
];
const progressCells = (p: TermProgressFigures): Cell[] => [
  p.openWindows.join('、'),
  p.enrolledStudents,
  p.uploaders,
  p.uploadRatePct,
  p.outcomesUploaded,
  p.outcomesCertified,
  p.certificationRatePct,
  p.outcomesSelected,
  p.selectors,
  p.selectionRatePct,
  // No receipt lists yet is not a suppressed figure: it reads as a dash, as on the page.
  p.confirmationRatePct ?? (p.suppressed ? null : NOT_APPLICABLE),
];

function cohortExport(title: string, table: CohortStatisticsTable): ExportTable {
  return {
    title,
    asOf: table.asOf,
    columns: [{ header: '入學年度', kind: 'text' }, { header: '校數', kind: 'int' }, ...FIGURE_COLUMNS],
    rows: [...table.rows, table.total].map((row) => [row.label, row.schools, ...figureCells(row)]),
  };
}

/** Every page of a connection view, in order (a city has about 80 divisions, a school about 100 classes). */
async function allPages<T>(load: (after: string | null) => Promise<StatisticsPage<T>>): Promise<StatisticsPage<T>> {
  const first = await load(null);
  let page = first;
  while (page.pageInfo.hasNextPage && first.nodes.length < 10_000) {
    page = await load(page.pageInfo.endCursor);
    first.nodes.push(...page.nodes);
  }
  return first;
}

const optionalInt = (value: unknown): number | null => {
  if (value === undefined || value === '') return null;
  const number = Number(value);
  if (!Number.isInteger(number))
    throw new AppError(ErrorCode.BAD_USER_INPUT, `入學年度應為整數，目前是「${String(value)}」。`);
  return number;
};
const requiredText = (value: unknown, name: string): string => {
  if (typeof value !== 'string' || value === '') throw new AppError(ErrorCode.BAD_USER_INPUT, `請提供 ${name}。`);
  return value;
};

/** The views that can be exported, by file name, with their query parameters. */
const VIEWS: Record<string, (ctx: StatisticsContext, query: Request['query']) => Promise<ExportTable>> = {
  'city-cohorts': async (ctx) => cohortExport('全市學習歷程檔案上傳統計（依入學年度）', await cityCohortTable(ctx)),
  'city-schools': async (ctx, query) => {
    const cohort = optionalInt(query.cohort);
    const page = await allPages((after) => citySchoolStatistics(ctx, { cohort, first: 100, after }));
    return {
      title: `各校學習歷程檔案上傳統計${cohort ? `（${cohort} 學年度入學）` : ''}`,
      asOf: page.asOf,
      columns: [{ header: '學校代碼', kind: 'text' }, { header: '學校', kind: 'text' }, { header: '部別', kind: 'text' }, ...FIGURE_COLUMNS], // prettier-ignore
      rows: page.nodes.map((row) => [row.schoolCode, row.schoolName, row.division === 'NIGHT' ? '進修部' : '日間部', ...figureCells(row)]), // prettier-ignore
    };
  },
  'city-term-progress': async (ctx, query) => {
    const term = requiredText(query.term, 'term（學期代碼，例如 1151）');
    const page = await allPages((after) => cityTermProgress(ctx, { term, first: 100, after }));
    return {
      title: `${term} 學期各校進度（期程開放中）`,
      asOf: page.asOf,
      columns: [{ header: '學校代碼', kind: 'text' }, { header: '學校', kind: 'text' }, { header: '部別', kind: 'text' }, ...PROGRESS_COLUMNS], // prettier-ignore
      rows: page.nodes.map((row) => [row.schoolCode, row.schoolName, row.division === 'NIGHT' ? '進修部' : '日間部', ...progressCells(row)]), // prettier-ignore
    };
  },
  'school-cohorts': async (ctx) => cohortExport('本校學習歷程檔案上傳統計（依入學年度）', await schoolCohortTable(ctx)),
  'school-classes': async (ctx, query) => {
    const cohort = optionalInt(query.cohort);
    const page = await allPages((after) => schoolClassStatistics(ctx, { cohort, first: 100, after }));
    return {
      title: `本校各班學習歷程檔案上傳統計${cohort ? `（${cohort} 學年度入學）` : ''}`,
      asOf: page.asOf,
      columns: [{ header: '班級', kind: 'text' }, ...FIGURE_COLUMNS],
      rows: page.nodes.map((row) => [row.className, ...figureCells(row)]),
    };
  },
  'school-term-progress': async (ctx, query) => {
    const termId = requiredText(query.termId, 'termId');
    const page = await allPages((after) => schoolTermProgress(ctx, { termId, first: 100, after }));
    return {
      title: '本校本學期各班進度',
      asOf: page.asOf,
      columns: [{ header: '班級', kind: 'text' }, ...PROGRESS_COLUMNS],
      rows: page.nodes.map((row) => [row.className, ...progressCells(row)]),
    };
  },
};

const thousands = new Intl.NumberFormat('en-US');

/** A cell as the slide prints it: 27,468 · 96.04% · 15.96; a suppressed figure is ＊. */
export function formatCell(value: Cell, kind: CellKind): string {
  if (value === null) return kind === 'text' ? '' : '＊';
  if (value === NOT_APPLICABLE) return value;
  if (kind === 'int') return thousands.format(Number(value));
  if (kind === 'pct') return `${Number(value).toFixed(2)}%`;
  if (kind === 'ratio') return Number(value).toFixed(2);
  return String(value);
}

const csvField = (text: string): string => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** CSV for Excel: UTF-8 with BOM, the title and 更新日期 above the header, figures formatted as on the slide. */
export function exportCsv(table: ExportTable): Buffer {
  const lines = [
    [table.title],
    [`更新日期：${formatRocDateTime(table.asOf)}`],
    table.columns.map((column) => column.header),
    ...table.rows.map((row) => row.map((cell, i) => formatCell(cell, table.columns[i]!.kind))),
  ];
  return Buffer.from(`\uFEFF${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`, 'utf8');
}

/** XLSX: numbers stay numbers, with the slide's formats (#,##0 · 0.00% · 0.00). */
export async function exportXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = table.asOf;
  const sheet = workbook.addWorksheet('統計');
  sheet.addRow([table.title]).font = { bold: true, size: 14 };
  sheet.addRow([`更新日期：${formatRocDateTime(table.asOf)}`]);
  sheet.addRow(table.columns.map((column) => column.header)).font = { bold: true };
  for (const values of table.rows) {
    const row = sheet.addRow(
      values.map((cell, i) => {
        const kind = table.columns[i]!.kind;
        if (cell === null) return kind === 'text' ? '' : '＊';
        if (cell === NOT_APPLICABLE) return cell;
        return kind === 'pct' ? Number(cell) / 100 : cell;
      }),
    );
    table.columns.forEach((column, i) => {
      const format = { int: '#,##0', pct: '0.00%', ratio: '0.00', text: '@' }[column.kind];
      row.getCell(i + 1).numFmt = format;
    });
  }
  table.columns.forEach((column, i) => (sheet.getColumn(i + 1).width = Math.max(10, column.header.length * 2 + 2)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * GET /statistics/<view>.csv|xlsx: every table view as the slide's CSV or XLSX, with the same authorisation as the
 * GraphQL queries (the same service functions, in a read-only transaction scoped to the viewer's tenant).
 */
export async function serveStatisticsExport(services: AppServices, req: Request, res: Response) {
  const match = /^([a-z-]+)\.(csv|xlsx)$/.exec(String(req.params.file));
  const view = match ? VIEWS[match[1]!] : undefined;
  if (!match || !view) {
    res.status(404).type('text/plain; charset=utf-8').send(`沒有這種統計表：可用 ${Object.keys(VIEWS).join('、')}（.csv 或 .xlsx）。`); // prettier-ignore
    return;
  }
  const table = await readForRoute(services, req, res, (ctx) => view(ctx, req.query));
  if (!table) return;
  const fileName = `${table.title}_${formatRocDateTime(table.asOf).slice(0, 9).replace(/\//g, '')}.${match[2]}`;
  res
    .status(200)
    .setHeader('Cache-Control', 'private, no-store')
    .setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .type(
      match[2] === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    .send(match[2] === 'csv' ? exportCsv(table) : await exportXlsx(table));
}
