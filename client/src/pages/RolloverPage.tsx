import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ErrorList } from '../components/ErrorList';
import { failureMessages, UploadProgress, useUploadFile } from '../components/FileUpload';
import { TableScroll } from '../components/TableScroll';
import { graphql } from '../gql';
import type { RolloverPreviewFieldsFragment } from '../gql/graphql';
import { useNumberSearchParam } from '../lib/use-search-param';

graphql(`
  fragment RolloverPreviewFields on RolloverPreview {
    fromYear
    toYear
    byClassList
    canCommit
    counts {
      promoted
      repeating
      graduated
      suspendedKept
      unplaced
      classesCreated
    }
    classes {
      name
      gradeYear
      students
      exists
      homeroomFrom
    }
    problems {
      rowNumber
      column
      code
      message
    }
    openRounds {
      termLabel
      categoryLabels
    }
    done {
      id
      label
      runAtLabel
    }
  }
`);

const RolloverRunsQuery = graphql(`
  query RolloverPageRuns {
    rolloverRuns {
      id
      label
      runAtLabel
      counts {
        promoted
        repeating
        graduated
        suspendedKept
        classesCreated
      }
    }
  }
`);

const RolloverPreviewQuery = graphql(`
  query RolloverPagePreview($toYear: Int!, $classListUploadId: ID) {
    rolloverPreview(toYear: $toYear, classListUploadId: $classListUploadId) {
      ...RolloverPreviewFields
    }
  }
`);

const CommitRolloverMutation = graphql(`
  mutation RolloverPageCommit($input: CommitRolloverInput!) {
    commitRollover(input: $input) {
      rolloverRun {
        id
        label
        runAtLabel
      }
      userErrors {
        code
        message
      }
    }
  }
`);

/** The year to move into by default: the next one until autumn's rollovers are done, then this one. */
function defaultToYear(now: Date): number {
  const rocYear = now.getFullYear() - 1911;
  const month = now.getMonth() + 1;
  const academicYear = month >= 8 ? rocYear : rocYear - 1;
  return month >= 8 && month <= 10 ? academicYear : academicYear + 1;
}

type Step =
  | { name: 'pick' }
  | { name: 'uploading'; fraction: number }
  | { name: 'checking' }
  | { name: 'previewed'; preview: RolloverPreviewFieldsFragment; uploadId: string | null }
  | { name: 'committing'; preview: RolloverPreviewFieldsFragment; uploadId: string | null }
  | { name: 'done'; label: string };

function Counts({ preview }: { preview: RolloverPreviewFieldsFragment }) {
  const c = preview.counts;
  return (
    <ul className="rollover-counts" data-testid="rollover-counts">
      <li>升一個年級：{c.promoted.toLocaleString()} 人</li>
      {preview.byClassList && <li>留在同一年級（重讀）：{c.repeating.toLocaleString()} 人</li>}
      <li>高三改為畢業：{c.graduated.toLocaleString()} 人</li>
      <li>休學保留原班級：{c.suspendedKept.toLocaleString()} 人</li>
      {c.unplaced > 0 && (
        <li>
          在學但未編入 {preview.fromYear} 學年度班級（不移動）：{c.unplaced.toLocaleString()} 人
        </li>
      )}
      <li>新建班級：{c.classesCreated.toLocaleString()} 班</li>
    </ul>
  );
}

/**
 * 學年度升級 (註冊組): check first — what moves where, every problem, which terms are not finally submitted — then move
 * the whole school at once. The address names the year (`/rollover?year=116`).
 */
