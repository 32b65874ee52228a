import { useQuery } from '@apollo/client/react';
import { ErrorList } from '../components/ErrorList';
import { LoadMore } from '../components/LoadMore';
import { TableScroll } from '../components/TableScroll';
import { graphql } from '../gql';
import { appendPage } from '../lib/pagination';
import { rocDateTime } from '../lib/roc';

const AccessLogQuery = graphql(`
  query PiiAccessLog($studentId: ID, $after: String) {
    piiAccessLog(studentId: $studentId, first: 50, after: $after) {
      nodes {
        id
        occurredAt
        office
        kindLabel
        actorName
        requestId
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    piiAccessLogRetentionDays
  }
`);

/** "5 年" for whole years, else days: how long the log is kept, as the policy says. */
function retentionText(days: number): string {
  const years = Math.floor(days / 365);
  return years >= 1 && days - years * 365 <= Math.floor(years / 4) + 1 ? `${years} 年` : `${days} 天`;
}

/**
 * The access log of one student (or, with no id, of the signed-in student): when, which office, what. 註冊組 also
 * sees the staff member and the request id; the student sees the office only, as the API gives it.
 */
export function PiiAccessLogList({ studentId, label }: { studentId: string | null; label: string }) {
  const { data, error, loading, fetchMore } = useQuery(AccessLogQuery, {
    variables: { studentId },
    fetchPolicy: 'cache-and-network',
  });
  const entries = data?.piiAccessLog.nodes ?? [];
  const staffView = entries.some((entry) => entry.actorName !== null);
  return (
    <>
      {data && <p className="muted">紀錄保存 {retentionText(data.piiAccessLogRetentionDays)}，之後自動刪除。</p>}
      {error && <ErrorList messages={[error.message]} />}
      {data && entries.length === 0 && <p>目前沒有任何紀錄。</p>}
      {entries.length > 0 && (
        <TableScroll label={label}>
          <table data-testid="pii-access-log">
            <thead>
              <tr>
                <th>時間</th>
                <th>處室</th>
                {staffView && <th>人員</th>}
                <th>內容</th>
                {staffView && <th>請求編號</th>}
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{rocDateTime(entry.occurredAt)}</td>
                  <td>{entry.office}</td>
                  {staffView && <td>{entry.actorName}</td>}
                  <td>{entry.kindLabel}</td>
                  {staffView && (
                    <td>
                      <code>{entry.requestId?.slice(0, 8)}</code>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {loading && !data && <p>載入中…</p>}
      <LoadMore
        pageInfo={data?.piiAccessLog.pageInfo}
        loading={loading}
        onLoadMore={(after) => fetchMore({ variables: { after }, updateQuery: appendPage('piiAccessLog') })}
      />
    </>
  );
}

/** 誰看過我的資料 (`#/privacy`): the signed-in student's own access log. */
export function PrivacyLogPage() {
  return (
    <section>
      <h1>誰看過我的資料</h1>
      <p>
        學校人員檢視您完整的身分證字號、下載含有您資料的名冊或提交資料包、開啟您上傳的檔案，或匯出列有您的表單時，系統都會記下是哪個處室、在什麼時候。
      </p>
      <PiiAccessLogList studentId={null} label="誰看過我的資料" />
    </section>
  );
}
