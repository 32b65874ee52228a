import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorList } from '../components/ErrorList';
import { TableScroll } from '../components/TableScroll';
import { graphql } from '../gql';
import type { StaggerPreviewQuery, StaggerRule, StaggerTasksQuery } from '../gql/graphql';
import './StaggerPage.css';

const StaggerTasksQuery = graphql(`
  query StaggerTasks {
    staggerableTasks {
      templateTaskId
      taskLabel
      templateName
      rocWindow
      plan {
        id
        rule
        groupCount
        stepDays
        commonPeak
        staggeredPeak
        schoolCount
        rocAppliedAt
        groups {
          number
          rocEndsAt
          schoolNames
        }
      }
    }
  }
`);

const StaggerPreviewQuery = graphql(`
  query StaggerPreview($input: StaggerPlanInput!) {
    staggerPreview(input: $input) {
      taskLabel
      templateName
      rocCommonEndsAt
      totalItems
      groups {
        number
        rocEndsAt
        students
        items
        schools {
          code
          name
          students
          items
          itemsSourceLabel
          rocCurrentEndsAt
        }
      }
      unadoptedSchools {
        code
        name
      }
      days {
        date
        rocDate
        common
        staggered
      }
      commonPeak {
        rocDate
        items
      }
      staggeredPeak {
        rocDate
        items
      }
      problems {
        code
        message
      }
    }
  }
`);

