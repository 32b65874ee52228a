import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { WindowNotice } from '../components/WindowNotice';
import { graphql } from '../gql';
import type { ProgressPageQuery } from '../gql/graphql';
import { PROGRESS_WINDOWS } from '../lib/evidence';
import { TableScroll } from '../components/TableScroll';

const ProgressQuery = graphql(`
  query ProgressPage($after: String) {
    me {
      id
      currentTerm {
        id
        label
        academicYear {
          id
        }
      }
    }
    classes(first: 100, after: $after) {
      nodes {
        id
        name
        gradeYear
        academicYear {
          id
        }
        homeroomTeacher {
          id
          displayName
        }
        students {
          id
          seatNumber
          studentNumber
          name
          portfolioProgress {
            outcomes
            pending
            certified
            rejected
            outcomesSelected
            performances
            performancesSelected
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type ProgressClass = ProgressPageQuery['classes']['nodes'][number];
type Counts = Record<(typeof KEYS)[number], number>;

const KEYS = [
  'outcomes',
  'pending',
  'certified',
  'rejected',
  'outcomesSelected',
  'performances',
  'performancesSelected',
] as const;
const HEADERS = ['成果已上傳', '待認證', '已認證', '未通過', '成果已勾選', '多元表現', '多元表現已勾選'];

function sum(schoolClass: ProgressClass): Counts & { students: number; notUploaded: number } {
  const totals = { students: schoolClass.students.length, notUploaded: 0 } as Counts & {
    students: number;
    notUploaded: number;
  };
  for (const key of KEYS) totals[key] = 0;
  for (const student of schoolClass.students) {
    const progress = student.portfolioProgress;
    if (!progress) continue;
    for (const key of KEYS) totals[key] += progress[key];
    if (progress.outcomes === 0) totals.notUploaded += 1;
  }
  return totals;
}

function ClassStudents({ schoolClass }: { schoolClass: ProgressClass }) {
  return (
    <tr className="nested">
      <td colSpan={KEYS.length + 4}>
        <TableScroll label={`${schoolClass.name} 班各學生進度`}>
          <table aria-label={`${schoolClass.name} 班各學生進度`}>
            <thead>
              <tr>
                <th>座號</th>
                <th>學號</th>
                <th>姓名</th>
                {HEADERS.map((header) => (
                  <th key={header}>{header}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {schoolClass.students.map((student) => (
                <tr key={student.id}>
                  <td>{student.seatNumber ?? ''}</td>
                  <td>{student.studentNumber}</td>
                  <td>{student.name}</td>
                  {KEYS.map((key) => (
                    <td key={key} className="number">
                      {student.portfolioProgress ? student.portfolioProgress[key] : '—'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </td>
    </tr>
  );
}

/** 學習歷程進度 for school staff: each class of this academic year, summed over its students, this term. */
export function ProgressPage() {
  const { data, error, fetchMore } = useQuery(ProgressQuery, { fetchPolicy: 'cache-and-network' });
  const [open, setOpen] = useState<string | null>(null);
  const hasNextPage = data?.classes.pageInfo.hasNextPage ?? false;
  const endCursor = data?.classes.pageInfo.endCursor ?? null;
  useEffect(() => {
    if (!hasNextPage || !endCursor) return;
    void fetchMore({
      variables: { after: endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        ...fetchMoreResult,
        classes: {
          ...fetchMoreResult.classes,
          nodes: [...previous.classes.nodes, ...fetchMoreResult.classes.nodes],
        },
      }),
    });
  }, [hasNextPage, endCursor, fetchMore]);

  if (error) return <p role="alert">無法載入進度：{error.message}</p>;
  if (!data?.me || hasNextPage) return <p>載入中…</p>;
  const yearId = data.me.currentTerm?.academicYear.id;
  const classes = data.classes.nodes
    .filter((schoolClass) => schoolClass.academicYear.id === yearId)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-TW', { numeric: true }));
  const rows = classes.map((schoolClass) => ({ schoolClass, totals: sum(schoolClass) }));

  return (
    <section>
      <h1>學習歷程進度</h1>
      <p>
        {data.me.currentTerm?.label ?? '目前不在學期內'}
        各班的課程學習成果（本學期）與多元表現（本學年），為班上學生的合計。
      </p>
      <WindowNotice kinds={PROGRESS_WINDOWS} scope="school" />
      {rows.length === 0 ? (
        <p className="muted">本學年沒有班級。</p>
      ) : (
        <TableScroll label="各班進度">
          <table data-testid="class-progress">
            <thead>
              <tr>
                <th>班級</th>
                <th>導師</th>
                <th>學生數</th>
                <th>尚未上傳成果</th>
                {HEADERS.map((header) => (
                  <th key={header}>{header}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.flatMap(({ schoolClass, totals }) => {
                const row = (
                  <tr key={schoolClass.id} data-class={schoolClass.name}>
                    <td>
                      <button
                        type="button"
                        className="link"
                        aria-expanded={open === schoolClass.id}
                        onClick={() => setOpen(open === schoolClass.id ? null : schoolClass.id)}
                      >
                        {schoolClass.name} 班
                      </button>
                    </td>
                    <td>{schoolClass.homeroomTeacher?.displayName ?? '—'}</td>
                    <td className="number">{totals.students}</td>
                    <td className="number">{totals.notUploaded}</td>
                    {KEYS.map((key) => (
                      <td key={key} className="number" data-progress={key}>
                        {totals[key]}
                      </td>
                    ))}
                  </tr>
                );
                return open === schoolClass.id
                  ? [row, <ClassStudents key={`${schoolClass.id}-students`} schoolClass={schoolClass} />]
                  : [row];
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
