import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import type { SubmissionCategory, TaskKind, TemplatesPageQuery } from '../gql/graphql';
import { fromTaipeiInput, instantFromInput, rocDate, rocDateTime, toTaipeiInput } from '../lib/roc';
import { ErrorList } from '../components/ErrorList';
import { TableScroll } from '../components/TableScroll';

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
        termKey
        termLabel
        publishedAt
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
    const shifts = template.tasks
      .filter(
        (t) => dates[t.id]!.startsAt !== toTaipeiInput(t.startsAt) || dates[t.id]!.endsAt !== toTaipeiInput(t.endsAt),
      )
      .map((t) => ({
        kind: t.kind,
        category: t.category ?? null,
        period: t.period,
        grade12Round: t.grade12Round,
        startsAt: instantFromInput(dates[t.id]!.startsAt, t.startsAt),
        endsAt: instantFromInput(dates[t.id]!.endsAt, t.endsAt),
      }));
    const result = await adopt({ variables: { input: { templateId: template.id, shifts } } });
    const problems = result.data?.adoptTimelineTemplate.userErrors ?? [];
    setErrors(problems.map((e) => e.message));
    if (problems.length === 0) onDone();
  }
  return (
    <form onSubmit={(event) => void submit(event)} aria-label="採用範本">
      <TableScroll label="範本中的工作與日期">
        <table>
          <thead>
            <tr>
              <th>工作</th>
              <th>開始</th>
              <th>截止</th>
              <th>教育局允許範圍</th>
            </tr>
          </thead>
          <tbody>
            {template.tasks.map((task) => (
              <tr key={task.id}>
                <td>{task.label}</td>
                {(['startsAt', 'endsAt'] as const).map((field) => (
                  <td key={field}>
                    <input
                      type="datetime-local"
                      aria-label={`${task.label}${field === 'startsAt' ? '開始' : '截止'}`}
                      value={dates[task.id]![field]}
                      onChange={(e) =>
                        setDates({ ...dates, [task.id]: { ...dates[task.id]!, [field]: e.target.value } })
                      }
                    />
                  </td>
                ))}
                <td>
                  {rocDateTime(task.earliestStart)}–{rocDateTime(task.latestEnd)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <ErrorList messages={errors} />
      <button type="submit" disabled={loading}>
        採用為本校期程
      </button>
    </form>
  );
}

interface DraftTask {
  kind: TaskKind;
  category: SubmissionCategory | '';
  /** The data the window governs: a term key (1121, 11201) or a year (112_0). */
  period: string;
  grade12Round: boolean;
  startsAt: string;
  endsAt: string;
  earliestStart: string;
  latestEnd: string;
}

/** The bureau's template editor. */
function PublishForm({
  data,
  serverTime,
  onDone,
}: {
  data: TemplatesPageQuery;
  serverTime: string;
  onDone: () => void;
}) {
  const now = new Date(serverTime);
  const year = (now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1) - 1911;
  const [academicYear, setAcademicYear] = useState(year);
  const [semester, setSemester] = useState(now.getUTCMonth() >= 7 || now.getUTCMonth() === 0 ? 1 : 2);
  const [name, setName] = useState('');
  const day = (offset: number) => toTaipeiInput(new Date(now.getTime() + offset * 86400_000));
  const [tasks, setTasks] = useState<DraftTask[]>([
    {
      kind: 'PRECHECK',
      category: '',
      period: `${year}${semester}`,
      grade12Round: false,
      startsAt: day(7),
      endsAt: day(14),
      earliestStart: day(0),
      latestEnd: day(21),
    },
  ]);
  const [errors, setErrors] = useState<string[]>([]);
  const [publish, { loading }] = useMutation(PublishMutation);
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
            startsAt: fromTaipeiInput(t.startsAt),
            endsAt: fromTaipeiInput(t.endsAt),
            earliestStart: t.earliestStart ? fromTaipeiInput(t.earliestStart) : null,
            latestEnd: t.latestEnd ? fromTaipeiInput(t.latestEnd) : null,
          })),
        },
      },
    });
    const problems = result.data?.publishTimelineTemplate.userErrors ?? [];
    setErrors(problems.map((e) => e.message));
    if (problems.length === 0) onDone();
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="發布期程範本" className="card-form">
      <h3>發布新範本</h3>
      <p className="muted">
        每項工作填它所管的資料期間，而不是作業的月份：例如第2學期的範本裡，上傳、認證與提交的多半是第1學期（如
        1121）的資料；勾選、多元表現登錄與課程學習成果、多元表現的提交每學年一次，填學年度（如 112_0）。
      </p>
      <label>
        學年度
        <input type="number" value={academicYear} onChange={(e) => setAcademicYear(Number(e.target.value))} />
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
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <TableScroll label="新範本的工作">
        <table>
          <thead>
            <tr>
              <th>工作</th>
              <th>類別</th>
              <th>資料期間</th>
              <th>高三梯次</th>
              <th>預設開始</th>
              <th>預設截止</th>
              <th>最早開始</th>
              <th>最晚截止</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tasks.map((task, index) => (
              <tr key={index}>
                <td>
                  <select value={task.kind} onChange={(e) => update(index, { kind: e.target.value as TaskKind })}>
                    {data.taskKinds.map((option) => (
                      <option key={option.kind} value={option.kind}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {task.kind === 'SUBMIT' && (
                    <select
                      value={task.category}
                      onChange={(e) => update(index, { category: e.target.value as SubmissionCategory })}
                    >
                      <option value="">（請選擇）</option>
                      {data.submissionCategories.map((option) => (
                        <option key={option.category} value={option.category}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td>
                  <input
                    value={task.period}
                    size={6}
                    aria-label={`第 ${index + 1} 項的資料期間（學期如 1121，整個學年度如 112_0）`}
                    onChange={(e) => update(index, { period: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    checked={task.grade12Round}
                    aria-label={`第 ${index + 1} 項為高三升學前梯次`}
                    disabled={!data.taskKinds.find((option) => option.kind === task.kind)?.inGrade12Round}
                    onChange={(e) => update(index, { grade12Round: e.target.checked })}
                  />
                </td>
                {(['startsAt', 'endsAt', 'earliestStart', 'latestEnd'] as const).map((field) => (
                  <td key={field}>
                    <input
                      type="datetime-local"
                      value={task[field]}
                      onChange={(e) => update(index, { [field]: e.target.value })}
                    />
                  </td>
                ))}
                <td>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setTasks(tasks.filter((_, i) => i !== index))}
                  >
                    移除
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <button type="button" className="secondary" onClick={() => setTasks([...tasks, { ...tasks[tasks.length - 1]! }])}>
        新增一項
      </button>
      <ErrorList messages={errors} />
      <button type="submit" disabled={loading}>
        發布
      </button>
    </form>
  );
}

export function TemplatesPage() {
  const { data, error, refetch } = useQuery(TemplatesQuery, { fetchPolicy: 'cache-and-network' });
  const [adopting, setAdopting] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  if (error) return <p role="alert">無法載入期程範本：{error.message}</p>;
  if (!data) return <p>載入中…</p>;
  return (
    <section>
      <h2>期程範本</h2>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {data.me?.viewerCanPublishTemplates &&
        (publishing ? (
          <PublishForm
            data={data}
            serverTime={data.me.serverTime}
            onDone={() => {
              setPublishing(false);
              setNotice('範本已發布。');
              void refetch();
            }}
          />
        ) : (
          <button type="button" onClick={() => setPublishing(true)}>
            發布新範本
          </button>
        ))}
      {data.timelineTemplates.nodes.length === 0 && <p>尚無範本。</p>}
      {[...data.timelineTemplates.nodes].reverse().map((template) => (
        <article key={template.id} className="template">
          <h3>
            {template.termLabel}：{template.name}
          </h3>
          <p className="muted">發布於 {rocDate(template.publishedAt)}</p>
          {adopting === template.id ? (
            <AdoptForm
              template={template}
              onDone={() => {
                setAdopting(null);
                setNotice(`已採用「${template.name}」為本校期程。`);
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
              {data.me?.viewerCanEditTimeline && (
                <button type="button" onClick={() => setAdopting(template.id)}>
                  採用並調整日期
                </button>
              )}
            </>
          )}
        </article>
      ))}
    </section>
  );
}
