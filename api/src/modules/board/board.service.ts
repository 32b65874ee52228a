import type { AppContext } from '../../common/context.js';
import { forbidden, notFound, unauthenticated } from '../../common/errors.js';
import { idOfType, toGlobalId } from '../../common/ids.js';
import {
  academicYearOf,
  formatRocCalendarDate,
  formatRocDateTime,
  parseTermKey,
  semesterOf,
  taipeiIsoDate,
  termKey,
  termLabel,
} from '../../common/roc.js';
import { CATEGORY_LABELS, isAnnualCategory, SubmissionCategory } from '../../common/submission-category.js';
import { userError, type Result } from '../../common/user-error.js';
import type { Viewer } from '../../common/viewer.js';
import type { DataPeriod } from '../../common/data-period.js';
import { ALERT_CHANNEL } from '../alerts/alert-hub.js';
import { recordAudit } from '../audit/audit.service.js';
import { cityTermProgress } from '../statistics/statistics.service.js';
import { mayReadCityStatistics } from '../statistics/statistics.permissions.js';
import type { SchoolTermProgressRow } from '../statistics/statistics.types.js';
import { TaskKind } from '../timeline/timeline.enums.js';
import { taskLabel } from '../timeline/timeline-window.js';
import {
  addDays,
  BACKTEST_HORIZON_DAYS,
  type BacktestTally,
  backtestWindow,
  BoardMeasure,
  type DailySeries,
  emptySeries,
  FORECAST_TARGET_PCT,
  forecastAt,
  MEASURE_OF,
  PACE_DAYS,
} from './board-forecast.js';
import {
  BOARD_MEASURE_LABELS,
  BOARD_STAGE_LABELS,
  type BoardAlertSent,
  BoardCategory,
  BoardForecast,
  type BoardForecastAccuracy,
  type BoardPaceDay,
  type BoardSchool,
  BoardStage,
  type BoardTask,
  type BureauBoard,
  type SendBoardAlertInput,
} from './board.types.js';

/** A second alert about the same school's task within this many hours is refused (the first one is enough). */
export const BOARD_ALERT_GAP_HOURS = 6;
const NOTE_MAX = 100;

const requireBureau = (ctx: Pick<AppContext, 'viewer'>): Viewer => {
  if (!ctx.viewer) throw unauthenticated();
  if (!mayReadCityStatistics(ctx.viewer)) throw forbidden('查看教育局即時看板（限教育局）');
  return ctx.viewer;
};

interface WindowRow {
  school_id: string;
  code: string;
  name: string;
  division: string;
  term_id: string | null;
  task_id: string | null;
  kind: TaskKind | null;
  category: SubmissionCategory | null;
  grade12_round: boolean | null;
  data_year: number | null;
  data_semester: DataPeriod['semester'] | null;
  starts_at: Date | string | null;
  ends_at: Date | string | null;
  template_task_id: string | null;
}

interface Window {
  id: string;
  kind: TaskKind;
  category: SubmissionCategory | null;
  grade12Round: boolean;
  dataYear: number;
  dataSemester: DataPeriod['semester'];
  startsAt: Date;
  endsAt: Date;
  /** The end of the template task it came from: the city's target date. */
  cityEndsAt: Date | null;
  label: string;
}

interface RoundRow {
  school_id: string;
  year: number;
  semester: number;
  category: SubmissionCategory;
  grade12_round: boolean;
  submitted_at: Date | string | null;
  receipts_at: Date | string | null;
  locked_at: Date | string | null;
}

interface SeriesRow {
  school_id: string;
  measure: BoardMeasure | 'UPLOADS' | 'CERTIFICATIONS' | 'SELECTIONS';
  data_year: number | null;
  data_semester: number | null;
  day: string | Date;
  total_added: number;
  done_added: number;
}

const isoDay = (day: string | Date): string => (typeof day === 'string' ? day.slice(0, 10) : taipeiIsoDate(day));

/** The windows before submission that place a category, in the order its work goes. */
const WORK_STAGES: Record<SubmissionCategory, [TaskKind, BoardStage][]> = {
  [SubmissionCategory.BASIC]: [],
  [SubmissionCategory.COURSE_RECORDS]: [
    [TaskKind.PRECHECK, BoardStage.PRECHECK],
    [TaskKind.GRADE_ENTRY, BoardStage.GRADE_ENTRY],
  ],
  [SubmissionCategory.COURSE_OUTCOMES]: [
    [TaskKind.UPLOAD_COURSE_OUTCOMES, BoardStage.UPLOADING],
    [TaskKind.CERTIFY_COURSE_OUTCOMES, BoardStage.CERTIFYING],
    [TaskKind.SELECT_COURSE_OUTCOMES, BoardStage.SELECTING],
  ],
  [SubmissionCategory.PERFORMANCES]: [
    [TaskKind.UPLOAD_PERFORMANCES, BoardStage.UPLOADING],
    [TaskKind.SELECT_PERFORMANCES, BoardStage.SELECTING],
  ],
};

