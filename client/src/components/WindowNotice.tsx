import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { TaskKind } from '../gql/graphql';

const MyWindowsQuery = graphql(`
  query WindowNoticeMine {
    myDeadlines {
      task {
        id
        kind
        label
        rocWindow
      }
      state
      stateLabel
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

const SchoolWindowsQuery = graphql(`
  query WindowNoticeSchool {
    timeline {
      id
      kind
      label
      rocWindow
      state
      stateLabel
    }
  }
`);

interface Line {
  id: string;
  label: string;
  rocWindow: string;
  state: string;
  stateLabel: string;
  note: string | null;
}

/**
 * The windows a page works inside, with their state by the server's clock: the viewer's own deadlines (with any
 * personal extension) for those who act, or the school's timeline for those who chase progress.
 */
export function WindowNotice({ kinds, scope }: { kinds: TaskKind[]; scope: 'mine' | 'school' }) {
  const mine = useQuery(MyWindowsQuery, { skip: scope !== 'mine', fetchPolicy: 'cache-and-network' });
  const school = useQuery(SchoolWindowsQuery, { skip: scope !== 'school', fetchPolicy: 'cache-and-network' });
  let lines: Line[] | null = null;
  if (scope === 'mine' && mine.data) {
    lines = mine.data.myDeadlines
      .filter((deadline) => kinds.includes(deadline.task.kind))
      .map((deadline) => ({
        id: deadline.task.id,
        label: deadline.task.label,
        rocWindow: deadline.task.rocWindow,
        state: deadline.state,
        stateLabel: deadline.stateLabel,
        note: deadline.extension
          ? `您已延長至 ${deadline.rocEndsAt}（${deadline.extension.reason}）`
          : deadline.viewerMayActNow
            ? null
            : deadline.blockedReason,
      }));
  }
  if (scope === 'school' && school.data) {
    lines = school.data.timeline.filter((task) => kinds.includes(task.kind)).map((task) => ({ ...task, note: null }));
  }
  if (!lines) return null;
  if (lines.length === 0) return <p className="muted">本學期的期程沒有排定這項工作的期間。</p>;
  return (
    <ul className="windows" aria-label="作業期間">
      {lines.map((line) => (
        <li key={line.id}>
          <span className={`state ${line.state.toLowerCase()}`}>{line.stateLabel}</span> {line.label}：{line.rocWindow}
          {line.note && <span className="muted"> — {line.note}</span>}
        </li>
      ))}
    </ul>
  );
}
