import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { ErrorList } from '../components/ErrorList';
import { failureMessages, useUploadFile } from '../components/FileUpload';
import { PrecheckPanel } from '../components/PrecheckPanel';
import { ActionFeedback } from '../components/submission/ActionFeedback';
import { CategoryActions } from '../components/submission/CategoryActions';
import type { Busy, Category } from '../components/submission/category-card-types';
import { CategoryStatus } from '../components/submission/CategoryStatus';
import { ClassSummaryTable } from '../components/submission/ClassSummaryTable';
import { FinalSubmitConfirm } from '../components/submission/FinalSubmitConfirm';
import { LatestSubmission } from '../components/submission/LatestSubmission';
import { ReceiptImportsTable } from '../components/submission/ReceiptImportsTable';
import { useTermChoice } from '../components/TermPicker';
import { WindowNotice } from '../components/WindowNotice';
import { graphql } from '../gql';
import { newIdempotencyKey } from '../lib/idempotency-key';

const ConsoleQuery = graphql(`
  query SubmissionConsole($termId: ID!, $grade12Round: Boolean!) {
    submissionConsole(termId: $termId, grade12Round: $grade12Round) {
      category
      categoryLabel
      periodLabel
      notInRound
      submitWindowProblem
      finalWindowProblem
      warnings
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
        evidenceFiles
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

const ROUND_WINDOWS = ['PRECHECK', 'SUBMIT', 'CONFIRM_RECEIPTS', 'RESOLVE_DISPUTES', 'FINAL_SUBMIT'] as const;

function ClassSummary({ submissionId }: { submissionId: string }) {
  const { data, error } = useQuery(ClassSummaryQuery, {
    variables: { submissionId },
    fetchPolicy: 'cache-and-network',
  });
  if (error) return <ErrorList messages={[error.message]} />;
  if (!data) return null;
  return <ClassSummaryTable rows={data.receiptClassSummary} />;
}

/** A card's actions, each run one at a time, with what it reports back and the console refreshed afterwards. */
function useCategoryActions(termId: string, grade12Round: boolean, category: Category, onChanged: () => void) {
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
          variables: {
            input: { termId, category: category.category, grade12Round, idempotencyKey: submitKey.current },
          },
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
      const result = await finalize({ variables: { input: { termId, category: category.category, grade12Round } } });
      const payload = result.data?.finalizeTerm;
      if (payload?.finalLock) setNotice(`${category.categoryLabel}已完成最終提交。`);
      return payload?.userErrors.map((userError) => userError.message) ?? ['最終提交失敗。'];
    });

  return { busy, messages, notice, askFinal, setAskFinal, doSubmit, doSend, doUpload, doConfirm, doFinalize };
}

/**
 * Why an action is not offered now: the submission window (before the first package; afterwards a resubmission is only
 * the answer to a dispute), and the final lock's window once the receipts are in.
 */
function WindowProblems({ category }: { category: Category }) {
  const problems = [
    category.stage === 'NOT_SUBMITTED' ? category.submitWindowProblem : null,
    category.stage !== 'NOT_SUBMITTED' && category.stage !== 'SUBMITTED' ? category.finalWindowProblem : null,
  ].filter((problem): problem is string => Boolean(problem));
  if (problems.length === 0) return null;
  return (
    <p className="muted" data-testid="window-problems">
      {problems.join(' ')}
    </p>
  );
}

/** One category's card: where it stands, its figures, and what may be done in this stage. */
function CategoryCard({
  termId,
  grade12Round,
  category,
  onChanged,
}: {
  termId: string;
  grade12Round: boolean;
  category: Category;
  onChanged: () => void;
}) {
  const { busy, messages, notice, askFinal, setAskFinal, doSubmit, doSend, doUpload, doConfirm, doFinalize } =
    useCategoryActions(termId, grade12Round, category, onChanged);

  const { stage, latestSubmission: latest, disputes } = category;
  const handle = category.viewerCanHandle && stage !== 'FINAL';
  const receiptsMissing = latest !== null && latest !== undefined && category.missingReceiptKinds.length > 0;
  const mayFinalize =
    handle &&
    !category.finalWindowProblem &&
    (stage === 'RECEIPTS_IMPORTED' || stage === 'CONFIRMING' || stage === 'DISPUTES');
  const maySubmit = handle && !category.submitWindowProblem;

  const title = `${category.categoryLabel}（${category.periodLabel}）`;
  if (category.notInRound) {
    return (
      <article className="course-card submission-category not-in-round" aria-label={category.categoryLabel}>
        <h2>{category.categoryLabel}</h2>
        <p className="muted">{category.notInRound}</p>
      </article>
    );
  }
  return (
    <article className="course-card submission-category" aria-label={title}>
      <h2>{title}</h2>
      <CategoryStatus category={category} />
      <LatestSubmission latest={latest} missingReceiptKinds={category.missingReceiptKinds} />
      {handle && <WindowProblems category={category} />}
      {maySubmit && category.warnings.length > 0 && (
        <ul className="warnings" aria-label="提交前請確認" data-testid="submit-warnings">
          {category.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      {handle && (
        <CategoryActions
          busy={busy}
          submitted={Boolean(latest)}
          maySubmit={maySubmit}
          receiptsMissingFor={receiptsMissing ? latest.id : null}
          mayFinalize={mayFinalize}
          askingFinal={askFinal}
          onSubmit={() => void doSubmit()}
          onSend={(submissionId) => void doSend(submissionId)}
          onUpload={(submissionId, file) => void doUpload(submissionId, file)}
          onAskFinal={() => setAskFinal(true)}
        />
      )}
      {askFinal && (
        <FinalSubmitConfirm
          categoryLabel={category.categoryLabel}
          disabled={busy !== null}
          onConfirm={() => void doFinalize()}
          onCancel={() => setAskFinal(false)}
        />
      )}
      <ActionFeedback messages={messages} notice={notice} busy={busy} />
      {category.receiptImports.length > 0 && (
        <ReceiptImportsTable
          receiptImports={category.receiptImports}
          canConfirm={handle}
          disabled={busy !== null}
          onConfirm={(receiptImportId) => void doConfirm(receiptImportId)}
        />
      )}
      {latest && category.receiptImports.length > 0 && <ClassSummary key={latest.id} submissionId={latest.id} />}
      {disputes.open + disputes.inReview > 0 && (
        <p>
          <a href="#/disputes">前往疑義處理（{disputes.open + disputes.inReview} 件未結案）</a>
        </p>
      )}
      {handle && category.category === 'COURSE_RECORDS' && stage === 'NOT_SUBMITTED' && !grade12Round && (
        <PrecheckPanel termId={termId} />
      )}
    </article>
  );
}

/**
 * 提交主控台: every category of a term from pre-check to the final lock, with the actions the stage allows to the
 * section responsible for it.
 */
export function SubmissionConsolePage() {
  const { termId, picker } = useTermChoice();
  const [grade12Round, setGrade12Round] = useState(false);
  const { data, error, refetch } = useQuery(ConsoleQuery, {
    variables: { termId: termId ?? '', grade12Round },
    skip: termId === null,
    fetchPolicy: 'cache-and-network',
  });
  return (
    <section className="submission-console">
      <h1>提交主控台</h1>
      <div className="toolbar">
        {picker}
        <label className="term-pick">
          梯次
          <select
            value={grade12Round ? 'g12' : 'all'}
            onChange={(event) => setGrade12Round(event.target.value === 'g12')}
          >
            <option value="all">一般梯次</option>
            <option value="g12">高三升學前梯次（第2學期）</option>
          </select>
        </label>
      </div>
      <p className="muted">
        基本資料與修課紀錄每學期提交；課程學習成果與多元表現每學年提交一次，在該學年度第2學期的梯次（高三學生在高三升學前梯次）提交。
      </p>
      <WindowNotice kinds={[...ROUND_WINDOWS]} scope="school" />
      {error && <ErrorList messages={[error.message]} />}
      {termId && !data && !error && <p>載入中…</p>}
      {termId &&
        data?.submissionConsole.map((category) => (
          <CategoryCard
            key={`${termId}:${grade12Round}:${category.category}`}
            termId={termId}
            grade12Round={grade12Round}
            category={category}
            onChanged={() => void refetch()}
          />
        ))}
    </section>
  );
}
