import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';

const OpenWindowsQuery = graphql(`
  query OpenWindowPeriods {
    myDeadlines {
      task {
        id
        kind
        period
      }
      viewerMayActNow
    }
  }
`);

/**
 * The period of data (「1151」, 「115_0」) of the first of these windows the viewer may act in now, or null. A window
 * names the data it governs, not the month: in February the upload still open may be the first term's.
 */
export function useOpenWindowPeriod(kinds: string[]): string | null {
  const { data } = useQuery(OpenWindowsQuery, { fetchPolicy: 'cache-and-network' });
  for (const kind of kinds) {
    const open = data?.myDeadlines.find((deadline) => deadline.task.kind === kind && deadline.viewerMayActNow);
    if (open) return open.task.period;
  }
  return null;
}
