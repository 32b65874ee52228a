import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { graphql } from '../gql';
import { ErrorList } from '../components/ErrorList';
import type { ProviderSignOut, SsoReturn } from '../lib/single-sign-on';

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

const SignInProvidersQuery = graphql(`
  query SignInProviders {
    signInProviders {
      id
      label
      startPath
    }
  }
`);

const SignInFailureQuery = graphql(`
  query SignInFailure($provider: ID!, $failure: SsoFailure!) {
    signInFailureMessage(provider: $provider, failure: $failure)
  }
`);

/** When the address names a failure the schema does not know, or a provider the server does not: no text of its own. */
const SSO_FAILED = '未能以單一登入登入本平臺，請再試一次，或改用帳號密碼登入。';

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The page after '#' the person asked for: a provider's sign-in comes back to it. */
function useLocationHash(): string {
  return useSyncExternalStore(subscribeToHash, () => window.location.hash);
}

/**
 * Why the last sign-in through a provider failed, in the server's words: the address only says which provider and
 * which of the schema's failures, and nothing written in the address is ever shown (a crafted link must not put its
 * own text on the platform's sign-in page).
 */
function SsoFailureMessage({ ssoReturn }: { ssoReturn: SsoReturn }) {
  const { provider, failure } = ssoReturn;
  // Provider ids are short words; anything longer is not one, and is not worth a request.
  const asked = failure !== null && provider.length <= 64 ? { provider, failure } : null;
  const { data, error } = useQuery(SignInFailureQuery, asked ? { variables: asked } : skipToken);
  if (asked && !data && !error) return null;
  // Null for a provider the server does not know; an error leaves the general message too.
  const message = (asked ? data?.signInFailureMessage : null) ?? SSO_FAILED;
  return (
    <div role="alert" className="error" data-testid="sso-failure">
      <p>{message}</p>
    </div>
  );
}

/**
 * Signed out of the platform after a sign-in through a provider: the provider still knows the person, so on a shared
 * computer the next one to press 「以…登入」 would be let in as them. Focus moves here, so it is read out first.
 */
function ProviderSignOutNotice({ signedOutOf }: { signedOutOf: ProviderSignOut }) {
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => notice.current?.focus(), []);
  return (
    <div className="provider-sign-out" role="status" tabIndex={-1} ref={notice} data-testid="provider-sign-out">
      <p>已登出本平臺。您在「{signedOutOf.label}」的登入仍然有效；在共用電腦上請一併登出。</p>
      <a className="button-link" href={signedOutOf.url}>
        也登出{signedOutOf.label}
      </a>
    </div>
  );
}

export function LoginPage({
  onLoggedIn,
  ssoReturn = null,
  providerSignOut = null,
}: {
  onLoggedIn: () => void;
  /** A sign-in through a provider came back without a session. */
  ssoReturn?: SsoReturn | null;
  /** The person just signed out of a session a provider opened. */
  providerSignOut?: ProviderSignOut | null;
}) {
  useEffect(() => {
    // Signed out: the tab no longer names the page of the session that ended.
    document.title = '登入｜學生學習歷程檔案平臺';
  }, []);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [messages, setMessages] = useState<string[]>([]);
  // Trying a password instead: the provider's failure no longer is the news.
  const [ssoFailureShown, setSsoFailureShown] = useState(true);
  const [login, { loading }] = useMutation(LoginMutation);
  // Without providers, or without their list (the password still works), the page is the password form alone.
  const providers = useQuery(SignInProvidersQuery).data?.signInProviders ?? [];
  const hash = useLocationHash();
  const ssoHeading = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessages([]);
    setSsoFailureShown(false);
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
      {providerSignOut && <ProviderSignOutNotice signedOutOf={providerSignOut} />}
      {ssoReturn && ssoFailureShown && <SsoFailureMessage ssoReturn={ssoReturn} />}
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
      {providers.length > 0 && (
        <section className="sso" aria-labelledby={ssoHeading}>
          <h2 id={ssoHeading}>或使用單一登入</h2>
          <ul>
            {providers.map((provider) => (
              <li key={provider.id}>
                {/* A whole page load: the server sends the browser on to the provider, which brings it back here. */}
                <a
                  className="button-link"
                  href={`${provider.startPath}?return=${encodeURIComponent(hash.startsWith('#/') ? hash : '#/')}`}
                >
                  以{provider.label}登入
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
