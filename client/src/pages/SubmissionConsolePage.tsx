import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { ErrorList } from '../components/ErrorList';
import { failureMessages, UploadProgress, useUploadFile } from '../components/FileUpload';
import { PrecheckPanel } from '../components/PrecheckPanel';
import { useTermChoice } from '../components/TermPicker';
import { WindowNotice } from '../components/WindowNotice';
import { graphql } from '../gql';
import type { SubmissionConsoleQuery, SubmissionStage } from '../gql/graphql';
import { RECEIPT_KIND_LABELS } from '../lib/receipts';
import { rocDateTime } from '../lib/roc';

const ConsoleQuery = graphql(`
  query SubmissionConsole($termId: ID!) {
    submissionConsole(termId: $termId) {
      category
      categoryLabel
      stage
      stageLabel
      submissionCount
      missingReceiptKinds
      staffConfirmedImports
      viewerCanHandle
      latestSubmission {
        id
        createdAt
        createdBy {
          id
          displayName
        }
        zipSize
        packageUrl
        viewerCanDownload
        rosters {
          path
          rows
        }
      }
      receiptImports {
        id
        kind
        fileName
        createdAt
        receivedCount
        rejectedCount
        flaggedCount
        staffConfirmation {
          confirmedAt
        }
      }
      review {
        rows
        confirmed
        disputed
        unconfirmed
      }
      disputes {
        open
        inReview
        resolved
        overdue
        awaitingResubmission
      }
      finalLock {
        lockedAt
      }
    }
  }
`);

const ClassSummaryQuery = graphql(`
  query SubmissionConsoleClassSummary($submissionId: ID!) {
    receiptClassSummary(submissionId: $submissionId) {
      className
      received
      rejected
      flagged
    }
  }
`);

