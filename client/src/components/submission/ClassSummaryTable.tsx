import type { SubmissionConsoleClassSummaryQuery } from '../../gql/graphql';
import { TableScroll } from '../TableScroll';

export function ClassSummaryTable({ rows }: { rows: SubmissionConsoleClassSummaryQuery['receiptClassSummary'] }) {
  return (
    <TableScroll label="各班收訖統計">
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
          {rows.map((row) => (
            <tr key={row.className ?? ''}>
              <td>{row.className ?? '（無班級）'}</td>
              <td className="number">{row.received.toLocaleString()}</td>
              <td className="number">{row.rejected.toLocaleString()}</td>
              <td className="number">{row.flagged.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
