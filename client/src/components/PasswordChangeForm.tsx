import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import { ErrorList } from './ErrorList';

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

/** 變更密碼: the current password, the new one twice; other devices are signed out when it is changed. */
export function PasswordChangeForm({
  onChanged,
  currentLabel = '目前的密碼',
  heading = '變更密碼',
}: {
  onChanged: () => void;
  /** On the first sign-in the current password is the one on the slip. */
  currentLabel?: string;
  heading?: string;
}) {
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
      <h2 id="password-change">{heading}</h2>
      <p className="muted">
        新密碼至少 10 個字元，不能包含帳號，也不能是常見或容易猜到的密碼（例如
        password123、鍵盤順序、生日、學號）。建議用幾個不相干的詞加上數字。變更後，其他裝置上的登入都會失效。
      </p>
      <label>
        {currentLabel}
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
