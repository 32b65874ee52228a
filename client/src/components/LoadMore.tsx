/** 載入更多 under a list from a cursor connection, while the server has more; `onLoadMore` gets the cursor to go on from. */
export function LoadMore({
  pageInfo,
  loading,
  onLoadMore,
}: {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
  loading: boolean;
  onLoadMore: (after: string | null | undefined) => Promise<unknown>;
}) {
  if (!pageInfo?.hasNextPage) return null;
  return (
    <button type="button" disabled={loading} onClick={() => void onLoadMore(pageInfo.endCursor)}>
      載入更多
    </button>
  );
}
