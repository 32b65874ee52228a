import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { ErrorList } from '../components/ErrorList';
import { EvidenceFileField, FileReceipt, isUploading, storedId, useEvidenceUpload } from '../components/EvidenceFile';
import { WindowNotice } from '../components/WindowNotice';
import { FinalLockNotice, useFinalLock } from '../components/FinalLock';
import { graphql } from '../gql';
import type { PerformanceCategory, PerformancesPageQuery } from '../gql/graphql';
import { descriptionLength, MAX_DESCRIPTION } from '../lib/evidence';
import { rocCalendarDate, rocDateTime } from '../lib/roc';
import { TableScroll } from '../components/TableScroll';
import { DeleteDialog } from '../components/corrections/DeleteDialog';
import { PerformanceDetailInput } from '../components/corrections/PerformanceDetailInput';
import { PerformanceDialog } from '../components/corrections/PerformanceDialog';

graphql(`
  fragment MyPerformances_Performance on DiversePerformance {
    id
    category
    categoryLabel
    title
    description
    externalLink
    selectedAt
    createdAt
    details {
      key
      label
      value
    }
    document {
      ...FileReceipt_File
    }
    media {
      ...FileReceipt_File
    }
  }
`);

const PerformancesQuery = graphql(`
  query PerformancesPage {
    performanceCategories {
      category
      label
      fields {
        key
        label
        kind
        required
        choices
      }
    }
    myPerformanceEditRule {
      allowed
      reason
    }
    me {
      id
      currentTerm {
        id
        academicYear {
          id
          label
        }
      }
      student {
        id
        performances {
          ...MyPerformances_Performance
        }
      }
    }
  }
`);

const DeletePerformanceMutation = graphql(`
  mutation PerformancesPageDelete($input: DeletePerformanceInput!) {
    deletePerformance(input: $input) {
      deletedId
      userErrors {
        code
        message
      }
    }
  }
`);