/** The round a window's data goes in: its term, or for a year's items the year's second term. */
const roundOf = (window: Pick<Window, 'dataYear' | 'dataSemester'>): { year: number; semester: number } => ({
  year: window.dataYear,
  semester: window.dataSemester === 0 ? 2 : window.dataSemester,
});

/** The round a window of a category feeds: a year's items go in the round of its second term. */
const categoryRound = (category: SubmissionCategory, window: Window): { year: number; semester: number } =>
  isAnnualCategory(category) ? { year: window.dataYear, semester: 2 } : roundOf(window);

const sameRound = (window: Window, round: { year: number; semester: number } | null): boolean => {
  const own = roundOf(window);
  return round !== null && own.year === round.year && own.semester === round.semester;
};

const seriesKey = (schoolId: string, measure: BoardMeasure, year: number, semester: number): string =>
  `${schoolId}:${measure}:${year}:${semester}`;

/** The data period a measure of a window counts: selection counts the academic year, the others its term. */
const measurePeriod = (measure: BoardMeasure, window: Window): { year: number; semester: number } =>
  measure === BoardMeasure.SELECT
    ? { year: window.dataYear, semester: 0 }
    : measure === BoardMeasure.CONFIRM
      ? roundOf(window)
      : { year: window.dataYear, semester: window.dataSemester };

const at = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

/**
 * The bureau's live board for one term: each school of the authority with its categories' stages against the city's
 * dates, the last 7 days' pace, the forecast of its open windows, and the backtest of the same forecast.
 */
