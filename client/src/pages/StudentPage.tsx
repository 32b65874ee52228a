import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { StatusBadge } from '../components/StatusBadge';
import { TableScroll } from '../components/TableScroll';
import { useTermChoice } from '../components/TermPicker';
import { graphql } from '../gql';
import type { StudentPageQuery, StudentPageReceiptsQuery } from '../gql/graphql';
import { FormDialog } from '../components/FormDialog';
import { EnrolmentDialog } from '../components/corrections/EnrolmentDialog';
import { ReceiptFields } from '../components/corrections/ReceiptFields';
import { OUTCOME_KIND_LABELS } from '../lib/evidence';
import { RECEIPT_STATUS_LABELS, RECONCILIATION_LABELS } from '../lib/receipts';
import { rocDateTime } from '../lib/roc';
import { PiiAccessLogList } from './PrivacyLogPage';
import { ReadmitForm } from '../components/ReadmitForm';
import { PortfolioZipLink, TransferredRecords } from '../components/TransferredRecords';
import { ExchangeFilePanel } from '../components/ExchangeFilePanel';

const StudentQuery = graphql(`
  query StudentPage($id: ID!, $termId: ID) {
    me {
      id
      viewerCanReadPiiAccessLogs
      viewerCanManageStudents
    }
    node(id: $id) {
      __typename
      ... on Student {
        id
        name
        studentNumber
        nationalId
        seatNumber
        status
        statusLabel
        cohortLabel
        schoolClass {
          id
          name
        }
        portfolioProgress(termId: $termId) {
          outcomes
          pending
          certified
          rejected
          outcomesSelected
          performances
          performancesSelected
        }
        enrolments(termId: $termId) {
          id
          kind
          termGrade
          makeupGrade
          passed
          creditsCounted
          qualitativeNote
          viewerCanCorrect
          section {
            id
            course {
              id
              code
              subjectName
            }
          }
          outcomes {
            id
            kind
            status
            selectedAt
            current {
              id
              description
              reason
              createdAt
            }
          }
        }
        performances(termId: $termId) {
          id
          title
          selectedAt
          createdAt
          categoryLabel
        }
        cadreRecords {
          id
          unit
          position
          term {
            id
            label
          }
        }
      }
    }
  }
`);

const ReceiptsQuery = graphql(`
  query StudentPageReceipts($studentId: ID!, $termId: ID) {
    studentReceiptRows(studentId: $studentId, termId: $termId) {
      id
      kindLabel
      status
      reconciliation
      reason
      decision
      viewerCanRaiseStaffDispute
      fields {
        label
        value
      }
      dispute {
        id
        status
      }
    }
  }
`);

