import { useQuery } from '@apollo/client/react';
import { ClassConfirmationProgress } from '../components/ClassConfirmationProgress';
import { WindowNotice } from '../components/WindowNotice';
import { graphql } from '../gql';
import type { HomeroomPageQuery } from '../gql/graphql';
import { PROGRESS_WINDOWS } from '../lib/evidence';
import { TableScroll } from '../components/TableScroll';

const HomeroomQuery = graphql(`
  query HomeroomPage {
    me {
      id
      homeroomClasses {
        id
        name
        students {
          id
          seatNumber
          studentNumber
          name
          statusLabel
          enrolments {
            id
            termGrade
            passed
            section {
              id
              course {
                id
                subjectName
              }
            }
          }
          cadreRecords {
            id
            unit
            position
          }
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
    }
  }
`);

type ClassStudent = NonNullable<HomeroomPageQuery['me']>['homeroomClasses'][number]['students'][number];

const PROGRESS_KEYS = [
  'outcomes',
  'pending',
  'certified',
  'rejected',
  'outcomesSelected',
  'performances',
  'performancesSelected',
] as const;

function ProgressCells({ progress }: { progress: ClassStudent['portfolioProgress'] }) {
  return PROGRESS_KEYS.map((key) => (
    <td key={key} className="number" data-progress={key}>
      {progress ? progress[key] : '—'}
    </td>
  ));
}

/** Whom to remind: the students with nothing uploaded this term. */
function NotYetUploaded({ students }: { students: ClassStudent[] }) {
  const missing = students.filter((student) => student.portfolioProgress?.outcomes === 0);
  if (missing.length === 0) return null;
  return (
    <p className="muted" data-testid="not-yet-uploaded">
      本學期尚未上傳課程學習成果（{missing.length} 人）：{missing.map((student) => student.name).join('、')}
    </p>
  );
}

/**
 * The homeroom teacher's class: each student's status, this term's grades and cadre positions, and how far each is
 * with the portfolio (outcomes uploaded, certified and selected; performances recorded and selected).
 */
export function HomeroomPage() {
  const { data, error } = useQuery(HomeroomQuery, { fetchPolicy: 'cache-and-network' });
  if (error) return <p role="alert">無法載入班級：{error.message}</p>;
  if (!data?.me) return <p>載入中…</p>;
  return (
    <section>
      <h1>我的班級</h1>
      <WindowNotice kinds={PROGRESS_WINDOWS} scope="school" />
      {data.me.homeroomClasses.map((schoolClass) => (
        <article key={schoolClass.id} aria-label={`${schoolClass.name} 班`}>
          <h2>{schoolClass.name} 班</h2>
          <NotYetUploaded students={schoolClass.students} />
          <TableScroll label={`${schoolClass.name} 班學生`}>
            <table>
              <thead>
                <tr>
                  <th>座號</th>
                  <th>學號</th>
                  <th>姓名</th>
                  <th>學籍狀態</th>
                  <th>本學期成績</th>
                  <th>校內幹部</th>
                  <th>成果已上傳</th>
                  <th>待認證</th>
                  <th>已認證</th>
                  <th>未通過</th>
                  <th>成果已勾選</th>
                  <th>多元表現</th>
                  <th>多元表現已勾選</th>
                </tr>
              </thead>
              <tbody>
                {schoolClass.students.map((student) => (
                  <tr key={student.id}>
                    <td>{student.seatNumber ?? ''}</td>
                    <td>{student.studentNumber}</td>
                    <td>{student.name}</td>
                    <td>{student.statusLabel}</td>
                    <td>
                      {student.enrolments.length === 0
                        ? '—'
                        : student.enrolments
                            .map(
                              (enrolment) =>
                                `${enrolment.section.course.subjectName} ${enrolment.termGrade ?? '未登錄'}${enrolment.passed === false ? '（不及格）' : ''}`,
                            )
                            .join('、')}
                    </td>
                    <td>
                      {student.cadreRecords.map((record) => `${record.unit}${record.position}`).join('、') || '—'}
                    </td>
                    <ProgressCells progress={student.portfolioProgress} />
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <ClassConfirmationProgress classId={schoolClass.id} className={schoolClass.name} />
        </article>
      ))}
    </section>
  );
}
