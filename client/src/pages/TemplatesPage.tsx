import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import type { AdminSection, SubmissionCategory, TaskKind, TemplatesPageQuery } from '../gql/graphql';
import { fromTaipeiInput, instantFromInput, rocDate, rocDateTime, toTaipeiInput } from '../lib/roc';
import { ErrorList } from '../components/ErrorList';
import { RocDateField } from '../components/RocDateField';
import { SECTION_LABELS, SECTIONS } from '../lib/sections';

const TemplatesQuery = graphql(`
  query TemplatesPage {
    me {
      id
      serverTime
      viewerCanPublishTemplates
      viewerCanEditTimeline
    }
    taskKinds {
      kind
      label
      needsCategory
      governsAcademicYear
      inGrade12Round
    }
    submissionCategories {
      category
      label
      annual
    }
    timelineTemplates(first: 50) {
      nodes {
        id
        name
        academicYear
        semester
        termKey
        termLabel
        publishedAt
        schoolAdoption {
          adoptedAt
          rocAdoptedAt
          windowCount
        }
        tasks {
          id
          kind
          category
          period
          grade12Round
          label
          startsAt
          endsAt
          earliestStart
          latestEnd
          rocWindow
          sections
          system
          notes
        }
      }
    }
  }
`);

const PublishMutation = graphql(`
  mutation PublishTemplate($input: PublishTimelineTemplateInput!) {
    publishTimelineTemplate(input: $input) {
      template {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

const AdoptMutation = graphql(`
  mutation AdoptTemplate($input: AdoptTimelineTemplateInput!) {
    adoptTimelineTemplate(input: $input) {
      tasks {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

type Template = TemplatesPageQuery['timelineTemplates']['nodes'][number];

/** "第 3 項：…" for an error the server pins on one task (field ["input", "tasks", "2"]), the message alone otherwise. */
function messagesOf(errors: { field: string[]; message: string }[], list: 'tasks' | 'shifts', names: string[]) {
  return errors.map((error) => {
    const index = error.field[1] === list ? Number(error.field[2]) : NaN;
    return Number.isInteger(index) && names[index] ? `${names[index]}：${error.message}` : error.message;
  });
}

/** The school's adoption screen: the template's dates, movable inside the bureau's bounds. */
function AdoptForm({ template, onDone }: { template: Template; onDone: () => void }) {
  const [dates, setDates] = useState(() =>
    Object.fromEntries(
      template.tasks.map((t) => [t.id, { startsAt: toTaipeiInput(t.startsAt), endsAt: toTaipeiInput(t.endsAt) }]),
    ),
  );
  const [errors, setErrors] = useState<string[]>([]);
  const [adopt, { loading }] = useMutation(AdoptMutation);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const moved = template.tasks.filter(
      (t) => dates[t.id]!.startsAt !== toTaipeiInput(t.startsAt) || dates[t.id]!.endsAt !== toTaipeiInput(t.endsAt),
    );
    const shifts = moved.map((t) => ({
      kind: t.kind,
      category: t.category ?? null,
      period: t.period,
      grade12Round: t.grade12Round,
      startsAt: instantFromInput(dates[t.id]!.startsAt, t.startsAt),
      endsAt: instantFromInput(dates[t.id]!.endsAt, t.endsAt),
    }));
    const result = await adopt({ variables: { input: { templateId: template.id, shifts } } });
    const problems = result.data?.adoptTimelineTemplate.userErrors ?? [];
    setErrors(
      messagesOf(
        problems,
        'shifts',
        moved.map((t) => `「${t.label}」`),
      ),
    );
    if (problems.length === 0) onDone();
  }
  return (
    <form onSubmit={(event) => void submit(event)} aria-label={`採用「${template.name}」`}>
      <p className="muted">每項工作可以在教育局允許的範圍內調整日期；沒有改的照範本。</p>
      <ol className="adopt-tasks">
        {template.tasks.map((task) => (
          <li key={task.id}>
            <fieldset className="template-task">
              <legend>{task.label}</legend>
              <div className="dates">
                {(['startsAt', 'endsAt'] as const).map((field) => (
                  <RocDateField
                    key={field}
                    label={field === 'startsAt' ? '開始' : '截止'}
                    withTime
                    required
                    min={toTaipeiInput(task.earliestStart)}
                    max={toTaipeiInput(task.latestEnd)}
                    value={dates[task.id]![field]}
                    onChange={(value) => setDates({ ...dates, [task.id]: { ...dates[task.id]!, [field]: value } })}
                  />
                ))}
              </div>
              <p className="muted">
                教育局允許範圍：{rocDateTime(task.earliestStart)}–{rocDateTime(task.latestEnd)}
              </p>
            </fieldset>
          </li>
        ))}
      </ol>
      <ErrorList messages={errors} />
      <button type="submit" disabled={loading}>
        採用為本校期程
      </button>
    </form>
  );
}

const DATE_FIELDS = ['startsAt', 'endsAt', 'earliestStart', 'latestEnd'] as const;
type DateField = (typeof DATE_FIELDS)[number];

const DATE_LABELS: Record<DateField, string> = {
  startsAt: '預設開始',
  endsAt: '預設截止',
  earliestStart: '最早開始',
  latestEnd: '最晚截止',
};

interface DraftTask {
  /** Keeps each card's inputs with their task when one above is removed. */
  key: number;
  kind: TaskKind;
  category: SubmissionCategory | '';
  /** The data the window governs: a term key (1121, 11201) or a year (112_0). */
  period: string;
  grade12Round: boolean;
  startsAt: string;
  endsAt: string;
  earliestStart: string;
  latestEnd: string;
  /** A copied template's instants: kept to the second while the minute shown is left as it was. */
  copiedFrom: Partial<Record<DateField, string>>;
  sections: AdminSection[];
  system: string;
  notes: string;
}

let draftKeys = 0;

/** A datetime-local value moved by whole days; Taipei keeps no summer time, so a day is always 24 hours. */
function shiftInput(value: string, days: number): string {
  if (value === '') return value;
  return new Date(new Date(`${value}:00Z`).getTime() + days * 86400_000).toISOString().slice(0, 16);
}

function draftsFrom(source: Template): DraftTask[] {
  return source.tasks.map((task) => ({
    key: ++draftKeys,
    kind: task.kind,
    category: task.category ?? '',
    period: task.period,
    grade12Round: task.grade12Round,
    startsAt: toTaipeiInput(task.startsAt),
    endsAt: toTaipeiInput(task.endsAt),
    earliestStart: toTaipeiInput(task.earliestStart),
    latestEnd: toTaipeiInput(task.latestEnd),
    copiedFrom: {
      startsAt: task.startsAt,
      endsAt: task.endsAt,
      earliestStart: task.earliestStart,
      latestEnd: task.latestEnd,
    },
    sections: [...task.sections],
    system: task.system,
    notes: task.notes,
  }));
}

/** The bureau's template editor: empty, or a copy of a published template (every task with its bounds and notes). */
function PublishForm({
  data,
  serverTime,
  source,
  onDone,
  onCancel,
}: {
  data: TemplatesPageQuery;
  serverTime: string;
  source: Template | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const now = new Date(serverTime);
  const year = (now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1) - 1911;
  const [academicYear, setAcademicYear] = useState(source?.academicYear ?? year);
  const [semester, setSemester] = useState(
    source?.semester ?? (now.getUTCMonth() >= 7 || now.getUTCMonth() === 0 ? 1 : 2),
  );
  const [name, setName] = useState(source ? `${source.name}（複本）` : '');
  const day = (offset: number) => toTaipeiInput(new Date(now.getTime() + offset * 86400_000));
  const [tasks, setTasks] = useState<DraftTask[]>(() =>
    source
      ? draftsFrom(source)
      : [
          {
            key: ++draftKeys,
            kind: 'PRECHECK',
            category: '',
            period: `${year}${semester}`,
            grade12Round: false,
            startsAt: day(7),
            endsAt: day(14),
            earliestStart: day(0),
            latestEnd: day(21),
            copiedFrom: {},
            sections: [],
            system: '',
            notes: '',
          },
        ],
  );
  const [shiftDays, setShiftDays] = useState(0);
  const [errors, setErrors] = useState<string[]>([]);
  const [publish, { loading }] = useMutation(PublishMutation);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from a button further down the page: the keyboard and the screen reader start at the editor.
  useEffect(() => heading.current?.focus(), []);

  const kindLabel = (kind: TaskKind) => data.taskKinds.find((option) => option.kind === kind)?.label ?? kind;
  const categoryLabel = (category: SubmissionCategory | '') =>
    data.submissionCategories.find((option) => option.category === category)?.label ?? '';
  const titleOf = (task: DraftTask, index: number) =>
    `第 ${index + 1} 項：${kindLabel(task.kind)}${task.category ? `（${categoryLabel(task.category)}）` : ''}${
      task.grade12Round ? '・高三梯次' : ''
    }`;
  const annual = (kind: TaskKind, category: SubmissionCategory | '') =>
    kind === 'SUBMIT'
      ? Boolean(data.submissionCategories.find((option) => option.category === category)?.annual)
      : Boolean(data.taskKinds.find((option) => option.kind === kind)?.governsAcademicYear);
  // Changing the task or category keeps the period's year and switches between a term and the whole year.
  const update = (index: number, change: Partial<DraftTask>) =>
    setTasks(
      tasks.map((task, i) => {
        if (i !== index) return task;
        const next = { ...task, ...change };
        if (change.kind === undefined && change.category === undefined) return next;
        const periodYear = /^\d{3}/.exec(next.period)?.[0] ?? String(academicYear);
        const wasAnnual = next.period.endsWith('_0');
        if (annual(next.kind, next.category) && !wasAnnual) next.period = `${periodYear}_0`;
        if (!annual(next.kind, next.category) && wasAnnual) next.period = `${periodYear}${semester}`;
        return next;
      }),
    );
  const instant = (task: DraftTask, field: DateField) => {
    const copied = task.copiedFrom[field];
    return copied ? instantFromInput(task[field], copied) : fromTaipeiInput(task[field]);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await publish({
      variables: {
        input: {
          academicYear,
          semester,
          name,
          tasks: tasks.map((t) => ({
            kind: t.kind,
            category: t.category || null,
            period: t.period.trim(),
            grade12Round: t.grade12Round,
            startsAt: instant(t, 'startsAt'),
            endsAt: instant(t, 'endsAt'),
            earliestStart: t.earliestStart ? instant(t, 'earliestStart') : null,
            latestEnd: t.latestEnd ? instant(t, 'latestEnd') : null,
            sections: t.sections,
            system: t.system,
            notes: t.notes,
          })),
        },
      },
    });
    const problems = result.data?.publishTimelineTemplate.userErrors ?? [];
    setErrors(
      messagesOf(
        problems,
        'tasks',
        tasks.map((_, index) => `第 ${index + 1} 項`),
      ),
    );
    if (problems.length === 0) onDone();
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="template-editor-title" className="card-form">
      <h2 id="template-editor-title" ref={heading} tabIndex={-1}>
        {source ? `以「${source.name}」為底稿發布新範本` : '發布新範本'}
      </h2>
      {source && (
        <p className="muted">
          已複製原範本的每一項工作、日期、允許範圍、負責組別、系統與備註。請您修改需要變更的地方，再按「發布」；原範本不會改變。
        </p>
      )}
      <p className="muted">
        每項工作填它所管的資料期間，而不是作業的月份：例如第2學期的範本裡，上傳、認證與提交的多半是第1學期（如
        1121）的資料；勾選、多元表現登錄與課程學習成果、多元表現的提交每學年一次，填學年度（如
        112_0）。「最早開始」與「最晚截止」是學校可以調整的範圍，不填等於預設的開始與截止。日期以民國年填寫，例如
        115/12/06 17:00。
      </p>
      <label>
        學年度
        <input
          type="number"
          inputMode="numeric"
          value={academicYear}
          onChange={(e) => setAcademicYear(Number(e.target.value))}
        />
      </label>
      <label>
        學期
        <select value={semester} onChange={(e) => setSemester(Number(e.target.value))}>
          <option value={1}>第1學期</option>
          <option value={2}>第2學期</option>
        </select>
      </label>
      <label>
        範本名稱
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
      </label>
      <fieldset className="template-shift">
        <legend>整批平移日期</legend>
        <label>
          天數（負數為提前）
          <input
            type="number"
            inputMode="numeric"
            value={shiftDays}
            onChange={(e) => setShiftDays(Number(e.target.value))}
          />
        </label>
        <button
          type="button"
          className="secondary"
          disabled={!Number.isInteger(shiftDays) || shiftDays === 0}
          onClick={() =>
            setTasks(
              tasks.map((task) => ({
                ...task,
                ...Object.fromEntries(DATE_FIELDS.map((field) => [field, shiftInput(task[field], shiftDays)])),
              })),
            )
          }
        >
          平移所有工作的日期
        </button>
      </fieldset>
      <ol className="template-tasks" aria-label="範本中的工作">
        {tasks.map((task, index) => (
          <li key={task.key}>
            <fieldset className="template-task">
              <legend>{titleOf(task, index)}</legend>
              <div className="template-task-fields">
                <label>
                  工作
                  <select value={task.kind} onChange={(e) => update(index, { kind: e.target.value as TaskKind })}>
                    {data.taskKinds.map((option) => (
                      <option key={option.kind} value={option.kind}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                </label>
                {task.kind === 'SUBMIT' && (
                  <label>
                    提交類別
                    <select
                      value={task.category}
                      required
                      onChange={(e) => update(index, { category: e.target.value as SubmissionCategory })}
                    >
                      <option value="">（請選擇）</option>
                      {data.submissionCategories.map((option) => (
                        <option key={option.category} value={option.category}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                <label>
                  資料期間（學期如 1121，整個學年度如 112_0）
                  <input value={task.period} required onChange={(e) => update(index, { period: e.target.value })} />
                </label>
                <label className="inline-choice">
                  <input
                    type="checkbox"
                    checked={task.grade12Round}
                    disabled={!data.taskKinds.find((option) => option.kind === task.kind)?.inGrade12Round}
                    onChange={(e) => update(index, { grade12Round: e.target.checked })}
                  />
                  高三升學前梯次
                </label>
                {DATE_FIELDS.map((field) => (
                  <RocDateField
                    key={field}
                    label={DATE_LABELS[field]}
                    withTime
                    required={field === 'startsAt' || field === 'endsAt'}
                    value={task[field]}
                    onChange={(value) => update(index, { [field]: value })}
                  />
                ))}
                <fieldset className="wide">
                  <legend>負責組別</legend>
                  <div className="checklist">
                    {SECTIONS.map((section) => (
                      <label key={section} className="inline-choice">
                        <input
                          type="checkbox"
                          checked={task.sections.includes(section)}
                          onChange={(e) =>
                            update(index, {
                              sections: e.target.checked
                                ? SECTIONS.filter((s) => s === section || task.sections.includes(s))
                                : task.sections.filter((s) => s !== section),
                            })
                          }
                        />
                        {SECTION_LABELS[section]}
                      </label>
                    ))}
                  </div>
                </fieldset>
                <label className="wide">
                  系統（作業的系統或地點）
                  <input
                    value={task.system}
                    maxLength={100}
                    placeholder="例如：學習歷程中央資料庫"
                    onChange={(e) => update(index, { system: e.target.value })}
                  />
                </label>
                <label className="wide">
                  備註
                  <textarea
                    value={task.notes}
                    rows={2}
                    maxLength={500}
                    onChange={(e) => update(index, { notes: e.target.value })}
                  />
                </label>
              </div>
              <div className="template-task-actions">
                <button
                  type="button"
                  className="secondary"
                  aria-label={`移除第 ${index + 1} 項`}
                  disabled={tasks.length === 1}
                  onClick={() => setTasks(tasks.filter((_, i) => i !== index))}
                >
                  移除
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="template-task-actions">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            setTasks([
              ...tasks,
              { ...tasks[tasks.length - 1]!, key: ++draftKeys, sections: [...tasks[tasks.length - 1]!.sections] },
            ])
          }
        >
          新增一項（複製最後一項）
        </button>
      </div>
      <ErrorList messages={errors} />
      <div className="template-task-actions">
        <button type="submit" disabled={loading}>
          發布
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}

/** 本校採用的範本: for each term, the template the school's windows come from and when the school adopted it. */
function Adoptions({ templates, canEdit }: { templates: Template[]; canEdit: boolean }) {
  const adopted = templates
    .filter((template) => template.schoolAdoption)
    .sort((a, b) => b.termKey.localeCompare(a.termKey) || b.publishedAt.localeCompare(a.publishedAt));
  return (
    <section className="adoptions" aria-labelledby="adoptions-title">
      <h2 id="adoptions-title">本校採用的範本</h2>
      {adopted.length === 0 ? (
        <p>本校尚未採用任何範本。{canEdit && '請在下方的範本按「採用並調整日期」，它的工作就會成為本校的期程。'}</p>
      ) : (
        <ul>
          {adopted.map((template) => (
            <li key={template.id} data-testid="adopted-template">
              <strong>{template.termLabel}</strong>：{template.name}
              <span className="muted">
                （{template.schoolAdoption!.rocAdoptedAt} 採用，本校期程有 {template.schoolAdoption!.windowCount}{' '}
                項工作出自這個範本）
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function TemplatesPage() {
  const { data, error, refetch } = useQuery(TemplatesQuery, { fetchPolicy: 'cache-and-network' });
  const [adopting, setAdopting] = useState<string | null>(null);
  /** The editor: closed, open on an empty template, or open on a copy of this one. */
  const [editor, setEditor] = useState<{ source: Template | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (error) return <p role="alert">無法載入期程範本：{error.message}</p>;
  if (!data) return <p>載入中…</p>;
  const canPublish = Boolean(data.me?.viewerCanPublishTemplates);
  const canEdit = Boolean(data.me?.viewerCanEditTimeline);
  const templates = [...data.timelineTemplates.nodes].reverse();
  return (
    <section>
      <h1>期程範本</h1>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {!canPublish && <Adoptions templates={templates} canEdit={canEdit} />}
      {canPublish &&
        (editor ? (
          <PublishForm
            // A new source starts a new draft rather than keeping the last one's edits.
            key={editor.source?.id ?? 'new'}
            data={data}
            serverTime={data.me!.serverTime}
            source={editor.source}
            onCancel={() => setEditor(null)}
            onDone={() => {
              setEditor(null);
              setNotice('範本已發布。');
              void refetch();
            }}
          />
        ) : (
          <p>
            <button type="button" onClick={() => setEditor({ source: null })}>
              發布新範本
            </button>{' '}
            <span className="muted">或在下方的範本按「複製為新範本」，從它的內容開始修改。</span>
          </p>
        ))}
      {templates.length === 0 && <p>尚無範本。</p>}
      {templates.map((template) => {
        const adoption = template.schoolAdoption;
        return (
          <article key={template.id} className={adoption ? 'template adopted' : 'template'}>
            <h2>
              {template.termLabel}：{template.name} {adoption && <span className="badge adopted">本校已採用</span>}
            </h2>
            <p className="muted">
              發布於 {rocDate(template.publishedAt)}
              {adoption && `；本校於 ${adoption.rocAdoptedAt} 採用`}
            </p>
            {adopting === template.id ? (
              <AdoptForm
                template={template}
                onDone={() => {
                  setAdopting(null);
                  setNotice(`已採用「${template.name}」為本校期程。`);
                  void refetch();
                }}
              />
            ) : (
              <>
                <ul>
                  {template.tasks.map((task) => (
                    <li key={task.id}>
                      {task.label}：{task.rocWindow}
                    </li>
                  ))}
                </ul>
                {canEdit && (
                  <button type="button" onClick={() => setAdopting(template.id)}>
                    {adoption ? '重新採用並調整日期' : '採用並調整日期'}
                  </button>
                )}
                {canPublish && (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`複製為新範本：${template.name}`}
                    onClick={() => {
                      setNotice(null);
                      setEditor({ source: template });
                    }}
                  >
                    複製為新範本
                  </button>
                )}
              </>
            )}
          </article>
        );
      })}
    </section>
  );
}