export async function bureauBoard(ctx: AppContext, term: string | null | undefined): Promise<BureauBoard> {
  requireBureau(ctx);
  const now = ctx.services.clock.now();
  // The term shown: the one named, else the one the clock is in.
  const shown = term ? parseTermKey(term) : { year: academicYearOf(now), semester: semesterOf(now) };
  const shownKey = termKey(shown.year, shown.semester);
  // The term's progress rows (the statistics' own figures), which also refuse a term no school of the city has.
  const progress = new Map<string, SchoolTermProgressRow>();
  let after: string | null = null;
  do {
    const page = await cityTermProgress(ctx, { term: shownKey, first: 100, after });
    for (const row of page.nodes) progress.set(row.schoolId, row);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);

  const windowRows = await ctx.em.execute<WindowRow[]>('select * from board_city_windows(?, ?)', [
    shown.year,
    shown.semester,
  ]);
  const templateIds = [...new Set(windowRows.map((row) => row.template_task_id).filter((id) => id !== null))];
  // The city's target dates: the template tasks the schools adopted, which the bureau reads as its own.
  const cityEnds = new Map(
    (templateIds.length
      ? await ctx.em.execute<{ id: string; ends_at: Date | string }[]>(
          'select id, ends_at from timeline_template_task where id = any(?::uuid[])',
          [`{${templateIds.join(',')}}`],
        )
      : []
    ).map((row) => [row.id, new Date(row.ends_at)]),
  );

  const schools = new Map<string, { row: WindowRow; windows: Window[] }>();
  for (const row of windowRows) {
    const entry = schools.get(row.school_id) ?? { row, windows: [] };
    schools.set(row.school_id, entry);
    if (!row.task_id || !row.kind) continue;
    const identity = {
      kind: row.kind,
      category: row.category,
      dataYear: row.data_year!,
      dataSemester: row.data_semester!,
      grade12Round: Boolean(row.grade12_round),
    };
    entry.windows.push({
      ...identity,
      id: row.task_id,
      grade12Round: identity.grade12Round,
      startsAt: new Date(row.starts_at!),
      endsAt: new Date(row.ends_at!),
      cityEndsAt: row.template_task_id ? (cityEnds.get(row.template_task_id) ?? null) : null,
      label: taskLabel(identity),
    });
  }

  const years = [...new Set([shown.year, ...[...schools.values()].flatMap((s) => s.windows.map((w) => w.dataYear))])];
  const yearsArray = `{${years.join(',')}}`;
  const today = taipeiIsoDate(now);
  const paceFrom = addDays(today, -(PACE_DAYS - 1));
  const [roundRows, seriesRows] = [
    await ctx.em.execute<RoundRow[]>('select * from board_city_rounds(?::int[])', [yearsArray]),
    await ctx.em.execute<SeriesRow[]>('select * from board_city_series(?::int[], ?::date)', [yearsArray, paceFrom]),
  ];
  const rounds = new Map(
    roundRows.map((row) => [`${row.school_id}:${row.year}:${row.semester}:${row.category}:${row.grade12_round}`, row]),
  );
  const series = new Map<string, DailySeries>();
  const pace = new Map<string, Map<string, BoardPaceDay>>();
  for (const row of seriesRows) {
    const day = isoDay(row.day);
    if (row.measure === 'UPLOADS' || row.measure === 'CERTIFICATIONS' || row.measure === 'SELECTIONS') {
      const days = pace.get(row.school_id) ?? new Map<string, BoardPaceDay>();
      pace.set(row.school_id, days);
      const entry = days.get(day) ?? { day, dayRoc: '', uploads: 0, certifications: 0, selections: 0 };
      days.set(day, entry);
      const field =
        row.measure === 'UPLOADS' ? 'uploads' : row.measure === 'CERTIFICATIONS' ? 'certifications' : 'selections';
      entry[field] += Number(row.done_added);
      continue;
    }
    const k = seriesKey(row.school_id, row.measure, row.data_year!, row.data_semester!);
    const s = series.get(k) ?? emptySeries();
    series.set(k, s);
    if (row.total_added) s.totalByDay.set(day, (s.totalByDay.get(day) ?? 0) + Number(row.total_added));
    if (row.done_added) s.doneByDay.set(day, (s.doneByDay.get(day) ?? 0) + Number(row.done_added));
  }
  const seriesOf = (schoolId: string, measure: BoardMeasure, window: Window): DailySeries => {
    const period = measurePeriod(measure, window);
    return series.get(seriesKey(schoolId, measure, period.year, period.semester)) ?? emptySeries();
  };

  const tally: BacktestTally = { windows: 0, hits: 0, misses: 0, falseAlarms: 0, correctPasses: 0 };
  const boardSchools: BoardSchool[] = [];
  for (const [schoolId, { row, windows }] of schools) {
    const forecasts: BoardForecast[] = [];
    for (const window of windows) {
      const measure = MEASURE_OF[window.kind];
      // A 高三 round's window concerns grade-12 students only, whom the school-wide measures do not single out.
      if (!measure || window.grade12Round) continue;
      const target = FORECAST_TARGET_PCT[measure];
      const s = seriesOf(schoolId, measure, window);
      if (window.endsAt <= now) backtestWindow(tally, s, window, target, BACKTEST_HORIZON_DAYS);
      if (window.startsAt <= now && now < window.endsAt) {
        const figures = forecastAt(s, window, now, target);
        forecasts.push(
          Object.assign(new BoardForecast(), {
            taskId: toGlobalId('TimelineTask', window.id),
            taskKind: window.kind,
            taskLabel: window.label,
            measure,
            endsAt: window.endsAt,
            endsAtRoc: formatRocDateTime(window.endsAt),
            cityEndsAt: window.cityEndsAt,
            ...figures,
          }),
        );
      }
    }
    const categories = Object.values(SubmissionCategory).map((category) =>
      categoryStage(schoolId, category, windows, rounds, series, now),
    );
    const days = pace.get(schoolId);
    const paceDays: BoardPaceDay[] = Array.from({ length: PACE_DAYS }, (_, i) => {
      const day = addDays(paceFrom, i);
      const entry = days?.get(day);
      return {
        day,
        dayRoc: formatRocCalendarDate(day),
        uploads: entry?.uploads ?? 0,
        certifications: entry?.certifications ?? 0,
        selections: entry?.selections ?? 0,
      };
    });
    const schoolGlobalId = toGlobalId('School', schoolId);
    boardSchools.push({
      schoolId: schoolGlobalId,
      schoolCode: row.code,
      schoolName: row.name,
      division: row.division,
      hasTimeline: windows.length > 0,
      categories,
      pace: paceDays,
      forecasts,
      tasks: windows.map((w): BoardTask => ({
        taskId: toGlobalId('TimelineTask', w.id),
        kind: w.kind,
        label: w.label,
        endsAt: w.endsAt,
        endsAtRoc: formatRocDateTime(w.endsAt),
      })),
      late: categories.some((c) => c.late),
      forecastMiss: forecasts.some((f) => f.willMiss),
      progress: progress.get(schoolGlobalId) ?? null,
    });
  }

  return {
    termKey: shownKey,
    termLabel: termLabel(shown.year, shown.semester),
    asOf: now,
    asOfRoc: formatRocDateTime(now),
    schools: boardSchools,
    boardForecastAccuracy: accuracy(tally),
    policy: Object.values(BoardMeasure).map((measure) => ({
      measure,
      description: BOARD_MEASURE_LABELS[measure],
      targetPct: FORECAST_TARGET_PCT[measure],
    })),
    alertGapHours: BOARD_ALERT_GAP_HOURS,
  };
}