const ApplyStaggerPlanMutation = graphql(`
  mutation ApplyStaggerPlan($input: StaggerPlanInput!) {
    applyStaggerPlan(input: $input) {
      plan {
        id
        schoolCount
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const RULES: { value: StaggerRule; label: string }[] = [
  { value: 'BALANCED', label: '依規模分組（各組件數相近）' },
  { value: 'ROUND_ROBIN', label: '依學校代碼輪流分組' },
];

const number = (value: number) => value.toLocaleString('zh-TW');

/** The bureau spreads one window's end over its schools in groups, sees what it does to the city's peak, applies it. */
export function StaggerPage() {
  const [params, setParams] = useSearchParams();
  const tasks = useQuery(StaggerTasksQuery, { fetchPolicy: 'cache-and-network' });
  const taskId = params.get('task') ?? '';
  const rule = (params.get('rule') as StaggerRule | null) ?? 'BALANCED';
  const groupCount = Number(params.get('groups') ?? '3');
  const stepDays = Number(params.get('step') ?? '2');
  const [notice, setNotice] = useState<string | null>(null);

  const list = tasks.data?.staggerableTasks ?? [];
  const chosen = list.find((task) => task.templateTaskId === taskId) ?? null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setNotice(null);
    setParams({
      task: String(form.get('task') ?? ''),
      rule: String(form.get('rule') ?? 'BALANCED'),
      groups: String(form.get('groups') ?? '3'),
      step: String(form.get('step') ?? '2'),
    });
  };

  return (
    <section className="stagger-page">
      <h1>錯開截止</h1>
      <p className="hint">
        把範本中一項學生上傳或勾選工作的截止，依學校分成幾組、每組晚幾天截止，避免全市在同一天湧入。先試算，看統一截止與錯開截止的全市每日預估件數，再套用；套用後各校這項工作的截止改為所屬組別的日期，學校只能在這個日期之前調整，並會通知相關的人。
      </p>
      {tasks.error && <p role="alert">無法載入範本工作：{tasks.error.message}</p>}
      <form className="stagger-card stagger-form" onSubmit={submit} key={params.toString()}>
        <label>
          範本工作
          <select name="task" defaultValue={taskId} required>
            <option value="">請選擇</option>
            {list.map((task) => (
              <option key={task.templateTaskId} value={task.templateTaskId}>
                {task.taskLabel}（{task.templateName}）{task.plan ? '：已套用' : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          分組方式
          <select name="rule" defaultValue={rule}>
            {RULES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          組數
          <input name="groups" type="number" min={2} max={10} defaultValue={groupCount} required />
        </label>
        <label>
          每組相隔天數
          <input name="step" type="number" min={1} max={14} defaultValue={stepDays} required />
        </label>
        <button type="submit">試算</button>
      </form>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {chosen?.plan && <AppliedPlan plan={chosen.plan} />}
      {taskId && !chosen?.plan && (
        <Preview
          input={{ templateTaskId: taskId, rule, groupCount, stepDays }}
          onApplied={(message) => {
            setNotice(message);
            void tasks.refetch();
          }}
        />
      )}
    </section>
  );
}

type PlanOfTask = NonNullable<StaggerTasksQuery['staggerableTasks'][number]['plan']>;

function AppliedPlan({ plan }: { plan: PlanOfTask }) {
  return (
    <section className="stagger-card" aria-label="已套用的計畫">
      <h2>已套用的計畫</h2>
      <p>
        {plan.rocAppliedAt} 套用：{plan.schoolCount} 所學校分 {plan.groupCount} 組，每組相隔 {plan.stepDays} 天。
      </p>
      <Peaks common={plan.commonPeak} staggered={plan.staggeredPeak} />
      <ol className="stagger-groups">
        {plan.groups.map((group) => (
          <li key={group.number}>
            第 {group.number} 組，{group.rocEndsAt} 截止：{group.schoolNames.join('、')}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Peaks({ common, staggered }: { common: number; staggered: number }) {
  const saved = common > 0 ? Math.round(((common - staggered) / common) * 100) : 0;
  return (
    <dl className="stagger-peaks">
      <div>
        <dt>統一截止的尖峰</dt>
        <dd data-testid="common-peak">{number(common)} 件/日</dd>
      </div>
      <div>
        <dt>錯開截止的尖峰</dt>
        <dd data-testid="staggered-peak">{number(staggered)} 件/日</dd>
      </div>
      <div>
        <dt>尖峰減少</dt>
        <dd>{saved}%</dd>
      </div>
    </dl>
  );
}

function Preview({
  input,
  onApplied,
}: {
  input: { templateTaskId: string; rule: StaggerRule; groupCount: number; stepDays: number };
  onApplied: (message: string) => void;
}) {
  const { data, error, loading } = useQuery(StaggerPreviewQuery, {
    variables: { input },
    fetchPolicy: 'network-only',
  });
  const [apply, applying] = useMutation(ApplyStaggerPlanMutation);
  const [errors, setErrors] = useState<string[]>([]);
  if (error) return <p role="alert">無法試算：{error.message}</p>;
  if (loading || !data) return <p className="muted">試算中…</p>;
  const preview = data.staggerPreview;

  const confirmApply = async () => {
    setErrors([]);
    const result = await apply({ variables: { input } });
    const payload = result.data?.applyStaggerPlan;
    if (!payload || payload.userErrors.length > 0) {
      setErrors(payload?.userErrors.map((e) => e.message) ?? ['套用失敗，請稍後再試。']);
      return;
    }
    onApplied(`已套用：${payload.plan?.schoolCount ?? 0} 所學校的「${preview.taskLabel}」截止已改為所屬組別的日期。`);
  };

  return (
    <section className="stagger-card" aria-label="試算結果">
      <h2>試算：{preview.taskLabel}</h2>
      <p>
        範本「{preview.templateName}」的統一截止為 {preview.rocCommonEndsAt}；全市預估 {number(preview.totalItems)} 件。
      </p>
      <Peaks common={preview.commonPeak?.items ?? 0} staggered={preview.staggeredPeak?.items ?? 0} />
      <p className="hint">
        尖峰日：統一截止 {preview.commonPeak?.rocDate ?? '—'}，錯開截止 {preview.staggeredPeak?.rocDate ?? '—'}
        。每日件數依各校件數與截止前衝刺曲線推估，是模型而非實際流量。
      </p>
      <LoadChart days={preview.days} />
      <ErrorList messages={preview.problems.map((problem) => problem.message)} />
      <h3>分組</h3>
      <ol className="stagger-groups">
        {preview.groups.map((group) => (
          <li key={group.number}>
            <p>
              <strong>
                第 {group.number} 組：{group.rocEndsAt} 截止
              </strong>
              （{group.schools.length} 校，學生 {number(group.students)} 人，預估 {number(group.items)} 件）
            </p>
            <ul>
              {group.schools.map((school) => (
                <li key={school.code + school.name}>
                  {school.name}（{school.code}）：{number(school.items)} 件，{school.itemsSourceLabel}；目前截止{' '}
                  {school.rocCurrentEndsAt}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {preview.unadoptedSchools.length > 0 && (
        <p className="muted">
          未採用這項工作、不在計畫內：{preview.unadoptedSchools.map((school) => school.name).join('、')}
        </p>
      )}
      <ErrorList messages={errors} />
      <button
        type="button"
        onClick={() => void confirmApply()}
        disabled={preview.problems.length > 0 || applying.loading}
      >
        套用這個計畫
      </button>
    </section>
  );
}

type LoadDay = StaggerPreviewQuery['staggerPreview']['days'][number];

const CHART_WIDTH = 320;
const CHART_HEIGHT = 120;

/** The city's expected items per day, both plans as paired bars (SVG), with the same figures in a table. */
function LoadChart({ days }: { days: LoadDay[] }) {
  const max = Math.max(1, ...days.flatMap((day) => [day.common, day.staggered]));
  const slot = CHART_WIDTH / Math.max(1, days.length);
  const bar = Math.max(1, slot / 2 - 1);
  return (
    <figure className="stagger-chart">
      <svg viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`} role="img" aria-label="每日預估件數：統一截止與錯開截止">
        {days.map((day, index) => {
          const common = (day.common / max) * (CHART_HEIGHT - 4);
          const staggered = (day.staggered / max) * (CHART_HEIGHT - 4);
          return (
            <g key={day.date}>
              <rect x={index * slot} y={CHART_HEIGHT - common} width={bar} height={common} className="common" />
              <rect
                x={index * slot + bar + 1}
                y={CHART_HEIGHT - staggered}
                width={bar}
                height={staggered}
                className="staggered"
              />
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span className="legend common">統一截止</span> <span className="legend staggered">錯開截止</span>
      </figcaption>
      <TableScroll label="每日預估件數">
        <table>
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">統一截止</th>
              <th scope="col">錯開截止</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.date}>
                <th scope="row">{day.rocDate}</th>
                <td>{number(day.common)}</td>
                <td>{number(day.staggered)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}
