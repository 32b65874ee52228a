import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ErrorList } from '../components/ErrorList';
import { failureMessages, UploadProgress, useUploadFile } from '../components/FileUpload';
import { graphql } from '../gql';
import type { ImportKind, ImportRunFieldsFragment } from '../gql/graphql';
import { rocDateTime } from '../lib/roc';
import { TableScroll } from '../components/TableScroll';

const ImportKindsQuery = graphql(`
  query ImportsPageKinds {
    importKinds {
      kind
      label
      columns {
        header
        required
        example
      }
      csvTemplateUrl
      xlsxTemplateUrl
      viewerMayImport
    }
    me {
      id
      currentTerm {
        id
        label
      }
    }
    recentImports {
      ...ImportRunFields
    }
  }
`);

graphql(`
  fragment ImportRunFields on ImportRun {
    id
    kind
    status
    fileName
    rowCount
    problemCount
    toCreate
    toUpdate
    unchanged
    createdAt
    committedAt
    term {
      id
      label
    }
    problems(limit: 1000) {
      rowNumber
      column
      code
      message
    }
  }
`);

const PreviewImportMutation = graphql(`
  mutation ImportsPagePreview($input: PreviewImportInput!) {
    previewImport(input: $input) {
      importRun {
        ...ImportRunFields
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const CommitImportMutation = graphql(`
  mutation ImportsPageCommit($input: CommitImportInput!) {
    commitImport(input: $input) {
      importRun {
        ...ImportRunFields
      }
      initialPasswords {
        username
        displayName
        password
      }
      userErrors {
        code
        message
      }
    }
  }
`);

type Step =
  | { name: 'pick' }
  | { name: 'uploading'; fraction: number }
  | { name: 'checking' }
  | { name: 'previewed'; run: ImportRunFieldsFragment }
  | { name: 'committing'; run: ImportRunFieldsFragment }
  | {
      name: 'done';
      run: ImportRunFieldsFragment;
      passwords: { username: string; displayName: string; password: string }[];
    };

const STATUS_LABELS: Record<ImportRunFieldsFragment['status'], string> = {
  PREVIEWED: '待確認',
  REJECTED: '有錯誤',
  COMMITTED: '已匯入',
};

function Counts({ run }: { run: ImportRunFieldsFragment }) {
  return (
    <p data-testid="import-counts">
      共 {run.rowCount.toLocaleString()} 列：新增 {run.toCreate.toLocaleString()}、更新 {run.toUpdate.toLocaleString()}
      、不變 {run.unchanged.toLocaleString()}
      {run.problemCount > 0 && `；問題 ${run.problemCount.toLocaleString()} 個`}
    </p>
  );
}

function Problems({ run }: { run: ImportRunFieldsFragment }) {
  if (run.problems.length === 0) return null;
  return (
    <div className="import-problems">
      <h2>
        檢查出 {run.problemCount.toLocaleString()} 個問題，沒有寫入任何資料。請修正檔案後重新上傳。
        {run.problemCount > run.problems.length && `（以下列出前 ${run.problems.length.toLocaleString()} 個）`}
      </h2>
      <TableScroll label="匯入檔案的問題">
        <table data-testid="import-problems">
          <thead>
            <tr>
              <th>列</th>
              <th>欄位</th>
              <th>問題</th>
            </tr>
          </thead>
          <tbody>
            {run.problems.map((problem, index) => (
              <tr key={`${problem.rowNumber}-${problem.code}-${index}`}>
                <td>{problem.rowNumber === 0 ? '整個檔案' : problem.rowNumber}</td>
                <td>{problem.column ?? ''}</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

/** 資料匯入: pick a kind and a file, see every row's problem or what would change, then commit it all at once. */
export function ImportsPage() {
  const { data, error, refetch } = useQuery(ImportKindsQuery);
  const uploadFile = useUploadFile();
  const [previewImport] = useMutation(PreviewImportMutation);
  const [commitImport] = useMutation(CommitImportMutation);
  const [kind, setKind] = useState<ImportKind | null>(null);
  const [step, setStep] = useState<Step>({ name: 'pick' });
  const [messages, setMessages] = useState<string[]>([]);

  if (error) return <ErrorList messages={[error.message]} />;
  if (!data) return <p>載入中…</p>;
  const kinds = data.importKinds.filter((entry) => entry.viewerMayImport);
  const chosen = kinds.find((entry) => entry.kind === kind) ?? kinds[0];
  if (!chosen) return <p>您沒有可匯入的資料。</p>;

  async function send(file: File) {
    setMessages([]);
    setStep({ name: 'uploading', fraction: 0 });
    try {
      const stored = await uploadFile('IMPORT', file, (fraction) => setStep({ name: 'uploading', fraction }));
      setStep({ name: 'checking' });
      const result = await previewImport({ variables: { input: { kind: chosen!.kind, uploadId: stored.id } } });
      const run = result.data?.previewImport.importRun;
      if (!run) {
        setMessages(result.data?.previewImport.userErrors.map((userError) => userError.message) ?? ['檢查失敗。']);
        setStep({ name: 'pick' });
        return;
      }
      setStep({ name: 'previewed', run });
    } catch (caught) {
      setMessages(failureMessages(caught));
      setStep({ name: 'pick' });
    }
  }

  async function commit(run: ImportRunFieldsFragment) {
    setMessages([]);
    setStep({ name: 'committing', run });
    try {
      const result = await commitImport({ variables: { input: { importId: run.id } } });
      const payload = result.data?.commitImport;
      if (!payload?.importRun) {
        setMessages(payload?.userErrors.map((userError) => userError.message) ?? ['匯入失敗。']);
        setStep({ name: 'previewed', run });
        return;
      }
      setStep({ name: 'done', run: payload.importRun, passwords: payload.initialPasswords });
      void refetch();
    } catch (caught) {
      setMessages([(caught as Error).message]);
      setStep({ name: 'previewed', run });
    }
  }

  const busy = step.name === 'uploading' || step.name === 'checking' || step.name === 'committing';
  return (
    <section className="imports">
      <h1>資料匯入</h1>
      <ol className="wizard-steps">
        <li aria-current={step.name === 'pick' || step.name === 'uploading' ? 'step' : undefined}>1. 選擇檔案</li>
        <li aria-current={step.name === 'checking' || step.name === 'previewed' ? 'step' : undefined}>2. 檢查結果</li>
        <li aria-current={step.name === 'committing' || step.name === 'done' ? 'step' : undefined}>3. 確認匯入</li>
      </ol>
      <div className="import-pick">
        <label>
          資料種類
          <select
            value={chosen.kind}
            disabled={busy}
            onChange={(event) => {
              setKind(event.target.value as ImportKind);
              setStep({ name: 'pick' });
            }}
          >
            {kinds.map((entry) => (
              <option key={entry.kind} value={entry.kind}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
        <span>匯入學期：{data.me?.currentTerm?.label ?? '（目前不在任何學期內）'}</span>
        <span className="templates">
          下載範本：<a href={chosen.xlsxTemplateUrl}>Excel</a>、<a href={chosen.csvTemplateUrl}>CSV</a>
        </span>
      </div>
      <p className="hint">
        欄位：
        {chosen.columns.map((column) => `${column.header}${column.required ? '' : '（選填）'}`).join('、')}
        。接受 .xlsx 與 CSV（UTF-8 或 Big5）。
      </p>
      <label className="file-pick">
        選擇檔案
        <input
          type="file"
          accept=".csv,.xlsx"
          disabled={busy}
          data-testid="import-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void send(file);
          }}
        />
      </label>
      <ErrorList messages={messages} />
      {step.name === 'uploading' && <UploadProgress fraction={step.fraction} testId="upload-progress" />}
      {(step.name === 'checking' || step.name === 'committing') && (
        <div className="progress">
          {step.name === 'checking' ? '檢查每一列資料中…' : '寫入中，請勿關閉視窗…'}
          <progress />
        </div>
      )}
      {(step.name === 'previewed' || step.name === 'committing') && (
        <div className="import-result" data-testid="import-preview">
          <h2>試匯入結果：{step.run.fileName}</h2>
          <Counts run={step.run} />
          <Problems run={step.run} />
          {step.run.status === 'PREVIEWED' && (
            <button type="button" disabled={busy} onClick={() => void commit(step.run)}>
              確認匯入（全部寫入）
            </button>
          )}
        </div>
      )}
      {step.name === 'done' && (
        <div className="import-result" data-testid="import-done">
          <h2 role="status">匯入完成：{step.run.fileName}</h2>
          <Counts run={step.run} />
          {step.passwords.length > 0 && (
            <div className="initial-passwords">
              <p>以下新帳號的首次登入密碼只顯示這一次，請列印或妥善轉交：</p>
              <TableScroll label="匯入預覽">
                <table>
                  <thead>
                    <tr>
                      <th>帳號</th>
                      <th>姓名</th>
                      <th>首次登入密碼</th>
                    </tr>
                  </thead>
                  <tbody>
                    {step.passwords.map((entry) => (
                      <tr key={entry.username}>
                        <td>{entry.username}</td>
                        <td>{entry.displayName}</td>
                        <td>
                          <code>{entry.password}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </div>
          )}
          <button type="button" onClick={() => setStep({ name: 'pick' })}>
            匯入另一個檔案
          </button>
        </div>
      )}
      <h2>最近的匯入</h2>
      <TableScroll label="最近的匯入">
        <table data-testid="recent-imports">
          <thead>
            <tr>
              <th>時間</th>
              <th>種類</th>
              <th>檔名</th>
              <th>學期</th>
              <th>結果</th>
            </tr>
          </thead>
          <tbody>
            {data.recentImports.map((run) => (
              <tr key={run.id}>
                <td>{rocDateTime(run.committedAt ?? run.createdAt)}</td>
                <td>{data.importKinds.find((entry) => entry.kind === run.kind)?.label}</td>
                <td>{run.fileName}</td>
                <td>{run.term.label}</td>
                <td>
                  {STATUS_LABELS[run.status]}（{run.rowCount.toLocaleString()} 列
                  {run.problemCount > 0 ? `，${run.problemCount.toLocaleString()} 個問題` : ''}）
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
