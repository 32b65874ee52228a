import { useMutation, useQuery } from '@apollo/client/react';
import { TableScroll } from './TableScroll';
import { useState } from 'react';
import { graphql } from '../gql';
import type { PrecheckMismatchKind, PrecheckMismatchOrder, PrecheckRunFieldsFragment } from '../gql/graphql';
import { appendPage } from '../lib/pagination';
import { rocDateTime } from '../lib/roc';
import { ErrorList } from './ErrorList';
import { failureMessages, UploadProgress, useUploadFile } from './FileUpload';
import { LoadMore } from './LoadMore';

graphql(`
  fragment PrecheckRunFields on PrecheckRun {
    id
    status
    rowCount
    createdAt
    createdBy {
      id
      displayName
    }
    comparedAt
    resultFileName
    matchedCount
    mismatchCount
    rosterUrl
    viewerCanDownloadRoster
    viewerCanSendToCentral
    viewerCanImportResult
  }
`);

const PrecheckRunsQuery = graphql(`
  query PrecheckPanelRuns($termId: ID!) {
    me {
      id
      viewerCanPrecheck
    }
    precheckRuns(termId: $termId, first: 20) {
      nodes {
        ...PrecheckRunFields
      }
    }
  }
`);

const PrecheckMismatchesQuery = graphql(`
  query PrecheckPanelMismatches(
    $runId: ID!
    $orderBy: PrecheckMismatchOrder
    $kind: PrecheckMismatchKind
    $courseCode: String
    $after: String
  ) {
    precheckMismatches(
      runId: $runId
      orderBy: $orderBy
      kind: $kind
      courseCode: $courseCode
      first: 50
      after: $after
    ) {
      nodes {
        id
        rowNumber
        kind
        studentNumber
        studentName
        className
        nationalIdMasked
        courseCode
        courseName
        sectionName
        explanation
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const ExportMutation = graphql(`
  mutation PrecheckPanelExport($input: ExportPrecheckRosterInput!) {
    exportPrecheckRoster(input: $input) {
      precheckRun {
        ...PrecheckRunFields
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const SendMutation = graphql(`
  mutation PrecheckPanelSend($input: SendPrecheckToCentralRepositoryInput!) {
    sendPrecheckToCentralRepository(input: $input) {
      resultFile {
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
  mutation PrecheckPanelImport($input: ImportPrecheckResultInput!) {
    importPrecheckResult(input: $input) {
      precheckRun {
        ...PrecheckRunFields
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const KIND_LABELS: Record<PrecheckMismatchKind, string> = {
  MISMATCH: '不符',
  NOT_IN_CENTRAL: '中央查無',
  NOT_LISTED_BY_SCHOOL: '學校未列',
};

const STATUS_LABELS: Record<PrecheckRunFieldsFragment['status'], string> = {
  EXPORTED: '已匯出，待比對',
  COMPARED: '已比對',
};

type Busy = null | 'export' | 'send' | { uploading: number } | 'import';

/**
 * 預檢 of one term: export the enrolment roster without grades, have the central database compare it (the reference
 * repository at once, or a result file staff got back), and read the mismatches per student or per course.
 */
export function PrecheckPanel({ termId }: { termId: string }) {
  const { data, error, refetch } = useQuery(PrecheckRunsQuery, { variables: { termId } });
  const [exportRoster] = useMutation(ExportMutation);
  const [sendToCentral] = useMutation(SendMutation);
  const uploadFile = useUploadFile();
  const [importResult] = useMutation(ImportMutation);
  const [busy, setBusy] = useState<Busy>(null);
  const [messages, setMessages] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [chosenRunId, setChosenRunId] = useState<string | null>(null);

  if (error) return <ErrorList messages={[error.message]} />;
  if (!data) return <p>載入中…</p>;
  if (!data.me?.viewerCanPrecheck) return null;
  const runs = data.precheckRuns.nodes;
  const run = runs.find((entry) => entry.id === chosenRunId) ?? runs[0] ?? null;

  async function act(kind: Exclude<Busy, null>, work: () => Promise<string[]>) {
    setMessages([]);
    setNotice(null);
    setBusy(kind);
    try {
      const problems = await work();
      setMessages(problems);
      await refetch();
    } catch (caught) {
      setMessages(failureMessages(caught));
    } finally {
      setBusy(null);
    }
  }

  const doExport = () =>
    act('export', async () => {
      const result = await exportRoster({ variables: { input: { termId } } });
      const payload = result.data?.exportPrecheckRoster;
      if (payload?.precheckRun) {
        setChosenRunId(payload.precheckRun.id);
        setNotice(`已匯出預檢名冊，共 ${payload.precheckRun.rowCount.toLocaleString()} 筆修課資料。`);
      }
      return payload?.userErrors.map((userError) => userError.message) ?? ['匯出失敗。'];
    });

  const doSend = (runId: string) =>
    act('send', async () => {
      const sent = await sendToCentral({ variables: { input: { precheckRunId: runId } } });
      const file = sent.data?.sendPrecheckToCentralRepository.resultFile;
      if (!file) {
        return sent.data?.sendPrecheckToCentralRepository.userErrors.map((userError) => userError.message) ?? [];
      }
      // The reference repository's answer is stored as the viewer's upload: import it right away.
      const imported = await importResult({ variables: { input: { precheckRunId: runId, uploadId: file.id } } });
      const payload = imported.data?.importPrecheckResult;
      if (payload?.precheckRun) setNotice(`已匯入中央資料庫的比對結果（${file.fileName}）。`);
      return payload?.userErrors.map((userError) => userError.message) ?? ['匯入失敗。'];
    });

  const doImport = (runId: string, file: File) =>
    act({ uploading: 0 }, async () => {
      const stored = await uploadFile('IMPORT', file, (fraction) => setBusy({ uploading: fraction }));
      setBusy('import');
      const result = await importResult({ variables: { input: { precheckRunId: runId, uploadId: stored.id } } });
      const imported = result.data?.importPrecheckResult;
      if (imported?.precheckRun) setNotice(`已匯入比對結果：${file.name}。`);
      return imported?.userErrors.map((userError) => userError.message) ?? ['匯入失敗。'];
    });

  return (
    <section className="precheck" data-testid="precheck-panel">
      <h2>預檢（修課紀錄，不含成績）</h2>
      <p className="hint">
        匯出本學期全部修課資料的中央格式名冊（不含成績）送中央資料庫比對，再依比對結果修正學生或課程資料。
        名冊含完整身分證號，僅註冊組可下載。
      </p>
      <div className="actions">
        <button type="button" disabled={busy !== null} onClick={() => void doExport()}>
          {busy === 'export' ? '匯出中…' : '匯出預檢名冊'}
        </button>
        {run?.viewerCanSendToCentral && (
          <button type="button" disabled={busy !== null} onClick={() => void doSend(run.id)}>
            {busy === 'send' ? '比對中…' : '送中央比對'}
          </button>
        )}
        {run?.viewerCanImportResult && (
          <label className="file-pick">
            匯入比對結果
            <input
              type="file"
              accept=".csv,.xlsx"
              disabled={busy !== null}
              data-testid="precheck-result-file"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void doImport(run.id, file);
              }}
            />
          </label>
        )}
      </div>
      <ErrorList messages={messages} />
      {notice && <p role="status">{notice}</p>}
      {busy !== null && typeof busy === 'object' && (
        <UploadProgress fraction={busy.uploading} testId="precheck-upload-progress" />
      )}
      {busy === 'import' && (
        <div className="progress">
          比對結果匯入中…
          <progress />
        </div>
      )}
      {runs.length === 0 ? (
        <p>本學期還沒有預檢紀錄。</p>
      ) : (
        <TableScroll label="預檢紀錄">
          <table data-testid="precheck-runs">
            <caption>預檢紀錄</caption>
            <thead>
              <tr>
                <th>匯出時間</th>
                <th>匯出者</th>
                <th>修課筆數</th>
                <th>狀態</th>
                <th>比對時間</th>
                <th>相符</th>
                <th>不相符</th>
                <th>名冊</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((entry) => (
                <tr
                  key={entry.id}
                  aria-selected={entry.id === run?.id}
                  className={entry.id === run?.id ? 'selected' : undefined}
                >
                  <td>
                    <button type="button" className="link" onClick={() => setChosenRunId(entry.id)}>
                      {rocDateTime(entry.createdAt)}
                    </button>
                  </td>
                  <td>{entry.createdBy.displayName}</td>
                  <td>{entry.rowCount.toLocaleString()}</td>
                  <td>{STATUS_LABELS[entry.status]}</td>
                  <td>{entry.comparedAt ? rocDateTime(entry.comparedAt) : '—'}</td>
                  <td>{entry.matchedCount?.toLocaleString() ?? '—'}</td>
                  <td>{entry.mismatchCount?.toLocaleString() ?? '—'}</td>
                  <td>{entry.viewerCanDownloadRoster ? <a href={entry.rosterUrl}>下載</a> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {run?.status === 'COMPARED' && <PrecheckMismatches key={run.id} run={run} />}
    </section>
  );
}

/** The mismatches of one compared run, by student or by course, with a filter on the kind and the course code. */
function PrecheckMismatches({ run }: { run: PrecheckRunFieldsFragment }) {
  const [orderBy, setOrderBy] = useState<PrecheckMismatchOrder>('STUDENT');
  const [kind, setKind] = useState<PrecheckMismatchKind | ''>('');
  const [courseCode, setCourseCode] = useState('');
  const { data, error, fetchMore, loading } = useQuery(PrecheckMismatchesQuery, {
    variables: { runId: run.id, orderBy, kind: kind || null, courseCode: courseCode.trim() || null },
  });
  if (error) return <ErrorList messages={[error.message]} />;
  const connection = data?.precheckMismatches;
  const rows = connection?.nodes ?? [];
  const byStudent = orderBy === 'STUDENT';
  const groupOf = (row: (typeof rows)[number]) =>
    byStudent ? `${row.studentNumber ?? ''} ${row.studentName ?? ''}` : `${row.courseCode} ${row.courseName ?? ''}`;

  return (
    <div className="precheck-mismatches">
      <h3>
        比對結果：{run.resultFileName}（相符 {run.matchedCount?.toLocaleString()} 筆、不相符{' '}
        {run.mismatchCount?.toLocaleString()} 筆）
      </h3>
      <div className="filters">
        <label>
          排列
          <select value={orderBy} onChange={(event) => setOrderBy(event.target.value as PrecheckMismatchOrder)}>
            <option value="STUDENT">依學生</option>
            <option value="COURSE">依課程</option>
          </select>
        </label>
        <label>
          種類
          <select value={kind} onChange={(event) => setKind(event.target.value as PrecheckMismatchKind | '')}>
            <option value="">全部</option>
            {(Object.keys(KIND_LABELS) as PrecheckMismatchKind[]).map((value) => (
              <option key={value} value={value}>
                {KIND_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <label>
          課程代碼
          <input value={courseCode} maxLength={23} onChange={(event) => setCourseCode(event.target.value)} />
        </label>
      </div>
      {run.mismatchCount === 0 ? (
        <p>全部相符，沒有需要處理的資料。</p>
      ) : (
        <TableScroll label="比對不相符的資料">
          <table data-testid="precheck-mismatches">
            <thead>
              <tr>
                <th>{byStudent ? '學生' : '課程'}</th>
                <th>學號</th>
                <th>姓名</th>
                <th>班級</th>
                <th>身分證號</th>
                <th>課程代碼</th>
                <th>科目名稱</th>
                <th>開課班別</th>
                <th>比對結果</th>
                <th>說明</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => {
                const group = groupOf(row);
                const first = index === 0 || groupOf(rows[index - 1]!) !== group;
                return (
                  <tr key={row.id}>
                    <th scope="row">{first ? group : ''}</th>
                    <td>{row.studentNumber ?? '—'}</td>
                    <td>{row.studentName ?? '（本校查無此學生）'}</td>
                    <td>{row.className ?? '—'}</td>
                    <td>{row.nationalIdMasked ?? '—'}</td>
                    <td>
                      <code>{row.courseCode}</code>
                    </td>
                    <td>{row.courseName ?? '（本學期無此課程）'}</td>
                    <td>{row.sectionName ?? '—'}</td>
                    <td>{KIND_LABELS[row.kind]}</td>
                    <td>{row.explanation ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {loading && <p>載入中…</p>}
      <LoadMore
        pageInfo={connection?.pageInfo}
        loading={loading}
        onLoadMore={(after) => fetchMore({ variables: { after }, updateQuery: appendPage('precheckMismatches') })}
      />
    </div>
  );
}