const RaiseMutation = graphql(`
  mutation StudentPageRaiseDispute($input: RaiseDisputeInput!) {
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

type Student = Extract<NonNullable<StudentPageQuery['node']>, { __typename: 'Student' }>;

type Enrolment = Student['enrolments'][number];

function Records({ student, onChanged }: { student: Student; onChanged: () => void }) {
  const [editing, setEditing] = useState<Enrolment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (student.enrolments.length === 0) return <p className="muted">這個學期沒有修課紀錄。</p>;
  const correctable = student.enrolments.some((enrolment) => enrolment.viewerCanCorrect);
  return (
    <>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <TableScroll label="修課紀錄與課程學習成果">
        <table>
          <thead>
            <tr>
              <th>科目</th>
              <th>學期成績</th>
              <th>課程學習成果</th>
              {correctable && <th>更正</th>}
            </tr>
          </thead>
          <tbody>
            {student.enrolments.map((enrolment) => (
              <tr key={enrolment.id}>
                <td>
                  {enrolment.section.course.subjectName}
                  <br />
                  <span className="muted">{enrolment.section.course.code}</span>
                </td>
                <td className="number">
                  {enrolment.termGrade ?? '未登錄'}
                  {enrolment.passed === false && '（不及格）'}
                  {enrolment.makeupGrade !== null &&
                    enrolment.makeupGrade !== undefined &&
                    `，補考 ${enrolment.makeupGrade}`}
                </td>
                <td>
                  {enrolment.outcomes.length === 0
                    ? '未上傳'
                    : enrolment.outcomes.map((outcome) => (
                        <p key={outcome.id}>
                          {OUTCOME_KIND_LABELS[outcome.kind]}：{outcome.current.description}{' '}
                          <StatusBadge status={outcome.status} />
                          {outcome.selectedAt && <span className="badge">已勾選</span>}
                          {outcome.current.reason && (
                            <span className="muted">（未通過原因：{outcome.current.reason}）</span>
                          )}
                        </p>
                      ))}
                </td>
                {correctable && (
                  <td>
                    {enrolment.viewerCanCorrect && (
                      <button
                        type="button"
                        aria-label={`更正 ${enrolment.section.course.subjectName} 的修課紀錄`}
                        onClick={() => {
                          setNotice(null);
                          setEditing(enrolment);
                        }}
                      >
                        更正
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {editing && (
        <EnrolmentDialog
          enrolment={editing}
          what={`${student.name} ${editing.section.course.subjectName}`}
          onClose={() => setEditing(null)}
          onDone={(message) => {
            setEditing(null);
            setNotice(`${message}已提交過的資料，請在提交主控台重新提交。`);
            onChanged();
          }}
        />
      )}
    </>
  );
}

function Performances({ student }: { student: Student }) {
  if (student.performances.length === 0) return <p className="muted">這個學年度沒有多元表現。</p>;
  return (
    <ul className="plain-list">
      {student.performances.map((performance) => (
        <li key={performance.id}>
          {performance.categoryLabel}：{performance.title}
          {performance.selectedAt && <span className="badge">已勾選</span>}
          <span className="muted">（{rocDateTime(performance.createdAt)} 登錄）</span>
        </li>
      ))}
    </ul>
  );
}

type ReceiptRow = StudentPageReceiptsQuery['studentReceiptRows'][number];

const REASON_MAX = 500;

/** 學校人員就收訖明細提出疑義: the section that submits a row's category raises a dispute on it for the student. */
function StaffDisputeDialog({ row, onClose, onDone }: { row: ReceiptRow; onClose: () => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [raise, { loading }] = useMutation(RaiseMutation);
  return (
    <FormDialog
      title={`對這筆${row.kindLabel}提出疑義`}
      busy={loading}
      errors={errors}
      submitLabel="提出疑義"
      submitDisabled={reason.trim() === ''}
      onSubmit={async () => {
        setErrors([]);
        try {
          const result = await raise({ variables: { input: { receiptRowId: row.id, reason } } });
          const problems = result.data?.raiseDispute.userErrors.map((e) => e.message) ?? ['提出疑義失敗。'];
          if (problems.length > 0) setErrors(problems);
          else onDone();
        } catch (caught) {
          setErrors([(caught as Error).message]);
        }
      }}
      onClose={onClose}
    >
      <ReceiptFields fields={row.fields} />
      <p className="hint">學生會在收訖明細確認頁看到這件疑義；受理、更正與回覆在疑義處理頁。</p>
      <label>
        疑義內容
        <textarea value={reason} rows={3} maxLength={REASON_MAX} onChange={(event) => setReason(event.target.value)} />
      </label>
      <span className="counter">
        {reason.length}/{REASON_MAX}
      </span>
    </FormDialog>
  );
}

function Receipts({ studentId, termId }: { studentId: string; termId: string | null }) {
  const { data, error, refetch } = useQuery(ReceiptsQuery, {
    variables: { studentId, termId },
    skip: termId === null,
    fetchPolicy: 'cache-and-network',
  });
  const [disputing, setDisputing] = useState<ReceiptRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (error) return <p role="alert">無法載入收訖明細：{error.message}</p>;
  if (!data) return <p>載入中…</p>;
  const rows = data.studentReceiptRows;
  if (rows.length === 0) return <p className="muted">這個學期還沒有匯入這位學生的收訖明細。</p>;
  return (
    <>
      {termId && (
        <p>
          <a
            href={`/students/${encodeURIComponent(studentId)}/confirmation.pdf?termId=${encodeURIComponent(termId)}`}
            download
          >
            列印這位學生的確認單（PDF）
          </a>
        </p>
      )}
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <TableScroll label="收訖明細">
        <table>
          <thead>
            <tr>
              <th>種類</th>
              <th>內容</th>
              <th>中央資料庫</th>
              <th>比對</th>
              <th>學生確認</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{row.kindLabel}</td>
                <td>
                  <ReceiptFields fields={row.fields} />
                </td>
                <td>
                  {RECEIPT_STATUS_LABELS[row.status]}
                  {row.reason && `：${row.reason}`}
                </td>
                <td>{RECONCILIATION_LABELS[row.reconciliation]}</td>
                <td>
                  {row.dispute ? (
                    <Link to={`/disputes/${encodeURIComponent(row.dispute.id)}`}>已提出疑義</Link>
                  ) : row.decision === 'CORRECT' ? (
                    '已確認無誤'
                  ) : (
                    '尚未確認'
                  )}
                  {row.viewerCanRaiseStaffDispute && (
                    <p>
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`對這筆${row.kindLabel}提出疑義`}
                        onClick={() => {
                          setNotice(null);
                          setDisputing(row);
                        }}
                      >
                        提出疑義
                      </button>
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {disputing && (
        <StaffDisputeDialog
          row={disputing}
          onClose={() => setDisputing(null)}
          onDone={() => {
            setDisputing(null);
            setNotice('已提出疑義，學生會在收訖明細確認頁看到；請到疑義處理更正並回覆。');
            void refetch();
          }}
        />
      )}
    </>
  );
}

/**
 * One student at their own address (`#/students/:studentId`), as 註冊組, 教學組 or the homeroom teacher opens them from
 * 學生名單: the term's courses and outcomes, the year's performances, cadre records and the receipt rows; for 註冊組
 * also who looked at the student's personal data.
 */
export function StudentPage() {
  const studentId = useParams().studentId ?? '';
  const { termId, termLabel, picker } = useTermChoice();
  const { data, error, refetch } = useQuery(StudentQuery, {
    variables: { id: studentId, termId },
    skip: termId === null,
    fetchPolicy: 'cache-and-network',
  });
  const student = data?.node?.__typename === 'Student' ? data.node : null;
  const [readmitted, setReadmitted] = useState<{ studentId: string; notice: string } | null>(null);
  return (
    <section>
      <p>
        <Link
          to={student?.schoolClass ? `/classes/${encodeURIComponent(student.schoolClass.id)}/students` : '/students'}
        >
          ← 回學生名單
        </Link>
      </p>
      <h1>{student ? `${student.name}（${student.studentNumber}）` : '學生'}</h1>
      {error ? (
        <p role="alert">無法載入這位學生：{error.message}</p>
      ) : !data ? (
        <p>載入中…</p>
      ) : !student ? (
        <p role="alert">找不到這位學生：網址可能打錯了，或這位學生不在您可以查看的班級。</p>
      ) : (
        <>
          <dl className="card">
            <dt>班級座號</dt>
            <dd>
              {student.schoolClass?.name ?? '未編班'} {student.seatNumber ?? ''}
            </dd>
            <dt>入學年度</dt>
            <dd>{student.cohortLabel}</dd>
            <dt>學籍狀態</dt>
            <dd>{student.statusLabel}</dd>
            <dt>身分證字號</dt>
            <dd>{student.nationalId}</dd>
          </dl>
          <PortfolioZipLink studentId={student.id} />
          <p>
            <Link to={`/students/${encodeURIComponent(student.id)}/ledger`}>學習歷程履歷（每個項目從上傳到鎖定）</Link>
          </p>
          {readmitted?.studentId === student.id && (
            <p role="status" data-testid="readmit-notice">
              {readmitted.notice}
            </p>
          )}
          {student.status === 'SUSPENDED' && data.me?.viewerCanManageStudents && (
            <ReadmitForm
              studentId={student.id}
              onDone={(notice) => {
                setReadmitted({ studentId: student.id, notice });
                void refetch();
              }}
            />
          )}
          <div className="toolbar">{picker}</div>
          {student.portfolioProgress && (
            <p data-testid="student-progress">
              {termLabel}：課程學習成果 {student.portfolioProgress.outcomes} 件（已認證{' '}
              {student.portfolioProgress.certified}、待認證 {student.portfolioProgress.pending}、未通過{' '}
              {student.portfolioProgress.rejected}、已勾選 {student.portfolioProgress.outcomesSelected}）；多元表現{' '}
              {student.portfolioProgress.performances} 件（已勾選 {student.portfolioProgress.performancesSelected}）。
            </p>
          )}
          <h2>修課紀錄與課程學習成果</h2>
          <Records student={student} onChanged={() => void refetch()} />
          <h2>多元表現</h2>
          <Performances student={student} />
          <h2>校內幹部</h2>
          {student.cadreRecords.length === 0 ? (
            <p className="muted">沒有幹部紀錄。</p>
          ) : (
            <ul className="plain-list">
              {student.cadreRecords.map((record) => (
                <li key={record.id}>
                  {record.term.label} {record.unit} {record.position}
                </li>
              ))}
            </ul>
          )}
          <h2>收訖明細</h2>
          <Receipts studentId={student.id} termId={termId} />
          <TransferredRecords studentId={student.id} />
          <ExchangeFilePanel studentId={student.id} />
          {data.me?.viewerCanReadPiiAccessLogs && (
            <>
              <h2>個資存取紀錄</h2>
              <PiiAccessLogList studentId={student.id} label="個資存取紀錄" />
            </>
          )}
        </>
      )}
    </section>
  );
}
