import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { CopyButton } from '../components/CopyButton';
import { ErrorList } from '../components/ErrorList';
import { FormDialog } from '../components/FormDialog';
import { LoadMore } from '../components/LoadMore';
import { ModalDialog } from '../components/ModalDialog';
import { RocDateField } from '../components/RocDateField';
import { TableScroll } from '../components/TableScroll';
import { graphql } from '../gql';
import type {
  AccountsPage_AccountFragment,
  AdminSection,
  ManagedAccountKind,
  ManagedAccountStatus,
  TeachingRole,
} from '../gql/graphql';
import { appendPage } from '../lib/pagination';
import { rocCalendarDate, rocDateTime, toTaipeiInput } from '../lib/roc';
import { SECTION_LABELS, SECTIONS } from '../lib/sections';
import { useSearchParam } from '../lib/use-search-param';

graphql(`
  fragment AccountsPage_Account on ManagedAccount {
    id
    username
    displayName
    kind
    roles
    roleLabels
    adminSections
    active
    passwordIsTemporary
    slipPending
    lockedUntil
    temporaryUntil
    temporaryUntilDate
    studentNumber
    studentStatus
    studentStatusLabel
    viewerCanSetSections
    viewerCanSetTeachingRoles
    viewerCanResetPassword
    viewerCanSetActive
    viewerCanUnlock
    viewerCanGrantTemporaryAccess
  }
`);

