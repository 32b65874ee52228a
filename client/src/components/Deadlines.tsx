import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { HomeDeadlinesQuery } from '../gql/graphql';
import { formatDuration } from '../lib/roc';
import { useServerNow } from '../lib/use-server-now';
import { TableScroll } from './TableScroll';

const DeadlinesQuery = graphql(`
  query HomeDeadlines {
    me {
      id
      serverTime
    }
    myDeadlines {
      task {
        id
        label
        rocWindow
      }
      state
      stateLabel
      endsAt
      rocEndsAt
      viewerMayActNow
      blockedReason
      extension {
        id
        reason
      }
    }
  }
`);

/** The viewer's deadlines, with a countdown to the nearest open one by the server's clock. */
export function Deadlines() {
  const { data, error } = useQuery(DeadlinesQuery, { fetchPolicy: 'cache-and-network' });
  if (error) return <p role="alert">無法載入期限：{error.message}</p>;
  if (!data?.me) return null;
  return <DeadlineList data={data} serverTime={data.me.serverTime} />;
}

function DeadlineList({ data, serverTime }: { data: HomeDeadlinesQuery; serverTime: string }) {
  const now = useServerNow(serverTime);
  const open = data.myDeadlines.filter((d) => d.viewerMayActNow && new Date(d.endsAt) > now);
  const nearest = open[0];
  return (
    <section aria-label="我的期限">
      {nearest ? (
        <p className="countdown" data-testid="countdown">
          距離「{nearest.task.label}」截止（{nearest.rocEndsAt}）還有{' '}
          <strong>{formatDuration(new Date(nearest.endsAt).getTime() - now.getTime())}</strong>
        </p>
      ) : (
        <p className="muted">目前沒有進行中的期限。</p>
      )}
      {data.myDeadlines.length > 0 && (
        <TableScroll label="期限">
          <table>
            <thead>
              <tr>
                <th>工作</th>
                <th>期間</th>
                <th>我的截止</th>
                <th>狀態</th>
              </tr>
            </thead>
            <tbody>
              {data.myDeadlines.map((deadline) => (
                <tr key={deadline.task.id} data-state={deadline.state}>
                  <td>{deadline.task.label}</td>
                  <td>{deadline.task.rocWindow}</td>
                  <td>
                    {deadline.rocEndsAt}
                    {deadline.extension && `（延長：${deadline.extension.reason}）`}
                  </td>
                  <td>
                    <span className={`state ${deadline.state.toLowerCase()}`}>{deadline.stateLabel}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
