import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ErrorList } from '../components/ErrorList';
import { FilePreview, FileReceipt } from '../components/EvidenceFile';
import { StatusBadge } from '../components/StatusBadge';
import { WindowNotice } from '../components/WindowNotice';
import { TableScroll } from '../components/TableScroll';
import { graphql } from '../gql';
import type { CertificationPageQuery, CertificationStatus } from '../gql/graphql';
import { OUTCOME_KIND_LABELS, STATUS_LABELS } from '../lib/evidence';
import { rocDateTime } from '../lib/roc';

const CertificationQuery = graphql(`
  query CertificationPage($status: CertificationStatus) {
    certificationQueue(status: $status) {
      id
      kind
      status
      certificationWait {
        days
        routed
        routedToViewer
        note
      }
      student {
        id
        studentNumber
        name
      }
      course {
        id
        subjectName
      }
      section {
        id
        name
        teacher {
          id
          displayName
        }
      }
      current {
        id
        version
        description
        status
        reason
        decidedAt
        createdAt
        decidedBy {
          id
          displayName
        }
        document {
          ...FileReceipt_File
        }
        media {
          ...FileReceipt_File
        }
      }
    }
  }
`);

const CertifyMutation = graphql(`
  mutation CertifyCourseOutcomes($input: CertifyCourseOutcomesInput!) {
    certifyCourseOutcomes(input: $input) {
      outcomes {
        id
        status
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

const RejectMutation = graphql(`
  mutation RejectCourseOutcome($input: RejectCourseOutcomeInput!) {
    rejectCourseOutcome(input: $input) {
      outcome {
        id
        status
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

type Item = CertificationPageQuery['certificationQueue'][number];
type Filter = CertificationStatus | 'ALL';

const FILTERS: { value: Filter; label: string }[] = [
  { value: 'PENDING', label: '待認證' },
  { value: 'CERTIFIED', label: '已認證' },
  { value: 'REJECTED', label: '未通過' },
  { value: 'ALL', label: '全部' },
];

/** 「已等候 n 天，自動轉給代理人」: an item waiting past the school's routing age, as the server words it. */
function WaitMarker({ item }: { item: Item }) {
  const wait = item.certificationWait;
  if (!wait?.note) return null;
  return (
    <span
      className={`badge ${wait.routed ? 'rejected' : 'pending'}`}
      data-testid="routed-marker"
      style={{ whiteSpace: 'normal', marginTop: '0.25rem' }}
    >
      {wait.note}
    </span>
  );
}

const itemTitle = (item: Item) =>
  `${item.student.name}（${item.student.studentNumber}）${item.course?.subjectName ?? ''}`;

/** One item opened: the file inline, then certify it, or not with a reason the student will read. */
function ItemPanel({
  item,
  busy,
  onCertify,
  onReject,
}: {
  item: Item;
  busy: boolean;
  onCertify: () => void;
  onReject: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const current = item.current;
  return (
    <article className="review" aria-label={`檢視：${itemTitle(item)}`}>
      <h2>
        {itemTitle(item)} <StatusBadge status={item.status} />
      </h2>
      {item.certificationWait?.note && (
        <p>
          <WaitMarker item={item} />
        </p>
      )}
      <p>
        {OUTCOME_KIND_LABELS[item.kind]}・{item.section?.name} 班・第 {current.version} 版・上傳於{' '}
        {rocDateTime(current.createdAt)}
      </p>
      <p className="description">簡述：{current.description}</p>
      {current.document && <FilePreview file={current.document} title={`${itemTitle(item)} 的文件`} />}
      {current.media && <FilePreview file={current.media} title={`${itemTitle(item)} 的影音`} />}
      <div className="receipts">
        {current.document && <FileReceipt file={current.document} label="文件" />}
        {current.media && <FileReceipt file={current.media} label="影音" />}
      </div>
      {item.status === 'PENDING' ? (
        <div className="decide">
          <p className="hint">認證只確認這是學生本人的作品、且屬於這門課程；不是評分。</p>
          <button type="button" disabled={busy} onClick={onCertify}>
            認證
          </button>
          <label>
            不通過的理由（學生會看到）
            <textarea rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
          </label>
          <button
            type="button"
            className="danger"
            disabled={busy || reason.trim() === ''}
            onClick={() => onReject(reason.trim())}
          >
            不通過
          </button>
        </div>
      ) : (
        <p className="muted">
          {STATUS_LABELS[item.status]}
          {current.decidedBy && `：${current.decidedBy.displayName}`}
          {current.decidedAt && ` 於 ${rocDateTime(current.decidedAt)}`}
          {current.reason && `，理由：${current.reason}`}
        </p>
      )}
    </article>
  );
}

/** 認證: the queue of the teacher's sections (and those they are proxy for), with preview and bulk certify. */
export function CertificationPage() {
  const [filter, setFilter] = useState<Filter>('PENDING');
  const { data, error, refetch } = useQuery(CertificationQuery, {
    variables: { status: filter === 'ALL' ? null : filter },
    fetchPolicy: 'cache-and-network',
  });
  const [certify, certifyState] = useMutation(CertifyMutation);
  const [reject, rejectState] = useMutation(RejectMutation);
  const [openId, setOpenId] = useState<string | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const busy = certifyState.loading || rejectState.loading;

  if (error) return <p role="alert">無法載入認證佇列：{error.message}</p>;
  const queue = data?.certificationQueue;
  const pending = queue?.filter((item) => item.status === 'PENDING') ?? [];
  const open = queue?.find((item) => item.id === openId) ?? pending[0] ?? queue?.[0] ?? null;
  const chosen = pending.filter((item) => checked.has(item.id));
  const allChecked = pending.length > 0 && chosen.length === pending.length;

  async function certifyItems(items: Item[]) {
    setErrors([]);
    setNotice(null);
    try {
      const result = await certify({ variables: { input: { outcomeIds: items.map((item) => item.id) } } });
      const payload = result.data?.certifyCourseOutcomes;
      if (!payload || payload.userErrors.length > 0) {
        setErrors(payload?.userErrors.map((userError) => userError.message) ?? ['認證失敗，請再試一次。']);
        return;
      }
      setNotice(
        items.length === 1
          ? `已認證 ${itemTitle(items[0]!)} 的學習成果。`
          : `已認證 ${payload.outcomes.length} 件學習成果。`,
      );
      setChecked(new Set());
      setOpenId(null);
      await refetch();
    } catch (caught) {
      setErrors([(caught as Error).message]);
    }
  }

  async function rejectItem(item: Item, reason: string) {
    setErrors([]);
    setNotice(null);
    try {
      const result = await reject({ variables: { input: { outcomeId: item.id, reason } } });
      const payload = result.data?.rejectCourseOutcome;
      if (!payload?.outcome) {
        setErrors(payload?.userErrors.map((userError) => userError.message) ?? ['操作失敗，請再試一次。']);
        return;
      }
      setNotice(`${itemTitle(item)} 的學習成果未通過認證，學生會看到理由並可更換檔案。`);
      setOpenId(null);
      await refetch();
    } catch (caught) {
      setErrors([(caught as Error).message]);
    }
  }

  return (
    <section className="certification">
      <h1>認證課程學習成果</h1>
      <WindowNotice kinds={['CERTIFY_COURSE_OUTCOMES']} scope="mine" />
      <div className="toolbar">
        <label>
          顯示
          <select
            value={filter}
            onChange={(event) => {
              setFilter(event.target.value as Filter);
              setOpenId(null);
              setChecked(new Set());
            }}
          >
            {FILTERS.map((entry) => (
              <option key={entry.value} value={entry.value}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={busy || chosen.length === 0} onClick={() => void certifyItems(chosen)}>
          認證勾選的 {chosen.length} 件
        </button>
      </div>
      <ErrorList messages={errors} />
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {!queue ? (
        <p>載入中…</p>
      ) : queue.length === 0 ? (
        <p className="muted">{filter === 'PENDING' ? '目前沒有待認證的學習成果。' : '沒有符合的學習成果。'}</p>
      ) : (
        <div className="queue-layout">
          <TableScroll label="待認證的學習成果">
            <table data-testid="certification-queue">
              <thead>
                <tr>
                  <th>
                    <input
                      type="checkbox"
                      aria-label="全選待認證"
                      checked={allChecked}
                      disabled={pending.length === 0}
                      onChange={(event) =>
                        setChecked(event.target.checked ? new Set(pending.map((item) => item.id)) : new Set())
                      }
                    />
                  </th>
                  <th>學號</th>
                  <th>姓名</th>
                  <th>課程</th>
                  <th>簡述</th>
                  <th>上傳時間</th>
                  <th>狀態</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {queue.map((item) => (
                  <tr key={item.id} aria-current={item.id === open?.id ? 'true' : undefined}>
                    <td>
                      {item.status === 'PENDING' && (
                        <input
                          type="checkbox"
                          aria-label={`選取 ${itemTitle(item)}`}
                          checked={checked.has(item.id)}
                          onChange={(event) =>
                            setChecked((current) => {
                              const next = new Set(current);
                              if (event.target.checked) next.add(item.id);
                              else next.delete(item.id);
                              return next;
                            })
                          }
                        />
                      )}
                    </td>
                    <td>{item.student.studentNumber}</td>
                    <td>{item.student.name}</td>
                    <td>
                      {item.course?.subjectName} {item.section?.name}
                    </td>
                    <td>{item.current.description}</td>
                    <td>{rocDateTime(item.current.createdAt)}</td>
                    <td>
                      <StatusBadge status={item.status} /> <WaitMarker item={item} />
                    </td>
                    <td>
                      <button type="button" className="link" onClick={() => setOpenId(item.id)}>
                        檢視
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {open && (
            <ItemPanel
              key={open.id}
              item={open}
              busy={busy}
              onCertify={() => void certifyItems([open])}
              onReject={(reason) => void rejectItem(open, reason)}
            />
          )}
        </div>
      )}
    </section>
  );
}
