import { classKey, type ClassProgressRow } from '../../lib/statistics-rows';
import { RateBars } from '../RateBars';
import { ExportLinks } from '../StatisticsTable';
import { OpenWindows } from './OpenWindows';
import { ProgressTable } from './ProgressTable';
import { PROGRESS_SERIES, progressValues } from './rate-series';

/** The term's progress of a school's classes, under the windows the school has open. */
export function ProgressByClass({
  rows,
  termId,
  windowLabels,
  onSelect,
}: {
  rows: ClassProgressRow[];
  termId: string;
  windowLabels: Map<string, string>;
  onSelect: (key: string) => void;
}) {
  return (
    <>
      <p>
        開放中的期程：
        <OpenWindows kinds={rows[0]?.openWindows ?? []} labels={windowLabels} />
      </p>
      <RateBars
        title="本學期各班進度"
        series={PROGRESS_SERIES}
        categories={rows.map((row) => ({
          key: classKey(row.classId),
          label: `${row.className} 班`,
          values: progressValues(row),
        }))}
        onSelect={onSelect}
      />
      <ProgressTable
        label="本學期各班進度"
        nameHeader="班級"
        rows={rows.map((row) => ({ key: classKey(row.classId), name: row.className, row }))}
      >
        <ExportLinks view="school-term-progress" label="各班進度" params={{ termId }} />
      </ProgressTable>
    </>
  );
}
