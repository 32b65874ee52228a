/**
 * fetchMore's updateQuery for a cursor connection at the query's root field `field`: the next page's items after the
 * ones already shown, with the next page's pageInfo.
 */
export function appendPage<K extends string, L extends string = 'nodes'>(field: K, list: L = 'nodes' as L) {
  return <T extends { [F in K]: { [I in L]: readonly unknown[] } }>(
    previous: T,
    { fetchMoreResult }: { fetchMoreResult: T },
  ): T => ({
    ...fetchMoreResult,
    [field]: { ...fetchMoreResult[field], [list]: [...previous[field][list], ...fetchMoreResult[field][list]] },
  });
}