export function RolloverPage() {
  const client = useApolloClient();
  const runs = useQuery(RolloverRunsQuery);
  const uploadFile = useUploadFile();
  const [commitRollover] = useMutation(CommitRolloverMutation);
  const [yearParam, setYearParam] = useNumberSearchParam('year');
  const toYear = yearParam ?? defaultToYear(new Date());
  const [byList, setByList] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const [step, setStep] = useState<Step>({ name: 'pick' });
  const [messages, setMessages] = useState<string[]>([]);

  async function check() {
    setMessages([]);
    // The address names the year being checked, also when it was the default.
    setYearParam(toYear);
    setAcknowledged(false);
    try {
      let uploadId: string | null = null;
      if (byList) {
        if (!file) {
          setMessages(['請先選擇新學年度班級名單檔案。']);
          return;
        }
        setStep({ name: 'uploading', fraction: 0 });
        uploadId = (await uploadFile('IMPORT', file, (fraction) => setStep({ name: 'uploading', fraction }))).id;
      }
      setStep({ name: 'checking' });
      const result = await client.query({
        query: RolloverPreviewQuery,
        variables: { toYear, classListUploadId: uploadId },
        fetchPolicy: 'network-only',
      });
      if (!result.data) throw new Error('檢查失敗，請再試一次。');
      setStep({ name: 'previewed', preview: result.data.rolloverPreview, uploadId });
    } catch (caught) {
      setMessages(failureMessages(caught));
      setStep({ name: 'pick' });
    }
  }

  async function commit(preview: RolloverPreviewFieldsFragment, uploadId: string | null) {
    setMessages([]);
    setStep({ name: 'committing', preview, uploadId });
    try {
      const result = await commitRollover({
        variables: {
          input: { toYear: preview.toYear, classListUploadId: uploadId, acknowledgeOpenRounds: acknowledged },
        },
      });
      const payload = result.data?.commitRollover;
      if (!payload?.rolloverRun) {
        setMessages(payload?.userErrors.map((userError) => userError.message) ?? ['升級失敗。']);
        setStep({ name: 'previewed', preview, uploadId });
        return;
      }
      setStep({ name: 'done', label: payload.rolloverRun.label });
      void runs.refetch();
    } catch (caught) {
      setMessages(failureMessages(caught));
      setStep({ name: 'previewed', preview, uploadId });
    }
  }

  const busy = step.name === 'uploading' || step.name === 'checking' || step.name === 'committing';
  const preview = step.name === 'previewed' || step.name === 'committing' ? step.preview : null;
  return (
    <section className="rollover">
      <h1>學年度升級</h1>
      <p className="hint">
        高一、高二升一個年級編入新學年度的班級，高三改為「畢業」，休學學生保留原班級。先試算、確認沒有問題後，再一次全部寫入；
        舊學年度的班級、成績與學習歷程都保持原樣。新生請在升級後以「資料匯入」的學生名冊匯入。
      </p>
      <form
        className="rollover-form"
        onSubmit={(event) => {
          event.preventDefault();
          void check();
        }}
      >
        <label>
          升級到
          <input
            type="number"
            inputMode="numeric"
            min={101}
            max={200}
            value={toYear}
            disabled={busy}
            onChange={(event) => {
              setYearParam(event.target.value === '' ? null : Number(event.target.value));
              setStep({ name: 'pick' });
            }}
          />
          學年度
        </label>
        <fieldset disabled={busy}>
          <legend>新班級的決定方式</legend>
          <label className="inline-choice">
            <input type="radio" name="mode" checked={!byList} onChange={() => setByList(false)} />
            依班級代號規則（101→201、201→301，座號不變）
          </label>
          <label className="inline-choice">
            <input type="radio" name="mode" checked={byList} onChange={() => setByList(true)} />
            上傳新學年度班級名單（欄位：學號、新班級、座號；重讀者列在同年級的班級）
          </label>
          {byList && (
            <label className="file-pick">
              班級名單檔案（.xlsx 或 CSV）
              <input
                type="file"
                accept=".csv,.xlsx"
                data-testid="class-list-file"
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              />
            </label>
          )}
        </fieldset>
        <button type="submit" disabled={busy}>
          試算（不寫入）
        </button>
      </form>
      <ErrorList messages={messages} />
      {step.name === 'uploading' && <UploadProgress fraction={step.fraction} testId="upload-progress" />}
      {(step.name === 'checking' || step.name === 'committing') && (
        <div className="progress" role="status">
          {step.name === 'checking' ? '檢查全校學生中…' : '升級中，請勿關閉視窗…'}
          <progress aria-label={step.name === 'checking' ? '檢查進度' : '升級進度'} />
        </div>
      )}
      {preview && (
        <div className="rollover-preview" data-testid="rollover-preview">
          <h2 role="status">
            試算結果：{preview.fromYear} 學年度 → {preview.toYear} 學年度
          </h2>
          {preview.done ? (
            <p role="status">
              已於 {preview.done.runAtLabel} 完成{preview.done.label}。
            </p>
          ) : (
            // A problem of the whole year (too early, no such year) leaves nothing counted: no zeros then.
            (preview.canCommit || preview.classes.length > 0) && <Counts preview={preview} />
          )}
          {preview.problems.length > 0 && (
            <div className="import-problems">
              <h3>有 {preview.problems.length.toLocaleString()} 個問題須先解決，沒有寫入任何資料：</h3>
              <TableScroll label="升級的問題">
                <table data-testid="rollover-problems">
                  <thead>
                    <tr>
                      <th>列</th>
                      <th>問題</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.problems.map((problem, index) => (
                      <tr key={`${problem.rowNumber}-${problem.code}-${index}`}>
                        <td>{problem.rowNumber === 0 ? '—' : problem.rowNumber}</td>
                        <td>{problem.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </div>
          )}
          {preview.classes.length > 0 && (
            <>
              <h3>{preview.toYear} 學年度的班級</h3>
              <TableScroll label="新學年度的班級">
                <table data-testid="rollover-classes">
                  <thead>
                    <tr>
                      <th>班級</th>
                      <th>年級</th>
                      <th>升級後人數</th>
                      <th>說明</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.classes.map((entry) => (
                      <tr key={entry.name}>
                        <td>{entry.name}</td>
                        <td>高{['一', '二', '三'][entry.gradeYear - 10]}</td>
                        <td>{entry.students.toLocaleString()}</td>
                        <td>
                          {entry.exists ? '已存在' : '新建'}
                          {entry.homeroomFrom && `，導師沿用 ${entry.homeroomFrom} 班`}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </>
          )}
          {preview.canCommit && preview.openRounds.length > 0 && (
            <div className="notice" role="note">
              <h3>以下學期還沒有完成最終提交</h3>
              <ul data-testid="rollover-open-rounds">
                {preview.openRounds.map((round) => (
                  <li key={round.termLabel}>
                    {round.termLabel}：{round.categoryLabels.join('、')}
                  </li>
                ))}
              </ul>
              <label>
                <input
                  type="checkbox"
                  checked={acknowledged}
                  onChange={(event) => setAcknowledged(event.target.checked)}
                />
                我已了解：升級只改變班級與學籍狀態，這些學期的資料不會被改動，之後仍可提交。
              </label>
            </div>
          )}
          {preview.canCommit && (
            <button
              type="button"
              disabled={busy || (preview.openRounds.length > 0 && !acknowledged)}
              onClick={() => void commit(preview, step.name === 'previewed' ? step.uploadId : null)}
            >
              執行升級（全部寫入）
            </button>
          )}
        </div>
      )}
      {step.name === 'done' && (
        <p role="status" data-testid="rollover-done">
          {step.label}完成。請接著匯入新生名冊，並請資訊組發放新生的首次登入密碼單。
        </p>
      )}
      <h2>升級紀錄</h2>
      {runs.data && runs.data.rolloverRuns.length === 0 && <p>還沒有升級紀錄。</p>}
      <ul data-testid="rollover-runs">
        {runs.data?.rolloverRuns.map((run) => (
          <li key={run.id}>
            {run.runAtLabel} {run.label}：升級 {run.counts.promoted} 人、重讀 {run.counts.repeating} 人、畢業{' '}
            {run.counts.graduated} 人、休學保留 {run.counts.suspendedKept} 人、新建 {run.counts.classesCreated} 班
          </li>
        ))}
      </ul>
    </section>
  );
}
