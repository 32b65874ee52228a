import { useMutation, useQuery } from '@apollo/client/react';
import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import type { TimelinePageQuery } from '../gql/graphql';
import { instantFromInput, rocDate, rocDateTime, toTaipeiInput } from '../lib/roc';
import { ErrorList } from '../components/ErrorList';
import { TableScroll } from '../components/TableScroll';
import { ExtensionForm } from '../components/ExtensionForm';
import { RocDateField } from '../components/RocDateField';
import { SECTION_LABELS } from '../lib/sections';

const TimelineQuery = graphql(`
  query TimelinePage {
    me {
      id
      serverTime
      viewerCanEditTimeline
      currentTerm {
        id
        label
      }
    }
    timeline {
      id
      kind
      label
      startsAt
      endsAt
      earliestStart
      latestEnd
      rocWindow
      state
      stateLabel
      sections
      system
      notes
      version
    }
  }
`);

const MoveMutation = graphql(`
  mutation MoveTimelineTask($input: MoveTimelineTaskInput!) {
    moveTimelineTask(input: $input) {
      task {
        id
        startsAt
        endsAt
        rocWindow
        state
        stateLabel
        version
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

type Task = TimelinePageQuery['timeline'][number];

/** Windows in which students act, so one student may be given a later end. */
const STUDENT_WINDOWS: string[] = [
  'UPLOAD_COURSE_OUTCOMES',
  'SELECT_COURSE_OUTCOMES',
  'UPLOAD_PERFORMANCES',
  'SELECT_PERFORMANCES',
  'CONFIRM_RECEIPTS',
];

/** The line for now; its label goes to the line's left when on the right it would stick out of the chart. */
function TodayMarker({ left, label }: { left: string; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [late, setLate] = useState(false);
  useLayoutEffect(() => {
    const marker = ref.current;
    const chart = marker?.closest('.chart');
    const text = marker?.querySelector('span');
    if (!marker || !chart || !text) return;
    setLate(marker.getBoundingClientRect().left + text.offsetWidth + 8 > chart.getBoundingClientRect().right);
  }, [left, label]);
  return (
    <div ref={ref} className={late ? 'today late' : 'today'} style={{ left }} data-testid="today-marker">
      <span>{label}</span>
    </div>
  );
}

/** Bars on one time axis, with a marker for now. */
function TimelineChart({ tasks, now }: { tasks: Task[]; now: Date }) {
  if (tasks.length === 0) return null;
  const start = Math.min(...tasks.map((t) => new Date(t.startsAt).getTime()), now.getTime());
  const end = Math.max(...tasks.map((t) => new Date(t.endsAt).getTime()), now.getTime());
  const span = Math.max(end - start, 1);
  const percent = (time: number) => `${(((time - start) / span) * 100).toFixed(2)}%`;
  return (
    <div className="chart" aria-label="期程圖">
      <div className="chart-overlay">
        <TodayMarker left={percent(now.getTime())} label={`今天 ${rocDate(now)}`} />
      </div>
      {tasks.map((task) => {
        const from = new Date(task.startsAt).getTime();
        const to = new Date(task.endsAt).getTime();
        return (
          <div className="chart-row" key={task.id}>
            <span className="chart-label">{task.label}</span>
            <div className="chart-track">
              <div
                className={`bar ${task.state.toLowerCase()}`}
                style={{ left: percent(from), width: `calc(${percent(to)} - ${percent(from)})` }}
                title={`${task.label} ${task.rocWindow}（${task.stateLabel}）`}
              />
            </div>
          </div>
        );
      })}
    </div>
  );
}

function MoveForm({ task, onDone }: { task: Task; onDone: () => void }) {
  const [startsAt, setStartsAt] = useState(toTaipeiInput(task.startsAt));
  const [endsAt, setEndsAt] = useState(toTaipeiInput(task.endsAt));
  const [errors, setErrors] = useState<string[]>([]);
  const [move, { loading }] = useMutation(MoveMutation);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await move({
      variables: {
        input: {
          taskId: task.id,
          startsAt: instantFromInput(startsAt, task.startsAt),
          endsAt: instantFromInput(endsAt, task.endsAt),
        },
      },
    });
    const problems = result.data?.moveTimelineTask.userErrors ?? [];
    setErrors(problems.map((e) => e.message));
    if (problems.length === 0) onDone();
  }
  return (
    <form className="inline" onSubmit={(event) => void submit(event)} aria-label={`調整「${task.label}」`}>
      <RocDateField
        label="開始"
        withTime
        required
        min={toTaipeiInput(task.earliestStart)}
        max={toTaipeiInput(task.latestEnd)}
        value={startsAt}
        onChange={setStartsAt}
      />
      <RocDateField
        label="截止"
        withTime
        required
        min={toTaipeiInput(task.earliestStart)}
        max={toTaipeiInput(task.latestEnd)}
        value={endsAt}
        onChange={setEndsAt}
      />
      <button type="submit" disabled={loading}>
        儲存
      </button>
      <button type="button" className="secondary" onClick={onDone}>
        取消
      </button>
      <p className="muted">
        教育局允許範圍：{rocDateTime(task.earliestStart)}–{rocDateTime(task.latestEnd)}
      </p>
      <ErrorList messages={errors} />
    </form>
  );
}

export function TimelinePage() {
  const { data, error, refetch } = useQuery(TimelineQuery, { fetchPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState<string | null>(null);
  if (error) return <p role="alert">無法載入期程：{error.message}</p>;
  if (!data?.me) return <p>載入中…</p>;
  const now = new Date(data.me.serverTime);
  const canEdit = data.me.viewerCanEditTimeline;
  return (
    <section>
      <h1>{data.me.currentTerm?.label ?? ''} 期程</h1>
      {data.timeline.length === 0 ? (
        <p>本學期尚未排定期程。{canEdit && '請到「期程範本」採用教育局的範本。'}</p>
      ) : (
        <>
          <TimelineChart tasks={data.timeline} now={now} />
          <TableScroll label="期程表">
            <table>
              <thead>
                <tr>
                  <th>工作</th>
                  <th>期間</th>
                  <th>狀態</th>
                  <th>負責</th>
                  <th>系統</th>
                  <th>備註</th>
                  {canEdit && <th />}
                </tr>
              </thead>
              <tbody>
                {data.timeline.map((task) => (
                  <tr key={task.id} data-state={task.state}>
                    <td>{task.label}</td>
                    <td>
                      {editing === task.id ? (
                        <MoveForm
                          task={task}
                          onDone={() => {
                            setEditing(null);
                            void refetch();
                          }}
                        />
                      ) : (
                        task.rocWindow
                      )}
                    </td>
                    <td>
                      <span className={`state ${task.state.toLowerCase()}`}>{task.stateLabel}</span>
                    </td>
                    <td>{task.sections.map((s) => SECTION_LABELS[s] ?? s).join('、')}</td>
                    <td>{task.system}</td>
                    <td>{task.notes}</td>
                    {canEdit && (
                      <td>
                        {editing !== task.id && (
                          <button type="button" onClick={() => setEditing(task.id)}>
                            調整
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {canEdit && <ExtensionForm tasks={data.timeline.filter((task) => STUDENT_WINDOWS.includes(task.kind))} />}
        </>
      )}
    </section>
  );
}
