import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../gql';

const StudentTodoQuery = graphql(`
  query StudentTodo {
    myTodo {
      kind
      taskLabel
      count
      message
      path
      endsAt
    }
  }
`);

/** 待辦事項: what the student still has to do in the windows open now, each with a link to where it is done. */
export function StudentTodo() {
  const { data, error } = useQuery(StudentTodoQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <section aria-labelledby="student-todo" data-testid="student-todo">
      <h2 id="student-todo">待辦事項</h2>
      {error && <p role="alert">無法載入待辦事項：{error.message}</p>}
      {data &&
        (data.myTodo.length === 0 ? (
          <p>目前開放中的期程裡，您沒有待辦的事。</p>
        ) : (
          <ul>
            {data.myTodo.map((item) => (
              <li key={`${item.kind}:${item.taskLabel}:${item.message}`}>
                <Link to={item.path}>{item.message}</Link>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
