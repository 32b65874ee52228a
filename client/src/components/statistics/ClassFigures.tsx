import { TableScroll } from '../TableScroll';
import { classKey, type ClassRow } from '../../lib/statistics-rows';
import { RateBars } from '../RateBars';
import { FigureCells, FigureHeaders } from '../StatisticsTable';
import { UPLOAD_SERIES } from './rate-series';

/** A school's classes: their upload rates and figures, each class a way into its detail. */
export function ClassFigures({
  rows,
  selectedKey,
  onSelect,
}: {
  rows: ClassRow[];
  selectedKey: string | null;
  onSelect: (key: string) => void;
}) {
  return (
    <>
      <RateBars
        title="各班上傳率"
        series={UPLOAD_SERIES}
        categories={rows.map((row) => ({
          key: classKey(row.classId),
          label: `${row.className} 班`,
          values: [row.uploadRatePct ?? null],
        }))}
        onSelect={onSelect}
      />
      <TableScroll label="各班數據" className="statistics-table">
        <table aria-label="各班統計">
          <thead>
            <tr>
              <th scope="col">班級</th>
              <FigureHeaders />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={classKey(row.classId)} aria-selected={classKey(row.classId) === selectedKey}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onSelect(classKey(row.classId))}>
                    {row.className}
                  </button>
                </th>
                <FigureCells row={row} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
