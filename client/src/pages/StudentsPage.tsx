import { useQuery } from '@apollo/client/react';
import { LoadMore } from '../components/LoadMore';
import { graphql } from '../gql';
import { appendPage } from '../lib/pagination';
import { TableScroll } from '../components/TableScroll';

const StudentsQuery = graphql(`
  query StudentsPage($first: Int, $after: String, $classId: ID) {
    students(first: $first, after: $after, classId: $classId) {
      edges {
        cursor
        node {
          id
          studentNumber
          name
          nationalId
          seatNumber
          statusLabel
          schoolClass {
            id
            name
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

const PAGE = 50;

/** 學生名單: the school's students, or one class's when it comes from 班級. */
export function StudentsPage({ classId }: { classId: string | null }) {
  const { data, loading, error, fetchMore } = useQuery(StudentsQuery, { variables: { first: PAGE, classId } });
  if (error) return <p role="alert">無法載入學生名單：{error.message}</p>;
  if (!data) return <p>載入中…</p>;
  const { edges, pageInfo } = data.students;
  return (
    <section>
      <h2>學生名單</h2>
      {edges.length === 0 ? (
        <p>目前沒有學生資料。</p>
      ) : (
        <TableScroll label="學生名單">
          <table>
            <thead>
              <tr>
                <th>學號</th>
                <th>姓名</th>
                <th>班級</th>
                <th>座號</th>
                <th>身分證字號</th>
                <th>學籍狀態</th>
              </tr>
            </thead>
            <tbody>
              {edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>{node.studentNumber}</td>
                  <td>{node.name}</td>
                  <td>{node.schoolClass?.name ?? '—'}</td>
                  <td>{node.seatNumber ?? '—'}</td>
                  <td>{node.nationalId}</td>
                  <td>{node.statusLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <LoadMore
        pageInfo={pageInfo}
        loading={loading}
        onLoadMore={(after) => fetchMore({ variables: { after }, updateQuery: appendPage('students', 'edges') })}
      />
    </section>
  );
}
