import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { TableScroll } from '../components/TableScroll';

/** The authority's schools, as the bureau picks one (所轄學校, 帳號與權限). */
export const SchoolsQuery = graphql(`
  query SchoolsPage {
    schools(first: 100) {
      nodes {
        id
        code
        name
        divisionLabel
      }
    }
  }
`);

export function SchoolsPage() {
  const { data, error } = useQuery(SchoolsQuery);
  if (error) return <p role="alert">無法載入學校名錄：{error.message}</p>;
  if (!data) return <p>載入中…</p>;
  return (
    <section>
      <h1>所轄學校</h1>
      <p className="muted">日間部與進修部各計一校。</p>
      <TableScroll label="所轄學校">
        <table>
          <thead>
            <tr>
              <th>學校代碼</th>
              <th>校名</th>
              <th>部別</th>
            </tr>
          </thead>
          <tbody>
            {data.schools.nodes.map((school) => (
              <tr key={school.id}>
                <td>{school.code}</td>
                <td>{school.name}</td>
                <td>{school.divisionLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
