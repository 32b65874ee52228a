import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { BureauDeadlinesQuery } from '../gql/graphql';
import { formatDuration } from '../lib/roc';
import { useServerNow } from '../lib/use-server-now';

const BureauDeadlinesQuery = graphql(`
  query BureauDeadlines {
    me {
      id
      serverTime
    }
    timelineTemplates(first: 100) {
      nodes {
        id
        name
        termLabel
        tasks {
          id
          label
          endsAt
          rocWindow
        }
      }
    }
  }
`);

/** The bureau's view of time: the next end among the windows of the templates it published. */
export function BureauDeadlines() {
  const { data, error } = useQuery(BureauDeadlinesQuery, { fetchPolicy: 'cache-and-network' });
  if (error) return <p role="alert">無法載入期程範本：{error.message}</p>;
  if (!data?.me) return null;
  return <NextEnd data={data} serverTime={data.me.serverTime} />;
}

function NextEnd({ data, serverTime }: { data: BureauDeadlinesQuery; serverTime: string }) {
  const now = useServerNow(serverTime);
  const upcoming = data.timelineTemplates.nodes
    .flatMap((template) => template.tasks.map((task) => ({ template, task, endsAt: new Date(task.endsAt) })))
    .filter((entry) => entry.endsAt > now)
    .sort((a, b) => a.endsAt.getTime() - b.endsAt.getTime());
  const next = upcoming[0];
  if (!next) return <p className="muted">已發布的範本中沒有尚未截止的工作。</p>;
  return (
    <p className="countdown" data-testid="countdown">
      範本「{next.template.name}」中最近截止的是「{next.task.label}」（{next.task.rocWindow}），還有{' '}
      <strong>{formatDuration(next.endsAt.getTime() - now.getTime())}</strong>
    </p>
  );
}
