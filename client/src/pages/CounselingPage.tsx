import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { classLabel, studentLabel, useClassRosters, type ClassRosters } from '../components/ClassRosters';
import { ErrorList } from '../components/ErrorList';
import { StudentNumberLookup } from '../components/StudentNumberLookup';
import { RocDateField } from '../components/RocDateField';
import { graphql } from '../gql';
import type { CounselingKind, CounselingPageQuery } from '../gql/graphql';
import { FormDialog } from '../components/FormDialog';
import { rocCalendarDate, toTaipeiInput } from '../lib/roc';
import { TableScroll } from '../components/TableScroll';

const CounselingQuery = graphql(`
  query CounselingPage($after: String) {
    me {
      id
      serverTime
    }
    counselingRecords(first: 100, after: $after) {
      nodes {
        id
        kind
        heldOn
        topic
        content
        createdAt
        viewerCanEdit
        students {
          id
          name
          studentNumber
          schoolClass {
            id
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const RecordCounselingMutation = graphql(`
  mutation RecordCounseling($input: RecordCounselingInput!) {
    recordCounseling(input: $input) {
      record {
        id
        kind
        heldOn
        topic
        students {
          id
          name
          studentNumber
        }
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

const UpdateCounselingMutation = graphql(`
  mutation UpdateCounseling($input: UpdateCounselingInput!) {
    updateCounselingRecord(input: $input) {
      record {
        id
        kind
        heldOn
        topic
        content
        students {
          id
          name
          studentNumber
        }
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

const KIND_LABELS: Record<CounselingKind, string> = { INDIVIDUAL: '個別諮詢', GROUP: '團體諮詢' };

type CounselingNode = CounselingPageQuery['counselingRecords']['nodes'][number];

/** The counselor corrects a session they recorded: its kind, students (removed, or added by 學號), date and texts. */
function EditCounselingDialog({
  record,
  today,
  rosters,
  onClose,
  onDone,
}: {
  record: CounselingNode;
  today: string;
  rosters: ClassRosters;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const [kind, setKind] = useState<CounselingKind>(record.kind);
  const [picked, setPicked] = useState<Picked[]>(byNumber(record.students));
  const [lookup, setLookup] = useState('');
  const [heldOn, setHeldOn] = useState(record.heldOn);
  const [topic, setTopic] = useState(record.topic);
  const [content, setContent] = useState(record.content);
  const [errors, setErrors] = useState<string[]>([]);
  const [update, { loading }] = useMutation(UpdateCounselingMutation, {
    refetchQueries: ['CounselingPage'],
    awaitRefetchQueries: true,
  });

  function addByNumber() {
    const found = rosters.findByNumber(lookup);
    if (!found) {
      setErrors([lookup.trim() ? `找不到學號「${lookup.trim()}」的學生。` : '請輸入學號。']);
      return;
    }
    setErrors([]);
    setPicked((current) => (current.some((p) => p.id === found.student.id) ? current : [...current, found.student]));
    setLookup('');
  }

  async function submit() {
    setErrors([]);
    try {
      const result = await update({
        variables: {
          input: { recordId: record.id, kind, studentIds: picked.map((p) => p.id), heldOn, topic, content },
        },
      });
      const payload = result.data?.updateCounselingRecord;
      if (!payload?.record) {
        setErrors([...new Set(payload?.userErrors.map((e) => e.message) ?? ['儲存失敗，請再試一次。'])]);
        return;
      }
      onDone(`已修改 ${rocCalendarDate(payload.record.heldOn)}「${payload.record.topic}」。`);
    } catch (caught) {
      setErrors([(caught as Error).message]);
    }
  }

  return (
    <FormDialog
      title={`修改諮詢紀錄「${record.topic}」`}
      busy={loading}
      errors={errors}
      submitLabel="儲存"
      onSubmit={submit}
      onClose={onClose}
    >
      <fieldset>
        <legend>諮詢方式</legend>
        {(['INDIVIDUAL', 'GROUP'] as const).map((value) => (
          <label key={value} className="inline-choice">
            <input
              type="radio"
              name="edit-kind"
              value={value}
              checked={kind === value}
              onChange={() => setKind(value)}
            />
            {KIND_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>參與學生</legend>
        <ul className="picked">
          {picked.map((student) => (
            <li key={student.id}>
              {student.name}（{student.studentNumber}）
              <button
                type="button"
                className="link"
                aria-label={`移除 ${student.name}`}
                onClick={() => setPicked((current) => current.filter((p) => p.id !== student.id))}
              >
                移除
              </button>
            </li>
          ))}
        </ul>
        <div className="picker">
          <StudentNumberLookup
            label="以學號加入"
            buttonLabel="加入"
            value={lookup}
            onChange={setLookup}
            onSubmit={addByNumber}
          />
        </div>
      </fieldset>
      <RocDateField label="諮詢日期" value={heldOn} max={today} onChange={setHeldOn} />
      <label>
        主題
        <input value={topic} maxLength={100} onChange={(event) => setTopic(event.target.value)} />
      </label>
      <label>
        內容
        <textarea value={content} rows={4} maxLength={2000} onChange={(event) => setContent(event.target.value)} />
      </label>
    </FormDialog>
  );
}

/** The API gives a record's students in no particular order; they are shown by 學號. */
const byNumber = <T extends { studentNumber: string }>(students: readonly T[]): T[] =>
  [...students].sort((a, b) => a.studentNumber.localeCompare(b.studentNumber, 'en', { numeric: true }));

interface Picked {
  id: string;
  name: string;
  studentNumber: string;
}

function CounselingForm({ today, rosters }: { today: string; rosters: ClassRosters }) {
  const classes = rosters.classes ?? [];
  const newestYear = classes[0]?.academicYear.year;
  const [kind, setKind] = useState<CounselingKind>('INDIVIDUAL');
  const [classId, setClassId] = useState('');
  const [picked, setPicked] = useState<Picked[]>([]);
  const [lookup, setLookup] = useState('');
  const [heldOn, setHeldOn] = useState(today);
  const [topic, setTopic] = useState('');
  const [content, setContent] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [record, { loading }] = useMutation(RecordCounselingMutation, {
    refetchQueries: ['CounselingPage'],
    awaitRefetchQueries: true,
  });
  const schoolClass = classes.find((c) => c.id === classId) ?? null;
  const isPicked = (id: string) => picked.some((p) => p.id === id);
  const toggle = (student: Picked, on: boolean) =>
    setPicked((current) =>
      on
        ? current.some((p) => p.id === student.id)
          ? current
          : [...current, student]
        : current.filter((p) => p.id !== student.id),
    );

  function addByNumber() {
    setNotice(null);
    const found = rosters.findByNumber(lookup);
    if (!found) {
      setErrors([lookup.trim() ? `找不到學號「${lookup.trim()}」的學生。` : '請輸入學號。']);
      return;
    }
    setErrors([]);
    toggle(found.student, true);
    setLookup('');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    try {
      const result = await record({
        variables: { input: { kind, studentIds: picked.map((p) => p.id), heldOn, topic, content } },
      });
      const payload = result.data?.recordCounseling;
      const problems = payload?.userErrors ?? [];
      setErrors([...new Set(problems.map((problem) => problem.message))]);
      if (payload?.record && problems.length === 0) {
        const saved = payload.record;
        setNotice(
          `已登錄 ${rocCalendarDate(saved.heldOn)} ${KIND_LABELS[saved.kind]}「${saved.topic}」：` +
            `${byNumber(saved.students)
              .map((s) => `${s.name}（${s.studentNumber}）`)
              .join('、')}。`,
        );
        setPicked([]);
        setTopic('');
        setContent('');
      }
    } catch (caught) {
      setErrors([`無法儲存：${caught instanceof Error ? caught.message : String(caught)}`]);
    }
  }

  return (
    <form className="card-form" aria-label="登錄課程諮詢紀錄" onSubmit={(event) => void submit(event)}>
      <h2>登錄一次諮詢</h2>
      <fieldset>
        <legend>諮詢方式</legend>
        {(['INDIVIDUAL', 'GROUP'] as const).map((value) => (
          <label key={value} className="inline-choice">
            <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} />
            {KIND_LABELS[value]}
          </label>
        ))}
        <p className="muted">個別諮詢選一位學生，團體諮詢選兩位以上。</p>
      </fieldset>
      <fieldset>
        <legend>參與學生</legend>
        {classes.length === 0 ? (
          <p className="muted" data-testid="no-rosters">
            您的帳號看不到任何班級的學生名單（班級學生目前只開放給該班導師與行政人員查看），因此無法在這裡選擇學生。
          </p>
        ) : (
          <>
            <div className="picker">
              <label>
                班級
                <select value={classId} onChange={(event) => setClassId(event.target.value)}>
                  <option value="">（請選擇）</option>
                  {classes.map((c) => (
                    <option key={c.id} value={c.id}>
                      {classLabel(c, newestYear)}
                    </option>
                  ))}
                </select>
              </label>
              <span className="muted">或</span>
              <StudentNumberLookup
                label="以學號加入"
                buttonLabel="加入"
                value={lookup}
                onChange={setLookup}
                onSubmit={addByNumber}
              />
            </div>
            {schoolClass && (
              <div className="checklist" role="group" aria-label={`${schoolClass.name} 班學生`}>
                {schoolClass.students.map((student) => (
                  <label key={student.id} className="inline-choice">
                    <input
                      type="checkbox"
                      checked={isPicked(student.id)}
                      onChange={(event) => toggle(student, event.target.checked)}
                    />
                    {studentLabel(student)}
                  </label>
                ))}
              </div>
            )}
          </>
        )}
        <div data-testid="picked-students">
          {picked.length === 0 ? (
            <p className="muted">尚未選擇學生。</p>
          ) : (
            <ul className="picked">
              {picked.map((student) => (
                <li key={student.id}>
                  {student.name}（{student.studentNumber}）
                  <button
                    type="button"
                    className="link"
                    aria-label={`移除 ${student.name}`}
                    onClick={() => toggle(student, false)}
                  >
                    移除
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </fieldset>
      <RocDateField label="諮詢日期" value={heldOn} max={today} onChange={setHeldOn} />
      <label>
        主題
        <input value={topic} onChange={(event) => setTopic(event.target.value)} placeholder="例如：選修規劃" />
      </label>
      <label>
        內容
        <textarea value={content} rows={4} onChange={(event) => setContent(event.target.value)} />
      </label>
      <ErrorList messages={errors} />
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <div>
        <button type="submit" disabled={loading}>
          {loading ? '儲存中…' : '登錄諮詢紀錄'}
        </button>
      </div>
    </form>
  );
}

/** Course counselors record group and individual sessions (課程諮詢紀錄) and see their own, newest first. */
export function CounselingPage() {
  const { data, error, fetchMore } = useQuery(CounselingQuery, { fetchPolicy: 'cache-and-network' });
  const rosters = useClassRosters();
  const [editing, setEditing] = useState<CounselingNode | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const hasNextPage = data?.counselingRecords.pageInfo.hasNextPage ?? false;
  const endCursor = data?.counselingRecords.pageInfo.endCursor ?? null;
  // The list comes a page at a time, oldest first; every page is loaded so that the newest can be shown first.
  useEffect(() => {
    if (!hasNextPage || !endCursor) return;
    void fetchMore({
      variables: { after: endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        ...fetchMoreResult,
        counselingRecords: {
          ...fetchMoreResult.counselingRecords,
          nodes: [...previous.counselingRecords.nodes, ...fetchMoreResult.counselingRecords.nodes],
        },
      }),
    });
  }, [hasNextPage, endCursor, fetchMore]);

  if (error) return <p role="alert">無法載入課程諮詢紀錄：{error.message}</p>;
  if (rosters.error) return <p role="alert">無法載入班級：{rosters.error}</p>;
  if (!data?.me || !rosters.classes) return <p>載入中…</p>;
  const records = hasNextPage
    ? null
    : [...data.counselingRecords.nodes].sort(
        (a, b) => b.heldOn.localeCompare(a.heldOn) || b.createdAt.localeCompare(a.createdAt),
      );
  return (
    <section>
      <h1>課程諮詢紀錄</h1>
      <CounselingForm today={toTaipeiInput(data.me.serverTime).slice(0, 10)} rosters={rosters} />
      <section aria-label="我的諮詢紀錄">
        <h2>我的諮詢紀錄</h2>
        {notice && (
          <p role="status" className="notice">
            {notice}
          </p>
        )}
        {editing && (
          <EditCounselingDialog
            record={editing}
            today={toTaipeiInput(data.me.serverTime).slice(0, 10)}
            rosters={rosters}
            onClose={() => setEditing(null)}
            onDone={(message) => {
              setEditing(null);
              setNotice(message);
            }}
          />
        )}
        {records === null ? (
          <p>載入中…</p>
        ) : records.length === 0 ? (
          <p>尚無課程諮詢紀錄。</p>
        ) : (
          <TableScroll label="課程諮詢紀錄">
            <table>
              <thead>
                <tr>
                  <th>日期</th>
                  <th>方式</th>
                  <th>學生</th>
                  <th>主題</th>
                  <th>內容</th>
                  <th>修改</th>
                </tr>
              </thead>
              <tbody>
                {records.map((item) => (
                  <tr key={item.id}>
                    <td>{rocCalendarDate(item.heldOn)}</td>
                    <td>{KIND_LABELS[item.kind]}</td>
                    <td>
                      {byNumber(item.students)
                        .map(
                          (s) => `${s.name}（${s.studentNumber}${s.schoolClass ? `，${s.schoolClass.name} 班` : ''}）`,
                        )
                        .join('、')}
                    </td>
                    <td>{item.topic}</td>
                    <td className="prose">{item.content}</td>
                    <td>
                      {item.viewerCanEdit && (
                        <button
                          type="button"
                          aria-label={`修改 ${rocCalendarDate(item.heldOn)}「${item.topic}」`}
                          onClick={() => {
                            setNotice(null);
                            setEditing(item);
                          }}
                        >
                          修改
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </section>
  );
}
