import { TableScroll } from '../TableScroll';
import type { StatisticsPage_SchoolRowFragment } from '../../gql/graphql';
import { formatPercent } from '../../lib/statistics-format';
import { schoolLabel } from '../../lib/statistics-rows';
import { RateBars, type RateCategory } from '../RateBars';
import { FigureCells, FigureHeaders } from '../StatisticsTable';
import { UPLOAD_SERIES } from './rate-series';

/** Every school division: a sorted strip of upload rates and the figures, each school a way into its own view. */
export function SchoolDistribution({
  rows,
  onSelect,
}: {
  rows: StatisticsPage_SchoolRowFragment[];
  onSelect: (schoolId: string) => void;
}) {
  const ranked = [...rows].sort(
    (a, b) => (b.uploadRatePct ?? -1) - (a.uploadRatePct ?? -1) || a.schoolCode.localeCompare(b.schoolCode),
  );
  const rates = ranked.flatMap((row) =>
    row.uploadRatePct === null || row.uploadRatePct === undefined ? [] : [row.uploadRatePct],
  );
  const median = rates.length === 0 ? null : rates[Math.floor((rates.length - 1) / 2)]!;

  return (
    <>
      <p className="muted" data-testid="school-distribution">
        {rows.length} 校（部別）
        {rates.length > 0 &&
          `；上傳率最高 ${formatPercent(rates[0])}、中位數 ${formatPercent(median)}、最低 ${formatPercent(rates.at(-1))}`}
        。點選學校查看該校統計。
      </p>
      <RateBars
        title="各校上傳率（由高到低）"
        series={UPLOAD_SERIES}
        categories={ranked.map((row): RateCategory => ({
          key: row.schoolId,
          label: schoolLabel(row),
          values: [row.uploadRatePct ?? null],
        }))}
        onSelect={onSelect}
      />
      <TableScroll label="各校數據" className="statistics-table">
        <table aria-label="各校統計">
          <thead>
            <tr>
              <th scope="col">學校代碼</th>
              <th scope="col">學校</th>
              <FigureHeaders />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.schoolId}>
                <td>{row.schoolCode}</td>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onSelect(row.schoolId)}>
                    {schoolLabel(row)}
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
