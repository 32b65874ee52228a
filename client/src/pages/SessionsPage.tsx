import { useMutation, useQuery } from '@apollo/client/react';
import { PasswordChangeForm } from '../components/PasswordChangeForm';
import { graphql } from '../gql';
import { rocDateTime } from '../lib/roc';
import { TableScroll } from '../components/TableScroll';

const SessionsQuery = graphql(`
  query SessionsPage {
    mySessions {
      id
      createdAt
      lastSeenAt
      expiresAt
      userAgent
      device
      ip
      isCurrent
    }
  }
`);

const RevokeSessionMutation = graphql(`
  mutation RevokeSession($input: RevokeSessionInput!) {
    revokeSession(input: $input) {
      revoked
      userErrors {
        message
      }
    }
  }
`);

const LogoutEverywhereMutation = graphql(`
  mutation LogoutEverywhere {
    logout(input: { allSessions: true }) {
      endedSessions
      providerLogoutUrl
    }
  }
`);

/** `onSignedOut` gets the provider's logout address when this sign-in came from a provider that offers one. */
export function SessionsPage({ onSignedOut }: { onSignedOut: (providerLogoutUrl: string | null) => void }) {
  const { data, error, refetch } = useQuery(SessionsQuery, { fetchPolicy: 'network-only' });
  const [revoke] = useMutation(RevokeSessionMutation);
  const [logoutEverywhere] = useMutation(LogoutEverywhereMutation);
  if (error) return <p role="alert">無法載入登入裝置：{error.message}</p>;
  if (!data) return <p>載入中…</p>;
  return (
    <section>
      <h1>登入裝置</h1>
      <p className="muted">看到不認得的裝置時，請讓它登出並更改密碼。</p>
      <TableScroll label="登入中的裝置">
        <table>
          <thead>
            <tr>
              <th>登入時間</th>
              <th>最後使用</th>
              <th>到期</th>
              <th>瀏覽器</th>
              <th>位址</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.mySessions.map((session) => (
              <tr key={session.id}>
                <td>{rocDateTime(session.createdAt)}</td>
                <td>{rocDateTime(session.lastSeenAt)}</td>
                <td>{rocDateTime(session.expiresAt)}</td>
                <td className="ua" title={session.userAgent ?? undefined}>
                  {session.device ?? session.userAgent ?? '—'}
                </td>
                <td>{session.ip ?? '—'}</td>
                <td>
                  {session.isCurrent ? (
                    '這個裝置'
                  ) : (
                    <button
                      type="button"
                      onClick={() =>
                        void revoke({ variables: { input: { sessionId: session.id } } }).then(() => refetch())
                      }
                    >
                      讓它登出
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <button
        type="button"
        onClick={() =>
          void logoutEverywhere().then((result) => onSignedOut(result.data?.logout.providerLogoutUrl ?? null))
        }
      >
        登出所有裝置
      </button>
      <PasswordChangeForm onChanged={() => void refetch()} />
    </section>
  );
}
