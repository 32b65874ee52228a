import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../gql';
import { ErrorList } from './ErrorList';
import { failureMessages } from './FileUpload';

const ReadmitClassesQuery = graphql(`
  query ReadmitClasses {
    classes(first: 100) {
      nodes {
        id
        name
        gradeYear
      }
    }
  }
`);

const ReadmitMutation = graphql(`
  mutation ReadmitStudent($input: ReadmitStudentInput!) {
    readmitStudent(input: $input) {
      student {
        id
        status
        statusLabel
        cohortLabel
        seatNumber
        schoolClass {
          id
          name
        }
      }
      userErrors {
        code
        message
      }
    }
  }
`);

/**
 * 復學 of a 休學 student (註冊組): a class of this year and a seat; the cohort follows the grade they come back to,
 * which the server works out (never earlier than their own).
 */
export function ReadmitForm({ studentId, onDone }: { studentId: string; onDone: (notice: string) => void }) {
  const classes = useQuery(ReadmitClassesQuery);
  const [readmit, { loading }] = useMutation(ReadmitMutation);
  const [classId, setClassId] = useState('');
  const [seat, setSeat] = useState('');
  const [messages, setMessages] = useState<string[]>([]);
  return (
    <form
      className="card-form"
      aria-label="辦理復學"
      onSubmit={(event) => {
        event.preventDefault();
        setMessages([]);
        if (!classId) {
          setMessages(['請選擇復學後的班級。']);
          return;
        }
        if (seat !== '' && !/^\d{1,2}$/.test(seat)) {
          setMessages(['座號必須是 1 到 99 的整數。']);
          return;
        }
        void readmit({
          variables: { input: { id: studentId, classId, seatNumber: seat === '' ? null : Number(seat) } },
        })
          .then((result) => {
            const payload = result.data?.readmitStudent;
            if (!payload?.student) {
              setMessages(payload?.userErrors.map((error) => error.message) ?? ['復學失敗。']);
              return;
            }
            // The page re-reads the student, who is no longer 休學, and says so in place of this form.
            onDone(`已復學，編入 ${payload.student.schoolClass?.name ?? ''} 班，${payload.student.cohortLabel}。`);
          })
          .catch((caught: unknown) => setMessages(failureMessages(caught)));
      }}
    >
      <h2>辦理復學</h2>
      <p className="hint">
        編入本學年度的班級；入學年度隨編入的年級調整（例如休學一年後回到高二，改為下一屆），統計也以新的入學年度計算。
      </p>
      <label>
        班級
        <select value={classId} onChange={(event) => setClassId(event.target.value)} required>
          <option value="">請選擇</option>
          {classes.data?.classes.nodes.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}（高{['一', '二', '三'][entry.gradeYear - 10] ?? ''}）
            </option>
          ))}
        </select>
      </label>
      <label>
        座號（選填）
        <input inputMode="numeric" value={seat} onChange={(event) => setSeat(event.target.value)} size={3} />
      </label>
      <button type="submit" disabled={loading}>
        確認復學
      </button>
      <ErrorList messages={messages} />
    </form>
  );
}
