import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { graphql } from '../gql';
import type { LedgerPage_LedgerFragment } from '../gql/graphql';
import { rocDate, rocDateTime } from '../lib/roc';
import './LedgerPage.css';

graphql(`
  fragment LedgerPage_Ledger on StudentLedger {
    studentId
    studentName
    studentNumber
    flaggedItems
    years {
      academicYear
      label
      outcomesSelected
      outcomesMax
      performancesSelected
      performancesMax
      uploadCapPerTerm
      uploadsByTerm {
        termLabel
        uploaded
      }
      windows {
        label
        endsAt
        open
      }
      items {
        id
        kind
        title
        subtitle
        periodLabel
        stages {
          step
          label
          state
          at
          detail
        }
        flags {
          kind
          actorLabel
          message
          link
          viewerCanAct
        }
        versions {
          version
          statusLabel
          description
          uploadedAt
          decidedAt
          decidedBy
          decidedAsProxyFor
          reason
        }
      }
    }
    transferred {
      id
      kind
      title
      periodLabel
      originSchool
      importedAt
    }
  }
`);

const MyLedgerQuery = graphql(`
  query MyLedger {
    myLedger {
      ...LedgerPage_Ledger
    }
  }
`);

const StudentLedgerQuery = graphql(`
  query StudentLedger($studentId: ID!) {
    studentLedger(studentId: $studentId) {
      ...LedgerPage_Ledger
    }
  }
`);

type Ledger = LedgerPage_LedgerFragment;
type Year = Ledger['years'][number];
type Item = Year['items'][number];

const STATE_TEXT = { DONE: '完成', WAITING: '尚未', PROBLEM: '待處理' } as const;
const KIND_TEXT = { COURSE_OUTCOME: '課程學習成果', PERFORMANCE: '多元表現' } as const;

