import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorList } from '../components/ErrorList';
import { LoadMore } from '../components/LoadMore';
import { useTermChoice } from '../components/TermPicker';
import { WindowNotice } from '../components/WindowNotice';
import { TableScroll } from '../components/TableScroll';
import { graphql } from '../gql';
import type {
  DisputeResolution,
  DisputeStatus,
  DisputesPage_DisputeFragment,
  SubmissionCategory,
} from '../gql/graphql';
import { appendPage } from '../lib/pagination';
import { DISPUTE_STATUS_LABELS } from '../lib/receipts';
import { rocDateTime } from '../lib/roc';
import { DisputeCorrection } from '../components/corrections/DisputeCorrection';
import { ReceiptFields } from '../components/corrections/ReceiptFields';

const CategoriesQuery = graphql(`
  query DisputesPageCategories {
    submissionCategories {
      category
      label
    }
  }
`);

graphql(`
  fragment DisputesPage_Dispute on Dispute {
    id
    status
    categoryLabel
    reason
    answer
    raisedAt
    dueAt
    resolvedAt
    overdue
    viewerCanHandle
    raisedByStaff
    resubmission {
      id
    }
    student {
      id
      studentNumber
      name
      seatNumber
      schoolClass {
        id
        name
      }
    }
    receiptRow {
      id
      kindLabel
      keyFields
      status
      fields {
        label
        value
      }
    }
  }
`);