const AccountsQuery = graphql(`
  query AccountsPage(
    $schoolId: ID
    $search: String
    $kind: ManagedAccountKind
    $status: ManagedAccountStatus
    $after: String
  ) {
    managedAccounts(schoolId: $schoolId, search: $search, kind: $kind, status: $status, first: 50, after: $after) {
      nodes {
        ...AccountsPage_Account
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const SchoolChoicesQuery = graphql(`
  query AccountsPageSchools {
    schools(first: 100) {
      nodes {
        id
        code
        name
        divisionLabel
      }
    }
  }
`);

const ServerTimeQuery = graphql(`
  query AccountsPageServerTime {
    me {
      id
      serverTime
      temporaryAccessMaxDays
    }
  }
`);

const SetAdminSectionMutation = graphql(`
  mutation SetAdminSection($input: SetAdminSectionInput!) {
    setAdminSection(input: $input) {
      account {
        ...AccountsPage_Account
      }
      userErrors {
        message
      }
    }
  }
`);

const SetTeachingRoleMutation = graphql(`
  mutation SetTeachingRole($input: SetTeachingRoleInput!) {
    setTeachingRole(input: $input) {
      account {
        ...AccountsPage_Account
      }
      userErrors {
        message
      }
    }
  }
`);

const ResetAccountPasswordMutation = graphql(`
  mutation ResetAccountPassword($input: ResetAccountPasswordInput!) {
    resetAccountPassword(input: $input) {
      temporaryPassword
      account {
        ...AccountsPage_Account
      }
    }
  }
`);

const SetAccountActiveMutation = graphql(`
  mutation SetAccountActive($input: SetAccountActiveInput!) {
    setAccountActive(input: $input) {
      account {
        ...AccountsPage_Account
      }
      userErrors {
        message
      }
    }
  }
`);

const UnlockAccountMutation = graphql(`
  mutation UnlockAccount($input: UnlockAccountInput!) {
    unlockAccount(input: $input) {
      account {
        ...AccountsPage_Account
      }
      userErrors {
        message
      }
    }
  }
`);

const GrantTemporaryAccessMutation = graphql(`
  mutation GrantTemporaryAccess($input: GrantTemporaryAccessInput!) {
    grantTemporaryAccess(input: $input) {
      temporaryPassword
      account {
        ...AccountsPage_Account
      }
      userErrors {
        message
      }
    }
  }
`);

const EndTemporaryAccessMutation = graphql(`
  mutation EndTemporaryAccess($input: EndTemporaryAccessInput!) {
    endTemporaryAccess(input: $input) {
      account {
        ...AccountsPage_Account
      }
      userErrors {
        message
      }
    }
  }
`);

type Account = AccountsPage_AccountFragment;

const SEARCH_MAX = 30;

const KINDS: { value: ManagedAccountKind; label: string }[] = [
  { value: 'STAFF', label: '教職員' },
  { value: 'STUDENT', label: '學生' },
];

const STATUSES: { value: ManagedAccountStatus; label: string }[] = [
  { value: 'ACTIVE', label: '啟用' },
  { value: 'DISABLED', label: '停用' },
  { value: 'LOCKED', label: '鎖定中' },
  { value: 'MUST_CHANGE_PASSWORD', label: '須變更密碼' },
  { value: 'SLIP_PENDING', label: '尚未發放初始密碼' },
  { value: 'TEMPORARY_ACCESS', label: '臨時帳號' },
];

const TEACHING_ROLES: { value: TeachingRole; label: string }[] = [
  { value: 'TEACHER', label: '任課教師' },
  { value: 'HOMEROOM_TEACHER', label: '導師' },
  { value: 'COUNSELOR', label: '課程諮詢教師' },
];

const isKind = (value: string | null): value is ManagedAccountKind => KINDS.some((entry) => entry.value === value);
const isStatus = (value: string | null): value is ManagedAccountStatus =>
  STATUSES.some((entry) => entry.value === value);

const who = (account: Account): string => `${account.displayName}（${account.username}）`;

/**
 * A button whose visible text is short and whose accessible name names the person it acts on: 「停用 王小明」. The name
 * is an aria-label starting with the visible text (so speech input still finds it by what it shows): a visually hidden
 * span would be positioned against the page, not the table's scroll box, and widen the page on a phone.
 */
function RowButton({
  label,
  account,
  onClick,
  disabled = false,
}: {
  label: string;
  account: Account;
  onClick: () => void;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      className="secondary"
      aria-label={`${label} ${account.displayName}`}
      // A label never breaks inside itself; the buttons wrap onto lines instead, and the table scrolls in its box.
      style={{ whiteSpace: 'nowrap' }}
      disabled={disabled}
      onClick={onClick}
    >
      {label}
    </button>
  );
}

/**
 * 帳號與權限: a school's accounts, staff and students, for 資訊組 and 執行秘書 of the school and for the bureau (which
 * picks one of its schools first). Search and filters live in the address. What the viewer may do to each account
 * comes from the server; every change is audited there.
 */
export function AccountsPage({ bureau }: { bureau: boolean }) {
  const [schoolParam, setSchool] = useSearchParam('school');
  const schoolId = bureau ? schoolParam : null;
  const schools = useQuery(SchoolChoicesQuery, { skip: !bureau });
  return (
    <section>
      <h1>帳號與權限</h1>
      <p className="muted">
        搜尋教職員與學生帳號，停用、解除鎖定、重設密碼，設定教學身分與行政職務，並為休學或學籍異動的學生設定臨時帳號。行政職務：執行秘書由教育局設定，註冊組由執行秘書或教育局設定，其他組別由資訊組或執行秘書設定；不能設定自己。每項變更都記入稽核紀錄。
      </p>
      {bureau && (
        <label>
          學校
          <select value={schoolId ?? ''} onChange={(event) => setSchool(event.target.value || null)}>
            <option value="">請選擇學校</option>
            {schools.data?.schools.nodes.map((school) => (
              <option key={school.id} value={school.id}>
                {school.code} {school.name} {school.divisionLabel}
              </option>
            ))}
          </select>
        </label>
      )}
      {(!bureau || schoolId) && <AccountList schoolId={schoolId} />}
    </section>
  );
}

type Dialog =
  | { kind: 'roles'; account: Account }
  | { kind: 'reset'; account: Account }
  | { kind: 'disable'; account: Account }
  | { kind: 'temporary'; account: Account };

interface Shown {
  who: string;
  password: string;
  what: string;
}

function AccountList({ schoolId }: { schoolId: string | null }) {
  const [search, setSearch] = useSearchParam('q');
  const [kindParam, setKind] = useSearchParam('kind');
  const [statusParam, setStatus] = useSearchParam('status');
  const kind = isKind(kindParam) ? kindParam : null;
  const status = isStatus(statusParam) ? statusParam : null;
  const [draft, setDraft] = useState(search ?? '');
  const { data, error, loading, fetchMore } = useQuery(AccountsQuery, {
    variables: { schoolId, search: search?.slice(0, SEARCH_MAX) ?? null, kind, status },
  });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [setActive, activating] = useMutation(SetAccountActiveMutation);
  const [unlock, unlocking] = useMutation(UnlockAccountMutation);
  const [endTemporary, ending] = useMutation(EndTemporaryAccessMutation);
  const busy = activating.loading || unlocking.loading || ending.loading;

  function report(done: string | null, failure: string | null) {
    setMessage(done);
    setProblem(failure);
  }

  async function run(action: () => Promise<{ userErrors: { message: string }[] } | undefined>, done: string) {
    report(null, null);
    try {
      const result = await action();
      const errors = result?.userErrors ?? [];
      if (errors.length > 0) report(null, errors.map((e) => e.message).join(' '));
      else report(done, null);
    } catch (caught) {
      report(null, (caught as Error).message);
    }
  }

  const enable = (account: Account) =>
    run(
      async () =>
        (await setActive({ variables: { input: { accountId: account.id, active: true } } })).data?.setAccountActive,
      `已啟用 ${who(account)}，可以用原本的密碼登入。`,
    );
  const unlockIt = (account: Account) =>
    run(
      async () => (await unlock({ variables: { input: { accountId: account.id } } })).data?.unlockAccount,
      `已解除 ${who(account)} 的登入鎖定。`,
    );
  const endIt = (account: Account) =>
    run(
      async () => (await endTemporary({ variables: { input: { accountId: account.id } } })).data?.endTemporaryAccess,
      `已結束 ${who(account)} 的臨時帳號。`,
    );

  const filtered = Boolean(search) || kind !== null || status !== null;
  const nodes = data?.managedAccounts.nodes ?? [];
  return (
    <>
      <form
        className="toolbar"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(draft.trim() || null);
        }}
      >
        <label>
          帳號、姓名或學號
          <input
            type="search"
            value={draft}
            maxLength={SEARCH_MAX}
            onChange={(event) => setDraft(event.target.value)}
          />
        </label>
        <button type="submit">搜尋</button>
        <label>
          類別
          <select value={kind ?? ''} onChange={(event) => setKind(event.target.value || null)}>
            <option value="">全部</option>
            {KINDS.map((entry) => (
              <option key={entry.value} value={entry.value}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          狀態
          <select value={status ?? ''} onChange={(event) => setStatus(event.target.value || null)}>
            <option value="">全部</option>
            {STATUSES.map((entry) => (
              <option key={entry.value} value={entry.value}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
      </form>
      {shown && <OneTimePassword shown={shown} onDone={() => setShown(null)} />}
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {problem && <ErrorList messages={[problem]} />}
      {error ? (
        <p role="alert">無法載入帳號：{error.message}</p>
      ) : !data ? (
        <p>載入中…</p>
      ) : nodes.length === 0 ? (
        <p>{filtered ? '沒有符合搜尋條件的帳號。' : '目前沒有帳號。'}</p>
      ) : (
        <TableScroll label="帳號">
          <table>
            <thead>
              <tr>
                <th>姓名與登入帳號</th>
                <th>身分</th>
                <th>狀態</th>
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              {nodes.map((account) => (
                <tr key={account.id} data-testid="account">
                  <td>
                    {account.displayName}
                    <div>
                      <code>{account.username}</code>
                    </div>
                    {account.studentNumber && <div className="muted">學號 {account.studentNumber}</div>}
                  </td>
                  <td>
                    {account.roleLabels.map((label) => (
                      <div key={label} style={{ whiteSpace: 'nowrap' }}>
                        {label}
                      </div>
                    ))}
                  </td>
                  <td>
                    <StatusBadges account={account} />
                  </td>
                  <td>
                    <div className="toolbar">
                      {(account.viewerCanSetSections.length > 0 || account.viewerCanSetTeachingRoles) && (
                        <RowButton
                          label="身分與職務"
                          account={account}
                          onClick={() => setDialog({ kind: 'roles', account })}
                        />
                      )}
                      {account.viewerCanResetPassword && (
                        <RowButton
                          label="重設密碼"
                          account={account}
                          onClick={() => setDialog({ kind: 'reset', account })}
                        />
                      )}
                      {account.viewerCanUnlock && (
                        <RowButton
                          label="解除鎖定"
                          account={account}
                          disabled={busy}
                          onClick={() => void unlockIt(account)}
                        />
                      )}
                      {account.viewerCanGrantTemporaryAccess &&
                        account.active &&
                        (account.studentStatus !== 'ENROLLED' || account.temporaryUntil) && (
                          <RowButton
                            label="臨時帳號"
                            account={account}
                            onClick={() => setDialog({ kind: 'temporary', account })}
                          />
                        )}
                      {account.viewerCanGrantTemporaryAccess && account.temporaryUntil && (
                        <RowButton
                          label="結束臨時帳號"
                          account={account}
                          disabled={busy}
                          onClick={() => void endIt(account)}
                        />
                      )}
                      {account.viewerCanSetActive &&
                        (account.active ? (
                          <RowButton
                            label="停用"
                            account={account}
                            onClick={() => setDialog({ kind: 'disable', account })}
                          />
                        ) : (
                          <RowButton
                            label="啟用"
                            account={account}
                            disabled={busy}
                            onClick={() => void enable(account)}
                          />
                        ))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {data && (
        <LoadMore
          pageInfo={data.managedAccounts.pageInfo}
          loading={loading}
          onLoadMore={(after) => fetchMore({ variables: { after }, updateQuery: appendPage('managedAccounts') })}
        />
      )}
      {dialog?.kind === 'roles' && <RolesDialog account={dialog.account} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && (
        <ResetDialog
          account={dialog.account}
          onClose={() => setDialog(null)}
          onDone={(password) => {
            setDialog(null);
            report(null, null);
            setShown({ who: who(dialog.account), password, what: '已重設密碼' });
          }}
        />
      )}
      {dialog?.kind === 'disable' && (
        <DisableDialog
          account={dialog.account}
          onClose={() => setDialog(null)}
          onDone={(done) => {
            setDialog(null);
            report(done, null);
          }}
        />
      )}
      {dialog?.kind === 'temporary' && (
        <TemporaryAccessDialog
          account={dialog.account}
          onClose={() => setDialog(null)}
          onDone={(password, until) => {
            setDialog(null);
            report(null, null);
            setShown({ who: who(dialog.account), password, what: `已設定臨時帳號（可登入至 ${until}）` });
          }}
        />
      )}
    </>
  );
}

function StatusBadges({ account }: { account: Account }) {
  return (
    <div className="checklist">
      {account.active ? <span className="badge certified">啟用</span> : <span className="badge rejected">停用</span>}
      {account.lockedUntil && <span className="badge rejected">鎖定中至 {rocDateTime(account.lockedUntil)}</span>}
      {account.slipPending && <span className="badge pending">尚未發放初始密碼</span>}
      {account.passwordIsTemporary && (
        <span className="badge pending" title="本人尚未變更別人設定的密碼；變更前不能授予行政職務">
          須變更密碼
        </span>
      )}
      {account.temporaryUntilDate && (
        <span className="badge selected">臨時帳號至 {rocCalendarDate(account.temporaryUntilDate)}</span>
      )}
      {account.studentStatusLabel && <span className="badge">{account.studentStatusLabel}</span>}
    </div>
  );
}

/** A password set here, once: only its hash is kept, so closing this is the last time anybody sees it. */
function OneTimePassword({ shown, onDone }: { shown: Shown; onDone: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  // Focus moves here, so a keyboard or screen-reader user lands on the password rather than on the closed dialog's
  // opener somewhere down the table.
  useEffect(() => box.current?.focus(), [shown]);
  return (
    <div className="notice" role="status" data-testid="temporary-password" tabIndex={-1} ref={box}>
      <p>
        {shown.what}：{shown.who}。一次性密碼：<code>{shown.password}</code>{' '}
        <CopyButton text={shown.password} label="複製密碼" />
      </p>
      <p>
        <strong>這組密碼只顯示這一次</strong>
        ，關閉後無法再查看。請當面或以書面交給本人，勿以電子郵件傳送；對方原本的登入都已失效，第一次登入時必須設定自己的密碼。
      </p>
      <button type="button" className="secondary" onClick={onDone}>
        我已記下
      </button>
    </div>
  );
}

function RolesDialog({ account, onClose }: { account: Account; onClose: () => void }) {
  const [setSection, sectionState] = useMutation(SetAdminSectionMutation);
  const [setRole, roleState] = useMutation(SetTeachingRoleMutation);
  const [errors, setErrors] = useState<string[]>([]);
  // The box shows the click at once; the server's answer (the account's roles and sections) replaces it on arrival.
  const [pending, setPending] = useState<{ key: string; granted: boolean } | null>(null);
  const busy = sectionState.loading || roleState.loading;
  const title = `${account.displayName} 的身分與職務`;
  const shows = (key: string, held: boolean) => (pending?.key === key ? pending.granted : held);

  async function change(
    key: string,
    granted: boolean,
    action: () => Promise<{ userErrors: { message: string }[] } | undefined>,
  ) {
    setErrors([]);
    setPending({ key, granted });
    try {
      const result = await action();
      setErrors(result?.userErrors.map((error) => error.message) ?? []);
    } catch (caught) {
      setErrors([(caught as Error).message]);
    } finally {
      setPending(null);
    }
  }

  return (
    <ModalDialog title={title} busy={busy} onClose={onClose}>
      <div className="card-form">
        <h2>{title}</h2>
        <fieldset>
          <legend>教學身分</legend>
          <div className="checklist">
            {TEACHING_ROLES.map((role) => (
              <label key={role.value} className="inline-choice">
                <input
                  type="checkbox"
                  checked={shows(role.value, account.roles.includes(role.value))}
                  disabled={!account.viewerCanSetTeachingRoles || busy}
                  onChange={(event) =>
                    void change(
                      role.value,
                      event.target.checked,
                      async () =>
                        (
                          await setRole({
                            variables: {
                              input: { accountId: account.id, role: role.value, granted: event.target.checked },
                            },
                          })
                        ).data?.setTeachingRole,
                    )
                  }
                />
                {role.label}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>行政組別</legend>
          <div className="checklist">
            {SECTIONS.map((section: AdminSection) => (
              <label key={section} className="inline-choice">
                <input
                  type="checkbox"
                  checked={shows(section, account.adminSections.includes(section))}
                  disabled={!account.viewerCanSetSections.includes(section) || busy}
                  onChange={(event) =>
                    void change(
                      section,
                      event.target.checked,
                      async () =>
                        (
                          await setSection({
                            variables: { input: { accountId: account.id, section, granted: event.target.checked } },
                          })
                        ).data?.setAdminSection,
                    )
                  }
                />
                {SECTION_LABELS[section]}
              </label>
            ))}
          </div>
        </fieldset>
        <p className="muted">勾選或取消即生效。導師仍帶班時不能移除導師身分；帳號至少要保留一個身分。</p>
        <ErrorList messages={errors} />
        <div className="actions">
          <button type="button" disabled={busy} onClick={onClose}>
            完成
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}

function ResetDialog({
  account,
  onClose,
  onDone,
}: {
  account: Account;
  onClose: () => void;
  onDone: (password: string) => void;
}) {
  const [reset, { loading }] = useMutation(ResetAccountPasswordMutation);
  const [errors, setErrors] = useState<string[]>([]);
  const title = `重設 ${account.displayName} 的密碼`;

  async function submit() {
    setErrors([]);
    try {
      const result = await reset({ variables: { input: { accountId: account.id } } });
      const password = result.data?.resetAccountPassword.temporaryPassword;
      if (password) onDone(password);
      else setErrors(['重設失敗，請再試一次。']);
    } catch (caught) {
      setErrors([(caught as Error).message]);
    }
  }

  return (
    <FormDialog title={title} busy={loading} errors={errors} submitLabel="確定重設" onSubmit={submit} onClose={onClose}>
      <p>
        確定要重設 {who(account)}{' '}
        的密碼嗎？系統會產生一組一次性密碼，只顯示一次；對方所有的登入立即失效，下次登入時必須設定自己的密碼。單一登入的連結也一併解除：對方須先用一次性密碼登入並設定自己的密碼，才能再以單一登入登入。
      </p>
    </FormDialog>
  );
}

function DisableDialog({
  account,
  onClose,
  onDone,
}: {
  account: Account;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const [setActive, { loading }] = useMutation(SetAccountActiveMutation);
  const [errors, setErrors] = useState<string[]>([]);
  const title = `停用 ${account.displayName}`;

  async function submit() {
    setErrors([]);
    try {
      const result = await setActive({ variables: { input: { accountId: account.id, active: false } } });
      const payload = result.data?.setAccountActive;
      if (payload?.account) onDone(`已停用 ${who(account)}，對方所有的登入都已失效。`);
      else setErrors(payload?.userErrors.map((error) => error.message) ?? ['停用失敗，請再試一次。']);
    } catch (caught) {
      setErrors([(caught as Error).message]);
    }
  }

  return (
    <FormDialog title={title} busy={loading} errors={errors} submitLabel="確定停用" onSubmit={submit} onClose={onClose}>
      <p>確定要停用 {who(account)} 嗎？停用後無法登入，所有登入中的裝置立即登出；資料全部保留，之後可以再啟用。</p>
    </FormDialog>
  );
}

const addDays = (isoDate: string, days: number): string => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

function TemporaryAccessDialog({
  account,
  onClose,
  onDone,
}: {
  account: Account;
  onClose: () => void;
  onDone: (password: string, until: string) => void;
}) {
  const [grant, { loading }] = useMutation(GrantTemporaryAccessMutation);
  const server = useQuery(ServerTimeQuery, { fetchPolicy: 'network-only' });
  const [until, setUntil] = useState(account.temporaryUntilDate ?? '');
  const [errors, setErrors] = useState<string[]>([]);
  const title = `${account.displayName} 的臨時帳號`;
  // The server's today (Taipei), not the browser's: the server decides whether the date is in range.
  const today = server.data?.me ? toTaipeiInput(server.data.me.serverTime).slice(0, 10) : '';
  // The policy's limit, as the server will check it; here it only bounds the date field.
  const maxDays = server.data?.me?.temporaryAccessMaxDays ?? 0;
  const latest = today ? addDays(today, maxDays) : '';

  async function submit() {
    setErrors([]);
    try {
      const result = await grant({ variables: { input: { accountId: account.id, until } } });
      const payload = result.data?.grantTemporaryAccess;
      if (payload?.temporaryPassword) onDone(payload.temporaryPassword, rocCalendarDate(until));
      else setErrors(payload?.userErrors.map((error) => error.message) ?? ['設定失敗，請再試一次。']);
    } catch (caught) {
      setErrors([(caught as Error).message]);
    }
  }

  return (
    <FormDialog
      title={title}
      busy={loading}
      errors={errors}
      submitLabel="設定臨時帳號"
      submitDisabled={until === ''}
      onSubmit={submit}
      onClose={onClose}
    >
      <p>
        {who(account)}
        {account.studentStatusLabel ? `目前學籍為「${account.studentStatusLabel}」。` : '。'}
        臨時帳號讓學生在截止日結束前照常登入（例如在期限內完成勾選）；設定時會重設為一組一次性密碼，原有登入失效。截止日須在{' '}
        {maxDays} 天內。
      </p>
      <RocDateField label="可登入至" value={until} onChange={setUntil} required min={today} max={latest} />
    </FormDialog>
  );
}
