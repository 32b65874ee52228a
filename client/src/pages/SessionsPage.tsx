import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { ErrorList } from '../components/ErrorList';
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

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      changed
      userErrors {
        field
        message
      }
    }
  }
`);

const LogoutEverywhereMutation = graphql(`
  mutation LogoutEverywhere {
    logout(input: { allSessions: true }) {
      endedSessions
    }
  }
`);

export function SessionsPage({ onSignedOut }: { onSignedOut: () => void }) {
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
      <button type="button" onClick={() => void logoutEverywhere().then(onSignedOut)}>
        登出所有裝置
      </button>
      <PasswordChange onChanged={() => void refetch()} />
    </section>
  );
}

/** 變更密碼: the current password, the new one twice; other devices are signed out when it is changed. */
function PasswordChange({ onChanged }: { onChanged: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [messages, setMessages] = useState<string[]>([]);
  const [done, setDone] = useState(false);
  const [change, { loading }] = useMutation(ChangePasswordMutation, { refetchQueries: ['AppViewer'] });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (next !== again) {
      setMessages(['兩次輸入的新密碼不一樣，請再輸入一次。']);
      return;
    }
    setMessages([]);
    try {
      const result = await change({ variables: { input: { currentPassword: current, newPassword: next } } });
      const payload = result.data?.changePassword;
      if (payload?.changed) {
        setDone(true);
        setCurrent('');
        setNext('');
        setAgain('');
        onChanged();
        return;
      }
      setMessages(payload?.userErrors.map((error) => error.message) ?? ['無法變更密碼，請稍後再試。']);
    } catch (error) {
      setMessages([`無法變更密碼：${error instanceof Error ? error.message : String(error)}`]);
    }
  }

  return (
    <form
      className="card-form password-form"
      aria-labelledby="password-change"
      onSubmit={(event) => void submit(event)}
    >
      <h2 id="password-change">變更密碼</h2>
      <p className="muted">新密碼至少 10 個字元，不能包含帳號。變更後，其他裝置上的登入都會失效。</p>
      <label>
        目前的密碼
        <input
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
          required
        />
      </label>
      <label>
        新密碼
        <input
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(event) => setNext(event.target.value)}
          required
        />
      </label>
      <label>
        再輸入一次新密碼
        <input
          type="password"
          autoComplete="new-password"
          value={again}
          onChange={(event) => setAgain(event.target.value)}
          required
        />
      </label>
      <ErrorList messages={messages} />
      {done && (
        <p role="status" className="notice">
          密碼已變更，其他裝置上的登入已失效。
        </p>
      )}
      <button type="submit" disabled={loading}>
        變更密碼
      </button>
    </form>
  );
}
