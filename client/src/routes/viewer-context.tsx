import { createContext, useContext } from 'react';
import type { Shell_MeFragment } from '../gql/graphql';
import type { ProviderSignOut } from '../lib/single-sign-on';

export interface SignedIn {
  viewer: Shell_MeFragment;
  /** After the logout mutation; `signedOutOf` when the session came from a provider the person is still signed in at. */
  onLoggedOut: (signedOutOf?: ProviderSignOut | null) => void;
}

export const ViewerContext = createContext<SignedIn | null>(null);

/** The signed-in person and how to sign out; every page below the shell has them. */
export function useSignedIn(): SignedIn {
  const signedIn = useContext(ViewerContext);
  if (!signedIn) throw new Error('useSignedIn outside the signed-in shell');
  return signedIn;
}
