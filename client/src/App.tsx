import { useCallback } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from './gql';
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
  // Stable, so the router is not rebuilt on every render.
  const onLoggedOut = useCallback(() => void refetch(), [refetch]);
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
  if (!data?.me) return <LoginPage onLoggedIn={() => void refetch()} />;
  return <SignedInApp viewer={data.me} onLoggedOut={onLoggedOut} />;
}
