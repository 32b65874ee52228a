import { createContext, useContext } from 'react';
import type { Shell_MeFragment } from '../gql/graphql';

export interface SignedIn {
  viewer: Shell_MeFragment;
  onLoggedOut: () => void;
}

export const ViewerContext = createContext<SignedIn | null>(null);

/** The signed-in person and how to sign out; every page below the shell has them. */
export function useSignedIn(): SignedIn {
  const signedIn = useContext(ViewerContext);
  if (!signedIn) throw new Error('useSignedIn outside the signed-in shell');
  return signedIn;
}
