import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import { fromTaipeiInput, rocDateTime } from '../lib/roc';
import { ErrorList } from './ErrorList';
import { RocDateField } from './RocDateField';

const StudentByNumberQuery = graphql(`
  query ExtensionStudent($studentNumber: String!) {
    students(first: 1, studentNumber: $studentNumber) {
      edges {
        node {
          id
          studentNumber
          name
        }
      }
    }
  }
`);

const GrantMutation = graphql(`
  mutation GrantDeadlineExtension($input: GrantDeadlineExtensionInput!) {
    grantDeadlineExtension(input: $input) {
      extension {
        id
        endsAt
        reason
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

/** 為個別學生延長期限: one student, one window, a later end and the reason (休學復學, illness), audited by the server. */
export function ExtensionForm({ tasks }: { tasks: { id: string; label: string }[] }) {
  const client = useApolloClient();
  const [grant, { loading }] = useMutation(GrantMutation);
  const [taskId, setTaskId] = useState(tasks[0]?.id ?? '');
  const [studentNumber, setStudentNumber] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors([]);
    setNotice(null);
    const found = await client.query({
      query: StudentByNumberQuery,
      variables: { studentNumber: studentNumber.trim() },
      fetchPolicy: 'network-only',
    });
    const student = found.data?.students.edges[0]?.node;
    if (!student) {
      setErrors([`找不到學號 ${studentNumber.trim()} 的學生。`]);
      return;
    }
    const result = await grant({
      variables: { input: { taskId, studentId: student.id, endsAt: fromTaipeiInput(endsAt), reason } },
    });
    const payload = result.data?.grantDeadlineExtension;
    if (payload?.extension) {
      const label = tasks.find((task) => task.id === taskId)?.label ?? '';
      setNotice(
        `已為 ${student.studentNumber} ${student.name} 延長「${label}」至 ${rocDateTime(payload.extension.endsAt)}。`,
      );
      setReason('');
    }
    setErrors(payload?.userErrors.map((e) => e.message) ?? []);
  }

  return (
    <form className="card-form" aria-label="為個別學生延長期限" onSubmit={(event) => void submit(event)}>
      <h2>為個別學生延長期限</h2>
      <p className="muted">休學復學、異動或病假的學生，可以只為他一個人延後一項期程的截止時間。</p>
      <label>
        期程
        <select value={taskId} onChange={(event) => setTaskId(event.target.value)} required>
          {tasks.map((task) => (
            <option key={task.id} value={task.id}>
              {task.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        學號
        <input
          value={studentNumber}
          onChange={(event) => setStudentNumber(event.target.value)}
          required
          maxLength={30}
        />
      </label>
      <RocDateField label="延長後的截止時間" withTime required value={endsAt} onChange={setEndsAt} />
      <label>
        原因
        <input value={reason} onChange={(event) => setReason(event.target.value)} required maxLength={200} />
      </label>
      <button type="submit" disabled={loading}>
        延長
      </button>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <ErrorList messages={errors} />
    </form>
  );
}
