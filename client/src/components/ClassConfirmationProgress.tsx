import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { ErrorList } from './ErrorList';
import { useTermChoice } from './TermPicker';
import { TableScroll } from './TableScroll';

const ProgressQuery = graphql(`
  query ClassConfirmationProgress($classId: ID!, $termId: ID!) {
    classConfirmationProgress(classId: $classId, termId: $termId) {
      student {
        id
        seatNumber
        studentNumber
        name
      }
      rows
      received
      rejected
      flagged
      confirmed
      disputed
      unconfirmed
    }
  }
`);

/**
 * 收訖明細確認進度 of one class for its homeroom teacher: per student how many receipt rows there are, how many
 * are confirmed or disputed and how many still wait, with the class sheet to print or send.
 */
export function ClassConfirmationProgress({ classId, className }: { classId: string; className: string }) {
  const { termId, picker } = useTermChoice();
  const { data, error } = useQuery(ProgressQuery, {
    variables: { classId, termId: termId ?? '' },
    skip: termId === null,
    fetchPolicy: 'cache-and-network',
  });
  const progress = data?.classConfirmationProgress ?? [];
  const waiting = progress.filter((entry) => entry.unconfirmed > 0);
  const sheet = (extension: 'xlsx' | 'pdf') =>
    `/classes/${encodeURIComponent(classId)}/confirmation-sheet.${extension}?termId=${encodeURIComponent(termId ?? '')}`;

  return (
    <div className="confirmation-progress" role="region" aria-label={`${className} 班收訖明細確認進度`}>
      <h3>收訖明細確認進度</h3>
      <div className="toolbar">
        {picker}
        {termId && (
          <>
            <a href={sheet('xlsx')} download>
              下載確認單（Excel）
            </a>
            <a href={sheet('pdf')} download>
              下載確認單（PDF）
            </a>
          </>
        )}
      </div>
      {error && <ErrorList messages={[error.message]} />}
      {data && progress.every((entry) => entry.rows === 0) && <p className="muted">這個學期還沒有匯入收訖明細。</p>}
      {waiting.length > 0 && (
        <p className="muted" data-testid="not-yet-confirmed">
          尚未確認完畢（{waiting.length} 人）：{waiting.map((entry) => entry.student.name).join('、')}
        </p>
      )}
      {progress.some((entry) => entry.rows > 0) && (
        <TableScroll label="收訖明細確認進度">
          <table>
            <thead>
              <tr>
                <th>座號</th>
                <th>學號</th>
                <th>姓名</th>
                <th>收訖明細</th>
                <th>已收訖</th>
                <th>退件</th>
                <th>需要處理</th>
                <th>已確認</th>
                <th>疑義</th>
                <th>未確認</th>
              </tr>
            </thead>
            <tbody>
              {progress.map((entry) => (
                <tr key={entry.student.id}>
                  <td>{entry.student.seatNumber ?? ''}</td>
                  <td>{entry.student.studentNumber}</td>
                  <td>{entry.student.name}</td>
                  <td className="number">{entry.rows}</td>
                  <td className="number">{entry.received}</td>
                  <td className="number">{entry.rejected}</td>
                  <td className="number">{entry.flagged}</td>
                  <td className="number">{entry.confirmed}</td>
                  <td className="number">{entry.disputed}</td>
                  <td className="number">{entry.unconfirmed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
