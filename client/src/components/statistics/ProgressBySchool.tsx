import { schoolLabel, type CityProgressRow } from '../../lib/statistics-rows';
import { RateBars } from '../RateBars';
import { ExportLinks } from '../StatisticsTable';
import { ProgressTable } from './ProgressTable';
import { PROGRESS_SERIES, progressValues } from './rate-series';

/** The term's progress of every school with a window open, each school a way into its own view. */
export function ProgressBySchool({
  rows,
  termKey,
  termLabel,
  windowLabels,
  onSelect,
}: {
  rows: CityProgressRow[];
  termKey: string;
  termLabel: string;
  windowLabels: Map<string, string>;
  onSelect: (schoolId: string) => void;
}) {
  return (
    <>
      <RateBars
        title={`${termLabel}期程開放中各校進度`}
        series={PROGRESS_SERIES}
        categories={rows.map((row) => ({
          key: row.schoolId,
          label: schoolLabel(row),
          values: progressValues(row),
        }))}
        onSelect={onSelect}
      />
      <ProgressTable
        label="期程開放中各校進度"
        nameHeader="學校"
        rows={rows.map((row) => ({ key: row.schoolId, name: schoolLabel(row), row }))}
        windowLabels={windowLabels}
      >
        <ExportLinks view="city-term-progress" label="各校進度" params={{ term: termKey }} />
      </ProgressTable>
    </>
  );
}
