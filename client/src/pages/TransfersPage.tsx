import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { ErrorList } from '../components/ErrorList';
import { FormDialog } from '../components/FormDialog';
import { LoadMore } from '../components/LoadMore';
import { RocDateField } from '../components/RocDateField';
import { graphql } from '../gql';
import type { TransfersPageInQuery, TransfersPageLookupQuery, TransfersPageOutQuery } from '../gql/graphql';
import { appendPage } from '../lib/pagination';
import { rocCalendarDate, rocDate } from '../lib/roc';
import './TransfersPage.css';

const ClassesQuery = graphql(`
  query TransfersPageClasses {
    classes(first: 100) {
      nodes {
        id
        name
        academicYear {
          id
          label
        }
      }
    }
  }
`);

const LookupQuery = graphql(`
  query TransfersPageLookup($nationalId: String!, $birthDate: String!) {
    transferLookup(nationalId: $nationalId, birthDate: $birthDate) {
      userErrors {
        field
        code
        message
      }
      originSchools {
        id
        code
        displayName
      }
      existingStudent {
        id
        studentNumber
        name
      }
    }
  }
`);

const TransfersInQuery = graphql(`
  query TransfersPageIn($after: String) {
    transfersIn(first: 20, after: $after) {
      nodes {
        id
        status
        statusLabel
        birthDate
        createsStudent
        nationalIdMasked
        requestedAt
        decidedAt
        completedAt
        cancelledAt
        recordsImported
        viewerCanCancel
        viewerCanReceive
        originSchool {
          id
          code
          displayName
        }
        student {
          id
          studentNumber
          name
        }
        newStudent {
          studentNumber
          name
          schoolClass {
            id
            name
          }
        }
        requestedBy {
          id
          displayName
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const TransfersOutQuery = graphql(`
  query TransfersPageOut($after: String) {
    transfersOut(first: 20, after: $after) {
      nodes {
        id
        status
        statusLabel
        requestedAt
        requestedByName
        decidedAt
        completedAt
        viewerCanAnswer
        destinationSchool {
          id
          code
          displayName
        }
        student {
          id
          studentNumber
          name
          status
          statusLabel
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const RequestMutation = graphql(`
  mutation TransfersPageRequest($input: RequestTransferInInput!) {
    requestTransferIn(input: $input) {
      transfer {
        id
        originSchool {
          id
          displayName
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

const CancelMutation = graphql(`
  mutation TransfersPageCancel($input: TransferInIdInput!) {
    cancelTransferIn(input: $input) {
      transfer {
        id
        status
        statusLabel
        viewerCanCancel
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const ReceiveMutation = graphql(`
  mutation TransfersPageReceive($input: TransferInIdInput!) {
    receiveTransferIn(input: $input) {
      transfer {
        id
        status
        statusLabel
        recordsImported
        viewerCanReceive
        student {
          id
          studentNumber
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

const ApproveMutation = graphql(`
  mutation TransfersPageApprove($input: ApproveTransferOutInput!) {
    approveTransferOut(input: $input) {
      transfer {
        id
        status
        statusLabel
        viewerCanAnswer
        student {
          id
          status
          statusLabel
        }
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const DeclineMutation = graphql(`
  mutation TransfersPageDecline($input: DeclineTransferOutInput!) {
    declineTransferOut(input: $input) {
      transfer {
        id
        status
        statusLabel
        viewerCanAnswer
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

type Lookup = TransfersPageLookupQuery['transferLookup'];
type TransferIn = TransfersPageInQuery['transfersIn']['nodes'][number];
type TransferOut = TransfersPageOutQuery['transfersOut']['nodes'][number];

const whoIn = (t: TransferIn): string => {
  const student = t.student ?? t.newStudent;
  return student ? `${student.name}（學號 ${student.studentNumber}）` : '—';
};
const schoolOf = (school: { displayName: string; code: string } | null | undefined): string =>
  school ? `${school.displayName}（${school.code}）` : '—';

/**
 * 轉入學生: 註冊組 type the incoming student's national ID and birth date, the server finds their school in the city
 * (and whether this school has them already); then either the student this school has, or a new one's 學號, 姓名 and
 * 班級 (created when the portfolio is received).
 */
function TransferInForm({ onRequested }: { onRequested: (message: string) => void }) {
  const client = useApolloClient();
  const { data: classData, error: classError } = useQuery(ClassesQuery);
  const [send, { loading }] = useMutation(RequestMutation);
  const [nationalId, setNationalId] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [looking, setLooking] = useState(false);
  const [originId, setOriginId] = useState('');
  const [studentNumber, setStudentNumber] = useState('');
  const [name, setName] = useState('');
  const [classId, setClassId] = useState('');
  const [seatNumber, setSeatNumber] = useState('');
  const [errors, setErrors] = useState<string[]>([]);

  // This academic year's classes (the server's default).
  const classes = classData?.classes.nodes ?? [];
  const found = lookup && lookup.userErrors.length === 0 && lookup.originSchools.length > 0 ? lookup : null;

  function resetLookup() {
    setLookup(null);
    setOriginId('');
    setErrors([]);
  }

  async function find() {
    setErrors([]);
    if (!nationalId.trim() || !birthDate) {
      setErrors(['請輸入身分證字號與出生日期（民國年/月/日）。']);
      return;
    }
    setLooking(true);
    try {
      const result = await client.query({
        query: LookupQuery,
        variables: { nationalId: nationalId.trim(), birthDate },
        fetchPolicy: 'network-only',
      });
      const answer = result.data?.transferLookup ?? null;
      setLookup(answer);
      setOriginId(answer?.originSchools[0]?.id ?? '');
      setErrors(answer?.userErrors.map((e) => e.message) ?? []);
    } catch (error) {
      setErrors([(error as Error).message]);
    } finally {
      setLooking(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!found) {
      await find();
      return;
    }
    setErrors([]);
    const existing = found.existingStudent;
    const result = await send({
      variables: {
        input: {
          nationalId: nationalId.trim(),
          birthDate,
          originSchoolId: originId || null,
          ...(existing
            ? { studentId: existing.id }
            : {
                newStudent: {
                  studentNumber: studentNumber.trim(),
                  name,
                  classId,
                  seatNumber: seatNumber.trim() === '' ? null : Number(seatNumber),
                },
              }),
        },
      },
    });
    const payload = result.data?.requestTransferIn;
    setErrors(payload?.userErrors.map((e) => e.message) ?? []);
    if (payload?.transfer) {
      const who = existing ? existing.name : name.trim();
      onRequested(`已送出 ${who} 的轉入申請，待${payload.transfer.originSchool?.displayName ?? '原校'}同意。`);
      setNationalId('');
      setBirthDate('');
      setStudentNumber('');
      setName('');
      setClassId('');
      setSeatNumber('');
      resetLookup();
    }
  }

  return (
    <form className="card-form" aria-label="轉入學生" onSubmit={(event) => void submit(event)}>
      <h2>轉入學生</h2>
      <p className="hint">
        輸入轉入學生的身分證字號與出生日期，系統會在本市其他學校（含本校另一部別）找到原就讀學校，由原校註冊組同意後，學生的學習歷程隨之轉入。
      </p>
      <label>
        身分證字號
        <input
          value={nationalId}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            setNationalId(event.target.value);
            resetLookup();
          }}
        />
      </label>
      <RocDateField
        label="出生日期"
        value={birthDate}
        onChange={(value) => {
          setBirthDate(value);
          resetLookup();
        }}
      />
      {!found && (
        <div className="actions">
          <button type="button" className="secondary" disabled={looking} onClick={() => void find()}>
            {looking ? '查詢中…' : '查詢原就讀學校'}
          </button>
        </div>
      )}
      {found && (
        <>
          {found.originSchools.length === 1 ? (
            <p data-testid="origin-school">原就讀學校：{schoolOf(found.originSchools[0])}</p>
          ) : (
            <fieldset>
              <legend>原就讀學校</legend>
              {found.originSchools.map((school) => (
                <label key={school.id} className="choice">
                  <input
                    type="radio"
                    name="origin"
                    checked={originId === school.id}
                    onChange={() => setOriginId(school.id)}
                  />
                  {schoolOf(school)}
                </label>
              ))}
            </fieldset>
          )}
          {found.existingStudent ? (
            <p className="notice" data-testid="existing-student">
              本校已有這位學生：{found.existingStudent.name}（學號 {found.existingStudent.studentNumber}
              ），將以這位學生辦理轉入。
            </p>
          ) : (
            <fieldset>
              <legend>本校尚無這位學生：接收時建立</legend>
              <label>
                學號
                <input
                  value={studentNumber}
                  required
                  autoComplete="off"
                  onChange={(event) => setStudentNumber(event.target.value)}
                />
              </label>
              <label>
                姓名
                <input value={name} required autoComplete="off" onChange={(event) => setName(event.target.value)} />
              </label>
              <label>
                班級
                <select value={classId} required onChange={(event) => setClassId(event.target.value)}>
                  <option value="">請選擇</option>
                  {classes.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.academicYear.label} {c.name} 班
                    </option>
                  ))}
                </select>
              </label>
              <label>
                座號（可空白）
                <input
                  value={seatNumber}
                  inputMode="numeric"
                  autoComplete="off"
                  onChange={(event) => setSeatNumber(event.target.value)}
                />
              </label>
            </fieldset>
          )}
          <div className="actions">
            <button type="submit" disabled={loading}>
              {loading ? '送出中…' : '送出轉入申請'}
            </button>
            <button type="button" className="secondary" disabled={loading} onClick={resetLookup}>
              重新查詢
            </button>
          </div>
        </>
      )}
      <ErrorList messages={classError ? [`無法載入班級：${classError.message}`, ...errors] : errors} />
    </form>
  );
}

type InAction = { kind: 'cancel' | 'receive'; transfer: TransferIn };

/** This school's requests to other schools, with what can be done with each now. */
function TransfersInList({ notice, onNotice }: { notice: string | null; onNotice: (message: string) => void }) {
  const { data, error, loading, fetchMore, refetch } = useQuery(TransfersInQuery, { fetchPolicy: 'cache-and-network' });
  const [action, setAction] = useState<InAction | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [cancel, cancelState] = useMutation(CancelMutation);
  const [receive, receiveState] = useMutation(ReceiveMutation);
  const busy = cancelState.loading || receiveState.loading;

  async function run() {
    if (!action) return;
    setErrors([]);
    const input = { transferId: action.transfer.id };
    if (action.kind === 'cancel') {
      const result = await cancel({ variables: { input } });
      const payload = result.data?.cancelTransferIn;
      if (payload?.transfer) {
        setAction(null);
        onNotice(`已取消 ${whoIn(action.transfer)} 的轉入申請。`);
        void refetch();
      }
      setErrors(payload?.userErrors.map((e) => e.message) ?? []);
    } else {
      const result = await receive({ variables: { input } });
      const payload = result.data?.receiveTransferIn;
      if (payload?.transfer) {
        setAction(null);
        onNotice(
          `已完成轉入：${whoIn({ ...action.transfer, student: payload.transfer.student })}，匯入 ${payload.transfer.recordsImported ?? 0} 筆學習歷程（唯讀，註明原校）。`,
        );
        void refetch();
      }
      setErrors(payload?.userErrors.map((e) => e.message) ?? []);
    }
  }

  const transfers = data?.transfersIn.nodes ?? [];
  return (
    <section aria-label="本校的轉入申請" className="transfers">
      <h2>本校的轉入申請</h2>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {error && <p role="alert">無法載入轉入申請：{error.message}</p>}
      {!data && !error && <p>載入中…</p>}
      {data && transfers.length === 0 && <p>尚無轉入申請。</p>}
      <ul className="transfer-list">
        {transfers.map((t) => (
          <li key={t.id} aria-label={`轉入申請：${whoIn(t)}`}>
            <dl>
              <dt>學生</dt>
              <dd>
                {whoIn(t)}
                {t.newStudent && !t.student && (
                  <span className="hint">（接收時建立，{t.newStudent.schoolClass?.name ?? '未指定'} 班）</span>
                )}
              </dd>
              <dt>身分證字號</dt>
              <dd>{t.nationalIdMasked}</dd>
              <dt>出生日期</dt>
              <dd>{rocCalendarDate(t.birthDate)}</dd>
              <dt>原就讀學校</dt>
              <dd>{schoolOf(t.originSchool)}</dd>
              <dt>申請</dt>
              <dd>
                {rocDate(t.requestedAt)}
                {t.requestedBy ? `，${t.requestedBy.displayName}` : ''}
              </dd>
              <dt>狀態</dt>
              <dd data-testid="transfer-status">
                <span className={`transfer-state ${t.status.toLowerCase()}`}>{t.statusLabel}</span>
                {t.decidedAt && t.status !== 'CANCELLED' && (
                  <span className="hint">（原校 {rocDate(t.decidedAt)}）</span>
                )}
                {t.completedAt && (
                  <span className="hint">
                    （{rocDate(t.completedAt)} 接收，{t.recordsImported ?? 0} 筆）
                  </span>
                )}
              </dd>
            </dl>
            {(t.viewerCanReceive || t.viewerCanCancel) && (
              <div className="actions">
                {t.viewerCanReceive && (
                  <button
                    type="button"
                    aria-label={`接收學習歷程：${whoIn(t)}`}
                    onClick={() => setAction({ kind: 'receive', transfer: t })}
                  >
                    接收學習歷程
                  </button>
                )}
                {t.viewerCanCancel && (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`取消申請：${whoIn(t)}`}
                    onClick={() => setAction({ kind: 'cancel', transfer: t })}
                  >
                    取消申請
                  </button>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      <LoadMore
        pageInfo={data?.transfersIn.pageInfo}
        loading={loading}
        onLoadMore={(after) => fetchMore({ variables: { after }, updateQuery: appendPage('transfersIn') })}
      />
      {action && (
        <FormDialog
          title={
            action.kind === 'cancel' ? `取消轉入申請：${whoIn(action.transfer)}` : `接收轉入：${whoIn(action.transfer)}`
          }
          busy={busy}
          errors={errors}
          submitLabel={action.kind === 'cancel' ? '取消申請' : '接收'}
          onSubmit={run}
          onClose={() => {
            setAction(null);
            setErrors([]);
          }}
        >
          {action.kind === 'cancel' ? (
            <p>取消後，{schoolOf(action.transfer.originSchool)}就不會再看到這筆待同意的申請。</p>
          ) : (
            <p>
              {action.transfer.createsStudent && !action.transfer.student
                ? `將在本校建立學生 ${whoIn(action.transfer)}，並`
                : '將'}
              匯入{schoolOf(action.transfer.originSchool)}送來的學習歷程。匯入的紀錄為唯讀，並註明原就讀學校。
            </p>
          )}
        </FormDialog>
      )}
    </section>
  );
}

type OutAction = { kind: 'approve' | 'decline'; transfer: TransferOut };

/** Other schools' requests for this school's students, answered here by 註冊組. */
function TransfersOutList() {
  const { data, error, loading, fetchMore, refetch } = useQuery(TransfersOutQuery, {
    fetchPolicy: 'cache-and-network',
  });
  const [action, setAction] = useState<OutAction | null>(null);
  const [markTransferred, setMarkTransferred] = useState(true);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [approve, approveState] = useMutation(ApproveMutation);
  const [decline, declineState] = useMutation(DeclineMutation);
  const busy = approveState.loading || declineState.loading;
  const who = (t: TransferOut) => (t.student ? `${t.student.name}（學號 ${t.student.studentNumber}）` : '—');

  function open(kind: OutAction['kind'], transfer: TransferOut) {
    setAction({ kind, transfer });
    setMarkTransferred(true);
    setReason('');
    setErrors([]);
  }

  async function run() {
    if (!action) return;
    setErrors([]);
    const transferId = action.transfer.id;
    if (action.kind === 'approve') {
      const result = await approve({ variables: { input: { transferId, markTransferred } } });
      const payload = result.data?.approveTransferOut;
      if (payload?.transfer) {
        setAction(null);
        setNotice(
          `已同意 ${who(action.transfer)} 轉至 ${schoolOf(action.transfer.destinationSchool)}，學習歷程已交給對方接收。`,
        );
        void refetch();
      }
      setErrors(payload?.userErrors.map((e) => e.message) ?? []);
    } else {
      const result = await decline({ variables: { input: { transferId, reason } } });
      const payload = result.data?.declineTransferOut;
      if (payload?.transfer) {
        setAction(null);
        setNotice(`已回覆不同意 ${who(action.transfer)} 的轉出申請。`);
        void refetch();
      }
      setErrors(payload?.userErrors.map((e) => e.message) ?? []);
    }
  }

  const transfers = data?.transfersOut.nodes ?? [];
  const waiting = transfers.filter((t) => t.viewerCanAnswer).length;
  return (
    <section aria-label="他校的轉出申請" className="transfers">
      <h2>他校的轉出申請{waiting > 0 ? `（待處理 ${waiting} 件）` : ''}</h2>
      <p className="hint">他校註冊組為本校學生提出的轉入申請；同意前學生須為「轉出」，可在同意時一併設定。</p>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {error && <p role="alert">無法載入轉出申請：{error.message}</p>}
      {!data && !error && <p>載入中…</p>}
      {data && transfers.length === 0 && <p>尚無他校的轉出申請。</p>}
      <ul className="transfer-list">
        {transfers.map((t) => (
          <li key={t.id} aria-label={`轉出申請：${who(t)}`}>
            <dl>
              <dt>學生</dt>
              <dd>
                {who(t)}
                {t.student && <span className="hint">（目前{t.student.statusLabel}）</span>}
              </dd>
              <dt>轉入學校</dt>
              <dd>{schoolOf(t.destinationSchool)}</dd>
              <dt>申請</dt>
              <dd>
                {rocDate(t.requestedAt)}，{t.requestedByName}
              </dd>
              <dt>狀態</dt>
              <dd data-testid="transfer-status">
                <span className={`transfer-state ${t.status.toLowerCase()}`}>{t.statusLabel}</span>
                {t.decidedAt && <span className="hint">（{rocDate(t.decidedAt)}）</span>}
              </dd>
            </dl>
            {t.viewerCanAnswer && (
              <div className="actions">
                <button type="button" aria-label={`同意：${who(t)}`} onClick={() => open('approve', t)}>
                  同意
                </button>
                <button
                  type="button"
                  className="secondary"
                  aria-label={`不同意：${who(t)}`}
                  onClick={() => open('decline', t)}
                >
                  不同意
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <LoadMore
        pageInfo={data?.transfersOut.pageInfo}
        loading={loading}
        onLoadMore={(after) => fetchMore({ variables: { after }, updateQuery: appendPage('transfersOut') })}
      />
      {action && (
        <FormDialog
          title={
            action.kind === 'approve' ? `同意轉出：${who(action.transfer)}` : `不同意轉出：${who(action.transfer)}`
          }
          busy={busy}
          errors={errors}
          submitLabel={action.kind === 'approve' ? '同意並交付學習歷程' : '回覆不同意'}
          busyLabel={action.kind === 'approve' ? '產生交換檔中…' : '處理中…'}
          onSubmit={run}
          onClose={() => setAction(null)}
        >
          {action.kind === 'approve' ? (
            <>
              <p>
                同意後，系統產生這位學生的學習歷程交換檔（修課紀錄、課程學習成果、多元表現等），交給
                {schoolOf(action.transfer.destinationSchool)}；對方接收後以唯讀方式保存，並註明原就讀學校為本校。
              </p>
              {action.transfer.student?.status !== 'TRANSFERRED' && (
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={markTransferred}
                    onChange={(event) => setMarkTransferred(event.target.checked)}
                  />
                  同時將學籍狀態設為「轉出」（目前{action.transfer.student?.statusLabel}）
                </label>
              )}
            </>
          ) : (
            <label>
              不同意的理由（轉入學校會看到，最多 200 字）
              <textarea rows={3} maxLength={200} value={reason} onChange={(event) => setReason(event.target.value)} />
            </label>
          )}
        </FormDialog>
      )}
    </section>
  );
}

/** 轉學（轉科、轉部）between schools of the city: asking for a student, answering for one, receiving the portfolio. */
export function TransfersPage() {
  const [notice, setNotice] = useState<string | null>(null);
  const client = useApolloClient();
  return (
    <section className="transfers-page">
      <h1>轉學</h1>
      <p className="hint">
        同一城市學校之間的轉學、轉科與轉部（日間部與進修部互轉）。轉入學校提出申請，原就讀學校同意後，學生的學習歷程以交換檔轉入，轉入學校以唯讀方式保存。外縣市（不在本平臺）的轉學，請改用學習歷程交換檔的匯出與匯入。
      </p>
      <TransferInForm
        onRequested={(message) => {
          setNotice(message);
          void client.refetchQueries({ include: [TransfersInQuery] });
        }}
      />
      <TransfersInList notice={notice} onNotice={setNotice} />
      <TransfersOutList />
    </section>
  );
}
