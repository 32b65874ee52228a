import { useMutation } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import { ErrorList } from '../components/ErrorList';

const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      me {
        id
      }
      retryAfterSeconds
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export function LoginPage({ onLoggedIn }: { onLoggedIn: () => void }) {
  useEffect(() => {
    // Signed out: the tab no longer names the page of the session that ended.
    document.title = '登入｜學生學習歷程檔案平臺';
  }, []);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [messages, setMessages] = useState<string[]>([]);
  const [login, { loading }] = useMutation(LoginMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessages([]);
    try {
      const result = await login({ variables: { input: { username, password } } });
      const payload = result.data?.login;
      if (payload?.me) {
        onLoggedIn();
        return;
      }
      setMessages(payload?.userErrors.map((e) => e.message) ?? ['登入失敗，請稍後再試。']);
    } catch (error) {
      setMessages([`無法登入：${error instanceof Error ? error.message : String(error)}`]);
    }
  }

  return (
    <main className="login">
      <h1>學生學習歷程檔案平臺</h1>
      <form onSubmit={(event) => void submit(event)} aria-label="登入">
        <label>
          帳號
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            required
          />
        </label>
        <label>
          密碼
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        </label>
        <ErrorList messages={messages} />
        <button type="submit" disabled={loading}>
          {loading ? '登入中…' : '登入'}
        </button>
      </form>
      <p className="hint">忘記密碼請洽學校資訊組。</p>
    </main>
  );
}
