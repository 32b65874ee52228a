import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorList } from '../components/ErrorList';
import { TableScroll } from '../components/TableScroll';
import { graphql } from '../gql';
import type { BureauBoardQuery } from '../gql/graphql';
import { schoolLabel } from '../lib/statistics-rows';
import { useSearchParam } from '../lib/use-search-param';
import './BoardPage.css';

const BoardQuery = graphql(`
  query BureauBoard($term: String) {
    bureauBoard(term: $term) {
      termKey
      termLabel
      asOfRoc
      alertGapHours
      policy {
        measure
        description
        targetPct
      }
      boardForecastAccuracy {
        horizonDays
        windows
        hits
        misses
        falseAlarms
        correctPasses
        summary
      }
      schools {
        schoolId
        schoolCode
        schoolName
        division
        hasTimeline
        late
        forecastMiss
        categories {
          category
          label
          periodLabel
          stage
          stageLabel
          late
          lateReason
          nextCityDateLabel
        }
        pace {
          day
          dayRoc
          uploads
          certifications
          selections
        }
        forecasts {
          taskId
          taskLabel
          measure
          endsAtRoc
          done
          total
          sharePct
          dailyPace
          daysLeft
          projectedPct
          targetPct
          willMiss
        }
        tasks {
          taskId
          kind
          label
          endsAtRoc
        }
      }
    }
  }
`);

const BoardStaggerQuery = graphql(`
  query BoardStaggerPlans {
    staggerableTasks {
      templateTaskId
      templateName
      taskLabel
      rocWindow
      plan {
        id
        groupCount
        stepDays
        schoolCount
        commonPeak
        staggeredPeak
        rocAppliedAt
      }
    }
  }
`);

