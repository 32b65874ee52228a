import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { EvidenceFileField, FileReceipt, isUploading, storedId, useEvidenceUpload } from '../components/EvidenceFile';
import { StatusBadge } from '../components/StatusBadge';
import { WindowNotice } from '../components/WindowNotice';
import { FinalLockNotice, useFinalLock } from '../components/FinalLock';
import { useTermChoice } from '../components/TermPicker';
import { useOpenWindowPeriod } from '../components/useOpenWindowPeriod';
import { graphql } from '../gql';
import type { MyOutcomes_OutcomeFragment, OutcomeKind, OutcomesPageQuery } from '../gql/graphql';
import { descriptionLength, MAX_DESCRIPTION, OUTCOME_KIND_LABELS, STATUS_LABELS } from '../lib/evidence';
import { rocDateTime } from '../lib/roc';
import { FormDialog } from '../components/FormDialog';
import { PortfolioZipLink, TransferredRecords } from '../components/TransferredRecords';

graphql(`
  fragment MyOutcomes_Outcome on CourseOutcome {
    id
    kind
    status
    currentVersion
    selectedAt
    current {
      id
      version
      description
      status
      reason
      decidedAt
      createdAt
      document {
        ...FileReceipt_File
      }
      media {
        ...FileReceipt_File
      }
    }
    versions {
      id
      version
      description
      status
      reason
      decidedAt
      createdAt
      document {
        ...FileReceipt_File
      }
      media {
        ...FileReceipt_File
      }
    }
  }
`);

const OutcomesQuery = graphql(`
  query OutcomesPage($termId: ID) {
    me {
      id
      school {
        id
        outcomeUploadCap
      }
      student {
        id
        enrolments(termId: $termId) {
          id
          kind
          section {
            id
            name
            course {
              id
              code
              subjectName
            }
            teacher {
              id
              displayName
            }
          }
          outcomes {
            ...MyOutcomes_Outcome
          }
        }
      }
    }
  }
`);