const RecordPerformanceMutation = graphql(`
  mutation RecordPerformance($input: RecordPerformanceInput!) {
    recordPerformance(input: $input) {
      performance {
        ...MyPerformances_Performance
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

type CategoryInfo = PerformancesPageQuery['performanceCategories'][number];
type Performance = NonNullable<NonNullable<PerformancesPageQuery['me']>['student']>['performances'][number];

function PerformanceForm({ categories, onDone }: { categories: CategoryInfo[]; onDone: (title: string) => void }) {
  const [category, setCategory] = useState<PerformanceCategory>(categories[0]!.category);
  const [details, setDetails] = useState<Record<string, string>>({});
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [externalLink, setExternalLink] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const documentUpload = useEvidenceUpload('DOCUMENT');
  const mediaUpload = useEvidenceUpload('MEDIA');
  const [record, { loading }] = useMutation(RecordPerformanceMutation);
  const chosen = categories.find((entry) => entry.category === category) ?? categories[0]!;
  const uploading = isUploading(documentUpload, mediaUpload);
  const length = descriptionLength(description);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors([]);
    try {
      const result = await record({
        variables: {
          input: {
            category,
            title,
            description,
            details: chosen.fields
              .map((field) => ({ key: field.key, value: details[field.key]?.trim() ?? '' }))
              .filter((entry) => entry.value !== ''),
            documentUploadId: storedId(documentUpload),
            mediaUploadId: storedId(mediaUpload),
            externalLink: externalLink.trim() || null,
          },
        },
      });
      const payload = result.data?.recordPerformance;
      if (!payload?.performance) {
        setErrors(payload?.userErrors.map((userError) => userError.message) ?? ['登錄失敗，請再試一次。']);
        return;
      }
      onDone(payload.performance.title);
    } catch (caught) {
      setErrors([(caught as Error).message]);
    }
  }

  return (
    <form className="card-form" aria-label="登錄多元表現" onSubmit={(event) => void submit(event)}>
      <h2>登錄多元表現</h2>
      <label>
        類別
        <select
          value={category}
          onChange={(event) => {
            setCategory(event.target.value as PerformanceCategory);
            setDetails({});
          }}
        >
          {categories.map((entry) => (
            <option key={entry.category} value={entry.category}>
              {entry.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        名稱
        <input value={title} placeholder="例如競賽名稱、證照名稱、職稱" onChange={(e) => setTitle(e.target.value)} />
      </label>
      {chosen.fields.length > 0 && (
        <fieldset className="picker">
          <legend>{chosen.label}的資料</legend>
          {chosen.fields.map((field) => (
            <PerformanceDetailInput
              key={`${chosen.category}-${field.key}`}
              field={field}
              value={details[field.key] ?? ''}
              onChange={(value) => setDetails((current) => ({ ...current, [field.key]: value }))}
            />
          ))}
        </fieldset>
      )}
      <label>
        簡述
        <textarea
          rows={3}
          value={description}
          aria-describedby="performance-description-count"
          onChange={(event) => setDescription(event.target.value)}
        />
      </label>
      <span
        id="performance-description-count"
        className={length > MAX_DESCRIPTION ? 'counter over' : 'counter'}
        data-testid="description-count"
      >
        {length}/{MAX_DESCRIPTION}
      </span>
      <p className="hint">證明文件、影音與外部連結都是選填。</p>
      <EvidenceFileField upload={documentUpload} testId="document" disabled={loading} />
      <EvidenceFileField upload={mediaUpload} testId="media" disabled={loading} />
      <label>
        外部連結（選填，http:// 或 https:// 開頭）
        <input
          type="text"
          inputMode="url"
          value={externalLink}
          placeholder="https://"
          onChange={(event) => setExternalLink(event.target.value)}
        />
      </label>
      <ErrorList messages={errors} />
      <div className="actions">
        <button type="submit" disabled={loading || uploading}>
          {loading ? '送出中…' : uploading ? '等待檔案上傳完成…' : '送出'}
        </button>
      </div>
    </form>
  );
}

const detailText = (detail: { key: string; label: string; value: string }) =>
  `${detail.label}：${/^\d{4}-\d{2}-\d{2}$/.test(detail.value) ? rocCalendarDate(detail.value) : detail.value}`;

/** 多元表現: this academic year's performances with their receipts, and the form to record one. */
export function PerformancesPage() {
  const { data, error, refetch } = useQuery(PerformancesQuery, { fetchPolicy: 'cache-and-network' });
  const [notice, setNotice] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [editing, setEditing] = useState<{ kind: 'edit' | 'delete'; performance: Performance } | null>(null);
  const [remove] = useMutation(DeletePerformanceMutation);
  const locked = useFinalLock('PERFORMANCES', data?.me?.currentTerm?.id ?? null);
  if (error) return <p role="alert">無法載入多元表現：{error.message}</p>;
  if (!data?.me) return <p>載入中…</p>;
  const student = data.me.student;
  if (!student) return <p>只有學生可以登錄多元表現。</p>;
  const rule = data.myPerformanceEditRule;
  const changed = (message: string) => {
    setEditing(null);
    setNotice(message);
    void refetch();
  };

  return (
    <section className="performances">
      <h1>多元表現</h1>
      <p>{data.me.currentTerm?.academicYear.label ?? '本學年'}的多元表現，每學年可勾選 10 件提交中央資料庫。</p>
      {locked ? (
        <FinalLockNotice message={locked} />
      ) : (
        <WindowNotice kinds={['UPLOAD_PERFORMANCES', 'SELECT_PERFORMANCES']} scope="mine" />
      )}
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {student.performances.length === 0 ? (
        <p className="muted">本學年還沒有登錄多元表現。</p>
      ) : (
        <TableScroll label="多元表現">
          <table data-testid="performances">
            <thead>
              <tr>
                <th>類別</th>
                <th>名稱與資料</th>
                <th>簡述</th>
                <th>附件收據</th>
                <th>登錄時間</th>
                {rule?.allowed && <th>修改</th>}
              </tr>
            </thead>
            <tbody>
              {student.performances.map((performance) => (
                <tr key={performance.id}>
                  <td>{performance.categoryLabel}</td>
                  <td>
                    <strong>{performance.title}</strong>
                    {performance.selectedAt && <span className="badge selected">已勾選</span>}
                    <div className="muted">{performance.details.map(detailText).join('・')}</div>
                    {performance.externalLink && (
                      <a href={performance.externalLink} target="_blank" rel="noopener noreferrer">
                        外部連結
                      </a>
                    )}
                  </td>
                  <td>{performance.description}</td>
                  <td>
                    {performance.document && <FileReceipt file={performance.document} label="文件" />}
                    {performance.media && <FileReceipt file={performance.media} label="影音" />}
                    {!performance.document && !performance.media && '—'}
                  </td>
                  <td>{rocDateTime(performance.createdAt)}</td>
                  {rule?.allowed && (
                    <td>
                      <div className="actions">
                        <button
                          type="button"
                          aria-label={`修改「${performance.title}」`}
                          onClick={() => setEditing({ kind: 'edit', performance })}
                        >
                          修改
                        </button>
                        <button
                          type="button"
                          className="secondary"
                          aria-label={`刪除「${performance.title}」`}
                          onClick={() => setEditing({ kind: 'delete', performance })}
                        >
                          刪除
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {student.performances.length > 0 && !locked && rule && !rule.allowed && rule.reason && (
        <p className="hint" data-testid="edit-rule">
          {rule.reason}
        </p>
      )}
      {editing?.kind === 'edit' && (
        <PerformanceDialog
          performance={editing.performance}
          mode="student"
          onClose={() => setEditing(null)}
          onDone={changed}
        />
      )}
      {editing?.kind === 'delete' && (
        <DeleteDialog
          title={`刪除多元表現「${editing.performance.title}」`}
          onClose={() => setEditing(null)}
          onConfirm={async () => {
            const result = await remove({ variables: { input: { performanceId: editing.performance.id } } });
            const payload = result.data?.deletePerformance;
            if (payload?.deletedId) {
              changed(`已刪除「${editing.performance.title}」。`);
              return [];
            }
            const problems = payload?.userErrors.map((e) => e.message) ?? [];
            return problems.length > 0 ? problems : ['刪除失敗，請再試一次。'];
          }}
        >
          <p>刪除「{editing.performance.title}」？附上的檔案一併移除，這個動作無法復原。</p>
        </DeleteDialog>
      )}
      {data.performanceCategories.length > 0 && !locked && (
        <PerformanceForm
          key={formKey}
          categories={data.performanceCategories}
          onDone={(title) => {
            setNotice(`已登錄「${title}」。`);
            setFormKey((key) => key + 1);
            void refetch();
          }}
        />
      )}
    </section>
  );
}
