import { TableScroll } from '../TableScroll';
import type { ReactNode } from 'react';
import { formatCount, formatPercent } from '../../lib/statistics-format';
import type { ProgressRow } from '../../lib/statistics-rows';
import { OpenWindows } from './OpenWindows';

const PROGRESS_HEADERS = [
  '在學學生數',
  '上傳人數',
  '上傳率',
  '成果件數',
  '已認證件數',
  '認證率',
  '勾選人數',
  '勾選率',
  '收訖確認率',
];

/**
 * The term's progress per school or per class; the city's schools each open their own windows, so there the open
 * windows get a column of their own (windowLabels given).
 */
export function ProgressTable({
  label,
  nameHeader,
  rows,
  windowLabels,
  children,
}: {
  label: string;
  nameHeader: string;
  rows: { key: string; name: string; row: ProgressRow }[];
  windowLabels?: Map<string, string>;
  /** Shown above the table: its download links. */
  children: ReactNode;
}) {
  return (
    <TableScroll label="進度表" className="statistics-table">
      {children}
      <table aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            {windowLabels && <th scope="col">開放中的期程</th>}
            {PROGRESS_HEADERS.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, name, row }) => (
            <tr key={key}>
              <th scope="row">{name}</th>
              {windowLabels && (
                <td>
                  <OpenWindows kinds={row.openWindows} labels={windowLabels} />
                </td>
              )}
              {[
                formatCount(row.enrolledStudents),
                formatCount(row.uploaders),
                formatPercent(row.uploadRatePct),
                formatCount(row.outcomesUploaded),
                formatCount(row.outcomesCertified),
                formatPercent(row.certificationRatePct),
                formatCount(row.selectors),
                formatPercent(row.selectionRatePct),
                row.confirmationRatePct === null && !row.suppressed ? '—' : formatPercent(row.confirmationRatePct),
              ].map((cell, index) => (
                <td key={index} className="number">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
