import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { ErrorList } from '../components/ErrorList';
import { EvidenceFileField, FileReceipt, isUploading, storedId, useEvidenceUpload } from '../components/EvidenceFile';
import { RocDateField } from '../components/RocDateField';
import { WindowNotice } from '../components/WindowNotice';
import { FinalLockNotice, useFinalLock } from '../components/FinalLock';
import { graphql } from '../gql';
import type { PerformanceCategory, PerformancesPageQuery } from '../gql/graphql';
import { descriptionLength, MAX_DESCRIPTION } from '../lib/evidence';
import { rocCalendarDate, rocDateTime } from '../lib/roc';
import { TableScroll } from '../components/TableScroll';

graphql(`
  fragment MyPerformances_Performance on DiversePerformance {
    id
    category
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
type FieldInfo = CategoryInfo['fields'][number];

function DetailInput({ field, value, onChange }: { field: FieldInfo; value: string; onChange: (v: string) => void }) {
  const label = `${field.label}${field.required ? '' : '（選填）'}`;
  if (field.kind === 'choice') {
    return (
      <label>
        {label}
        <select value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">請選擇</option>
          {field.choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      </label>
    );
  }
  if (field.kind === 'date') {
    return <RocDateField label={label} value={value} onChange={onChange} required={field.required} />;
  }
  return (
    <label>
      {label}
      <input
        type={field.kind === 'number' ? 'number' : 'text'}
        inputMode={field.kind === 'number' ? 'decimal' : undefined}
        min={field.kind === 'number' ? 0 : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}

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
            <DetailInput
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
  const locked = useFinalLock('PERFORMANCES', data?.me?.currentTerm?.id ?? null);
  if (error) return <p role="alert">無法載入多元表現：{error.message}</p>;
  if (!data?.me) return <p>載入中…</p>;
  const student = data.me.student;
  if (!student) return <p>只有學生可以登錄多元表現。</p>;
  const labelOf = new Map(data.performanceCategories.map((entry) => [entry.category, entry.label]));

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
              </tr>
            </thead>
            <tbody>
              {student.performances.map((performance) => (
                <tr key={performance.id}>
                  <td>{labelOf.get(performance.category) ?? performance.category}</td>
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
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
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