const SendAlertMutation = graphql(`
  mutation SendBoardAlert($input: SendBoardAlertInput!) {
    sendBoardAlert(input: $input) {
      alert {
        id
        sentAtRoc
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

type Board = BureauBoardQuery['bureauBoard'];
type School = Board['schools'][number];

const schoolName = schoolLabel;

/** The term before or after a key such as 1151. */
function shiftTerm(key: string, by: 1 | -1): string {
  const year = Number(key.slice(0, 3));
  const semester = Number(key.slice(3));
  const index = year * 2 + (semester - 1) + by;
  return `${Math.floor(index / 2)}${(index % 2) + 1}`;
}

/** The staggering plans of windows still ahead, with the city's expected peak day under one deadline and under each. */
function StaggerPlans() {
  const { data, error } = useQuery(BoardStaggerQuery, { fetchPolicy: 'cache-and-network' });
  if (error) return <p role="alert">無法載入錯開截止計畫：{error.message}</p>;
  const tasks = data?.staggerableTasks ?? [];
  const planned = tasks.filter((task) => task.plan);
  return (
    <section className="board-stagger" aria-labelledby="board-stagger-title">
      <h2 id="board-stagger-title">錯開截止與預估尖峰</h2>
      {planned.length === 0 ? (
        <p>
          尚未開放的上傳、勾選期程都還沒有錯開截止計畫（{tasks.length} 項可錯開）。
          <Link to="/stagger">試算錯開截止</Link>，看統一截止與錯開後全市每日預估件數的尖峰。
        </p>
      ) : (
        <ul>
          {planned.map((task) => {
            const plan = task.plan!;
            const cut = plan.commonPeak > 0 ? Math.round((1 - plan.staggeredPeak / plan.commonPeak) * 100) : 0;
            return (
              <li key={task.templateTaskId}>
                <strong>{task.taskLabel}</strong>（{task.rocWindow}）：{plan.schoolCount} 校分 {plan.groupCount}{' '}
                組、每組相隔 {plan.stepDays} 天；預估尖峰 統一截止 {plan.commonPeak} 件/日 → 錯開後 {plan.staggeredPeak}{' '}
                件/日（{cut >= 0 ? `減少 ${cut}%` : `增加 ${-cut}%`}）。{plan.rocAppliedAt} 套用。
                <Link to={`/stagger?task=${encodeURIComponent(task.templateTaskId)}`}>看各組與每日件數</Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** 教育局即時看板: each school's stage per category against the city's dates, its pace, and the forecast. */
export function BoardPage({ children }: { children?: ReactNode }) {
  const [term, setTerm] = useSearchParam('term');
  const { data, error, refetch } = useQuery(BoardQuery, {
    variables: { term },
    fetchPolicy: 'cache-and-network',
  });
  if (error) return <p role="alert">無法載入看板：{error.message}</p>;
  const board = data?.bureauBoard;
  if (!board) return <p>載入中…</p>;
  const missing = board.schools.filter((school) => school.forecastMiss).length;
  const late = board.schools.filter((school) => school.late).length;
  return (
    <section className="board">
      <h1>教育局即時看板</h1>
      <nav className="board-terms" aria-label="學期">
        <button type="button" className="secondary" onClick={() => setTerm(shiftTerm(board.termKey, -1))}>
          ← 上一學期
        </button>
        <strong>{board.termLabel}</strong>
        <button type="button" className="secondary" onClick={() => setTerm(shiftTerm(board.termKey, 1))}>
          下一學期 →
        </button>
      </nav>
      <p className="muted">
        資料時間 {board.asOfRoc}。{board.schools.length} 所學校（部別）：{late} 所有類別落後市定日期，{missing}{' '}
        所預估無法如期完成。
      </p>

      <section className="board-accuracy" aria-labelledby="board-accuracy-title">
        <h2 id="board-accuracy-title">預測準確度（回測）</h2>
        <p>{board.boardForecastAccuracy.summary}</p>
        <dl>
          <dt>預測延誤且確實延誤</dt>
          <dd>{board.boardForecastAccuracy.hits}</dd>
          <dt>漏報（未預測卻延誤）</dt>
          <dd>{board.boardForecastAccuracy.misses}</dd>
          <dt>誤報（預測延誤卻如期）</dt>
          <dd>{board.boardForecastAccuracy.falseAlarms}</dd>
          <dt>預測如期且如期</dt>
          <dd>{board.boardForecastAccuracy.correctPasses}</dd>
        </dl>
        <details>
          <summary>預測怎麼算</summary>
          <p>
            完成率＝已完成 ÷ 應完成。預估截止時完成數＝目前已完成＋近 7 日平均每日完成數 ×
            距學校截止的天數（不超過應完成數）；
            預估完成率低於目標就列為「預估延誤」。回測：對每個已截止的期程，在截止前{' '}
            {board.boardForecastAccuracy.horizonDays} 天做同樣的預測，再和截止時的實際完成率比較。
          </p>
          <ul>
            {board.policy.map((policy) => (
              <li key={policy.measure}>
                {policy.description}：目標 {policy.targetPct}%
              </li>
            ))}
          </ul>
        </details>
      </section>

      <h2>各校進度</h2>
      <PaceLegend />
      <TableScroll label="各校進度與預測" className="board-table">
        <table>
          <caption>{board.termLabel}各校各類別階段、近 7 日速度與完成預測</caption>
          <thead>
            <tr>
              <th scope="col">學校</th>
              {board.schools[0]?.categories.map((category) => (
                <th scope="col" key={category.category}>
                  {category.label}
                </th>
              ))}
              <th scope="col">近 7 日（上傳／認證／勾選）</th>
              <th scope="col">完成預測</th>
            </tr>
          </thead>
          <tbody>
            {board.schools.map((school) => (
              <SchoolRow key={school.schoolId} school={school} />
            ))}
          </tbody>
        </table>
      </TableScroll>

      <StaggerPlans />
      <AlertForm board={board} onSent={() => void refetch()} />
      {children}
    </section>
  );
}

function SchoolRow({ school }: { school: School }) {
  return (
    <tr>
      <th scope="row">
        {schoolName(school)}
        <br />
        <span className="muted">{school.schoolCode}</span>
      </th>
      {school.categories.map((category) => (
        <td key={category.category}>
          {category.periodLabel && <span className="muted period">{category.periodLabel}</span>}
          <span className="stage">{category.stageLabel}</span>
          {category.late ? (
            <span className="late">落後：{category.lateReason}</span>
          ) : (
            category.nextCityDateLabel && (
              <span className="muted next">下一個市定日期：{category.nextCityDateLabel}</span>
            )
          )}
        </td>
      ))}
      <td>
        <PaceBars school={school} />
      </td>
      <td>
        {!school.hasTimeline ? (
          <span className="muted">尚未採用本學期期程</span>
        ) : school.forecasts.length === 0 ? (
          <span className="muted">沒有開放中可預測的期程</span>
        ) : (
          <ul className="forecasts">
            {school.forecasts.map((forecast) => (
              <li key={forecast.taskId}>
                {forecast.taskLabel}（{forecast.endsAtRoc} 截止）：目前{' '}
                {forecast.sharePct === null
                  ? '沒有應完成的件數'
                  : `${forecast.done}/${forecast.total}（${forecast.sharePct}%）`}
                ，每日 {forecast.dailyPace} 件，預估 {forecast.projectedPct ?? '—'}%，目標 {forecast.targetPct}%。
                {forecast.willMiss ? (
                  <strong className="late">預估延誤</strong>
                ) : (
                  <span className="on-track">可如期完成</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

const SERIES = [
  { key: 'uploads', name: '上傳', color: '#1570ef' },
  { key: 'certifications', name: '認證', color: '#079455' },
  { key: 'selections', name: '勾選', color: '#dc6803' },
] as const;

function PaceLegend() {
  return (
    <p className="pace-legend" aria-hidden="true">
      {SERIES.map((series) => (
        <span key={series.key}>
          <svg width="10" height="10">
            <rect width="10" height="10" fill={series.color} />
          </svg>
          {series.name}
        </span>
      ))}
    </p>
  );
}

/** Seven days of three small bars each, scaled to the school's busiest figure; the words say the same. */
function PaceBars({ school }: { school: School }) {
  const max = Math.max(1, ...school.pace.flatMap((day) => SERIES.map((series) => day[series.key])));
  const bar = 4;
  const group = SERIES.length * bar + 3;
  const height = 28;
  const described = school.pace
    .map((day) => `${day.dayRoc} ${SERIES.map((series) => `${series.name} ${day[series.key]}`).join('、')}`)
    .join('；');
  const totals = SERIES.map(
    (series) => `${series.name} ${school.pace.reduce((sum, day) => sum + day[series.key], 0)}`,
  ).join('／');
  return (
    <figure className="pace">
      <svg role="img" aria-label={`近 7 日每日件數：${described}`} width={group * 7} height={height}>
        <title>{`近 7 日每日件數：${described}`}</title>
        {school.pace.map((day, i) =>
          SERIES.map((series, j) => {
            const value = day[series.key];
            const h = value === 0 ? 0 : Math.max(2, Math.round((value / max) * (height - 2)));
            return (
              <rect
                key={`${day.day}-${series.key}`}
                x={i * group + j * bar}
                y={height - h}
                width={bar - 1}
                height={h}
                fill={series.color}
              />
            );
          }),
        )}
      </svg>
      <figcaption>合計 {totals}</figcaption>
    </figure>
  );
}

function AlertForm({ board, onSent }: { board: Board; onSent: () => void }) {
  const schools = board.schools.filter((school) => school.tasks.length > 0);
  // A school forecast to miss, or late, is the likely one to alert: it comes first.
  const first = schools.find((school) => school.forecastMiss) ?? schools.find((school) => school.late) ?? schools[0];
  const [schoolId, setSchoolId] = useState(first?.schoolId ?? '');
  const school = schools.find((s) => s.schoolId === schoolId) ?? first;
  const suggested = school?.forecasts.find((f) => f.willMiss)?.taskId ?? school?.tasks[0]?.taskId ?? '';
  const [taskId, setTaskId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [sent, setSent] = useState<string | null>(null);
  const [send, { loading }] = useMutation(SendAlertMutation);
  if (!school) return null;
  const chosenTask = school.tasks.find((t) => t.taskId === taskId) ? taskId! : suggested;

  const submit = async () => {
    setErrors([]);
    setSent(null);
    const result = await send({ variables: { input: { schoolId: school.schoolId, taskId: chosenTask, note } } }).catch(
      (error: Error) => {
        setErrors([error.message]);
        return null;
      },
    );
    const payload = result?.data?.sendBoardAlert;
    if (!payload) return;
    if (payload.userErrors.length > 0) {
      setErrors(payload.userErrors.map((e) => e.message));
      return;
    }
    const task = school.tasks.find((t) => t.taskId === chosenTask);
    setSent(`已於 ${payload.alert!.sentAtRoc} 提醒 ${schoolName(school)} 的負責組別：「${task?.label ?? ''}」。`);
    setNote('');
    onSent();
  };

  return (
    <form
      className="board-alert"
      aria-label="提醒學校"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>提醒學校</h2>
      <p className="muted">
        提醒會即時送到該校負責這項工作的組別（與期限提醒相同的通知）；同一所學校的同一項工作 {board.alertGapHours}{' '}
        小時內只送一次。
      </p>
      <label>
        學校
        <select
          value={school.schoolId}
          onChange={(event) => {
            setSchoolId(event.target.value);
            setTaskId(null);
          }}
        >
          {schools.map((s) => (
            <option key={s.schoolId} value={s.schoolId}>
              {schoolName(s)}
              {s.forecastMiss ? '（預估延誤）' : s.late ? '（落後）' : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        期程工作
        <select value={chosenTask} onChange={(event) => setTaskId(event.target.value)}>
          {school.tasks.map((task) => (
            <option key={task.taskId} value={task.taskId}>
              {task.label}（{task.endsAtRoc} 截止）
            </option>
          ))}
        </select>
      </label>
      <label>
        附註（選填，100 字以內）
        <textarea value={note} maxLength={100} rows={2} onChange={(event) => setNote(event.target.value)} />
      </label>
      <ErrorList messages={errors} />
      <button type="submit" disabled={loading}>
        送出提醒
      </button>
      <p role="status">{sent}</p>
    </form>
  );
}
