import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { PerformanceCategory } from '../../gql/graphql';
import { descriptionLength, MAX_DESCRIPTION } from '../../lib/evidence';
import { FormDialog } from '../FormDialog';
import { AnswerField } from './AnswerField';
import { PerformanceDetailInput } from './PerformanceDetailInput';

const CategoriesQuery = graphql(`
  query CorrectionsPerformanceCategories {
    performanceCategories(includeNotOffered: true) {
      category
      label
      offered
      fields {
        key
        label
        kind
        required
        choices
      }
    }
  }
`);

const UpdateOwnMutation = graphql(`
  mutation CorrectionsUpdateOwnPerformance($input: UpdatePerformanceInput!) {
    updatePerformance(input: $input) {
      performance {
        id
        category
        title
        description
        externalLink
        details {
          key
          label
          value
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

const CorrectMutation = graphql(`
  mutation CorrectionsCorrectPerformance($input: CorrectPerformanceInput!) {
    correctPerformance(input: $input) {
      performance {
        id
        category
        title
        description
        externalLink
        details {
          key
          label
          value
        }
      }
      dispute {
        id
        status
        answer
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export interface PerformanceValues {
  id: string;
  category: PerformanceCategory;
  title: string;
  description: string;
  externalLink?: string | null;
  details: readonly { key: string; value: string }[];
}

/**
 * 修改 a diverse performance's text: the student their own before it is submitted (`mode` student), or the section
 * that submits 多元表現 a student's before the year's final submission (`mode` staff, from a dispute or not). The
 * files stay as they are. A category the school no longer offers can be kept, not chosen anew.
 */
export function PerformanceDialog({
  performance,
  mode,
  who = '',
  disputeId = null,
  onClose,
  onDone,
}: {
  performance: PerformanceValues;
  mode: 'student' | 'staff';
  who?: string;
  disputeId?: string | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const categories = useQuery(CategoriesQuery);
  const [category, setCategory] = useState<PerformanceCategory>(performance.category);
  const [title, setTitle] = useState(performance.title);
  const [details, setDetails] = useState<Record<string, string>>(
    Object.fromEntries(performance.details.map((detail) => [detail.key, detail.value])),
  );
  const [description, setDescription] = useState(performance.description);
  const [externalLink, setExternalLink] = useState(performance.externalLink ?? '');
  const [answer, setAnswer] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [updateOwn, own] = useMutation(UpdateOwnMutation);
  const [correct, staff] = useMutation(CorrectMutation);
  const busy = own.loading || staff.loading;
  const options = (categories.data?.performanceCategories ?? []).filter(
    (entry) => entry.offered || entry.category === performance.category,
  );
  const chosen = options.find((entry) => entry.category === category);
  const length = descriptionLength(description);

  async function submit() {
    setErrors([]);
    const fields = {
      performanceId: performance.id,
      category,
      title,
      description,
      details: (chosen?.fields ?? [])
        .map((field) => ({ key: field.key, value: details[field.key]?.trim() ?? '' }))
        .filter((entry) => entry.value !== ''),
      externalLink: externalLink.trim() || null,
    };
    try {
      if (mode === 'student') {
        const result = await updateOwn({ variables: { input: fields } });
        const payload = result.data?.updatePerformance;
        if (!payload?.performance) {
          setErrors([...new Set(payload?.userErrors.map((e) => e.message) ?? ['儲存失敗，請再試一次。'])]);
          return;
        }
        onDone(`已修改「${payload.performance.title}」。`);
        return;
      }
      const result = await correct({ variables: { input: { ...fields, disputeId, answer: answer.trim() || null } } });
      const payload = result.data?.correctPerformance;
      if (!payload?.performance) {
        setErrors([...new Set(payload?.userErrors.map((e) => e.message) ?? ['儲存失敗，請再試一次。'])]);
        return;
      }
      onDone(payload.dispute ? '已更正多元表現，疑義已結案為「已更正」。' : '已更正多元表現。');
    } catch (caught) {
      setErrors([(caught as Error).message]);
    }
  }

  const heading = mode === 'student' ? `修改多元表現「${performance.title}」` : `更正多元表現：${who}`;
  return (
    <FormDialog
      title={heading}
      busy={busy}
      errors={errors}
      submitLabel={mode === 'staff' && disputeId ? '更正並回覆疑義' : '儲存'}
      submitDisabled={!chosen}
      onSubmit={submit}
      onClose={onClose}
    >
      {categories.error && <p role="alert">無法載入多元表現類別：{categories.error.message}</p>}
      {!categories.data && !categories.error && <p>載入中…</p>}
      {chosen && (
        <>
          <label>
            類別
            <select
              value={category}
              onChange={(event) => {
                setCategory(event.target.value as PerformanceCategory);
                setDetails({});
              }}
            >
              {options.map((entry) => (
                <option key={entry.category} value={entry.category}>
                  {entry.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            名稱
            <input value={title} onChange={(event) => setTitle(event.target.value)} />
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
            <textarea rows={3} value={description} onChange={(event) => setDescription(event.target.value)} />
          </label>
          <span className={length > MAX_DESCRIPTION ? 'counter over' : 'counter'}>
            {length}/{MAX_DESCRIPTION}
          </span>
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
          {mode === 'staff' && disputeId && <AnswerField value={answer} onChange={setAnswer} />}
          {mode === 'student' && <p className="hint">檔案不會變更；要換檔案請刪除後重新登錄。</p>}
        </>
      )}
    </FormDialog>
  );
}
