import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { PortfolioRecordKind } from '../gql/graphql';
import { rocDateTime } from '../lib/roc';

const TransferredQuery = graphql(`
  query TransferredRecords($id: ID!) {
    node(id: $id) {
      __typename
      ... on Student {
        id
        portfolioZipUrl
        transferredRecords {
          id
          originLabel
          originSchoolCode
          importedAt
          recordCount
          records {
            id
            kind
            termLabel
            title
            firstSchoolName
            fields {
              label
              value
            }
            files {
              id
              name
              size
              url
            }
          }
        }
      }
    }
  }
`);

export const RECORD_KIND_LABELS: Record<PortfolioRecordKind, string> = {
  COURSE_RECORD: '修課紀錄',
  COURSE_OUTCOME: '課程學習成果',
  PERFORMANCE: '多元表現',
  CADRE_RECORD: '校內幹部經歷',
  RECEIPT: '收訖明細',
};

const KIND_ORDER: PortfolioRecordKind[] = ['COURSE_RECORD', 'COURSE_OUTCOME', 'PERFORMANCE', 'CADRE_RECORD', 'RECEIPT'];

const sizeLabel = (size: number) =>
  size < 1024 * 1024 ? `${Math.max(1, Math.round(size / 1024))} KB` : `${(size / 1024 / 1024).toFixed(1)} MB`;

/** 「下載完整學習歷程（ZIP）」: shown to the student themself and to 註冊組 (the server says who, portfolioZipUrl). */
export function PortfolioZipLink({ studentId }: { studentId: string }) {
  const { data } = useQuery(TransferredQuery, { variables: { id: studentId }, fetchPolicy: 'cache-and-network' });
  const url = data?.node?.__typename === 'Student' ? data.node.portfolioZipUrl : null;
  if (!url) return null;
  return (
    <p>
      <a href={url} download>
        下載完整學習歷程（ZIP）
      </a>
      <span className="muted">：所有已認證的課程學習成果、多元表現與收訖明細，附中文索引與每個檔案的 SHA-256。</span>
    </p>
  );
}

/**
 * 轉入前的學習歷程: what earlier schools sent with the student's transfer (the portfolio exchange), one section per
 * school of origin, read-only — no edit, select or delete buttons, since the records belong to the school that made them.
 */
export function TransferredRecords({ studentId, headingLevel = 2 }: { studentId: string; headingLevel?: 2 | 3 }) {
  const { data, error } = useQuery(TransferredQuery, {
    variables: { id: studentId },
    fetchPolicy: 'cache-and-network',
  });
  if (error) return <p role="alert">無法載入轉入前的學習歷程：{error.message}</p>;
  const exchanges = data?.node?.__typename === 'Student' ? data.node.transferredRecords : [];
  if (exchanges.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <>
      {exchanges.map((exchange) => (
        <section
          key={exchange.id}
          className="transferred-records"
          aria-label={`轉入前的學習歷程（來自 ${exchange.originLabel}）`}
        >
          <Heading>轉入前的學習歷程（來自 {exchange.originLabel}）</Heading>
          <p className="muted">
            學校代碼 {exchange.originSchoolCode}，{rocDateTime(exchange.importedAt)} 轉入，共 {exchange.recordCount}{' '}
            筆。這些紀錄由原學校產生，僅供查看，不能修改或勾選。
          </p>
          {KIND_ORDER.map((kind) => {
            const records = exchange.records.filter((record) => record.kind === kind);
            if (records.length === 0) return null;
            return (
              <div key={kind}>
                <Sub>
                  {RECORD_KIND_LABELS[kind]}（{records.length} 筆）
                </Sub>
                <ul className="plain-list">
                  {records.map((record) => (
                    <li key={record.id}>
                      <details>
                        <summary>
                          {record.termLabel} {record.title}
                          {record.firstSchoolName && (
                            <span className="muted">（最初來自 {record.firstSchoolName}）</span>
                          )}
                        </summary>
                        <dl>
                          {record.fields.map((field, index) => (
                            <div key={index}>
                              <dt>{field.label}</dt>
                              <dd>{field.value}</dd>
                            </div>
                          ))}
                        </dl>
                        {record.files.map((file) => (
                          <p key={file.id}>
                            <a href={file.url} target="_blank" rel="noreferrer">
                              {file.name}
                            </a>{' '}
                            <span className="muted">（{sizeLabel(file.size)}）</span>
                          </p>
                        ))}
                      </details>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </section>
      ))}
    </>
  );
}
