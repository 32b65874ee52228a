import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { ErrorList } from '../components/ErrorList';
import { TableScroll } from '../components/TableScroll';
import { graphql } from '../gql';

const SlipClassesQuery = graphql(`
  query FirstPasswordSlipsPage {
    firstPasswordSlipClasses {
      schoolClass {
        id
        name
      }
      withLogin
      pending
    }
  }
`);

const IssueSlipsMutation = graphql(`
  mutation IssueFirstPasswordSlips($input: IssueFirstPasswordSlipsInput!) {
    issueFirstPasswordSlips(input: $input) {
      issued
      pdf {
        fileName
        contentType
        base64
      }
      xlsx {
        fileName
        contentType
        base64
      }
      userErrors {
        message
      }
    }
  }
`);

interface Download {
  fileName: string;
  url: string;
}

interface Issued {
  className: string;
  issued: number;
  files: Download[];
}

function objectUrl(file: { contentType: string; base64: string }): string {
  const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
}

/**
 * 初始密碼單: per class, the students whose first password is still to be handed out. Printing sets their one-time
 * passwords and hands the slips over once, as PDF and XLSX kept only in this page's memory: the server keeps hashes.
 */
export function FirstPasswordSlipsPage() {
  const { data, error, refetch } = useQuery(SlipClassesQuery, { fetchPolicy: 'network-only' });
  const [issue, { loading }] = useMutation(IssueSlipsMutation);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [messages, setMessages] = useState<string[]>([]);

  // The passwords live in these object URLs: released when another class is printed or the page is left.
  useEffect(() => () => issued?.files.forEach((file) => URL.revokeObjectURL(file.url)), [issued]);

  async function print(classId: string, className: string) {
    const confirmed = window.confirm(
      `要產生 ${className} 班的初始密碼單嗎？密碼只會出現這一次，離開這個頁面後就不能再下載；遺失時只能逐一重設密碼。`,
    );
    if (!confirmed) return;
    setMessages([]);
    try {
      const result = await issue({ variables: { input: { classId } } });
      const payload = result.data?.issueFirstPasswordSlips;
      if (!payload || payload.userErrors.length > 0 || !payload.pdf || !payload.xlsx) {
        setMessages(payload?.userErrors.map((e) => e.message) ?? ['無法產生初始密碼單，請稍後再試。']);
      } else {
        setIssued({
          className,
          issued: payload.issued,
          files: [payload.pdf, payload.xlsx].map((file) => ({ fileName: file.fileName, url: objectUrl(file) })),
        });
      }
    } catch (caught) {
      setMessages([`無法產生初始密碼單：${caught instanceof Error ? caught.message : String(caught)}`]);
    }
    await refetch();
  }

  if (error) return <p role="alert">無法載入班級：{error.message}</p>;
  return (
    <section>
      <h1>初始密碼單</h1>
      <p>
        匯入學生名冊時，每位學生都會依本校的帳號規則得到登入帳號，但還沒有密碼。在這裡為一個班級產生初始密碼單：每位學生拿到一張寫著帳號與一次性密碼的紙條，首次登入後必須設定自己的新密碼。
      </p>
      <p className="notice">
        每位學生的初始密碼只會產生一次，平臺只保存無法還原的雜湊值。遺失密碼單的學生，請到「帳號與權限」為他重設密碼。
      </p>
      <ErrorList messages={messages} />
      {issued && (
        <div className="card-form" role="status" aria-live="polite" data-testid="slips-ready">
          <h2>
            {issued.className} 班的初始密碼單已產生（{issued.issued} 人）
          </h2>
          <p>請立即下載並列印；離開這個頁面後就不能再下載。</p>
          <ul>
            {issued.files.map((file) => (
              <li key={file.fileName}>
                <a href={file.url} download={file.fileName}>
                  下載 {file.fileName}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!data ? (
        <p>載入中…</p>
      ) : data.firstPasswordSlipClasses.length === 0 ? (
        <p>目前沒有學生帳號。請先由註冊組匯入學生名冊。</p>
      ) : (
        <TableScroll label="各班初始密碼單">
          <table>
            <thead>
              <tr>
                <th>班級</th>
                <th>學生帳號</th>
                <th>待發放</th>
                <th>
                  <span className="visually-hidden">動作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.firstPasswordSlipClasses.map((row) => (
                <tr key={row.schoolClass.id}>
                  <td>{row.schoolClass.name}</td>
                  <td>{row.withLogin}</td>
                  <td>{row.pending}</td>
                  <td>
                    {row.pending > 0 ? (
                      <button
                        type="button"
                        disabled={loading}
                        onClick={() => void print(row.schoolClass.id, row.schoolClass.name)}
                      >
                        產生 {row.schoolClass.name} 班密碼單
                      </button>
                    ) : (
                      '已全部發放'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
