import { useQuery } from '@apollo/client/react';
import { useEffect, useState, type ReactNode } from 'react';
import { RateBars, type RateCategory, type RateSeries } from '../components/RateBars';
import { CohortTable, ExportLinks, FigureCells, FigureHeaders } from '../components/StatisticsTable';
import '../components/statistics.css';
import { graphql } from '../gql';
import type {
  CityTermProgressQuery,
  SchoolTermProgressQuery,
  StatisticsPage_CohortTableFragment,
} from '../gql/graphql';
import { appendPage } from '../lib/pagination';
import { formatCount, formatPercent } from '../lib/statistics-format';

graphql(`
  fragment StatisticsPage_CohortRow on CohortStatisticsRow {
    cohort
    label
    schools
    suppressed
    students
    uploaders
    nonUploaders
    uploadRatePct
    outcomesUploaded
    outcomesPerUploader
    outcomesCertified
    performancesUploaded
    counselingRecords
  }
`);

graphql(`
  fragment StatisticsPage_CohortTable on CohortStatisticsTable {
    asOf
    asOfRoc
    rows {
      ...StatisticsPage_CohortRow
    }
    total {
      ...StatisticsPage_CohortRow
    }
  }
`);

graphql(`
  fragment StatisticsPage_SchoolRow on SchoolStatisticsRow {
    schoolId
    schoolCode
    schoolName
    division
    suppressed
    students
    uploaders
    nonUploaders
    uploadRatePct
    outcomesUploaded
    outcomesPerUploader
    outcomesCertified
    performancesUploaded
    counselingRecords
  }
`);

const StatisticsViewerQuery = graphql(`
  query StatisticsViewer {
    me {
      id
      kind
      currentTermKey
      currentTermLabel
      authority {
        id
        name
      }
      school {
        id
        displayName
      }
      currentTerm {
        id
        label
      }
    }
    taskKinds {
      kind
      label
    }
  }
`);

const CityCohortQuery = graphql(`
  query CityCohortStatistics {
    cityCohortStatistics {
      ...StatisticsPage_CohortTable
    }
  }
`);

