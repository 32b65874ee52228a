import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ErrorList } from '../components/ErrorList';
import { graphql } from '../gql';
import { TableScroll } from '../components/TableScroll';

const ProxiesQuery = graphql(`
  query ProxiesPage {
    schoolTeachers {
      id
      displayName
      username
    }
    certificationProxies {
      id
      teacher {
        id
        displayName
      }
      proxy {
        id
        displayName
      }
    }
  }
`);

const SetProxyMutation = graphql(`
  mutation ProxiesPageSet($input: CertificationProxyInput!, $active: Boolean!) {
    setCertificationProxy(input: $input, active: $active) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

/** 教學組 names who certifies in a teacher's place while they are away (代理人), and takes it back. */
export function ProxiesPage() {
  const { data, error, refetch } = useQuery(ProxiesQuery);
  const [setProxy, state] = useMutation(SetProxyMutation);
  const [teacherId, setTeacherId] = useState('');
  const [proxyId, setProxyId] = useState('');
  const [messages, setMessages] = useState<string[]>([]);

  if (error) return <ErrorList messages={[error.message]} />;
  if (!data) return <p>載入中…</p>;

  async function change(input: { teacherId: string; proxyId: string }, active: boolean) {
    setMessages([]);
    const result = await setProxy({ variables: { input, active } });
    const errors = result.data?.setCertificationProxy.userErrors ?? [];
    setMessages(errors.map((userError) => userError.message));
    if (errors.length === 0) await refetch();
  }

  return (
    <section className="proxies">
      <h1>認證代理人</h1>
      <p className="hint">代理人可以在認證頁看到並認證任課教師課程的學習成果；紀錄會註明是代理認證。</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void change({ teacherId, proxyId }, true);
        }}
      >
        <label>
          任課教師
          <select value={teacherId} onChange={(event) => setTeacherId(event.target.value)} required>
            <option value="">請選擇</option>
            {data.schoolTeachers.map((teacher) => (
              <option key={teacher.id} value={teacher.id}>
                {teacher.displayName}（{teacher.username}）
              </option>
            ))}
          </select>
        </label>
        <label>
          代理人
          <select value={proxyId} onChange={(event) => setProxyId(event.target.value)} required>
            <option value="">請選擇</option>
            {data.schoolTeachers.map((teacher) => (
              <option key={teacher.id} value={teacher.id}>
                {teacher.displayName}（{teacher.username}）
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={state.loading}>
          指定代理人
        </button>
      </form>
      <ErrorList messages={messages} />
      <TableScroll label="認證代理人">
        <table data-testid="proxies">
          <thead>
            <tr>
              <th>任課教師</th>
              <th>代理人</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.certificationProxies.map((entry) => (
              <tr key={entry.id}>
                <td>{entry.teacher.displayName}</td>
                <td>{entry.proxy.displayName}</td>
                <td>
                  <button
                    type="button"
                    disabled={state.loading}
                    onClick={() => void change({ teacherId: entry.teacher.id, proxyId: entry.proxy.id }, false)}
                  >
                    取消代理
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {data.certificationProxies.length === 0 && <p>目前沒有代理。</p>}
    </section>
  );
}