function ItemCard({ item }: { item: Item }) {
  return (
    <li className={`ledger-item${item.flags.length > 0 ? ' flagged' : ''}`}>
      <h4>
        {item.title}{' '}
        <span className="muted">
          {KIND_TEXT[item.kind]}・{item.periodLabel}
        </span>
      </h4>
      <p className="ledger-subtitle">{item.subtitle}</p>
      {item.flags.length > 0 && (
        <ul className="ledger-flags" aria-label="需要處理">
          {item.flags.map((flag) => (
            <li key={flag.kind}>
              <span className="badge rejected">{flag.actorLabel}</span> {flag.message}
              {flag.link && flag.viewerCanAct && (
                <>
                  {' '}
                  <Link to={flag.link}>前往處理</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <ol className="ledger-chain">
        {item.stages.map((stage) => (
          <li key={stage.step} className={`ledger-stage ${stage.state.toLowerCase()}`}>
            <span className="ledger-step">
              {stage.label}
              <span className="visually-hidden">：</span>
              <span className="ledger-state">{STATE_TEXT[stage.state]}</span>
            </span>
            {stage.at && <span className="ledger-at">{rocDateTime(stage.at)}</span>}
            {stage.detail && <span className="ledger-detail">{stage.detail}</span>}
          </li>
        ))}
      </ol>
      {item.versions.length > 1 && (
        <details>
          <summary>每個版本（{item.versions.length}）</summary>
          <ol className="plain-list">
            {item.versions.map((version) => (
              <li key={version.version}>
                第 {version.version} 版（{rocDateTime(version.uploadedAt)} 上傳）：{version.statusLabel}
                {version.decidedBy &&
                  `，${version.decidedBy}${version.decidedAsProxyFor ? `（代理 ${version.decidedAsProxyFor}）` : ''}`}
                {version.decidedAt && ` ${rocDateTime(version.decidedAt)}`}
                {version.reason && `，理由：${version.reason}`}
              </li>
            ))}
          </ol>
        </details>
      )}
    </li>
  );
}

function YearSection({ year }: { year: Year }) {
  return (
    <section className="ledger-year" aria-labelledby={`year-${year.academicYear}`}>
      <h2 id={`year-${year.academicYear}`}>{year.label}</h2>
      <dl className="card ledger-caps">
        <dt>課程學習成果勾選</dt>
        <dd>
          {year.outcomesSelected}/{year.outcomesMax}
        </dd>
        <dt>多元表現勾選</dt>
        <dd>
          {year.performancesSelected}/{year.performancesMax}
        </dd>
        <dt>每學期上傳上限</dt>
        <dd>
          {year.uploadCapPerTerm === null ? '學校未設定' : `${year.uploadCapPerTerm} 件`}
          {year.uploadsByTerm.length > 0 &&
            `（已上傳：${year.uploadsByTerm.map((t) => `${t.termLabel.replace(/^\d+學年度/, '')} ${t.uploaded} 件`).join('、')}）`}
        </dd>
        {year.windows.map((window) => (
          <div key={window.label} className="ledger-window">
            <dt>{window.label}</dt>
            <dd>
              {window.open ? '開放中，' : ''}
              {rocDateTime(window.endsAt)} 截止
            </dd>
          </div>
        ))}
      </dl>
      {year.items.length === 0 ? (
        <p className="muted">這個學年度沒有上傳的項目。</p>
      ) : (
        <ul className="ledger-items">
          {year.items.map((item) => (
            <ItemCard key={item.id} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

function LedgerView({ ledger }: { ledger: Ledger }) {
  return (
    <>
      <p role="status" className={ledger.flaggedItems > 0 ? 'warnings' : 'notice'} data-testid="ledger-summary">
        {ledger.flaggedItems > 0
          ? `有 ${ledger.flaggedItems} 個項目需要處理，請看各項目的提醒。`
          : '每個項目都在流程中，沒有需要處理的事。'}
      </p>
      {ledger.years.map((year) => (
        <YearSection key={year.academicYear} year={year} />
      ))}
      {ledger.transferred.length > 0 && (
        <section aria-labelledby="ledger-transferred">
          <h2 id="ledger-transferred">由原學校轉入的項目</h2>
          <ul className="plain-list">
            {ledger.transferred.map((item) => (
              <li key={item.id}>
                {item.title}（{KIND_TEXT[item.kind]}・{item.periodLabel}）：來自{item.originSchool}，
                {rocDate(item.importedAt)} 以交換檔匯入，不在本校的提交流程中。
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/**
 * 學習歷程履歷: every item a student uploaded, each year, as one chain from upload to the final lock, with what needs
 * doing. The student opens their own at `#/ledger`; staff and the homeroom teacher a student's at
 * `#/students/:studentId/ledger`, from the student's page.
 */
export function LedgerPage() {
  const studentId = useParams().studentId;
  const mine = useQuery(MyLedgerQuery, { skip: Boolean(studentId), fetchPolicy: 'cache-and-network' });
  const theirs = useQuery(StudentLedgerQuery, {
    variables: { studentId: studentId ?? '' },
    skip: !studentId,
    fetchPolicy: 'cache-and-network',
  });
  const { data, error } = studentId ? theirs : mine;
  const ledger = studentId ? theirs.data?.studentLedger : mine.data?.myLedger;
  return (
    <section className="ledger">
      {studentId && (
        <p>
          <Link to={`/students/${encodeURIComponent(studentId)}`}>← 回學生資料</Link>
        </p>
      )}
      <h1>{ledger && studentId ? `${ledger.studentName}（${ledger.studentNumber}）的學習歷程履歷` : '學習歷程履歷'}</h1>
      <p className="hint">
        每個上傳的項目從上傳、認證、勾選、提交、中央收訖、確認到最終提交的每一步與日期；脫離流程的項目會說明由誰、到哪裡處理。
      </p>
      {error ? (
        <p role="alert">無法載入學習歷程履歷：{error.message}</p>
      ) : !data || !ledger ? (
        <p>載入中…</p>
      ) : (
        <LedgerView ledger={ledger} />
      )}
    </section>
  );
}
