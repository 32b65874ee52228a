import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { classLabel, studentLabel, useClassRosters, type ClassRosters } from '../components/ClassRosters';
import { ErrorList } from '../components/ErrorList';
import { StudentNumberLookup } from '../components/StudentNumberLookup';
import { RocDateField } from '../components/RocDateField';
import { graphql } from '../gql';
import type { CadresPageClassQuery, CadresPageQuery } from '../gql/graphql';
import { CadreDialog } from '../components/corrections/CadreDialog';
import { DeleteDialog } from '../components/corrections/DeleteDialog';
import { rocCalendarDate } from '../lib/roc';
import { TableScroll } from '../components/TableScroll';

const CadresQuery = graphql(`
  query CadresPage {
    me {
      id
      currentTerm {
        id
      }
    }
    terms(first: 100) {
      nodes {
        id
        label
        startsOn
        endsOn
      }
    }
  }
`);

const ClassCadresQuery = graphql(`
  query CadresPageClass($id: ID!) {
    node(id: $id) {
      id
      __typename
      ... on SchoolClass {
        name
        students {
          id
          seatNumber
          studentNumber
          name
          cadreRecords {
            id
            term {
              id
              label
            }
            unit
            position
            level
            startsOn
            endsOn
            viewerCanCorrect
          }
        }
      }
    }
  }
`);

const DeleteCadreMutation = graphql(`
  mutation CadresPageDelete($input: DeleteCadreRecordInput!) {
    deleteCadreRecord(input: $input) {
      deletedId
      userErrors {
        code
        message
      }
    }
  }
`);

