import { TableScroll } from './TableScroll';
import { FIGURE_COLUMNS, type Figures, SUPPRESSED_MARK } from '../lib/statistics-format';

export function FigureHeaders() {
  return (
    <>
      {FIGURE_COLUMNS.map((column) => (
        <th key={column.header} scope="col">
          {column.header}
        </th>
      ))}
    </>
  );
}

export function FigureCells({ row }: { row: Figures }) {
  return (
    <>
      {FIGURE_COLUMNS.map((column) => (
        <td key={column.header} className="number" title={row.suppressed ? '人數少於隱私門檻，數字不公開' : undefined}>
          {column.format(row)}
        </td>
      ))}
    </>
  );
}

export interface CohortRowFigures extends Figures {
  cohort?: number | null;
  label: string;
  schools: number;
}

/** The bureau's slide as a table: one row per cohort, then 總計, with the moment the figures were read. */
export function CohortTable({
  caption,
  asOfRoc,
  rows,
  total,
}: {
  caption: string;
  asOfRoc: string;
  rows: CohortRowFigures[];
  total: CohortRowFigures;
}) {
  return (
    <TableScroll label="統計表" className="statistics-table">
      <table aria-label={caption}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">入學年度</th>
            <th scope="col">校數</th>
            <FigureHeaders />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td className="number">{row.schools.toLocaleString('en-US')}</td>
              <FigureCells row={row} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="total">
            <th scope="row">{total.label}</th>
            <td className="number">{total.schools.toLocaleString('en-US')}</td>
            <FigureCells row={total} />
          </tr>
        </tfoot>
      </table>
      <p className="as-of" data-testid="as-of">
        更新日期：{asOfRoc}
      </p>
      {[...rows, total].some((row) => row.suppressed) && (
        <p className="muted">{SUPPRESSED_MARK}：人數少於隱私門檻，數字不公開。</p>
      )}
    </TableScroll>
  );
}

/**
 * Download links for a table view as the bureau's slide (GET /statistics/<view>.csv|xlsx, the API's export route,
 * authorised by the session cookie like the page itself).
 */
export function ExportLinks({
  view,
  label,
  params = {},
}: {
  view: string;
  label: string;
  params?: Record<string, string | number | null>;
}) {
  const query = new URLSearchParams(
    Object.entries(params).flatMap(([key, value]) => (value === null ? [] : [[key, String(value)]])),
  ).toString();
  const href = (extension: 'csv' | 'xlsx') => `/statistics/${view}.${extension}${query ? `?${query}` : ''}`;
  return (
    <p className="exports" role="group" aria-label={`下載${label}`}>
      <a href={href('csv')} download>
        下載 CSV
      </a>
      <a href={href('xlsx')} download>
        下載 Excel
      </a>
    </p>
  );
}
