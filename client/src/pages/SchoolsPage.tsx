import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { CopyButton } from '../components/CopyButton';
import { ErrorList } from '../components/ErrorList';
import { FormDialog } from '../components/FormDialog';
import { LoadMore } from '../components/LoadMore';
import { TableScroll } from '../components/TableScroll';
import { graphql } from '../gql';
import type { SchoolDivision, SchoolsPage_SchoolFragment } from '../gql/graphql';
import { appendPage } from '../lib/pagination';

graphql(`
  fragment SchoolsPage_School on School {
    id
    code
    name
    divisionLabel
    active
    deactivatedAt
    studentLoginPattern
    studentLoginExample
    viewerCanManage
  }
`);

/** The authority's schools, as the bureau picks one (所轄學校, 帳號與權限). */
export const SchoolsQuery = graphql(`
  query SchoolsPage($after: String) {
    schools(first: 100, after: $after) {
      nodes {
        ...SchoolsPage_School
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const CreateSchoolMutation = graphql(`
  mutation CreateSchool($input: CreateSchoolInput!) {
    createSchool(input: $input) {
      school {
        ...SchoolsPage_School
      }
      itUsername
      temporaryPassword
      userErrors {
        field
        message
      }
    }
  }
`);

const SetSchoolActiveMutation = graphql(`
  mutation SetSchoolActive($input: SetSchoolActiveInput!) {
    setSchoolActive(input: $input) {
      school {
        ...SchoolsPage_School
      }
      sessionsEnded
      userErrors {
        message
      }
    }
  }
`);

const SetStudentLoginPatternMutation = graphql(`
  mutation SetStudentLoginPattern($input: SetStudentLoginPatternInput!) {
    setStudentLoginPattern(input: $input) {
      school {
        ...SchoolsPage_School
      }
      userErrors {
        message
      }
    }
  }
`);

const PATTERN_HINT =
  '{code} 代表學校代碼、{number} 代表學號，其餘只能用英文字母、數字與 . _ @ -；帳號一律轉為小寫。只影響之後建立的學生帳號。';

/**
 * 所轄學校: the bureau's directory of its school divisions, where it brings a new division on (with its first 資訊組
 * account, whose one-time password is shown here once), deactivates or reactivates one, and sets how its students'
 * logins are made. What the viewer may do to each division comes from the server (viewerCanManage).
 */
export function SchoolsPage() {
  const { data, error, loading, fetchMore } = useQuery(SchoolsQuery);
  const [notice, setNotice] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [toggling, setToggling] = useState<SchoolsPage_SchoolFragment | null>(null);
  const [editing, setEditing] = useState<SchoolsPage_SchoolFragment | null>(null);
  if (error) return <p role="alert">無法載入學校名錄：{error.message}</p>;
  if (!data) return <p>載入中…</p>;
  const schools = data.schools.nodes;
  const mayManage = schools.some((school) => school.viewerCanManage);
  return (
    <section>
      <h1>所轄學校</h1>
      <p className="muted">日間部與進修部各計一校。停用的部別不能登入，資料保留，統計中仍計入歷史數字。</p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {created && <OneTimePassword created={created} onDone={() => setCreated(null)} />}
      <TableScroll label="所轄學校">
        <table>
          <thead>
            <tr>
              <th>學校代碼</th>
              <th>校名</th>
              <th>部別</th>
              <th>狀態</th>
              <th>學生帳號規則</th>
              {mayManage && <th>管理</th>}
            </tr>
          </thead>
          <tbody>
            {schools.map((school) => (
              <tr key={school.id} data-testid="school-row">
                <td>{school.code}</td>
                <td className="nowrap">{school.name}</td>
                <td className="nowrap">{school.divisionLabel}</td>
                <td className="nowrap">{school.active ? '使用中' : <span className="badge">已停用</span>}</td>
                <td>
                  <code>{school.studentLoginPattern}</code>
                  <span className="muted">（例：{school.studentLoginExample}）</span>
                </td>
                {mayManage && (
                  <td>
                    {school.viewerCanManage && (
                      <div className="actions">
                        <Link
                          to={`/accounts?school=${encodeURIComponent(school.id)}`}
                          aria-label={`帳號與權限：${displayName(school)}`}
                        >
                          帳號與權限
                        </Link>
                        <button
                          type="button"
                          className="secondary"
                          aria-label={`變更帳號規則：${displayName(school)}`}
                          onClick={() => setEditing(school)}
                        >
                          變更帳號規則
                        </button>
                        {/* The school's name is in the button's name, not in a hidden span: an absolutely placed
                            span would sit outside the table's scroll box and widen the page on a phone. */}
                        <button
                          type="button"
                          className="secondary"
                          aria-label={`${school.active ? '停用' : '重新啟用'}：${displayName(school)}`}
                          onClick={() => setToggling(school)}
                        >
                          {school.active ? '停用' : '重新啟用'}
                        </button>
                      </div>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <LoadMore
        pageInfo={data.schools.pageInfo}
        loading={loading}
        onLoadMore={(after) => fetchMore({ variables: { after }, updateQuery: appendPage('schools') })}
      />
      {mayManage && (
        <CreateSchoolForm
          onCreated={(done) => {
            setNotice(null);
            setCreated(done);
          }}
        />
      )}
      {toggling && (
        <ActivationDialog
          school={toggling}
          onClose={() => setToggling(null)}
          onDone={(message) => {
            setToggling(null);
            setNotice(message);
          }}
        />
      )}
      {editing && (
        <LoginPatternDialog
          school={editing}
          onClose={() => setEditing(null)}
          onDone={(message) => {
            setEditing(null);
            setNotice(message);
          }}
        />
      )}
    </section>
  );
}

const displayName = (school: Pick<SchoolsPage_SchoolFragment, 'name' | 'divisionLabel'>): string =>
  `${school.name} ${school.divisionLabel}`;

interface Created {
  school: string;
  username: string;
  password: string;
}

/** The first password, once: it is stored only hashed, so closing this box is the last time anybody sees it. */
function OneTimePassword({ created, onDone }: { created: Created; onDone: () => void }) {
  return (
    <div className="notice" role="status" data-testid="one-time-password">
      <p>
        已新增 {created.school}。資訊組帳號 <code>{created.username}</code>，一次性密碼：
        <code data-testid="temporary-password">{created.password}</code>
        <CopyButton text={created.password} label="複製密碼" />
      </p>
      <p>
        <strong>這組密碼只顯示這一次</strong>
        ，關閉後無法再查看。請以書面或當面交給資訊組人員，勿以電子郵件傳送；對方第一次登入時必須設定自己的密碼。
      </p>
      <button type="button" className="secondary" onClick={onDone}>
        我已記下
      </button>
    </div>
  );
}

const EMPTY_FORM = {
  code: '',
  name: '',
  division: 'DAY' as SchoolDivision,
  studentLoginPattern: '',
  itUsername: '',
  itDisplayName: '',
};

function CreateSchoolForm({ onCreated }: { onCreated: (created: Created) => void }) {
  const [form, setForm] = useState(EMPTY_FORM);
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  const [createSchool, { loading }] = useMutation(CreateSchoolMutation, { refetchQueries: ['SchoolsPage'] });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors([]);
    try {
      const result = await createSchool({
        variables: { input: { ...form, studentLoginPattern: form.studentLoginPattern.trim() || null } },
      });
      const payload = result.data?.createSchool;
      if (!payload?.school || !payload.temporaryPassword || !payload.itUsername) {
        setErrors(
          payload?.userErrors.map((error) => ({ field: error.field[1] ?? '', message: error.message })) ?? [
            { field: '', message: '新增失敗，請再試一次。' },
          ],
        );
        return;
      }
      onCreated({
        school: displayName(payload.school),
        username: payload.itUsername,
        password: payload.temporaryPassword,
      });
      setForm(EMPTY_FORM);
    } catch (caught) {
      setErrors([{ field: '', message: (caught as Error).message }]);
    }
  }

  const invalid = (field: string) => errors.some((error) => error.field === field) || undefined;
  const set = (field: keyof typeof EMPTY_FORM) => (event: { target: { value: string } }) =>
    setForm((previous) => ({ ...previous, [field]: event.target.value }));
  const defaultPattern = form.division === 'NIGHT' ? '{code}n{number}' : '{code}{number}';
  return (
    <form className="card-form" aria-labelledby="create-school-title" onSubmit={(event) => void submit(event)}>
      <h2 id="create-school-title">新增學校（部別）</h2>
      <p className="hint">
        同一所學校的日間部與進修部分別新增。新增後會建立本學年度與上學年度的學期，以及第一個資訊組帳號。
      </p>
      <label>
        學校代碼（6 碼）
        <input
          value={form.code}
          onChange={set('code')}
          required
          inputMode="text"
          autoComplete="off"
          maxLength={6}
          placeholder="例如 383301"
          aria-invalid={invalid('code')}
        />
      </label>
      <label>
        校名
        <input
          value={form.name}
          onChange={set('name')}
          required
          maxLength={100}
          placeholder="例如 臺北市立示範高級中學"
          aria-invalid={invalid('name')}
        />
      </label>
      <label>
        部別
        <select value={form.division} onChange={set('division')}>
          <option value="DAY">日間部</option>
          <option value="NIGHT">進修部</option>
        </select>
      </label>
      <label>
        學生帳號規則（選填）
        <input
          value={form.studentLoginPattern}
          onChange={set('studentLoginPattern')}
          autoComplete="off"
          placeholder={defaultPattern}
          aria-describedby="create-school-pattern-hint"
          aria-invalid={invalid('studentLoginPattern')}
        />
      </label>
      <p className="hint" id="create-school-pattern-hint">
        留空則使用 {defaultPattern}。{PATTERN_HINT}
      </p>
      <fieldset>
        <legend>第一個資訊組帳號</legend>
        <label>
          登入帳號
          <input
            value={form.itUsername}
            onChange={set('itUsername')}
            required
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            placeholder="例如 383301.it"
            aria-describedby="create-school-username-hint"
            aria-invalid={invalid('itUsername')}
          />
        </label>
        <p className="hint" id="create-school-username-hint">
          英文字母、數字或 . _ @ -，全平臺不可重複（不分大小寫）。
        </p>
        <label>
          姓名
          <input
            value={form.itDisplayName}
            onChange={set('itDisplayName')}
            required
            maxLength={50}
            aria-invalid={invalid('itDisplayName')}
          />
        </label>
      </fieldset>
      <ErrorList messages={errors.map((error) => error.message)} />
      <div className="actions">
        <button type="submit" disabled={loading}>
          {loading ? '新增中…' : '新增學校'}
        </button>
      </div>
    </form>
  );
}

function ActivationDialog({
  school,
  onClose,
  onDone,
}: {
  school: SchoolsPage_SchoolFragment;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const [setActive, { loading }] = useMutation(SetSchoolActiveMutation);
  const [errors, setErrors] = useState<string[]>([]);
  const deactivating = school.active;
  const name = displayName(school);

  async function submit() {
    setErrors([]);
    try {
      const result = await setActive({ variables: { input: { schoolId: school.id, active: !deactivating } } });
      const payload = result.data?.setSchoolActive;
      if (!payload?.school) {
        setErrors(payload?.userErrors.map((error) => error.message) ?? ['操作失敗，請再試一次。']);
        return;
      }
      onDone(
        deactivating
          ? `已停用 ${name}，登出了 ${payload.sessionsEnded ?? 0} 個登入中的裝置。`
          : `已重新啟用 ${name}，帳號可以用原本的密碼登入。`,
      );
    } catch (caught) {
      setErrors([(caught as Error).message]);
    }
  }

  const title = deactivating ? `停用 ${name}` : `重新啟用 ${name}`;
  return (
    <FormDialog
      title={title}
      busy={loading}
      errors={errors}
      submitLabel={deactivating ? '確定停用' : '確定重新啟用'}
      onSubmit={submit}
      onClose={onClose}
    >
      <p>
        {deactivating
          ? '停用後，這個部別的所有帳號（教職員與學生）立即登出，也不能再登入；資料全部保留，統計仍計入它的歷史數字，但不列入學期進度。之後可以重新啟用。'
          : '重新啟用後，這個部別的帳號可以再用原本的密碼登入。'}
      </p>
    </FormDialog>
  );
}

function LoginPatternDialog({
  school,
  onClose,
  onDone,
}: {
  school: SchoolsPage_SchoolFragment;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const [setPattern, { loading }] = useMutation(SetStudentLoginPatternMutation);
  const [pattern, setPatternText] = useState(school.studentLoginPattern);
  const [errors, setErrors] = useState<string[]>([]);
  const name = displayName(school);

  async function submit() {
    setErrors([]);
    try {
      const result = await setPattern({ variables: { input: { schoolId: school.id, studentLoginPattern: pattern } } });
      const payload = result.data?.setStudentLoginPattern;
      if (!payload?.school) {
        setErrors(payload?.userErrors.map((error) => error.message) ?? ['變更失敗，請再試一次。']);
        return;
      }
      onDone(
        `${name}的學生帳號規則為 ${payload.school.studentLoginPattern}（例：${payload.school.studentLoginExample}）。`,
      );
    } catch (caught) {
      setErrors([(caught as Error).message]);
    }
  }

  const title = `學生帳號規則：${name}`;
  return (
    <FormDialog
      title={title}
      busy={loading}
      errors={errors}
      submitLabel="儲存"
      busyLabel="儲存中…"
      onSubmit={submit}
      onClose={onClose}
    >
      <label>
        學生帳號規則
        <input
          value={pattern}
          onChange={(event) => setPatternText(event.target.value)}
          required
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          aria-describedby="login-pattern-hint"
        />
      </label>
      <p className="hint" id="login-pattern-hint">
        {PATTERN_HINT}
      </p>
    </FormDialog>
  );
}
