import { useEffect } from 'react';

interface Page<Node> {
  nodes: Node[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** Keeps asking for the next page until a connection is complete: the charts and sorting need every row. */
export function useRemainingPages(
  page: Page<unknown> | undefined,
  loadAfter: (cursor: string) => Promise<unknown>,
): boolean {
  const hasNextPage = page?.pageInfo.hasNextPage ?? false;
  const endCursor = page?.pageInfo.endCursor ?? null;
  useEffect(() => {
    if (hasNextPage && endCursor) void loadAfter(endCursor);
    // loadAfter is a new closure each render; the cursor alone says when to load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hasNextPage, endCursor]);
  return hasNextPage;
}
