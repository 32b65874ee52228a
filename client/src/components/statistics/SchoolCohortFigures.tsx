import { TableScroll } from '../TableScroll';
import type { ReactNode } from 'react';
import type { Figures } from '../../lib/statistics-format';
import { FigureCells, FigureHeaders } from '../StatisticsTable';

/** One school's figures per cohort, then its 總計, with the moment they were read. */
export function SchoolCohortFigures({
  schoolLabel,
  asOfRoc,
  total,
  children,
}: {
  schoolLabel: string;
  asOfRoc: string;
  total: Figures;
  /** The cohort rows: each asks for its own figures, so the caller draws them. */
  children: ReactNode;
}) {
  return (
    <TableScroll label="各入學年度數據" className="statistics-table">
      <table aria-label={`${schoolLabel} 各入學年度統計`}>
        <thead>
          <tr>
            <th scope="col">入學年度</th>
            <FigureHeaders />
          </tr>
        </thead>
        <tbody>{children}</tbody>
        <tfoot>
          <tr className="total">
            <th scope="row">總計</th>
            <FigureCells row={total} />
          </tr>
        </tfoot>
      </table>
      <p className="as-of" data-testid="as-of">
        更新日期：{asOfRoc}
      </p>
    </TableScroll>
  );
}
