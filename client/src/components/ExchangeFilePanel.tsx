import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { graphql } from '../gql';
import type { SchoolDivision } from '../gql/graphql';
import { rocDateTime } from '../lib/roc';
import { failureMessages, UploadProgress, useUploadFile } from './FileUpload';

const ExportsQuery = graphql(`
  query ExchangeFilePanel($id: ID!) {
    node(id: $id) {
      __typename
      ... on Student {
        id
        viewerCanExchangePortfolio
        exchangeExports {
          id
          fileName
          size
          destinationAuthorityCode
          destinationSchoolCode
          destinationDivision
          recordCount
          fileCount
          createdAt
          downloadUrl
        }
      }
    }
  }
`);

const ExportMutation = graphql(`
  mutation ExportExchangeFile($input: ExportExchangeFileInput!) {
    exportExchangeFile(input: $input) {
      exchangeExport {
        id
        downloadUrl
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
  mutation ImportExchangeFile($input: ImportExchangeFileInput!) {
    importExchangeFile(input: $input) {
      portfolioExchange {
        id
        originLabel
        recordCount
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const DIVISIONS: { value: SchoolDivision; label: string }[] = [
  { value: 'DAY', label: '日間部' },
  { value: 'NIGHT', label: '進修部' },
];

/**
 * 學習歷程交換檔 between installations (another city's platform), for 註冊組 on the student's page: build the signed
 * file for a destination they type and download it, or take a file another school sent (uploaded like an import
 * file) onto this student. Within the city, transfers carry the same file without anyone downloading it.
 */
export function ExchangeFilePanel({ studentId }: { studentId: string }) {
  const { data, refetch } = useQuery(ExportsQuery, { variables: { id: studentId }, fetchPolicy: 'cache-and-network' });
  const [exportFile, exporting] = useMutation(ExportMutation);
  const [importFile, importing] = useMutation(ImportMutation, { refetchQueries: ['TransferredRecords'] });
  const upload = useUploadFile();
  const [authorityCode, setAuthorityCode] = useState('');
  const [schoolCode, setSchoolCode] = useState('');
  const [division, setDivision] = useState<SchoolDivision>('DAY');
  const [exportErrors, setExportErrors] = useState<string[]>([]);
  const [exported, setExported] = useState<{ url: string; name: string } | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [importErrors, setImportErrors] = useState<string[]>([]);
  const [imported, setImported] = useState<string | null>(null);
  const student = data?.node?.__typename === 'Student' ? data.node : null;
  if (!student?.viewerCanExchangePortfolio) return null;

  const onExport = async (event: FormEvent) => {
    event.preventDefault();
    setExportErrors([]);
    setExported(null);
    try {
      const result = await exportFile({
        variables: { input: { studentId, authorityCode, schoolCode, division } },
      });
      const payload = result.data?.exportExchangeFile;
      if (!payload?.exchangeExport) {
        setExportErrors(payload?.userErrors.map((e) => e.message) ?? ['產製失敗，請再試一次。']);
        return;
      }
      setExported({ url: payload.exchangeExport.downloadUrl, name: payload.exchangeExport.fileName });
      void refetch();
    } catch (caught) {
      setExportErrors([(caught as Error).message]);
    }
  };

  const onImport = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setImportErrors([]);
    setImported(null);
    try {
      setProgress(0);
      const stored = await upload('IMPORT', file, setProgress);
      const result = await importFile({ variables: { input: { studentId, uploadId: stored.id } } });
      const payload = result.data?.importExchangeFile;
      if (!payload?.portfolioExchange) {
        setImportErrors(payload?.userErrors.map((e) => e.message) ?? ['匯入失敗，請再試一次。']);
        return;
      }
      setImported(
        `已匯入來自 ${payload.portfolioExchange.originLabel} 的 ${payload.portfolioExchange.recordCount} 筆紀錄。`,
      );
      setFile(null);
    } catch (caught) {
      setImportErrors(failureMessages(caught));
    } finally {
      setProgress(null);
    }
  };

  return (
    <section className="exchange-panel" aria-labelledby="exchange-heading">
      <h2 id="exchange-heading">學習歷程交換檔（跨縣市轉學）</h2>
      <p className="hint">
        同一縣市的轉學請用「轉學」頁，原學校同意後紀錄會自動轉入。學生轉到其他縣市的平臺時，在這裡產製交換檔交給對方；
        收到其他平臺的交換檔時，在這裡匯入。
      </p>
      <form onSubmit={(event) => void onExport(event)} className="stack">
        <h3>產製交換檔</h3>
        <label>
          目的學校所屬教育局代碼
          <input
            value={authorityCode}
            onChange={(event) => setAuthorityCode(event.target.value)}
            required
            maxLength={20}
          />
        </label>
        <label>
          目的學校代碼（6 碼）
          <input
            value={schoolCode}
            onChange={(event) => setSchoolCode(event.target.value)}
            required
            maxLength={6}
            inputMode="text"
          />
        </label>
        <label>
          目的學校部別
          <select value={division} onChange={(event) => setDivision(event.target.value as SchoolDivision)}>
            {DIVISIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        {exportErrors.length > 0 && (
          <ul role="alert" className="errors">
            {exportErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
        <button type="submit" disabled={exporting.loading}>
          {exporting.loading ? '產製中…' : '產製交換檔'}
        </button>
        {exported && (
          <p role="status">
            已產製：
            <a href={exported.url} download>
              下載 {exported.name}
            </a>
          </p>
        )}
      </form>
      {student.exchangeExports.length > 0 && (
        <>
          <h3>已產製的交換檔</h3>
          <ul className="plain-list">
            {student.exchangeExports.map((item) => (
              <li key={item.id}>
                <a href={item.downloadUrl} download>
                  {item.fileName}
                </a>{' '}
                <span className="muted">
                  （給 {item.destinationAuthorityCode} {item.destinationSchoolCode}{' '}
                  {item.destinationDivision === 'NIGHT' ? '進修部' : '日間部'}，{item.recordCount} 筆紀錄、
                  {item.fileCount} 個檔案，{rocDateTime(item.createdAt)}）
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <form onSubmit={(event) => void onImport(event)} className="stack">
        <h3>匯入交換檔</h3>
        <label>
          交換檔（.zip）
          <input
            type="file"
            accept=".zip,application/zip"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </label>
        {progress !== null && file && <UploadProgress fraction={progress} fileName={file.name} label="上傳交換檔" />}
        {importErrors.length > 0 && (
          <ul role="alert" className="errors">
            {importErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
        <button type="submit" disabled={!file || importing.loading || progress !== null}>
          匯入到這位學生
        </button>
        {imported && <p role="status">{imported}</p>}
      </form>
    </section>
  );
}
