import { useQuery } from '@apollo/client/react';
import { useNavigate, useParams } from 'react-router';
import { RateBars } from '../components/RateBars';
import { ClassDetail } from '../components/statistics/ClassDetail';
import { ClassFigures } from '../components/statistics/ClassFigures';
import { CohortSelect } from '../components/statistics/CohortSelect';
import { pending } from '../components/statistics/pending';
import { ProgressByClass } from '../components/statistics/ProgressByClass';
import { ProgressBySchool } from '../components/statistics/ProgressBySchool';
import { UPLOAD_SERIES } from '../components/statistics/rate-series';
import { SchoolCohortFigures } from '../components/statistics/SchoolCohortFigures';
import { SchoolDistribution } from '../components/statistics/SchoolDistribution';
import { SchoolTermProgress } from '../components/statistics/SchoolTermProgress';
import { CohortTable, ExportLinks, FigureCells } from '../components/StatisticsTable';
import '../components/statistics.css';
import { graphql } from '../gql';
import { appendPage } from '../lib/pagination';
import { classKey, cohortsOf, schoolLabel, type CityProgressRow } from '../lib/statistics-rows';
import { useRemainingPages } from '../lib/use-remaining-pages';
import { useNumberSearchParam, useSearchParam } from '../lib/use-search-param';

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

// ---------------------------------------------------------------- the bureau

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
  // The school drilled into is in the address (`#/statistics/schools/:schoolId`), so the view can be linked to.
  const selectedId = useParams().schoolId ?? null;
  const navigate = useNavigate();
  const setSelected = (schoolId: string | null) =>
    void navigate(schoolId ? `/statistics/schools/${encodeURIComponent(schoolId)}` : '/statistics');

  if (cohortTable.error) return <p role="alert">無法載入全市統計：{cohortTable.error.message}</p>;
  const table = cohortTable.data?.cityCohortStatistics;
  if (!table) return <p>載入中…</p>;
  const progressRows = progressLoading ? [] : (progress.data?.cityTermProgress.nodes ?? []);

  if (selectedId) {
    return (
      <SchoolDrillDown
        schoolId={selectedId}
        cohorts={cohortsOf(table)}
        progress={progressRows.find((row) => row.schoolId === selectedId) ?? null}
        termLabel={termLabel}
        windowLabels={windowLabels}
        onBack={() => setSelected(null)}
      />
    );
  }

  return (
    <section className="statistics">
      <h1>學習歷程檔案統計</h1>
      <CohortTable
        caption={`${authorityName} 各入學年度學習歷程檔案上傳情形`}
        asOfRoc={table.asOfRoc}
        rows={table.rows}
        total={table.total}
      />
      <ExportLinks view="city-cohorts" label="全市入學年度統計表" />

      <h2>各入學年度上傳率</h2>
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

      <h2>本學期期程進度（{termLabel}）</h2>
      {progress.error ? (
        <p className="muted">{progress.error.message}</p>
      ) : progressLoading || !progress.data ? (
        <p>載入中…</p>
      ) : progressRows.length === 0 ? (
        <p className="muted">目前沒有學校在這個學期的期程開放中。</p>
      ) : (
        <ProgressBySchool
          rows={progressRows}
          termKey={termKey}
          termLabel={termLabel}
          windowLabels={windowLabels}
          onSelect={setSelected}
        />
      )}
    </section>
  );
}

function CitySchools({ cohorts, onSelect }: { cohorts: number[]; onSelect: (schoolId: string) => void }) {
  const [cohort, setCohort] = useNumberSearchParam('cohort');
  const { data, error, fetchMore } = useQuery(CitySchoolsQuery, {
    variables: { cohort },
    fetchPolicy: 'cache-and-network',
  });
  const loading = useRemainingPages(data?.citySchoolStatistics, (after) =>
    fetchMore({ variables: { after }, updateQuery: appendPage('citySchoolStatistics') }),
  );

  return (
    <>
      <h2>各校上傳率分布</h2>
      <CohortSelect cohorts={cohorts} value={cohort} onChange={setCohort} />
      <ExportLinks view="city-schools" label="各校統計" params={{ cohort }} />
      {pending(error, '各校統計', !loading && Boolean(data)) ?? (
        <SchoolDistribution rows={data?.citySchoolStatistics.nodes ?? []} onSelect={onSelect} />
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
  schoolId,
  cohorts,
  progress,
  termLabel,
  windowLabels,
  onBack,
}: {
  schoolId: string;
  cohorts: number[];
  progress: CityProgressRow | null;
  termLabel: string;
  windowLabels: Map<string, string>;
  onBack: () => void;
}) {
  const { data, error } = useQuery(SchoolDrillDownQuery, {
    variables: { schoolId, cohort: null },
    fetchPolicy: 'cache-and-network',
  });
  const total = data?.citySchoolStatistics.nodes[0];
  const label = total ? schoolLabel(total) : '學校統計';
  return (
    <section className="statistics">
      <button type="button" className="secondary" onClick={onBack}>
        ← 回全市統計
      </button>
      <h1>{label}</h1>
      {error ? (
        <p role="alert">無法載入該校統計：{error.message}</p>
      ) : !data ? (
        <p>載入中…</p>
      ) : !total ? (
        <p role="alert">找不到這所學校的統計：網址中的學校不存在，或不屬於本局所轄。</p>
      ) : (
        <>
          <SchoolCohortFigures schoolLabel={label} asOfRoc={data.citySchoolStatistics.asOfRoc} total={total}>
            {cohorts.map((cohort) => (
              <SchoolCohortRow key={cohort} schoolId={schoolId} cohort={cohort} />
            ))}
          </SchoolCohortFigures>
          <SchoolTermProgress
            schoolLabel={label}
            progress={progress}
            termLabel={termLabel}
            windowLabels={windowLabels}
          />
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
  const [cohort, setCohort] = useNumberSearchParam('cohort');
  const [selectedClass, setSelectedClass] = useSearchParam('class');
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
  const chosen = classRows.find((row) => classKey(row.classId) === selectedClass) ?? null;
  const chosenProgress = chosen ? progressRows.find((row) => classKey(row.classId) === selectedClass) : undefined;

  return (
    <section className="statistics">
      <h1>本校學習歷程檔案統計</h1>
      <CohortTable
        caption={`${schoolName} 各入學年度學習歷程檔案上傳情形`}
        asOfRoc={table.asOfRoc}
        rows={table.rows}
        total={table.total}
      />
      <ExportLinks view="school-cohorts" label="本校入學年度統計表" />

      <h2>各班統計</h2>
      <CohortSelect cohorts={cohortsOf(table)} value={cohort} onChange={setCohort} />
      <ExportLinks view="school-classes" label="各班統計" params={{ cohort }} />
      {pending(classes.error, '各班統計', !classesLoading && Boolean(classes.data)) ?? (
        <ClassFigures rows={classRows} selectedKey={selectedClass} onSelect={setSelectedClass} />
      )}

      {chosen && (
        <ClassDetail
          row={chosen}
          progress={chosenProgress}
          termLabel={term?.label ?? '本學期'}
          onClose={() => setSelectedClass(null)}
        />
      )}

      <h2>本學期各班進度{term && `（${term.label}）`}</h2>
      {!term ? (
        <p className="muted">目前不在任何學期內。</p>
      ) : (
        (pending(progress.error, '進度', !progressLoading && Boolean(progress.data)) ?? (
          <ProgressByClass
            rows={progressRows}
            termId={term.id}
            windowLabels={windowLabels}
            onSelect={setSelectedClass}
          />
        ))
      )}
    </section>
  );
}
