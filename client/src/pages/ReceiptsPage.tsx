import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ErrorList } from '../components/ErrorList';
import { useTermChoice } from '../components/TermPicker';
import { WindowNotice } from '../components/WindowNotice';
import { TableScroll } from '../components/TableScroll';
import { ReceiptFields } from '../components/corrections/ReceiptFields';
import { graphql } from '../gql';
import type { ReceiptsPageQuery } from '../gql/graphql';
import { DISPUTE_STATUS_LABELS, RECEIPT_STATUS_LABELS, RECONCILIATION_LABELS } from '../lib/receipts';
import { rocDateTime } from '../lib/roc';

const StudentSelfQuery = graphql(`
  query ReceiptsPageStudent {
    me {
      id
      student {
        id
      }
    }
  }
`);

// Named ReceiptsPage: the alert toasts refetch it by this name when a dispute moves.
const ReceiptsQuery = graphql(`
  query ReceiptsPage($studentId: ID!, $termId: ID!) {
    studentReceiptRows(studentId: $studentId, termId: $termId) {
      id
      kind
      kindLabel
      status
      reason
      reconciliation
      changedColumns
      fields {
        label
        value
      }
      decision
      dispute {
        id
        status
        reason
        answer
        raisedAt
        dueAt
        overdue
        raisedByStaff
      }
    }
  }
`);

