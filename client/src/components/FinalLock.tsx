import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { SubmissionCategory } from '../gql/graphql';

const MyFinalLocksQuery = graphql(`
  query MyFinalLocks($termId: ID) {
    myFinalLocks(termId: $termId) {
      category
      message
    }
  }
`);

/**
 * Why the student can no longer change a category's data of a term (its final submission is done), or null. The
 * server answers with the rule that refuses the change, so a page can hide its buttons before anyone tries.
 */
export function useFinalLock(category: SubmissionCategory, termId: string | null): string | null {
  const { data } = useQuery(MyFinalLocksQuery, {
    variables: { termId },
    skip: termId === null,
    fetchPolicy: 'cache-and-network',
  });
  return data?.myFinalLocks.find((lock) => lock.category === category)?.message ?? null;
}

export function FinalLockNotice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="notice" role="status" data-testid="final-lock">
      {message}
    </p>
  );
}
