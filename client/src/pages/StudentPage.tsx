import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { StatusBadge } from '../components/StatusBadge';
import { TableScroll } from '../components/TableScroll';
import { useTermChoice } from '../components/TermPicker';
import { graphql } from '../gql';
import type { StudentPageQuery } from '../gql/graphql';
import { OUTCOME_KIND_LABELS } from '../lib/evidence';
import { RECEIPT_STATUS_LABELS, RECONCILIATION_LABELS } from '../lib/receipts';
import { rocDateTime } from '../lib/roc';
import { PiiAccessLogList } from './PrivacyLogPage';

const StudentQuery = graphql(`
  query StudentPage($id: ID!, $termId: ID) {
    me {
      id
      viewerCanReadPiiAccessLogs
    }
    node(id: $id) {
      __typename
      ... on Student {
        id
        name
        studentNumber
        nationalId
        seatNumber
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
          termGrade
          makeupGrade
          passed
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
          category
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

const CategoriesQuery = graphql(`
  query StudentPageCategories {
    performanceCategories {
      category
      label
    }
  }
`);

const ReceiptsQuery = graphql(`
  query StudentPageReceipts($studentId: ID!, $termId: ID) {
    studentReceiptRows(studentId: $studentId, termId: $termId) {
      id
      kindLabel
      keyFields
      status
      reconciliation
      reason
      decision
      dispute {
        id
        status
      }
    }
  }
`);

type Student = Extract<NonNullable<StudentPageQuery['node']>, { __typename: 'Student' }>;

function Records({ student }: { student: Student }) {
  if (student.enrolments.length === 0) return <p className="muted">這個學期沒有修課紀錄。</p>;
  return (
    <TableScroll label="修課紀錄與課程學習成果">
      <table>
        <thead>
          <tr>
            <th>科目</th>
            <th>學期成績</th>
            <th>課程學習成果</th>
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
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Performances({ student }: { student: Student }) {
  const categories = useQuery(CategoriesQuery);
  const categoryLabels = new Map(
    (categories.data?.performanceCategories ?? []).map((entry) => [entry.category as string, entry.label]),
  );
  if (student.performances.length === 0) return <p className="muted">這個學年度沒有多元表現。</p>;
  return (
    <ul className="plain-list">
      {student.performances.map((performance) => (
        <li key={performance.id}>
          {categoryLabels.get(performance.category) ?? performance.category}：{performance.title}
          {performance.selectedAt && <span className="badge">已勾選</span>}
          <span className="muted">（{rocDateTime(performance.createdAt)} 登錄）</span>
        </li>
      ))}
    </ul>
  );
}

function Receipts({ studentId, termId }: { studentId: string; termId: string | null }) {
  const { data, error } = useQuery(ReceiptsQuery, {
    variables: { studentId, termId },
    skip: termId === null,
    fetchPolicy: 'cache-and-network',
  });
  if (error) return <p role="alert">無法載入收訖明細：{error.message}</p>;
  if (!data) return <p>載入中…</p>;
  const rows = data.studentReceiptRows;
  if (rows.length === 0) return <p className="muted">這個學期還沒有匯入這位學生的收訖明細。</p>;
  return (
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
              <td>{row.keyFields.join('、')}</td>
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
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
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
  const { data, error } = useQuery(StudentQuery, {
    variables: { id: studentId, termId },
    skip: termId === null,
    fetchPolicy: 'cache-and-network',
  });
  const student = data?.node?.__typename === 'Student' ? data.node : null;
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
          <Records student={student} />
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
