import type { CityProgressRow } from '../../lib/statistics-rows';
import { RateBars } from '../RateBars';
import { OpenWindows } from './OpenWindows';
import { PROGRESS_SERIES, progressValues } from './rate-series';

/** The drilled-into school's progress this term, or that it has no window open. */
export function SchoolTermProgress({
  schoolLabel,
  progress,
  termLabel,
  windowLabels,
}: {
  schoolLabel: string;
  progress: CityProgressRow | null;
  termLabel: string;
  windowLabels: Map<string, string>;
}) {
  return (
    <>
      <h2>本學期期程進度（{termLabel}）</h2>
      {progress ? (
        <>
          <p>
            開放中的期程：
            <OpenWindows kinds={progress.openWindows} labels={windowLabels} />
          </p>
          <RateBars
            title={`${schoolLabel} 本學期進度`}
            series={PROGRESS_SERIES}
            categories={[{ key: progress.schoolId, label: '本學期', values: progressValues(progress) }]}
          />
        </>
      ) : (
        <p className="muted">該校目前沒有開放中的期程。</p>
      )}
    </>
  );
}