function accuracy(tally: BacktestTally): BoardForecastAccuracy {
  const missed = tally.hits + tally.misses;
  const summary =
    tally.windows === 0
      ? `這個學期還沒有可回測的已截止期程（需在截止前 ${BACKTEST_HORIZON_DAYS} 天已開放且有應完成件數）。`
      : `回測 ${tally.windows} 個已截止的期程：實際延誤 ${missed} 個，其中 ${tally.hits} 個在截止前 ${BACKTEST_HORIZON_DAYS} 天已預測到、` +
        `${tally.misses} 個漏報；誤報 ${tally.falseAlarms} 個；如期完成且預測正確 ${tally.correctPasses} 個。`;
  return { horizonDays: BACKTEST_HORIZON_DAYS, ...tally, summary };
}

/**
 * Where a category is: final lock, receipts, submission (the round's own records), else the furthest work window
 * that has opened. Late: a city date has passed and what it asks for is not done (submitted, finally locked, or the
 * certification/selection share at its target).
 */
function categoryStage(
  schoolId: string,
  category: SubmissionCategory,
  allWindows: Window[],
  rounds: Map<string, RoundRow>,
  series: Map<string, DailySeries>,
  now: Date,
): BoardCategory {
  const windows = allWindows.filter((w) => !w.grade12Round);
  const submitWindow = windows.find((w) => w.kind === TaskKind.SUBMIT && w.category === category) ?? null;
  const allWork = WORK_STAGES[category]
    .map(([kind, stage]) => ({ stage, window: windows.find((w) => w.kind === kind) ?? null }))
    .filter((entry): entry is { stage: BoardStage; window: Window } => entry.window !== null);
  // The round shown: the one this term's submit window sends, else the one its last work window feeds. A term's
  // timeline may also hold work for a later round (upload this term's outcomes, submit last year's): only the shown
  // round's windows place the category.
  const anchor = submitWindow ?? allWork.at(-1)?.window ?? null;
  const roundPeriod = anchor ? categoryRound(category, anchor) : null;
  const work = allWork.filter((entry) => {
    const round = categoryRound(category, entry.window);
    return round.year === roundPeriod?.year && round.semester === roundPeriod.semester;
  });
  const round = roundPeriod
    ? (rounds.get(`${schoolId}:${roundPeriod.year}:${roundPeriod.semester}:${category}:false`) ?? null)
    : null;
  const confirm = windows.find((w) => w.kind === TaskKind.CONFIRM_RECEIPTS && sameRound(w, roundPeriod)) ?? null;
  const finalWindow = windows.find((w) => w.kind === TaskKind.FINAL_SUBMIT) ?? null;

  let stage = BoardStage.NOT_STARTED;
  if (round?.locked_at) stage = BoardStage.LOCKED;
  else if (round?.receipts_at)
    stage =
      confirm && confirm.startsAt <= now && now < confirm.endsAt ? BoardStage.CONFIRMING : BoardStage.RECEIPTS_IMPORTED;
  else if (round?.submitted_at) stage = BoardStage.SUBMITTED;
  else {
    const opened = work.filter((entry) => entry.window.startsAt <= now);
    const open = opened.filter((entry) => now < entry.window.endsAt);
    if (open.length > 0) stage = open.at(-1)!.stage;
    else if (opened.length > 0 || (submitWindow && submitWindow.startsAt <= now))
      stage = BoardStage.AWAITING_SUBMISSION;
  }

  // What each city date asks for, in the order of the work: the first one past and not done makes the category late.
  const checks: { window: Window | null; done: () => boolean; reason: (date: string) => string }[] = [
    ...work
      .filter((entry) => MEASURE_OF[entry.window.kind])
      .map((entry) => {
        const measure = MEASURE_OF[entry.window.kind]!;
        const period = measurePeriod(measure, entry.window);
        const s = series.get(seriesKey(schoolId, measure, period.year, period.semester)) ?? emptySeries();
        const cityEnd = entry.window.cityEndsAt ?? entry.window.endsAt;
        return {
          window: entry.window,
          done: () =>
            !forecastAt(s, { ...entry.window, endsAt: cityEnd }, cityEnd, FORECAST_TARGET_PCT[measure]).willMiss,
          reason: (date: string) => `「${entry.window.label}」未於市定 ${date} 前達到 ${FORECAST_TARGET_PCT[measure]}%`,
        };
      }),
    {
      window: submitWindow,
      done: () => Boolean(round?.submitted_at),
      reason: (date) => `未於市定 ${date} 前提交`,
    },
    {
      window: (submitWindow || work.length) && finalWindow && sameRound(finalWindow, roundPeriod) ? finalWindow : null,
      done: () => Boolean(round?.locked_at),
      reason: (date) => `未於市定 ${date} 前完成最終提交`,
    },
  ];
  let lateReason: string | null = null;
  let next: { date: Date; label: string } | null = null;
  for (const check of checks) {
    const cityDate = check.window?.cityEndsAt;
    // Once finally submitted, the round is closed: nothing is behind any more.
    if (!check.window || !cityDate || round?.locked_at) continue;
    if (cityDate <= now) {
      if (!lateReason && !check.done()) lateReason = check.reason(formatRocDateTime(cityDate));
    } else if (!next || cityDate < next.date) {
      next = { date: cityDate, label: `${formatRocDateTime(cityDate)} ${check.window.label}` };
    }
  }
  return Object.assign(new BoardCategory(), {
    category,
    label: CATEGORY_LABELS[category],
    periodLabel: roundPeriod
      ? isAnnualCategory(category)
        ? `${roundPeriod.year}學年度`
        : termLabel(roundPeriod.year, roundPeriod.semester)
      : null,
    stage,
    stageLabel: BOARD_STAGE_LABELS[stage],
    late: lateReason !== null,
    lateReason,
    nextCityDate: next?.date ?? null,
    nextCityDateLabel: next?.label ?? null,
  });
}

