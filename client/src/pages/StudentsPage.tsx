import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { LoadMore } from '../components/LoadMore';
import { graphql } from '../gql';
import type { StudentStatus } from '../gql/graphql';
import { appendPage } from '../lib/pagination';
import { useSearchParam } from '../lib/use-search-param';
import { TableScroll } from '../components/TableScroll';

const StudentsQuery = graphql(`
  query StudentsPage($first: Int, $after: String, $classId: ID, $search: String, $status: StudentStatus) {
    students(first: $first, after: $after, classId: $classId, search: $search, status: $status) {
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

const ClassChoicesQuery = graphql(`
  query StudentsPageClasses {
    classes(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

const PAGE = 50;
const SEARCH_MAX = 30;

const STATUSES: { value: StudentStatus; label: string }[] = [
  { value: 'ENROLLED', label: '在學' },
  { value: 'SUSPENDED', label: '休學' },
  { value: 'TRANSFERRED', label: '轉出' },
  { value: 'GRADUATED', label: '畢業' },
];

const isStatus = (value: string | null): value is StudentStatus => STATUSES.some((entry) => entry.value === value);

/** The class filter: a class has its own address (`#/classes/:id/students`), so choosing one goes there. */
function ClassFilter({ classId }: { classId: string | null }) {
  const { data } = useQuery(ClassChoicesQuery);
  const navigate = useNavigate();
  return (
    <label>
      班級
      <select
        value={classId ?? ''}
        onChange={(event) =>
          void navigate(
            event.target.value ? `/classes/${encodeURIComponent(event.target.value)}/students` : '/students',
          )
        }
      >
        <option value="">全部班級</option>
        {data?.classes.nodes.map((schoolClass) => (
          <option key={schoolClass.id} value={schoolClass.id}>
            {schoolClass.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * 學生名單: the school's students, or one class's when the address names it, searched by name or 學號 and filtered by
 * 學籍狀態 (both kept in the address); each student opens their own page.
 */
export function StudentsPage({ classId, canChooseClass }: { classId: string | null; canChooseClass: boolean }) {
  const [search, setSearch] = useSearchParam('q');
  const [statusParam, setStatus] = useSearchParam('status');
  const status = isStatus(statusParam) ? statusParam : null;
  const [draft, setDraft] = useState(search ?? '');
  const { data, loading, error, fetchMore } = useQuery(StudentsQuery, {
    variables: { first: PAGE, classId, search: search?.slice(0, SEARCH_MAX) ?? null, status },
  });
  const edges = data?.students.edges ?? [];
  const filtered = Boolean(search) || status !== null;
  return (
    <section>
      <h1>學生名單</h1>
      <form
        className="toolbar"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(draft.trim() || null);
        }}
      >
        <label>
          姓名或學號
          <input
            type="search"
            value={draft}
            maxLength={SEARCH_MAX}
            onChange={(event) => setDraft(event.target.value)}
          />
        </label>
        <button type="submit">搜尋</button>
        {canChooseClass && <ClassFilter classId={classId} />}
        <label>
          學籍狀態
          <select value={status ?? ''} onChange={(event) => setStatus(event.target.value || null)}>
            <option value="">全部</option>
            {STATUSES.map((entry) => (
              <option key={entry.value} value={entry.value}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
      </form>
      {error ? (
        <p role="alert">無法載入學生名單：{error.message}</p>
      ) : !data ? (
        <p>載入中…</p>
      ) : edges.length === 0 ? (
        <p>{filtered ? '沒有符合搜尋條件的學生。' : '目前沒有學生資料。'}</p>
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
                  <td>
                    <Link to={`/students/${encodeURIComponent(node.id)}`}>{node.name}</Link>
                  </td>
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
      {data && (
        <LoadMore
          pageInfo={data.students.pageInfo}
          loading={loading}
          onLoadMore={(after) => fetchMore({ variables: { after }, updateQuery: appendPage('students', 'edges') })}
        />
      )}
    </section>
  );
}