const ConfirmMutation = graphql(`
  mutation ReceiptsPageConfirm($input: ConfirmReceiptRowsInput!) {
    confirmReceiptRows(input: $input) {
      receiptRows {
        id
        decision
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const DisputeMutation = graphql(`
  mutation ReceiptsPageDispute($input: RaiseDisputeInput!) {
    raiseDispute(input: $input) {
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

type Row = ReceiptsPageQuery['studentReceiptRows'][number];

const REASON_MAX = 500;

function Decision({ row }: { row: Row }) {
  if (row.dispute) {
    const { dispute } = row;
    return (
      <div className="dispute">
        <span className={`badge ${dispute.status.startsWith('RESOLVED') ? 'certified' : 'pending'}`}>
          {DISPUTE_STATUS_LABELS[dispute.status]}
        </span>
        {dispute.overdue && <span className="badge rejected">逾期</span>}
        <p className="reason">
          {dispute.raisedByStaff ? '學校提出的疑義' : '疑義'}：{dispute.reason}
        </p>
        {dispute.answer ? (
          <p>處室回覆：{dispute.answer}</p>
        ) : (
          <p className="muted">處室應於 {rocDateTime(dispute.dueAt)} 前回覆</p>
        )}
      </div>
    );
  }
  if (row.decision === 'CORRECT') return <span className="badge certified">已確認無誤</span>;
  return <span className="badge">尚未確認</span>;
}

/** One row's 確認無誤 and 提出疑義 (with the reason typed in place). */
function RowActions({
  row,
  busy,
  onConfirm,
  onDispute,
}: {
  row: Row;
  busy: boolean;
  onConfirm: () => void;
  onDispute: (reason: string) => Promise<boolean>;
}) {
  const [writing, setWriting] = useState(false);
  const [reason, setReason] = useState('');
  if (row.decision || row.dispute) return null;
  if (writing) {
    return (
      <form
        className="dispute-form"
        onSubmit={(event) => {
          event.preventDefault();
          void onDispute(reason).then((done) => {
            if (done) setWriting(false);
          });
        }}
      >
        <label>
          疑義內容
          <textarea
            value={reason}
            maxLength={REASON_MAX}
            rows={3}
            required
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
        <span className="counter">
          {reason.length}/{REASON_MAX}
        </span>
        <div className="actions">
          <button type="submit" disabled={busy || reason.trim() === ''}>
            送出疑義
          </button>
          <button type="button" className="secondary" onClick={() => setWriting(false)}>
            取消
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className="actions">
      <button type="button" disabled={busy} onClick={onConfirm}>
        確認無誤
      </button>
      <button type="button" className="secondary" disabled={busy} onClick={() => setWriting(true)}>
        提出疑義
      </button>
    </div>
  );
}

/**
 * 收訖明細確認 for a student: what the central database says it received of theirs this term, each row confirmed
 * as correct or disputed with a reason, and the section's answer when it comes.
 */
export function ReceiptsPage() {
  const self = useQuery(StudentSelfQuery);
  const { termId, picker } = useTermChoice();
  const studentId = self.data?.me?.student?.id ?? null;
  const { data, error, refetch } = useQuery(ReceiptsQuery, {
    variables: { studentId: studentId ?? '', termId: termId ?? '' },
    skip: studentId === null || termId === null,
    fetchPolicy: 'cache-and-network',
  });
  const [confirmRows] = useMutation(ConfirmMutation);
  const [raiseDispute] = useMutation(DisputeMutation);
  const [busy, setBusy] = useState(false);
  const [messages, setMessages] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  if (self.data && !studentId) return <p>這個頁面供學生確認自己的收訖明細。</p>;
  const rows = data?.studentReceiptRows ?? [];
  const open = rows.filter((row) => !row.decision && !row.dispute);

  async function run(work: () => Promise<string[]>, done: string): Promise<boolean> {
    setBusy(true);
    setMessages([]);
    setNotice(null);
    try {
      const problems = await work();
      setMessages(problems);
      if (problems.length === 0) setNotice(done);
      await refetch();
      return problems.length === 0;
    } catch (caught) {
      setMessages([(caught as Error).message]);
      return false;
    } finally {
      setBusy(false);
    }
  }

  const confirm = (ids: string[]) =>
    run(async () => {
      const result = await confirmRows({ variables: { input: { receiptRowIds: ids } } });
      return result.data?.confirmReceiptRows.userErrors.map((userError) => userError.message) ?? ['確認失敗。'];
    }, `已確認 ${ids.length} 筆收訖明細。`);

  const dispute = (receiptRowId: string, reason: string) =>
    run(async () => {
      const result = await raiseDispute({ variables: { input: { receiptRowId, reason } } });
      return result.data?.raiseDispute.userErrors.map((userError) => userError.message) ?? ['提出疑義失敗。'];
    }, '已提出疑義，處室回覆後會通知您。');

  return (
    <section className="receipts-review">
      <h1>收訖明細確認</h1>
      <div className="toolbar">
        {picker}
        {studentId && termId && (
          <a
            href={`/students/${encodeURIComponent(studentId)}/confirmation.pdf?termId=${encodeURIComponent(termId)}`}
            download
          >
            列印我的確認單（PDF）
          </a>
        )}
        {open.length > 0 && (
          <button type="button" disabled={busy} onClick={() => void confirm(open.map((row) => row.id))}>
            全部確認（{open.length} 筆）
          </button>
        )}
      </div>
      <WindowNotice kinds={['CONFIRM_RECEIPTS', 'RESOLVE_DISPUTES']} scope="mine" />
      <p className="hint">
        請逐筆核對中央資料庫收到的資料（每筆列出提交的欄位，例如競賽的獎項）：正確請按「確認無誤」，有誤請「提出疑義」並說明原因，負責的處室會回覆並視需要更正後重新提交。確認單可列印後簽名留存。
      </p>
      <ErrorList messages={messages} />
      {error && <ErrorList messages={[error.message]} />}
      {notice && <p role="status">{notice}</p>}
      {!data && !error && <p>載入中…</p>}
      {data && rows.length === 0 && <p>這個學期還沒有您的收訖明細。</p>}
      {rows.length > 0 && (
        <TableScroll label="收訖明細">
          <table data-testid="receipt-rows">
            <thead>
              <tr>
                <th>種類</th>
                <th>資料</th>
                <th>收訖狀態</th>
                <th>比對結果</th>
                <th>確認</th>
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className={row.reconciliation === 'OK' ? undefined : 'has-error'}>
                  <td className="nowrap">{row.kindLabel}</td>
                  <td>
                    <ReceiptFields fields={row.fields} />
                  </td>
                  <td>
                    <span className="nowrap">{RECEIPT_STATUS_LABELS[row.status]}</span>
                    {row.reason && <p className="reason">退件原因：{row.reason}</p>}
                  </td>
                  <td>
                    <span className="nowrap">{RECONCILIATION_LABELS[row.reconciliation]}</span>
                    {row.changedColumns.length > 0 && `（${row.changedColumns.join('、')}）`}
                  </td>
                  <td>
                    <Decision row={row} />
                  </td>
                  <td>
                    <RowActions
                      row={row}
                      busy={busy}
                      onConfirm={() => void confirm([row.id])}
                      onDispute={(reason) => dispute(row.id, reason)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