const SubmitMutation = graphql(`
  mutation SubmissionConsoleSubmit($input: SubmitTermInput!) {
    submitTerm(input: $input) {
      submission {
        id
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const SendMutation = graphql(`
  mutation SubmissionConsoleSend($input: SendToCentralRepositoryInput!) {
    sendToCentralRepository(input: $input) {
      receiptFiles {
        id
        fileName
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const ImportMutation = graphql(`
  mutation SubmissionConsoleImport($input: ImportReceiptsInput!) {
    importReceipts(input: $input) {
      receiptImport {
        id
        fileName
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const ConfirmImportMutation = graphql(`
  mutation SubmissionConsoleConfirmImport($input: ConfirmReceiptImportInput!) {
    confirmReceiptImport(input: $input) {
      confirmation {
        confirmedAt
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const FinalizeMutation = graphql(`
  mutation SubmissionConsoleFinalize($input: FinalizeTermInput!) {
    finalizeTerm(input: $input) {
      finalLock {
        lockedAt
      }
      userErrors {
        code
        message
      }
    }
  }
`);

type Category = SubmissionConsoleQuery['submissionConsole'][number];

/** The round in the order a category goes through it (DOMAIN.md §5). */
const STEPS: { stage: SubmissionStage; label: string }[] = [
  { stage: 'NOT_SUBMITTED', label: '預檢' },
  { stage: 'SUBMITTED', label: '已提交' },
  { stage: 'RECEIPTS_IMPORTED', label: '收訖明細已匯入' },
  { stage: 'CONFIRMING', label: '確認中' },
  { stage: 'DISPUTES', label: '疑義處理' },
  { stage: 'FINAL', label: '最終提交' },
];

const ROUND_WINDOWS = ['PRECHECK', 'SUBMIT', 'CONFIRM_RECEIPTS', 'RESOLVE_DISPUTES', 'FINAL_SUBMIT'] as const;

/**
 * A fresh idempotency key. crypto.randomUUID exists only in secure contexts; a school intranet served over plain
 * HTTP still has getRandomValues.
 */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function StageSteps({ stage }: { stage: SubmissionStage }) {
  const current = STEPS.findIndex((step) => step.stage === stage);
  return (
    <ol className="wizard-steps" aria-label="階段">
      {STEPS.map((step, index) => (
        <li key={step.stage} aria-current={index === current ? 'step' : undefined}>
          {index < current || stage === 'FINAL' ? '✓ ' : `${index + 1}. `}
          {step.label}
        </li>
      ))}
    </ol>
  );
}

function ClassSummary({ submissionId }: { submissionId: string }) {
  const { data, error } = useQuery(ClassSummaryQuery, {
    variables: { submissionId },
    fetchPolicy: 'cache-and-network',
  });
  if (error) return <ErrorList messages={[error.message]} />;
  if (!data) return null;
  return (
    <table>
      <caption>各班收訖統計</caption>
      <thead>
        <tr>
          <th>班級</th>
          <th>已收訖</th>
          <th>退件</th>
          <th>需要處理</th>
        </tr>
      </thead>
      <tbody>
        {data.receiptClassSummary.map((row) => (
          <tr key={row.className ?? ''}>
            <td>{row.className ?? '（無班級）'}</td>
            <td className="number">{row.received.toLocaleString()}</td>
            <td className="number">{row.rejected.toLocaleString()}</td>
            <td className="number">{row.flagged.toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Busy = null | 'submit' | 'send' | 'import' | 'confirm' | 'finalize' | { uploading: number };

/** One category's card: where it stands, its figures, and what may be done in this stage. */
function CategoryCard({ termId, category, onChanged }: { termId: string; category: Category; onChanged: () => void }) {
  const [submit] = useMutation(SubmitMutation);
  const [send] = useMutation(SendMutation);
  const uploadFile = useUploadFile();
  const [importReceipts] = useMutation(ImportMutation);
  const [confirmImport] = useMutation(ConfirmImportMutation);
  const [finalize] = useMutation(FinalizeMutation);
  const [busy, setBusy] = useState<Busy>(null);
  const [messages, setMessages] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [askFinal, setAskFinal] = useState(false);
  // Kept across a failed attempt so that pressing again retries the same request (one submission, not two).
  const submitKey = useRef<string | null>(null);

  const { stage, latestSubmission: latest } = category;
  const handle = category.viewerCanHandle && stage !== 'FINAL';
  const receiptsMissing = latest !== null && latest !== undefined && category.missingReceiptKinds.length > 0;
  const mayFinalize = handle && (stage === 'RECEIPTS_IMPORTED' || stage === 'CONFIRMING' || stage === 'DISPUTES');

  async function act(kind: Exclude<Busy, null>, work: () => Promise<string[]>) {
    setMessages([]);
    setNotice(null);
    setBusy(kind);
    try {
      setMessages(await work());
    } catch (caught) {
      setMessages(failureMessages(caught));
    } finally {
      setBusy(null);
      onChanged();
    }
  }

  const doSubmit = () =>
    act('submit', async () => {
      submitKey.current ??= newIdempotencyKey();
      let result;
      try {
        result = await submit({
          variables: { input: { termId, category: category.category, idempotencyKey: submitKey.current } },
        });
      } catch (caught) {
        return [`${(caught as Error).message}：請再按一次，會沿用同一個請求，不會重複提交。`];
      }
      submitKey.current = null;
      const payload = result.data?.submitTerm;
      if (payload?.submission) setNotice(`已提交${category.categoryLabel}。`);
      return payload?.userErrors.map((userError) => userError.message) ?? ['提交失敗。'];
    });

  /** Imports every receipt file the reference repository answered with, one after another. */
  const importAll = async (submissionId: string, files: { id: string; fileName: string }[]) => {
    const problems: string[] = [];
    for (const file of files) {
      const result = await importReceipts({ variables: { input: { submissionId, uploadId: file.id } } });
      problems.push(...(result.data?.importReceipts.userErrors.map((userError) => userError.message) ?? []));
    }
    if (problems.length === 0) setNotice(`已匯入收訖明細：${files.map((file) => file.fileName).join('、')}。`);
    return problems;
  };

  const doSend = (submissionId: string) =>
    act('send', async () => {
      const sent = await send({ variables: { input: { submissionId } } });
      const payload = sent.data?.sendToCentralRepository;
      if (!payload?.receiptFiles) return payload?.userErrors.map((userError) => userError.message) ?? ['傳送失敗。'];
      setBusy('import');
      return importAll(submissionId, payload.receiptFiles);
    });

  const doUpload = (submissionId: string, file: File) =>
    act({ uploading: 0 }, async () => {
      const stored = await uploadFile('IMPORT', file, (fraction) => setBusy({ uploading: fraction }));
      setBusy('import');
      return importAll(submissionId, [{ id: stored.id, fileName: file.name }]);
    });

  const doConfirm = (receiptImportId: string) =>
    act('confirm', async () => {
      const result = await confirmImport({ variables: { input: { receiptImportId } } });
      return result.data?.confirmReceiptImport.userErrors.map((userError) => userError.message) ?? ['確認失敗。'];
    });

  const doFinalize = () =>
    act('finalize', async () => {
      setAskFinal(false);
      const result = await finalize({ variables: { input: { termId, category: category.category } } });
      const payload = result.data?.finalizeTerm;
      if (payload?.finalLock) setNotice(`${category.categoryLabel}已完成最終提交。`);
      return payload?.userErrors.map((userError) => userError.message) ?? ['最終提交失敗。'];
    });

  const { review, disputes } = category;
  return (
    <article className="course-card submission-category" aria-label={category.categoryLabel}>
      <h3>{category.categoryLabel}</h3>
      <StageSteps stage={stage} />
      <p data-testid="stage-label">
        <strong>{category.stageLabel}</strong>
        {category.finalLock && `（${rocDateTime(category.finalLock.lockedAt)}）`}
      </p>
      <div className="counters" data-testid="category-counts">
        <p className="counter-box">
          提交次數 <strong>{category.submissionCount}</strong>
        </p>
        <p className="counter-box">
          收訖明細 <strong>{category.receiptImports.length} 份</strong>（處室已確認 {category.staffConfirmedImports}）
        </p>
        <p className="counter-box">
          學生確認{' '}
          <strong>
            {review.confirmed}／{review.rows}
          </strong>
          （疑義 {review.disputed}、未確認 {review.unconfirmed}）
        </p>
        <p className="counter-box">
          疑義 待處理 {disputes.open}、處理中 {disputes.inReview}、已結案 {disputes.resolved}
          {disputes.awaitingResubmission > 0 && `、待重新提交 ${disputes.awaitingResubmission}`}
          {disputes.overdue > 0 && <span className="badge rejected">逾期 {disputes.overdue}</span>}
        </p>
      </div>
      {latest && (
        <p className="muted">
          最近一次提交：{rocDateTime(latest.createdAt)}，{latest.createdBy.displayName}；
          {latest.rosters.map((roster) => `${roster.path.split('/').pop()} ${roster.rows} 筆`).join('、')}
          {latest.viewerCanDownload && (
            <>
              {' '}
              <a href={latest.packageUrl}>下載資料包</a>
            </>
          )}
        </p>
      )}
      {receiptsMissing && (
        <p className="muted">
          待匯入的收訖明細：{category.missingReceiptKinds.map((kind) => RECEIPT_KIND_LABELS[kind]).join('、')}
        </p>
      )}
      {handle && (
        <div className="actions">
          <button type="button" disabled={busy !== null} onClick={() => void doSubmit()}>
            {busy === 'submit' ? '提交中…' : latest ? '重新提交' : '提交'}
          </button>
          {receiptsMissing && (
            <>
              <button type="button" disabled={busy !== null} onClick={() => void doSend(latest.id)}>
                {busy === 'send' ? '傳送中…' : '送中央資料庫'}
              </button>
              <label className="file-pick">
                匯入收訖明細檔
                <input
                  type="file"
                  accept=".csv,.xlsx"
                  disabled={busy !== null}
                  onChange={(event) => {
                    const file = event.target.files?.[0];
                    event.target.value = '';
                    if (file) void doUpload(latest.id, file);
                  }}
                />
              </label>
            </>
          )}
          {mayFinalize && !askFinal && (
            <button type="button" className="danger" disabled={busy !== null} onClick={() => setAskFinal(true)}>
              完成最終提交…
            </button>
          )}
        </div>
      )}
      {askFinal && (
        <div className="notice" role="group" aria-label="確認最終提交">
          <p>完成最終提交後，{category.categoryLabel}的資料將不再變更，也不能重新提交。確定要完成嗎？</p>
          <div className="actions">
            <button type="button" className="danger" disabled={busy !== null} onClick={() => void doFinalize()}>
              確定完成最終提交
            </button>
            <button type="button" className="secondary" onClick={() => setAskFinal(false)}>
              取消
            </button>
          </div>
        </div>
      )}
      <ErrorList messages={messages} />
      {notice && <p role="status">{notice}</p>}
      {busy !== null && typeof busy === 'object' && <UploadProgress fraction={busy.uploading} />}
      {busy === 'import' && (
        <div className="progress">
          收訖明細匯入中…
          <progress />
        </div>
      )}
      {category.receiptImports.length > 0 && (
        <table data-testid="receipt-imports">
          <caption>最近一次提交的收訖明細</caption>
          <thead>
            <tr>
              <th>種類</th>
              <th>檔案</th>
              <th>匯入時間</th>
              <th>已收訖</th>
              <th>退件</th>
              <th>需要處理</th>
              <th>處室確認</th>
            </tr>
          </thead>
          <tbody>
            {category.receiptImports.map((receipt) => (
              <tr key={receipt.id}>
                <td>{RECEIPT_KIND_LABELS[receipt.kind]}</td>
                <td>{receipt.fileName}</td>
                <td>{rocDateTime(receipt.createdAt)}</td>
                <td className="number">{receipt.receivedCount.toLocaleString()}</td>
                <td className="number">{receipt.rejectedCount.toLocaleString()}</td>
                <td className="number">{receipt.flaggedCount.toLocaleString()}</td>
                <td>
                  {receipt.staffConfirmation ? (
                    `已確認 ${rocDateTime(receipt.staffConfirmation.confirmedAt)}`
                  ) : handle ? (
                    <button
                      type="button"
                      className="secondary"
                      disabled={busy !== null}
                      onClick={() => void doConfirm(receipt.id)}
                    >
                      確認已檢查
                    </button>
                  ) : (
                    '尚未確認'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {latest && category.receiptImports.length > 0 && <ClassSummary key={latest.id} submissionId={latest.id} />}
      {disputes.open + disputes.inReview > 0 && (
        <p>
          <a href="#/disputes">前往疑義處理（{disputes.open + disputes.inReview} 件未結案）</a>
        </p>
      )}
      {category.category === 'COURSE_RECORDS' && stage === 'NOT_SUBMITTED' && <PrecheckPanel termId={termId} />}
    </article>
  );
}

/**
 * 提交主控台: every category of a term from pre-check to the final lock, with the actions the stage allows to the
 * section responsible for it.
 */
export function SubmissionConsolePage() {
  const { termId, picker } = useTermChoice();
  const { data, error, refetch } = useQuery(ConsoleQuery, {
    variables: { termId: termId ?? '' },
    skip: termId === null,
    fetchPolicy: 'cache-and-network',
  });
  return (
    <section className="submission-console">
      <h2>提交主控台</h2>
      <div className="toolbar">{picker}</div>
      <WindowNotice kinds={[...ROUND_WINDOWS]} scope="school" />
      {error && <ErrorList messages={[error.message]} />}
      {termId && !data && !error && <p>載入中…</p>}
      {termId &&
        data?.submissionConsole.map((category) => (
          <CategoryCard
            key={`${termId}:${category.category}`}
            termId={termId}
            category={category}
            onChanged={() => void refetch()}
          />
        ))}
    </section>
  );
}
