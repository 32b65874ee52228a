import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { LoadMore } from '../components/LoadMore';
import { graphql } from '../gql';
import type { AdminSection, AccountsPage_AccountFragment } from '../gql/graphql';
import { appendPage } from '../lib/pagination';
import { SchoolsQuery } from './SchoolsPage';
import { SECTION_LABELS, SECTIONS } from '../lib/sections';

graphql(`
  fragment AccountsPage_Account on ManagedAccount {
    id
    username
    displayName
    roleLabels
    adminSections
    active
    passwordIsTemporary
    viewerCanSetSections
    viewerCanResetPassword
  }
`);

const StaffAccountsQuery = graphql(`
  query AccountsPage($schoolId: ID, $after: String) {
    staffAccounts(schoolId: $schoolId, first: 50, after: $after) {
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

const ResetAccountPasswordMutation = graphql(`
  mutation ResetAccountPassword($input: ResetAccountPasswordInput!) {
    resetAccountPassword(input: $input) {
      temporaryPassword
      account {
        username
        displayName
      }
    }
  }
`);

/**
 * 帳號與權限: a school's staff accounts with their admin sections, for 資訊組 and 執行秘書 of the school and for the
 * bureau (which picks a school first). Sections are granted one account at a time; what the viewer may do to each
 * account comes from the server.
 */
export function AccountsPage({ bureau }: { bureau: boolean }) {
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const schools = useQuery(SchoolsQuery, { skip: !bureau });
  return (
    <section>
      <h1>帳號與權限</h1>
      <p className="muted">
        行政職務一次設定一個帳號：執行秘書由教育局設定，註冊組由執行秘書或教育局設定，其他組別由資訊組或執行秘書設定；不能設定自己。
      </p>
      {bureau && (
        <label>
          學校
          <select value={schoolId ?? ''} onChange={(event) => setSchoolId(event.target.value || null)}>
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

function AccountList({ schoolId }: { schoolId: string | null }) {
  const { data, error, loading, fetchMore } = useQuery(StaffAccountsQuery, { variables: { schoolId } });
  const [reset, setReset] = useState<{ who: string; password: string } | null>(null);
  if (error) return <p role="alert">無法載入帳號：{error.message}</p>;
  if (!data) return <p>載入中…</p>;
  return (
    <>
      {reset && (
        <div className="notice" role="status" data-testid="temporary-password">
          已重設 {reset.who} 的密碼。臨時密碼：<code>{reset.password}</code>
          （只顯示這一次，請當面或以書面交給本人；對方原本的登入都已失效）
          <button type="button" className="secondary" onClick={() => setReset(null)}>
            我已記下
          </button>
        </div>
      )}
      <ul className="account-list">
        {data.staffAccounts.nodes.map((account) => (
          <AccountCard key={account.id} account={account} onReset={setReset} />
        ))}
      </ul>
      <LoadMore
        pageInfo={data.staffAccounts.pageInfo}
        loading={loading}
        onLoadMore={(after) => fetchMore({ variables: { after }, updateQuery: appendPage('staffAccounts') })}
      />
    </>
  );
}

function AccountCard({
  account,
  onReset,
}: {
  account: AccountsPage_AccountFragment;
  onReset: (reset: { who: string; password: string }) => void;
}) {
  const [setSection, setting] = useMutation(SetAdminSectionMutation);
  const [resetPassword, resetting] = useMutation(ResetAccountPasswordMutation);
  const [problem, setProblem] = useState<string | null>(null);
  // The box shows the click at once; the server's answer (the account's sections) replaces it when it arrives.
  const [pending, setPending] = useState<{ section: AdminSection; granted: boolean } | null>(null);

  async function toggle(section: AdminSection, granted: boolean) {
    setProblem(null);
    setPending({ section, granted });
    try {
      const result = await setSection({ variables: { input: { accountId: account.id, section, granted } } });
      const errors = result.data?.setAdminSection.userErrors ?? [];
      if (errors.length > 0) setProblem(errors.map((error) => error.message).join(' '));
    } catch (caught) {
      setProblem((caught as Error).message);
    } finally {
      setPending(null);
    }
  }

  async function resetIt() {
    if (
      !window.confirm(`確定要重設「${account.displayName}」（${account.username}）的密碼嗎？對方所有的登入都會失效。`)
    ) {
      return;
    }
    setProblem(null);
    try {
      const result = await resetPassword({ variables: { input: { accountId: account.id } } });
      const done = result.data?.resetAccountPassword;
      if (done?.temporaryPassword) {
        onReset({ who: `${account.displayName}（${account.username}）`, password: done.temporaryPassword });
      }
    } catch (caught) {
      setProblem((caught as Error).message);
    }
  }

  const groupId = `sections-${account.id}`;
  return (
    <li className="account" data-testid="account">
      <div className="account-head">
        <strong>{account.displayName}</strong> <code>{account.username}</code>
        {!account.active && <span className="badge">已停用</span>}
        {account.passwordIsTemporary && (
          <span className="badge pending" title="本人尚未變更別人設定的密碼；變更前不能授予行政職務">
            臨時密碼
          </span>
        )}
      </div>
      <div className="muted">{account.roleLabels.join('、')}</div>
      <fieldset aria-describedby={problem ? `${groupId}-problem` : undefined}>
        <legend>行政組別</legend>
        <div className="checklist">
          {SECTIONS.map((section) => {
            const mayChange = account.viewerCanSetSections.includes(section);
            const has = pending?.section === section ? pending.granted : account.adminSections.includes(section);
            return (
              <label key={section} className="inline-choice">
                <input
                  type="checkbox"
                  checked={has}
                  disabled={!mayChange || setting.loading}
                  onChange={(event) => void toggle(section, event.target.checked)}
                />
                {SECTION_LABELS[section]}
              </label>
            );
          })}
        </div>
      </fieldset>
      {problem && (
        <p className="error" role="alert" id={`${groupId}-problem`}>
          {problem}
        </p>
      )}
      {account.viewerCanResetPassword && (
        <button type="button" className="secondary" disabled={resetting.loading} onClick={() => void resetIt()}>
          重設密碼
        </button>
      )}
    </li>
  );
}