const UploadOutcomeMutation = graphql(`
  mutation UploadCourseOutcome($input: UploadCourseOutcomeInput!) {
    uploadCourseOutcome(input: $input) {
      outcome {
        ...MyOutcomes_Outcome
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

const ReplaceOutcomeMutation = graphql(`
  mutation ReplaceCourseOutcome($input: ReplaceCourseOutcomeInput!) {
    replaceCourseOutcome(input: $input) {
      outcome {
        ...MyOutcomes_Outcome
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

type EnrolmentRow = NonNullable<NonNullable<OutcomesPageQuery['me']>['student']>['enrolments'][number];

const ENROLMENT_KIND_LABELS: Record<EnrolmentRow['kind'], string> = {
  REGULAR: '',
  RETAKE: '重修',
  REPEAT: '重讀',
  MAKEUP: '補修',
  BORROWED: '借讀',
  TRANSFER: '轉學轉科',
};

const courseName = (enrolment: EnrolmentRow) =>
  `${enrolment.section.course.subjectName}${ENROLMENT_KIND_LABELS[enrolment.kind] ? `（${ENROLMENT_KIND_LABELS[enrolment.kind]}）` : ''}`;

/** The receipts of one version: what the server holds for it. */
function Receipts({ version }: { version: MyOutcomes_OutcomeFragment['current'] }) {
  return (
    <div className="receipts">
      {version.document && <FileReceipt file={version.document} label="文件" />}
      {version.media && <FileReceipt file={version.media} label="影音" />}
    </div>
  );
}

function OutcomeItem({
  outcome,
  onReplace,
}: {
  outcome: MyOutcomes_OutcomeFragment;
  /** Absent once the year's outcomes are finally submitted. */
  onReplace: ((outcome: MyOutcomes_OutcomeFragment) => void) | null;
}) {
  const current = outcome.current;
  const earlier = outcome.versions.filter((version) => version.version !== outcome.currentVersion).reverse();
  return (
    <li className="outcome" data-testid="outcome" aria-label={`學習成果：${current.description}`}>
      <div className="outcome-head">
        <StatusBadge status={outcome.status} />
        <strong>{current.description}</strong>
        <span className="muted">
          {OUTCOME_KIND_LABELS[outcome.kind]}・第 {outcome.currentVersion} 版・上傳於 {rocDateTime(current.createdAt)}
        </span>
        {outcome.selectedAt && <span className="badge selected">已勾選</span>}
      </div>
      {outcome.status === 'REJECTED' && (
        <p className="reason" data-testid="reject-reason">
          未通過理由：{current.reason}
          {current.decidedAt && `（${rocDateTime(current.decidedAt)}）`}。請更換檔案後重新送出認證。
        </p>
      )}
      {outcome.status === 'CERTIFIED' && current.decidedAt && (
        <p className="muted">已於 {rocDateTime(current.decidedAt)} 通過認證，檔案不再變動。</p>
      )}
      <Receipts version={current} />
      {outcome.status !== 'CERTIFIED' && onReplace && (
        <button type="button" className="secondary" onClick={() => onReplace(outcome)}>
          更換檔案
        </button>
      )}
      {earlier.length > 0 && (
        <details>
          <summary>先前的版本（{earlier.length}）：每一版都保留</summary>
          <ol className="versions">
            {earlier.map((version) => (
              <li key={version.id}>
                第 {version.version} 版・{STATUS_LABELS[version.status]}
                {version.reason && `（${version.reason}）`}・{version.description}・上傳於{' '}
                {rocDateTime(version.createdAt)}
                <Receipts version={version} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </li>
  );
}

type DialogTarget =
  | { mode: 'upload'; enrolment: EnrolmentRow }
  | { mode: 'replace'; enrolment: EnrolmentRow; outcome: MyOutcomes_OutcomeFragment };

/** Uploading a new outcome, or a new version of one not yet certified: files first (with progress), then send. */
function OutcomeDialog({
  target,
  onClose,
  onDone,
}: {
  target: DialogTarget;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const replacing = target.mode === 'replace';
  const [kind, setKind] = useState<OutcomeKind>('OTHER');
  const [description, setDescription] = useState(replacing ? target.outcome.current.description : '');
  const [errors, setErrors] = useState<string[]>([]);
  const documentUpload = useEvidenceUpload('DOCUMENT');
  const mediaUpload = useEvidenceUpload('MEDIA');
  const [upload, uploadState] = useMutation(UploadOutcomeMutation);
  const [replace, replaceState] = useMutation(ReplaceOutcomeMutation);
  const busy = uploadState.loading || replaceState.loading;
  const uploading = isUploading(documentUpload, mediaUpload);
  const length = descriptionLength(description);
  const course = courseName(target.enrolment);

  async function submit() {
    setErrors([]);
    const documentUploadId = storedId(documentUpload);
    const mediaUploadId = storedId(mediaUpload);
    try {
      if (target.mode === 'upload') {
        const result = await upload({
          variables: {
            input: { enrolmentId: target.enrolment.id, kind, description, documentUploadId, mediaUploadId },
          },
        });
        const payload = result.data?.uploadCourseOutcome;
        if (!payload?.outcome) {
          setErrors(payload?.userErrors.map((userError) => userError.message) ?? ['上傳失敗，請再試一次。']);
          return;
        }
        onDone(`已上傳「${course}」的學習成果，等待任課教師認證。收據在下方。`);
      } else {
        const result = await replace({
          variables: { input: { outcomeId: target.outcome.id, description, documentUploadId, mediaUploadId } },
        });
        const payload = result.data?.replaceCourseOutcome;
        if (!payload?.outcome) {
          setErrors(payload?.userErrors.map((userError) => userError.message) ?? ['更換失敗，請再試一次。']);
          return;
        }
        onDone(`已更換「${course}」的學習成果（第 ${payload.outcome.currentVersion} 版），重新等待認證。`);
      }
    } catch (caught) {
      setErrors([(caught as Error).message]);
    }
  }

  const title = replacing ? `更換檔案：${course}` : `上傳學習成果：${course}`;
  return (
    <FormDialog
      title={title}
      busy={busy}
      errors={errors}
      submitLabel={uploading ? '等待檔案上傳完成…' : replacing ? '送出新版本' : '送出'}
      busyLabel="送出中…"
      submitDisabled={uploading}
      onSubmit={submit}
      onClose={onClose}
    >
      {replacing ? (
        <p className="hint">
          更換後會成為第 {target.outcome.currentVersion + 1}{' '}
          版並重新等待認證；先前的版本都會保留。沒有更換的文件或影音會沿用到新版本。
        </p>
      ) : (
        <label>
          種類
          <select value={kind} onChange={(event) => setKind(event.target.value as OutcomeKind)}>
            {(['OTHER', 'PROJECT'] as const).map((value) => (
              <option key={value} value={value}>
                {OUTCOME_KIND_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        簡述
        <textarea
          rows={3}
          value={description}
          aria-describedby="outcome-description-count"
          onChange={(event) => setDescription(event.target.value)}
        />
      </label>
      <span
        id="outcome-description-count"
        className={length > MAX_DESCRIPTION ? 'counter over' : 'counter'}
        data-testid="description-count"
      >
        {length}/{MAX_DESCRIPTION}
      </span>
      <p className="hint">請附上文件或影音，或兩者都附。</p>
      <EvidenceFileField upload={documentUpload} testId="document" disabled={busy} />
      <EvidenceFileField upload={mediaUpload} testId="media" disabled={busy} />
    </FormDialog>
  );
}

/** 我的學習成果: this term's courses, each with its outcomes, their certification and the receipt of every file. */
export function OutcomesPage() {
  // The term whose upload (or, for 補件, certification) is open now comes first: in February that is the first term.
  const { termId, termLabel, picker } = useTermChoice(
    useOpenWindowPeriod(['UPLOAD_COURSE_OUTCOMES', 'CERTIFY_COURSE_OUTCOMES']),
  );
  const { data, error, refetch } = useQuery(OutcomesQuery, {
    variables: { termId },
    skip: termId === null,
    fetchPolicy: 'cache-and-network',
  });
  const [dialog, setDialog] = useState<DialogTarget | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const locked = useFinalLock('COURSE_OUTCOMES', termId);
  if (error) return <p role="alert">無法載入學習成果：{error.message}</p>;
  if (!data?.me) return <p>載入中…</p>;
  const student = data.me.student;
  if (!student) return <p>只有學生可以上傳學習成果。</p>;
  const enrolments = student.enrolments;
  const uploaded = enrolments.reduce((sum, enrolment) => sum + enrolment.outcomes.length, 0);
  const cap = data.me.school?.outcomeUploadCap;

  return (
    <section className="outcomes">
      <h1>我的學習成果</h1>
      <PortfolioZipLink studentId={student.id} />
      <div className="toolbar">{picker}</div>
      <p>
        {termLabel}：已上傳 {uploaded} 件{cap ? `（本校每學期最多 ${cap} 件）` : ''}。每件都要有簡述（100
        字以內），並附文件或影音；任課教師認證後才能勾選。
      </p>
      {locked ? (
        <FinalLockNotice message={locked} />
      ) : (
        <WindowNotice kinds={['UPLOAD_COURSE_OUTCOMES', 'CERTIFY_COURSE_OUTCOMES']} scope="mine" />
      )}
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {enrolments.length === 0 && <p>{termLabel}沒有您的修課紀錄。</p>}
      {enrolments.map((enrolment) => (
        <article key={enrolment.id} className="course-card" aria-label={`${courseName(enrolment)} 的學習成果`}>
          <div className="course-head">
            <h2>{courseName(enrolment)}</h2>
            <span className="muted">
              {enrolment.section.name} 班・任課教師 {enrolment.section.teacher?.displayName ?? '未定'}・課程代碼{' '}
              {enrolment.section.course.code}
            </span>
            {!locked && (
              <button
                type="button"
                onClick={() => {
                  setNotice(null);
                  setDialog({ mode: 'upload', enrolment });
                }}
              >
                上傳學習成果
              </button>
            )}
          </div>
          {enrolment.outcomes.length === 0 ? (
            <p className="muted">尚未上傳。</p>
          ) : (
            <ul className="outcome-list">
              {enrolment.outcomes.map((outcome) => (
                <OutcomeItem
                  key={outcome.id}
                  outcome={outcome}
                  onReplace={
                    locked
                      ? null
                      : (chosen) => {
                          setNotice(null);
                          setDialog({ mode: 'replace', enrolment, outcome: chosen });
                        }
                  }
                />
              ))}
            </ul>
          )}
        </article>
      ))}
      {dialog && (
        <OutcomeDialog
          key={dialog.mode === 'replace' ? dialog.outcome.id : dialog.enrolment.id}
          target={dialog}
          onClose={() => setDialog(null)}
          onDone={(message) => {
            setDialog(null);
            setNotice(message);
            void refetch();
          }}
        />
      )}
      <TransferredRecords studentId={student.id} />
    </section>
  );
}
