import { useCallback, useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from './gql';
import { forgetSsoReturn, ssoReturnOf, type ProviderSignOut, type SsoReturn } from './lib/single-sign-on';
import { LoginPage } from './pages/LoginPage';
import { SignedInApp } from './routes/SignedInApp';

export const AppViewerQuery = graphql(`
  query AppViewer {
    me {
      id
      ...Shell_Me
    }
  }
`);

export function App() {
  const { data, loading, error, refetch } = useQuery(AppViewerQuery);
  // A sign-in through a provider that failed comes back with why in the address: read once, then taken out of it.
  const [ssoReturn, setSsoReturn] = useState<SsoReturn | null>(() => ssoReturnOf(window.location.search));
  useEffect(forgetSsoReturn, []);
  // Signed out of a session a provider opened: the login page says the provider's sign-in still holds.
  const [providerSignOut, setProviderSignOut] = useState<ProviderSignOut | null>(null);
  // Stable, so the router is not rebuilt on every render.
  const onLoggedOut = useCallback(
    (signedOutOf: ProviderSignOut | null = null) => {
      setSsoReturn(null);
      setProviderSignOut(signedOutOf);
      void refetch();
    },
    [refetch],
  );
  const onLoggedIn = useCallback(() => {
    setSsoReturn(null);
    setProviderSignOut(null);
    void refetch();
  }, [refetch]);
  if (loading && !data) return <p className="centered">載入中…</p>;
  if (error && !data) {
    return (
      <div className="centered">
        <p role="alert">無法連線到伺服器：{error.message}</p>
        <button type="button" onClick={() => void refetch()}>
          重試
        </button>
      </div>
    );
  }
  if (!data?.me) {
    return <LoginPage onLoggedIn={onLoggedIn} ssoReturn={ssoReturn} providerSignOut={providerSignOut} />;
  }
  return <SignedInApp viewer={data.me} onLoggedOut={onLoggedOut} />;
}