const RecordCadreMutation = graphql(`
  mutation RecordCadre($input: RecordCadreInput!) {
    recordCadre(input: $input) {
      record {
        id
        unit
        position
        level
        startsOn
        endsOn
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

type Term = CadresPageQuery['terms']['nodes'][number];

type ClassNode = Extract<NonNullable<CadresPageClassQuery['node']>, { __typename: 'SchoolClass' }>;
type Student = ClassNode['students'][number];
type CadreRow = Student['cadreRecords'][number];
type Editing = { kind: 'edit' | 'delete'; student: Student; record: CadreRow };

/**
 * Every cadre position of the class's students, after each save; the sections that submit 基本資料 correct or delete
 * one in a dialog until the term's final submission (the server refuses after it, saying so).
 */
function ClassCadres({ classId }: { classId: string }) {
  const { data, error, refetch } = useQuery(ClassCadresQuery, {
    variables: { id: classId },
    fetchPolicy: 'cache-and-network',
  });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [remove] = useMutation(DeleteCadreMutation);
  if (error) return <p role="alert">無法載入本班的校內幹部：{error.message}</p>;
  const schoolClass = data?.node?.__typename === 'SchoolClass' ? data.node : null;
  if (!schoolClass) return <p>載入中…</p>;
  const rows = schoolClass.students.flatMap((student) => student.cadreRecords.map((record) => ({ student, record })));
  const anyCorrectable = rows.some(({ record }) => record.viewerCanCorrect);
  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
    void refetch();
  };
  const who = (student: Student) => `${student.name}（${student.studentNumber}）`;
  return (
    <section aria-label={`${schoolClass.name} 班校內幹部`} data-testid="class-cadres">
      <h2>{schoolClass.name} 班的校內幹部</h2>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {rows.length === 0 ? (
        <p>本班尚未登錄校內幹部。</p>
      ) : (
        <TableScroll label="校內幹部紀錄">
          <table>
            <thead>
              <tr>
                <th>學期</th>
                <th>座號</th>
                <th>學號</th>
                <th>姓名</th>
                <th>單位</th>
                <th>職稱</th>
                <th>等級</th>
                <th>期間</th>
                {anyCorrectable && <th>更正</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ student, record }) => (
                <tr key={record.id}>
                  <td>{record.term?.label}</td>
                  <td>{student.seatNumber ?? ''}</td>
                  <td>{student.studentNumber}</td>
                  <td>{student.name}</td>
                  <td>{record.unit}</td>
                  <td>{record.position}</td>
                  <td>{record.level}</td>
                  <td>
                    {rocCalendarDate(record.startsOn)}–{rocCalendarDate(record.endsOn)}
                  </td>
                  {anyCorrectable && (
                    <td>
                      {record.viewerCanCorrect && (
                        <div className="actions">
                          <button
                            type="button"
                            aria-label={`修改 ${student.name} 的「${record.unit} ${record.position}」`}
                            onClick={() => setEditing({ kind: 'edit', student, record })}
                          >
                            修改
                          </button>
                          <button
                            type="button"
                            className="secondary"
                            aria-label={`刪除 ${student.name} 的「${record.unit} ${record.position}」`}
                            onClick={() => setEditing({ kind: 'delete', student, record })}
                          >
                            刪除
                          </button>
                        </div>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {editing?.kind === 'edit' && (
        <CadreDialog
          record={editing.record}
          who={who(editing.student)}
          onClose={() => setEditing(null)}
          onDone={done}
        />
      )}
      {editing?.kind === 'delete' && (
        <DeleteDialog
          title={`刪除幹部紀錄：${who(editing.student)}`}
          onClose={() => setEditing(null)}
          onConfirm={async () => {
            const result = await remove({ variables: { input: { cadreRecordId: editing.record.id } } });
            const payload = result.data?.deleteCadreRecord;
            if (payload?.deletedId) {
              done(`已刪除 ${who(editing.student)} 的「${editing.record.unit} ${editing.record.position}」。`);
              return [];
            }
            const problems = payload?.userErrors.map((e) => e.message) ?? [];
            return problems.length > 0 ? problems : ['刪除失敗，請再試一次。'];
          }}
        >
          <p>
            刪除「{editing.record.unit} {editing.record.position}」（{editing.record.term?.label}
            ）？已提交過的資料，刪除後請在提交主控台重新提交。
          </p>
        </DeleteDialog>
      )}
    </section>
  );
}

function CadreForm({ terms, currentTermId, rosters }: { terms: Term[]; currentTermId: string; rosters: ClassRosters }) {
  const classes = rosters.classes ?? [];
  const newestYear = classes[0]?.academicYear.year;
  const defaultTerm = terms.find((term) => term.id === currentTermId) ?? terms.at(-1);
  const [termId, setTermId] = useState(defaultTerm?.id ?? '');
  const [classId, setClassId] = useState('');
  const [studentId, setStudentId] = useState('');
  const [lookup, setLookup] = useState('');
  const [unit, setUnit] = useState('');
  const [position, setPosition] = useState('');
  const [level, setLevel] = useState('1');
  const [startsOn, setStartsOn] = useState(defaultTerm?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(defaultTerm?.endsOn ?? '');
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [record, { loading }] = useMutation(RecordCadreMutation, {
    refetchQueries: ['CadresPageClass'],
    awaitRefetchQueries: true,
  });
  const schoolClass = classes.find((c) => c.id === classId) ?? null;
  const student = schoolClass?.students.find((s) => s.id === studentId) ?? null;

  function chooseTerm(id: string) {
    setTermId(id);
    const term = terms.find((t) => t.id === id);
    if (term) {
      setStartsOn(term.startsOn);
      setEndsOn(term.endsOn);
    }
  }

  function findByNumber() {
    setNotice(null);
    const found = rosters.findByNumber(lookup);
    if (!found) {
      setErrors([lookup.trim() ? `找不到學號「${lookup.trim()}」的學生。` : '請輸入學號。']);
      return;
    }
    setErrors([]);
    setClassId(found.schoolClass.id);
    setStudentId(found.student.id);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    if (!student) {
      setErrors(['請先選擇學生：選班級再選學生，或輸入學號查詢。']);
      return;
    }
    try {
      const result = await record({
        variables: {
          input: { studentId: student.id, termId, unit, position, level: Number(level), startsOn, endsOn },
        },
      });
      const payload = result.data?.recordCadre;
      const problems = payload?.userErrors ?? [];
      setErrors([...new Set(problems.map((problem) => problem.message))]);
      if (payload?.record && problems.length === 0) {
        const saved = payload.record;
        setNotice(
          `已登錄：${student.name}（${student.studentNumber}）${saved.unit}${saved.position}，第 ${saved.level} 級，` +
            `${rocCalendarDate(saved.startsOn)}–${rocCalendarDate(saved.endsOn)}。`,
        );
        setPosition('');
      }
    } catch (caught) {
      setErrors([`無法儲存：${caught instanceof Error ? caught.message : String(caught)}`]);
    }
  }

  return (
    <>
      <form className="card-form" aria-label="登錄校內幹部" onSubmit={(event) => void submit(event)}>
        <label>
          學期
          <select value={termId} onChange={(event) => chooseTerm(event.target.value)}>
            {[...terms].reverse().map((term) => (
              <option key={term.id} value={term.id}>
                {term.label}
                {term.id === currentTermId ? '（目前學期）' : ''}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>選擇學生</legend>
          {classes.length === 0 ? (
            <p className="muted">您看不到任何班級的學生名單，無法選擇學生。</p>
          ) : (
            <div className="picker">
              <label>
                班級
                <select
                  value={classId}
                  onChange={(event) => {
                    setClassId(event.target.value);
                    setStudentId('');
                  }}
                >
                  <option value="">（請選擇）</option>
                  {classes.map((c) => (
                    <option key={c.id} value={c.id}>
                      {classLabel(c, newestYear)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                學生
                <select
                  value={studentId}
                  onChange={(event) => setStudentId(event.target.value)}
                  disabled={!schoolClass}
                >
                  <option value="">（請選擇）</option>
                  {schoolClass?.students.map((s) => (
                    <option key={s.id} value={s.id}>
                      {studentLabel(s)}
                    </option>
                  ))}
                </select>
              </label>
              <span className="muted">或</span>
              <StudentNumberLookup
                label="以學號查詢"
                buttonLabel="查詢"
                value={lookup}
                onChange={setLookup}
                onSubmit={findByNumber}
              />
            </div>
          )}
          <p data-testid="chosen-student">
            {student && schoolClass
              ? `已選：${student.name}（學號 ${student.studentNumber}，${classLabel(schoolClass, newestYear)}）`
              : '尚未選擇學生'}
          </p>
        </fieldset>
        <label>
          單位
          <input value={unit} onChange={(event) => setUnit(event.target.value)} placeholder="例如：班級、學生會" />
        </label>
        <label>
          職稱
          <input value={position} onChange={(event) => setPosition(event.target.value)} placeholder="例如：班長" />
        </label>
        <label>
          幹部等級
          <select value={level} onChange={(event) => setLevel(event.target.value)}>
            <option value="1">1</option>
            <option value="2">2</option>
            <option value="3">3</option>
          </select>
        </label>
        <RocDateField label="開始日期" value={startsOn} onChange={setStartsOn} />
        <RocDateField label="結束日期" value={endsOn} onChange={setEndsOn} />
        <ErrorList messages={errors} />
        {notice && (
          <p role="status" className="notice">
            {notice}
          </p>
        )}
        <div>
          <button type="submit" disabled={loading}>
            {loading ? '儲存中…' : '登錄校內幹部'}
          </button>
        </div>
      </form>
      {classId && <ClassCadres classId={classId} />}
    </>
  );
}

/** 訓育組 records students' cadre positions (校內幹部) for a term. */
export function CadresPage() {
  const { data, error } = useQuery(CadresQuery);
  const rosters = useClassRosters();
  if (error) return <p role="alert">無法載入學期：{error.message}</p>;
  if (rosters.error) return <p role="alert">無法載入班級：{rosters.error}</p>;
  if (!data?.me || !rosters.classes) return <p>載入中…</p>;
  return (
    <section>
      <h1>校內幹部</h1>
      {data.terms.nodes.length === 0 ? (
        <p>本校尚未設定學期。</p>
      ) : (
        <CadreForm terms={data.terms.nodes} currentTermId={data.me.currentTerm?.id ?? ''} rosters={rosters} />
      )}
    </section>
  );
}
