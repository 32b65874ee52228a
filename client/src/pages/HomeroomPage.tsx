import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';

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
        }
      }
    }
  }
`);

/** The homeroom teacher's class: each student's status, this term's grades and cadre positions. */
export function HomeroomPage() {
  const { data, error } = useQuery(HomeroomQuery, { fetchPolicy: 'cache-and-network' });
  if (error) return <p role="alert">無法載入班級：{error.message}</p>;
  if (!data?.me) return <p>載入中…</p>;
  return (
    <section>
      <h2>我的班級</h2>
      {data.me.homeroomClasses.map((schoolClass) => (
        <article key={schoolClass.id} aria-label={`${schoolClass.name} 班`}>
          <h3>{schoolClass.name} 班</h3>
          <table>
            <thead>
              <tr>
                <th>座號</th>
                <th>學號</th>
                <th>姓名</th>
                <th>學籍狀態</th>
                <th>本學期成績</th>
                <th>校內幹部</th>
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
                  <td>{student.cadreRecords.map((record) => `${record.unit}${record.position}`).join('、') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      ))}
    </section>
  );
}
