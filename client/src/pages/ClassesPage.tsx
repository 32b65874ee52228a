import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { TableScroll } from '../components/TableScroll';

const ClassesQuery = graphql(`
  query ClassesPage {
    classes(first: 100) {
      nodes {
        id
        name
        gradeYear
        academicYear {
          id
          label
        }
        homeroomTeacher {
          id
          displayName
        }
      }
    }
  }
`);

export function ClassesPage() {
  const { data, error } = useQuery(ClassesQuery);
  if (error) return <p role="alert">無法載入班級：{error.message}</p>;
  if (!data) return <p>載入中…</p>;
  return (
    <section>
      <h1>班級</h1>
      <TableScroll label="班級">
        <table>
          <thead>
            <tr>
              <th>學年度</th>
              <th>班級</th>
              <th>年級</th>
              <th>導師</th>
            </tr>
          </thead>
          <tbody>
            {data.classes.nodes.map((schoolClass) => (
              <tr key={schoolClass.id}>
                <td>{schoolClass.academicYear.label}</td>
                <td>
                  <Link to={`/classes/${encodeURIComponent(schoolClass.id)}/students`}>{schoolClass.name}</Link>
                </td>
                <td>高{['一', '二', '三'][schoolClass.gradeYear - 10]}</td>
                <td>{schoolClass.homeroomTeacher?.displayName ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