const DisputesQuery = graphql(`
  query DisputesPage($termId: ID!, $statuses: [DisputeStatus!], $category: SubmissionCategory, $after: String) {
    disputes(termId: $termId, statuses: $statuses, category: $category, first: 50, after: $after) {
      nodes {
        ...DisputesPage_Dispute
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const ReviewMutation = graphql(`
  mutation DisputesPageReview($input: StartDisputeReviewInput!) {
    startDisputeReview(input: $input) {
      dispute {
        id
        status
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const ResolveMutation = graphql(`
  mutation DisputesPageResolve($input: ResolveDisputeInput!) {
    resolveDispute(input: $input) {
      dispute {
        id
        status
        answer
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const DisputeQuery = graphql(`
  query DisputePage($id: ID!) {
    node(id: $id) {
      __typename
      ... on Dispute {
        ...DisputesPage_Dispute
      }
    }
  }
`);

type Dispute = DisputesPage_DisputeFragment;

const UNRESOLVED: DisputeStatus[] = ['OPEN', 'IN_REVIEW'];
const FILTERS: { value: string; label: string; statuses: DisputeStatus[] | null }[] = [
  { value: 'unresolved', label: '未結案', statuses: UNRESOLVED },
  { value: 'all', label: '全部', statuses: null },
  ...(Object.keys(DISPUTE_STATUS_LABELS) as DisputeStatus[]).map((status) => ({
    value: status,
    label: DISPUTE_STATUS_LABELS[status],
    statuses: [status],
  })),
];

const ANSWER_MAX = 500;

const studentLine = (dispute: Dispute) =>
  dispute.student
    ? `${dispute.student.schoolClass?.name ?? ''} ${dispute.student.studentNumber} ${dispute.student.name}`
    : '—';

function statusText(dispute: Dispute): string {
  const base = DISPUTE_STATUS_LABELS[dispute.status];
  if (dispute.status !== 'RESOLVED_CORRECTED') return base;
  return `${base}${dispute.resubmission ? '，已重新提交' : '，待重新提交'}`;
}

/** 受理 and the answer that closes a dispute: no change needed, or corrected here and carried by the next submission. */
function Handle({ dispute, onDone }: { dispute: Dispute; onDone: () => void }) {
  const [review] = useMutation(ReviewMutation);
  const [resolve] = useMutation(ResolveMutation);
  const [resolution, setResolution] = useState<DisputeResolution>('NO_CHANGE');
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [messages, setMessages] = useState<string[]>([]);

  async function run(work: () => Promise<string[]>) {
    setBusy(true);
    setMessages([]);
    try {
      const problems = await work();
      setMessages(problems);
      if (problems.length === 0) onDone();
    } catch (caught) {
      setMessages([(caught as Error).message]);
    } finally {
      setBusy(false);
    }
  }

  if (dispute.status === 'OPEN') {
    return (
      <>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const result = await review({ variables: { input: { disputeId: dispute.id } } });
              return result.data?.startDisputeReview.userErrors.map((e) => e.message) ?? ['受理失敗。'];
            })
          }
        >
          受理
        </button>
        <ErrorList messages={messages} />
      </>
    );
  }
  return (
    <form
      className="review"
      aria-label="回覆疑義"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          const result = await resolve({ variables: { input: { disputeId: dispute.id, resolution, answer } } });
          return result.data?.resolveDispute.userErrors.map((e) => e.message) ?? ['回覆失敗。'];
        });
      }}
    >
      <fieldset>
        <legend>處理結果</legend>
        <label className="inline-choice">
          <input
            type="radio"
            name={`resolution-${dispute.id}`}
            checked={resolution === 'NO_CHANGE'}
            onChange={() => setResolution('NO_CHANGE')}
          />
          資料無誤，不需更正
        </label>
        <label className="inline-choice">
          <input
            type="radio"
            name={`resolution-${dispute.id}`}
            checked={resolution === 'CORRECTED'}
            onChange={() => setResolution('CORRECTED')}
          />
          已於校內系統更正，隨下次提交送出
        </label>
      </fieldset>
      <label>
        回覆學生
        <textarea
          value={answer}
          rows={3}
          maxLength={ANSWER_MAX}
          required
          onChange={(event) => setAnswer(event.target.value)}
        />
      </label>
      <span className="counter">
        {answer.length}/{ANSWER_MAX}
      </span>
      <div className="actions">
        <button type="submit" disabled={busy || answer.trim() === ''}>
          回覆並結案
        </button>
      </div>
      <ErrorList messages={messages} />
    </form>
  );
}

/**
 * 疑義處理: the term's disputes for the sections that answer them, overdue ones flagged, taken up and closed in place;
 * a correction goes out with the next submission from the console.
 */
export function DisputesPage() {
  const { termId, picker } = useTermChoice();
  const categories = useQuery(CategoriesQuery);
  const [filter, setFilter] = useState('unresolved');
  const [category, setCategory] = useState<SubmissionCategory | ''>('');
  const statuses = FILTERS.find((entry) => entry.value === filter)?.statuses ?? null;
  const { data, error, loading, refetch, fetchMore } = useQuery(DisputesQuery, {
    variables: { termId: termId ?? '', statuses, category: category || null },
    skip: termId === null,
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.disputes;
  const disputes = connection?.nodes ?? [];
  const awaitingResubmission = disputes.some((d) => d.status === 'RESOLVED_CORRECTED' && !d.resubmission);

  return (
    <section>
      <h1>疑義處理</h1>
      <div className="toolbar">
        {picker}
        <label>
          狀態
          <select value={filter} onChange={(event) => setFilter(event.target.value)}>
            {FILTERS.map((entry) => (
              <option key={entry.value} value={entry.value}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          類別
          <select value={category} onChange={(event) => setCategory(event.target.value as SubmissionCategory | '')}>
            <option value="">全部</option>
            {categories.data?.submissionCategories.map((option) => (
              <option key={option.category} value={option.category}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <WindowNotice kinds={['RESOLVE_DISPUTES']} scope="school" />
      {awaitingResubmission && (
        <p className="notice">
          有已更正的疑義尚未重新提交：請到 <a href="#/submissions">提交主控台</a> 重新提交並匯入收訖明細。
        </p>
      )}
      {error && <ErrorList messages={[error.message]} />}
      {data && disputes.length === 0 && <p>沒有符合條件的疑義。</p>}
      {disputes.length > 0 && (
        <TableScroll label="疑義清單">
          <table data-testid="disputes">
            <thead>
              <tr>
                <th>提出時間</th>
                <th>學生</th>
                <th>類別</th>
                <th>收訖明細</th>
                <th>疑義內容</th>
                <th>狀態</th>
                <th>應處理期限</th>
                <th>回覆／處理</th>
              </tr>
            </thead>
            <tbody>
              {disputes.map((dispute) => (
                <tr key={dispute.id} className={dispute.overdue ? 'has-error' : undefined}>
                  <td>
                    <Link to={`/disputes/${encodeURIComponent(dispute.id)}`}>{rocDateTime(dispute.raisedAt)}</Link>
                  </td>
                  <td>{studentLine(dispute)}</td>
                  <td>{dispute.categoryLabel}</td>
                  <td>
                    {dispute.receiptRow.kindLabel}：{dispute.receiptRow.keyFields.join('、')}
                  </td>
                  <td className="prose">
                    {dispute.raisedByStaff && <span className="badge">學校提出</span>} {dispute.reason}
                  </td>
                  <td>{statusText(dispute)}</td>
                  <td>
                    {rocDateTime(dispute.dueAt)}
                    {dispute.overdue && <span className="badge rejected">逾期</span>}
                  </td>
                  <td>
                    {dispute.answer && <p>{dispute.answer}</p>}
                    {dispute.viewerCanHandle && (
                      <>
                        <p>
                          <Link to={`/disputes/${encodeURIComponent(dispute.id)}`}>開啟資料並更正</Link>
                        </p>
                        <Handle dispute={dispute} onDone={() => void refetch()} />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {loading && <p>載入中…</p>}
      <LoadMore
        pageInfo={connection?.pageInfo}
        loading={loading}
        onLoadMore={(after) => fetchMore({ variables: { after }, updateQuery: appendPage('disputes') })}
      />
    </section>
  );
}

/** One dispute at its own address (`#/disputes/:id`), as an alert or a colleague's link opens it: read, taken up, answered. */
export function DisputePage() {
  const id = useParams().disputeId ?? '';
  const { data, error, refetch } = useQuery(DisputeQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [notice, setNotice] = useState<string | null>(null);
  const dispute = data?.node?.__typename === 'Dispute' ? data.node : null;
  return (
    <section>
      <p>
        <Link to="/disputes">← 回疑義清單</Link>
      </p>
      <h1>疑義</h1>
      {error ? (
        <p role="alert">無法載入這筆疑義：{error.message}</p>
      ) : !data ? (
        <p>載入中…</p>
      ) : !dispute ? (
        <p role="alert">找不到這筆疑義：網址可能打錯了，或這筆疑義不屬於您負責的類別。</p>
      ) : (
        <>
          <dl className="card">
            <dt>學生</dt>
            <dd>{studentLine(dispute)}</dd>
            <dt>類別</dt>
            <dd>{dispute.categoryLabel}</dd>
            <dt>收訖明細</dt>
            <dd>
              {dispute.receiptRow.kindLabel}
              <ReceiptFields fields={dispute.receiptRow.fields} />
            </dd>
            <dt>疑義內容</dt>
            <dd className="prose">
              {dispute.reason}
              {dispute.raisedByStaff && '（由學校提出）'}
            </dd>
            <dt>提出時間</dt>
            <dd>{rocDateTime(dispute.raisedAt)}</dd>
            <dt>應處理期限</dt>
            <dd>
              {rocDateTime(dispute.dueAt)}
              {dispute.overdue && <span className="badge rejected">逾期</span>}
            </dd>
            <dt>狀態</dt>
            <dd>{statusText(dispute)}</dd>
            {dispute.answer && (
              <>
                <dt>回覆</dt>
                <dd className="prose">{dispute.answer}</dd>
              </>
            )}
          </dl>
          {notice && (
            <p role="status" className="notice">
              {notice}
            </p>
          )}
          {dispute.viewerCanHandle && (
            <>
              <DisputeCorrection
                disputeId={dispute.id}
                who={studentLine(dispute)}
                onDone={(message) => {
                  setNotice(`${message}請到提交主控台重新提交並匯入收訖明細。`);
                  void refetch();
                }}
              />
              <h2>受理與回覆</h2>
              <p className="hint">先受理讓學生知道正在處理；資料無誤、不需更正時，在這裡回覆並結案。</p>
              <Handle dispute={dispute} onDone={() => void refetch()} />
            </>
          )}
        </>
      )}
    </section>
  );
}