const CitySchoolsQuery = graphql(`
  query CitySchoolStatistics($cohort: Int, $after: String) {
    citySchoolStatistics(cohort: $cohort, first: 100, after: $after) {
      asOfRoc
      nodes {
        ...StatisticsPage_SchoolRow
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const SchoolDrillDownQuery = graphql(`
  query CitySchoolDrillDown($schoolId: ID!, $cohort: Int) {
    citySchoolStatistics(schoolIds: [$schoolId], cohort: $cohort, first: 1) {
      asOfRoc
      nodes {
        ...StatisticsPage_SchoolRow
      }
    }
  }
`);

const CityProgressQuery = graphql(`
  query CityTermProgress($term: String!, $after: String) {
    cityTermProgress(term: $term, first: 100, after: $after) {
      asOfRoc
      nodes {
        schoolId
        schoolCode
        schoolName
        division
        openWindows
        suppressed
        enrolledStudents
        uploaders
        uploadRatePct
        outcomesUploaded
        outcomesCertified
        certificationRatePct
        outcomesSelected
        selectors
        selectionRatePct
        confirmationRatePct
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const SchoolCohortQuery = graphql(`
  query SchoolCohortStatistics {
    schoolCohortStatistics {
      ...StatisticsPage_CohortTable
    }
  }
`);

const SchoolClassesQuery = graphql(`
  query SchoolClassStatistics($cohort: Int, $after: String) {
    schoolClassStatistics(cohort: $cohort, first: 100, after: $after) {
      asOfRoc
      nodes {
        classId
        className
        gradeYear
        suppressed
        students
        uploaders
        nonUploaders
        uploadRatePct
        outcomesUploaded
        outcomesPerUploader
        outcomesCertified
        performancesUploaded
        counselingRecords
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const SchoolProgressQuery = graphql(`
  query SchoolTermProgress($termId: ID!, $after: String) {
    schoolTermProgress(termId: $termId, first: 100, after: $after) {
      asOfRoc
      nodes {
        classId
        className
        gradeYear
        openWindows
        suppressed
        enrolledStudents
        uploaders
        uploadRatePct
        outcomesUploaded
        outcomesCertified
        certificationRatePct
        outcomesSelected
        selectors
        selectionRatePct
        confirmationRatePct
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const DIVISIONS: Record<string, string> = { DAY: '日間部', NIGHT: '進修部' };
const schoolLabel = (row: { schoolName: string; division: string }) =>
  `${row.schoolName} ${DIVISIONS[row.division] ?? row.division}`;

const UPLOAD_SERIES: RateSeries[] = [{ name: '上傳率', color: '#2e90fa' }];
const PROGRESS_SERIES: RateSeries[] = [
  { name: '上傳率', color: '#2e90fa' },
  { name: '認證率', color: '#12b76a' },
  { name: '勾選率', color: '#f79009' },
  { name: '確認率', color: '#7a5af8' },
];

type ProgressRow =
  | CityTermProgressQuery['cityTermProgress']['nodes'][number]
  | SchoolTermProgressQuery['schoolTermProgress']['nodes'][number];

const progressValues = (row: ProgressRow): (number | null)[] => [
  row.uploadRatePct ?? null,
  row.certificationRatePct ?? null,
  row.selectionRatePct ?? null,
  row.confirmationRatePct ?? null,
];

interface Page<Node> {
  nodes: Node[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** Keeps asking for the next page until a connection is complete: the charts and sorting need every row. */
function useRemainingPages(page: Page<unknown> | undefined, loadAfter: (cursor: string) => Promise<unknown>): boolean {
  const hasNextPage = page?.pageInfo.hasNextPage ?? false;
  const endCursor = page?.pageInfo.endCursor ?? null;
  useEffect(() => {
    if (hasNextPage && endCursor) void loadAfter(endCursor);
    // loadAfter is a new closure each render; the cursor alone says when to load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hasNextPage, endCursor]);
  return hasNextPage;
}

/** 統計: the bureau sees the city and drills into a school; school offices see their own school per class. */
export function StatisticsPage() {
  const { data, error } = useQuery(StatisticsViewerQuery);
  if (error) return <p role="alert">無法載入統計：{error.message}</p>;
  if (!data) return <p>載入中…</p>;
  const windowLabels = new Map(data.taskKinds.map((option) => [option.kind as string, option.label]));
  if (data.me?.kind === 'BUREAU') {
    return (
      <CityStatistics
        authorityName={data.me.authority.name}
        termKey={data.me.currentTermKey}
        termLabel={data.me.currentTermLabel}
        windowLabels={windowLabels}
      />
    );
  }
  return (
    <SchoolStatistics
      schoolName={data.me?.school?.displayName ?? ''}
      term={data.me?.currentTerm ?? null}
      windowLabels={windowLabels}
    />
  );
}

/** What a part of the page shows while its query is not in: the error, or 載入中…; null once the part can be drawn. */
function pending(error: { message: string } | undefined, what: string, ready: boolean): ReactNode {
  if (error)
    return (
      <p role="alert">
        無法載入{what}：{error.message}
      </p>
    );
  return ready ? null : <p>載入中…</p>;
}

function OpenWindows({ kinds, labels }: { kinds: string[]; labels: Map<string, string> }) {
  if (kinds.length === 0) return <span className="muted">無</span>;
  return <>{kinds.map((kind) => labels.get(kind) ?? kind).join('、')}</>;
}

function CohortSelect({
  cohorts,
  value,
  onChange,
}: {
  cohorts: number[];
  value: number | null;
  onChange: (cohort: number | null) => void;
}) {
  return (
    <label className="cohort-select">
      入學年度{' '}
      <select
        value={value === null ? '' : String(value)}
        onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
      >
        <option value="">全部</option>
        {cohorts.map((cohort) => (
          <option key={cohort} value={cohort}>
            {cohort}
          </option>
        ))}
      </select>
    </label>
  );
}

function cohortsOf(table: StatisticsPage_CohortTableFragment | undefined): number[] {
  return (table?.rows ?? []).flatMap((row) => (row.cohort === null || row.cohort === undefined ? [] : [row.cohort]));
}

// ---------------------------------------------------------------- the bureau

interface SelectedSchool {
  schoolId: string;
  label: string;
}

function CityStatistics({
  authorityName,
  termKey,
  termLabel,
  windowLabels,
}: {
  authorityName: string;
  termKey: string;
  termLabel: string;
  windowLabels: Map<string, string>;
}) {
  const cohortTable = useQuery(CityCohortQuery, { fetchPolicy: 'cache-and-network' });
  const progress = useQuery(CityProgressQuery, { variables: { term: termKey }, fetchPolicy: 'cache-and-network' });
  const progressLoading = useRemainingPages(progress.data?.cityTermProgress, (after) =>
    progress.fetchMore({ variables: { after }, updateQuery: appendPage('cityTermProgress') }),
  );
  const [selected, setSelected] = useState<SelectedSchool | null>(null);

  if (cohortTable.error) return <p role="alert">無法載入全市統計：{cohortTable.error.message}</p>;
  const table = cohortTable.data?.cityCohortStatistics;
  if (!table) return <p>載入中…</p>;
  const progressRows = progressLoading ? [] : (progress.data?.cityTermProgress.nodes ?? []);

  if (selected) {
    return (
      <SchoolDrillDown
        school={selected}
        cohorts={cohortsOf(table)}
        progress={progressRows.find((row) => row.schoolId === selected.schoolId) ?? null}
        termLabel={termLabel}
        windowLabels={windowLabels}
        onBack={() => setSelected(null)}
      />
    );
  }

  return (
    <section className="statistics">
      <h2>學習歷程檔案統計</h2>
      <CohortTable
        caption={`${authorityName} 各入學年度學習歷程檔案上傳情形`}
        asOfRoc={table.asOfRoc}
        rows={table.rows}
        total={table.total}
      />
      <ExportLinks view="city-cohorts" label="全市入學年度統計表" />

      <h3>各入學年度上傳率</h3>
      <RateBars
        title="各入學年度上傳率"
        series={UPLOAD_SERIES}
        categories={table.rows.map((row) => ({
          key: row.label,
          label: `${row.label} 學年度入學`,
          values: [row.uploadRatePct ?? null],
        }))}
      />

      <CitySchools cohorts={cohortsOf(table)} onSelect={setSelected} />

      <h3>本學期期程進度（{termLabel}）</h3>
      {progress.error ? (
        <p className="muted">{progress.error.message}</p>
      ) : progressLoading || !progress.data ? (
        <p>載入中…</p>
      ) : progressRows.length === 0 ? (
        <p className="muted">目前沒有學校在這個學期的期程開放中。</p>
      ) : (
        <>
          <RateBars
            title={`${termLabel}期程開放中各校進度`}
            series={PROGRESS_SERIES}
            categories={progressRows.map((row) => ({
              key: row.schoolId,
              label: schoolLabel(row),
              values: progressValues(row),
            }))}
            onSelect={(schoolId) => {
              const row = progressRows.find((entry) => entry.schoolId === schoolId)!;
              setSelected({ schoolId, label: schoolLabel(row) });
            }}
          />
          <ProgressTable
            label="期程開放中各校進度"
            nameHeader="學校"
            rows={progressRows.map((row) => ({ key: row.schoolId, name: schoolLabel(row), row }))}
            windowLabels={windowLabels}
          >
            <ExportLinks view="city-term-progress" label="各校進度" params={{ term: termKey }} />
          </ProgressTable>
        </>
      )}
    </section>
  );
}

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
function ProgressTable({
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
    <div className="statistics-table">
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
    </div>
  );
}

/** Every school division: a sorted strip of upload rates and the figures, each school a way into its own view. */
function CitySchools({ cohorts, onSelect }: { cohorts: number[]; onSelect: (school: SelectedSchool) => void }) {
  const [cohort, setCohort] = useState<number | null>(null);
  const { data, error, fetchMore } = useQuery(CitySchoolsQuery, {
    variables: { cohort },
    fetchPolicy: 'cache-and-network',
  });
  const loading = useRemainingPages(data?.citySchoolStatistics, (after) =>
    fetchMore({ variables: { after }, updateQuery: appendPage('citySchoolStatistics') }),
  );
  const rows = data?.citySchoolStatistics.nodes ?? [];
  const ranked = [...rows].sort(
    (a, b) => (b.uploadRatePct ?? -1) - (a.uploadRatePct ?? -1) || a.schoolCode.localeCompare(b.schoolCode),
  );
  const rates = ranked.flatMap((row) =>
    row.uploadRatePct === null || row.uploadRatePct === undefined ? [] : [row.uploadRatePct],
  );
  const median = rates.length === 0 ? null : rates[Math.floor((rates.length - 1) / 2)]!;

  return (
    <>
      <h3>各校上傳率分布</h3>
      <CohortSelect cohorts={cohorts} value={cohort} onChange={setCohort} />
      <ExportLinks view="city-schools" label="各校統計" params={{ cohort }} />
      {pending(error, '各校統計', !loading && Boolean(data)) ?? (
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
            onSelect={(schoolId) => {
              const row = rows.find((entry) => entry.schoolId === schoolId)!;
              onSelect({ schoolId, label: schoolLabel(row) });
            }}
          />
          <div className="statistics-table">
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
                      <button
                        type="button"
                        className="link"
                        onClick={() => onSelect({ schoolId: row.schoolId, label: schoolLabel(row) })}
                      >
                        {schoolLabel(row)}
                      </button>
                    </th>
                    <FigureCells row={row} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

/** One cohort of one school, asked for on its own: the API filters the per-school view by one cohort at a time. */
function SchoolCohortRow({ schoolId, cohort }: { schoolId: string; cohort: number }) {
  const { data } = useQuery(SchoolDrillDownQuery, {
    variables: { schoolId, cohort },
    fetchPolicy: 'cache-and-network',
  });
  const row = data?.citySchoolStatistics.nodes[0];
  if (!row || row.students === 0) return null;
  return (
    <tr>
      <th scope="row">{cohort}</th>
      <FigureCells row={row} />
    </tr>
  );
}

function SchoolDrillDown({
  school,
  cohorts,
  progress,
  termLabel,
  windowLabels,
  onBack,
}: {
  school: SelectedSchool;
  cohorts: number[];
  progress: CityTermProgressQuery['cityTermProgress']['nodes'][number] | null;
  termLabel: string;
  windowLabels: Map<string, string>;
  onBack: () => void;
}) {
  const { data, error } = useQuery(SchoolDrillDownQuery, {
    variables: { schoolId: school.schoolId, cohort: null },
    fetchPolicy: 'cache-and-network',
  });
  const total = data?.citySchoolStatistics.nodes[0];
  return (
    <section className="statistics">
      <button type="button" className="secondary" onClick={onBack}>
        ← 回全市統計
      </button>
      <h2>{school.label}</h2>
      {error ? (
        <p role="alert">無法載入該校統計：{error.message}</p>
      ) : !data || !total ? (
        <p>載入中…</p>
      ) : (
        <>
          <div className="statistics-table">
            <table aria-label={`${school.label} 各入學年度統計`}>
              <thead>
                <tr>
                  <th scope="col">入學年度</th>
                  <FigureHeaders />
                </tr>
              </thead>
              <tbody>
                {cohorts.map((cohort) => (
                  <SchoolCohortRow key={cohort} schoolId={school.schoolId} cohort={cohort} />
                ))}
              </tbody>
              <tfoot>
                <tr className="total">
                  <th scope="row">總計</th>
                  <FigureCells row={total} />
                </tr>
              </tfoot>
            </table>
            <p className="as-of" data-testid="as-of">
              更新日期：{data.citySchoolStatistics.asOfRoc}
            </p>
          </div>
          <h3>本學期期程進度（{termLabel}）</h3>
          {progress ? (
            <>
              <p>
                開放中的期程：
                <OpenWindows kinds={progress.openWindows} labels={windowLabels} />
              </p>
              <RateBars
                title={`${school.label} 本學期進度`}
                series={PROGRESS_SERIES}
                categories={[{ key: progress.schoolId, label: '本學期', values: progressValues(progress) }]}
              />
            </>
          ) : (
            <p className="muted">該校目前沒有開放中的期程。</p>
          )}
        </>
      )}
    </section>
  );
}

// ---------------------------------------------------------------- a school office

function SchoolStatistics({
  schoolName,
  term,
  windowLabels,
}: {
  schoolName: string;
  term: { id: string; label: string } | null;
  windowLabels: Map<string, string>;
}) {
  const cohortTable = useQuery(SchoolCohortQuery, { fetchPolicy: 'cache-and-network' });
  const [cohort, setCohort] = useState<number | null>(null);
  const [selectedClass, setSelectedClass] = useState<string | null>(null);
  const classes = useQuery(SchoolClassesQuery, { variables: { cohort }, fetchPolicy: 'cache-and-network' });
  const classesLoading = useRemainingPages(classes.data?.schoolClassStatistics, (after) =>
    classes.fetchMore({ variables: { after }, updateQuery: appendPage('schoolClassStatistics') }),
  );
  const progress = useQuery(SchoolProgressQuery, {
    variables: { termId: term?.id ?? '' },
    skip: !term,
    fetchPolicy: 'cache-and-network',
  });
  const progressLoading = useRemainingPages(progress.data?.schoolTermProgress, (after) =>
    progress.fetchMore({ variables: { after }, updateQuery: appendPage('schoolTermProgress') }),
  );

  if (cohortTable.error) return <p role="alert">無法載入本校統計：{cohortTable.error.message}</p>;
  const table = cohortTable.data?.schoolCohortStatistics;
  if (!table) return <p>載入中…</p>;
  const classRows = classes.data?.schoolClassStatistics.nodes ?? [];
  const progressRows = progressLoading ? [] : (progress.data?.schoolTermProgress.nodes ?? []);
  const keyOf = (classId: string | null | undefined) => classId ?? 'none';
  const chosen = classRows.find((row) => keyOf(row.classId) === selectedClass) ?? null;
  const chosenProgress = chosen ? progressRows.find((row) => keyOf(row.classId) === selectedClass) : undefined;

  return (
    <section className="statistics">
      <h2>本校學習歷程檔案統計</h2>
      <CohortTable
        caption={`${schoolName} 各入學年度學習歷程檔案上傳情形`}
        asOfRoc={table.asOfRoc}
        rows={table.rows}
        total={table.total}
      />
      <ExportLinks view="school-cohorts" label="本校入學年度統計表" />

      <h3>各班統計</h3>
      <CohortSelect cohorts={cohortsOf(table)} value={cohort} onChange={setCohort} />
      <ExportLinks view="school-classes" label="各班統計" params={{ cohort }} />
      {pending(classes.error, '各班統計', !classesLoading && Boolean(classes.data)) ?? (
        <>
          <RateBars
            title="各班上傳率"
            series={UPLOAD_SERIES}
            categories={classRows.map((row) => ({
              key: keyOf(row.classId),
              label: `${row.className} 班`,
              values: [row.uploadRatePct ?? null],
            }))}
            onSelect={setSelectedClass}
          />
          <div className="statistics-table">
            <table aria-label="各班統計">
              <thead>
                <tr>
                  <th scope="col">班級</th>
                  <FigureHeaders />
                </tr>
              </thead>
              <tbody>
                {classRows.map((row) => (
                  <tr key={keyOf(row.classId)} aria-selected={keyOf(row.classId) === selectedClass}>
                    <th scope="row">
                      <button type="button" className="link" onClick={() => setSelectedClass(keyOf(row.classId))}>
                        {row.className}
                      </button>
                    </th>
                    <FigureCells row={row} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {chosen && (
        <div className="class-detail" role="region" aria-label={`${chosen.className} 班統計`}>
          <h3>{chosen.className} 班</h3>
          <dl>
            <dt>學生數</dt>
            <dd>{formatCount(chosen.students)}</dd>
            <dt>上傳率</dt>
            <dd>{formatPercent(chosen.uploadRatePct)}</dd>
            <dt>課程學習成果件數</dt>
            <dd>{formatCount(chosen.outcomesUploaded)}</dd>
            <dt>教師認證件數</dt>
            <dd>{formatCount(chosen.outcomesCertified)}</dd>
          </dl>
          {chosenProgress && (
            <RateBars
              title={`${chosen.className} 班本學期進度`}
              series={PROGRESS_SERIES}
              categories={[{ key: 'term', label: term?.label ?? '本學期', values: progressValues(chosenProgress) }]}
            />
          )}
          <button type="button" className="secondary" onClick={() => setSelectedClass(null)}>
            關閉
          </button>
        </div>
      )}

      <h3>本學期各班進度{term && `（${term.label}）`}</h3>
      {!term ? (
        <p className="muted">目前不在任何學期內。</p>
      ) : (
        (pending(progress.error, '進度', !progressLoading && Boolean(progress.data)) ?? (
          <>
            <p>
              開放中的期程：
              <OpenWindows kinds={progressRows[0]?.openWindows ?? []} labels={windowLabels} />
            </p>
            <RateBars
              title="本學期各班進度"
              series={PROGRESS_SERIES}
              categories={progressRows.map((row) => ({
                key: keyOf(row.classId),
                label: `${row.className} 班`,
                values: progressValues(row),
              }))}
              onSelect={setSelectedClass}
            />
            <ProgressTable
              label="本學期各班進度"
              nameHeader="班級"
              rows={progressRows.map((row) => ({ key: keyOf(row.classId), name: row.className, row }))}
            >
              <ExportLinks view="school-term-progress" label="各班進度" params={{ termId: term.id }} />
            </ProgressTable>
          </>
        ))
      )}
    </section>
  );
}
