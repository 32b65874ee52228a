import { useMutation } from '@apollo/client/react';
import { useEffect } from 'react';
import { PasswordChangeForm } from '../components/PasswordChangeForm';
import { graphql } from '../gql';
import { useLiveConnection } from '../lib/live-connection';
import { providerSignOutOf } from '../lib/single-sign-on';
import { rocDate, rocDateTime } from '../lib/roc';
import { useServerNow } from '../lib/use-server-now';
import { NavLink, Outlet } from 'react-router';
import { AlertToasts } from '../components/AlertToasts';
import { PAGES } from './pages';
import { useSignedIn } from './viewer-context';

export const ShellMeFragment = graphql(`
  fragment Shell_Me on Me {
    id
    kind
    displayName
    username
    roles
    adminSections
    roleLabels
    serverTime
    currentTermLabel
    viewerCanListStudents
    viewerCanListClasses
    viewerCanBrowseSchools
    viewerCanManageAccounts
    passwordIsTemporary
    signedInWith {
      id
      label
    }
    readOnlyReason
    viewerCanPrintFirstPasswordSlips
    viewerCanViewStatistics
    viewerCanEditTimeline
    viewerCanEnterGrades
    viewerCanViewHomeroom
    viewerCanPublishTemplates
    viewerCanImport
    viewerCanRollOver
    viewerCanRecordCadres
    viewerCanRecordCounseling
    viewerCanManageSubmissions
    viewerCanManageTransfers
    viewerCanReviewReceipts
    viewerCanReadAuditLog
    viewerCanReadRetentionReport
    school {
      id
      displayName
      code
    }
    authority {
      id
      name
    }
    currentTerm {
      id
      label
      rocPeriod
    }
    ...HomePage_Me
  }
`);

const LogoutMutation = graphql(`
  mutation Logout($input: LogoutInput) {
    logout(input: $input) {
      endedSessions
      providerLogoutUrl
    }
  }
`);

/**
 * Today by the server's clock (deadlines follow it), kept from the offset measured at sign-in rather than pushed by
 * the server every second, and whether the alert connection is up. Its own component, so only it re-renders.
 */
function HeaderClock({ serverTime, alerts }: { serverTime: string; alerts: boolean }) {
  const now = useServerNow(serverTime);
  const live = useLiveConnection();
  return (
    <>
      <span data-testid="today" title={rocDateTime(now)}>
        今天 {rocDate(now)}
      </span>
      {alerts && (
        <span className={live === 'live' ? 'live on' : 'live'} data-testid="live-clock">
          {live === 'live' ? '即時連線' : '連線中…'}
        </span>
      )}
    </>
  );
}

/**
 * Whoever signs in with a password somebody else set (a first-password slip, a reset) sets their own before anything
 * else; the server refuses everything else meanwhile. The address they asked for opens once they have.
 */
function FirstPasswordGate() {
  useEffect(() => {
    document.title = '設定新密碼｜學生學習歷程檔案平臺';
  }, []);
  return (
    <section>
      <h1>設定新密碼</h1>
      <p>
        您正在使用別人設定的密碼（初始密碼單上的密碼，或資訊組重設後的密碼）。請先設定一個只有您知道的新密碼，才能使用平臺的其他功能。
      </p>
      <PasswordChangeForm
        heading="設定您的新密碼"
        currentLabel="初始密碼單或重設後的密碼"
        onChanged={() => undefined}
      />
    </section>
  );
}

/** The signed-in frame: header, the menu of the pages this person may open, and the page the address names. */
export function Shell() {
  const { viewer, onLoggedOut } = useSignedIn();
  const [logout] = useMutation(LogoutMutation);
  const nav = PAGES.filter((page) => page.inMenu !== false && page.visible(viewer));

  async function signOut() {
    const result = await logout({ variables: { input: null } });
    onLoggedOut(providerSignOutOf(result.data?.logout.providerLogoutUrl, viewer.signedInWith));
  }

  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // The address after '#' is the page: move focus to the content instead of following the link.
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        跳到主要內容
      </a>
      <header>
        <div className="brand">學生學習歷程檔案平臺</div>
        <div className="who" data-testid="viewer">
          <strong data-testid="viewer-name">{viewer.displayName}</strong>
          <span data-testid="viewer-school">{viewer.school?.displayName ?? viewer.authority.name}</span>
          <span data-testid="viewer-roles">{viewer.roleLabels.join('、')}</span>
        </div>
        <div className="term">
          <span data-testid="current-term">{viewer.currentTerm?.label ?? viewer.currentTermLabel}</span>
          {/* Only school accounts hear deadline alerts, so only they have a live connection to show. */}
          <HeaderClock serverTime={viewer.serverTime} alerts={Boolean(viewer.school) && !viewer.passwordIsTemporary} />
        </div>
        <button type="button" onClick={() => void signOut()}>
          登出
        </button>
      </header>
      <nav aria-label="主選單">
        {(viewer.passwordIsTemporary ? [] : nav).map((entry) => (
          <NavLink key={entry.path} to={entry.path} end={entry.path === '/'}>
            {entry.label}
          </NavLink>
        ))}
      </nav>
      {viewer.readOnlyReason && (
        <p className="notice read-only" role="status" data-testid="read-only-notice">
          {viewer.readOnlyReason}
        </p>
      )}
      {viewer.school && !viewer.passwordIsTemporary && <AlertToasts />}
      <main id="main" tabIndex={-1}>
        {viewer.passwordIsTemporary ? <FirstPasswordGate /> : <Outlet />}
      </main>
    </div>
  );
}