/**
 * Sends one school's responsible sections a short alert about one of its windows, over the deadline alerts'
 * subscription: the row is written (through board_send_alert, which checks the school is this bureau's and the task
 * the school's), the alert hubs hear of it on the same NOTIFY channel, and one audit row says who sent what. A second
 * alert about the same school's task within BOARD_ALERT_GAP_HOURS is refused with when the last one went.
 */
export async function sendBoardAlert(ctx: AppContext, input: SendBoardAlertInput): Promise<Result<BoardAlertSent>> {
  const viewer = requireBureau(ctx);
  const schoolId = idOfType(input.schoolId, 'School');
  const taskId = idOfType(input.taskId, 'TimelineTask');
  if (!schoolId || !taskId) throw notFound('學校或期程工作');
  const note = (input.note ?? '').trim();
  if (note.length > NOTE_MAX) {
    return {
      value: null,
      userErrors: [userError('note', 'NOTE_TOO_LONG', `附註最多 ${NOTE_MAX} 個字，目前是 ${note.length} 個字。`)],
    };
  }
  const now = ctx.services.clock.now();
  const [row] = await ctx.em.execute<{ alert_id: string | null; previous_sent_at: Date | string | null }[]>(
    'select * from board_send_alert(?, ?, ?, ?, ?, ?::interval)',
    [schoolId, taskId, note, viewer.accountId, now, `${BOARD_ALERT_GAP_HOURS} hours`],
  );
  if (!row) throw notFound('學校或期程工作');
  if (!row.alert_id) {
    const previous = at(row.previous_sent_at)!;
    return {
      value: null,
      userErrors: [
        userError(
          'taskId',
          'ALERT_SENT_RECENTLY',
          `已於 ${formatRocDateTime(previous)} 提醒過這所學校這項工作；同一工作 ${BOARD_ALERT_GAP_HOURS} 小時內只提醒一次。`,
        ),
      ],
    };
  }
  // Heard at commit, by every instance's alert hub, as a deadline alert is.
  await ctx.em.execute('select pg_notify(?, ?)', [
    ALERT_CHANNEL,
    JSON.stringify({ schoolId, bureauAlertId: row.alert_id }),
  ]);
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'board.alert',
    targetIds: [row.alert_id, schoolId, taskId],
    detail: { noteLength: note.length },
  });
  return {
    value: { id: toGlobalId('BureauAlert', row.alert_id), sentAt: now, sentAtRoc: formatRocDateTime(now) },
    userErrors: [],
  };
}
