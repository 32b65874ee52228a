import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import { formatRocDateTime } from '../../api/src/common/roc.js';
import { SubmissionCategory } from '../../api/src/common/submission-category.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';
import { subscribe, type Subscription } from '../support/ws-client.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const NOW = DEFAULT_TEST_NOW; // 115/11/28 09:00, term 1151
/** 08:00 Taipei on the day `days` from today (before the clock's 09:00 on today). */
const on = (days: number) => new Date(NOW.getTime() + days * DAY - HOUR);
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const isoDay = (days: number) => new Date(on(days).getTime() + 8 * HOUR).toISOString().slice(0, 10);

const BOARD = `query ($term: String) {
  bureauBoard(term: $term) {
    termKey termLabel asOfRoc alertGapHours
    policy { measure targetPct }
    boardForecastAccuracy { horizonDays windows hits misses falseAlarms correctPasses summary }
    schools {
      schoolId schoolCode hasTimeline late forecastMiss
      categories { category stage stageLabel late lateReason nextCityDateLabel }
      pace { day dayRoc uploads certifications selections }
      forecasts { taskId taskKind measure endsAt cityEndsAt done total sharePct dailyPace daysLeft projectedPct targetPct willMiss }
      tasks { taskId kind label }
      progress { outcomesUploaded outcomesCertified }
    }
  }
}`;
const SEND = `mutation ($input: SendBoardAlertInput!) {
  sendBoardAlert(input: $input) { alert { id sentAt sentAtRoc } userErrors { field code message } }
}`;
const ALERTS = 'subscription { deadlineAlerts { id kind taskKind message } }';

interface Forecast {
  taskId: string;
  taskKind: string;
  measure: string;
  endsAt: string;
  cityEndsAt: string | null;
  done: number;
  total: number;
  sharePct: number | null;
  dailyPace: number;
  daysLeft: number;
  projectedPct: number | null;
  targetPct: number;
  willMiss: boolean;
}
interface BoardSchool {
  schoolId: string;
  schoolCode: string;
  hasTimeline: boolean;
  late: boolean;
  forecastMiss: boolean;
  categories: { category: string; stage: string; stageLabel: string; late: boolean; lateReason: string | null }[];
  pace: { day: string; uploads: number; certifications: number; selections: number }[];
  forecasts: Forecast[];
  tasks: { taskId: string; kind: string; label: string }[];
  progress: { outcomesUploaded: number; outcomesCertified: number } | null;
}
interface Board {
  bureauBoard: {
    termKey: string;
    alertGapHours: number;
    policy: { measure: string; targetPct: number }[];
    boardForecastAccuracy: {
      horizonDays: number;
      windows: number;
      hits: number;
      misses: number;
      falseAlarms: number;
      correctPasses: number;
      summary: string;
    };
    schools: BoardSchool[];
  };
}

let app: TestApp;
let city: TestCity;
let fast: TestSchool;
let slow: TestSchool;
let staggered: TestSchool;
let bureau: ApiClient;
const opened: { close(): Promise<void> }[] = [];

/**
 * Each school: 10 students with two course outcomes each (20 versions, uploaded 20 days ago); every student's first
 * outcome certified 12 days ago. Then, by school:
 * - fast: the 10 second outcomes certified 4, 3 and 3 days ago; all 10 students selected 8 days ago;
 * - slow: no second outcome certified; 5 students selected 6 days ago, nobody since;
 * - staggered: 3 second outcomes certified (one each of the last 3 days); 4 students selected 9 days ago and the
 *   other 6 two days ago; its certification window ends 20 days from now (the city's: 4 days), as a staggered plan
 *   would leave it.
 */
async function activity(
  school: TestSchool,
  secondCertified: number[],
  selections: { days: number; students: number }[],
): Promise<void> {
  const teacher = school.accounts.find((account) => account.username === school.logins.teacher.username)!;
  const section = await app.factory.sections(school, [{ subjectName: '物理', teacher, students: school.students }]);
  await app.factory.outcomes(school, section[0]!, 2, teacher.id);
  const versions = await app.sql<{ id: string; outcome_id: string; n: number }>(
    `select v.id, v.outcome_id, right(v.description, 1)::int as n from course_outcome_version v
     join course_outcome o on o.school_id = v.school_id and o.id = v.outcome_id
     where v.school_id = ? order by o.student_id, v.description`,
    [school.school.id],
  );
  await app.sql('update course_outcome_version set created_at = ? where school_id = ?', [on(-20), school.school.id]);
  const decide = async (versionIds: string[], when: Date) => {
    if (versionIds.length === 0) return;
    await app.sql(
      `update course_outcome_version set status = 'CERTIFIED', decided_at = ?, decided_by = ?
       where school_id = ? and id = any(?::uuid[])`,
      [when, teacher.id, school.school.id, `{${versionIds.join(',')}}`],
    );
    await app.sql(
      `update course_outcome set status = 'CERTIFIED' where school_id = ? and id in
       (select outcome_id from course_outcome_version where school_id = ? and id = any(?::uuid[]))`,
      [school.school.id, school.school.id, `{${versionIds.join(',')}}`],
    );
  };
  const first = versions.filter((v) => v.n === 1);
  const second = versions.filter((v) => v.n === 2);
  await decide(
    first.map((v) => v.id),
    on(-12),
  );
  let next = 0;
  for (const days of secondCertified) await decide([second[next++]!.id], on(days));
  let student = 0;
  for (const { days, students } of selections) {
    const outcomes = first.slice(student, student + students).map((v) => v.outcome_id);
    student += students;
    await app.sql('update course_outcome set selected_at = ? where school_id = ? and id = any(?::uuid[])', [
      on(days),
      school.school.id,
      `{${outcomes.join(',')}}`,
    ]);
  }
}

beforeAll(async () => {
  app = await startTestApp({}, NOW);
  city = await app.factory.city();
  fast = await city.school({ code: '900001', studentsPerClass: 5, studentLogins: 'first' });
  slow = await city.school({ code: '900002', studentsPerClass: 5, studentLogins: 'first' });
  staggered = await city.school({ code: '900003', studentsPerClass: 5, studentLogins: 'first' });
  await city.timeline(
    [
      { kind: TaskKind.UPLOAD_COURSE_OUTCOMES, startsAt: at(-30), endsAt: at(-15) },
      { kind: TaskKind.CERTIFY_COURSE_OUTCOMES, startsAt: at(-14), endsAt: at(4), latestEnd: at(30) },
      { kind: TaskKind.SELECT_COURSE_OUTCOMES, startsAt: at(-14), endsAt: at(-1) },
      { kind: TaskKind.SUBMIT, category: SubmissionCategory.BASIC, startsAt: at(-10), endsAt: at(-2) },
    ],
    [fast, slow, staggered],
  );
  await app.sql(`update timeline_task set ends_at = ? where school_id = ? and kind = 'CERTIFY_COURSE_OUTCOMES'`, [
    at(20),
    staggered.school.id,
  ]);
  await activity(fast, [-4, -4, -4, -4, -3, -3, -3, -2, -2, -2], [{ days: -8, students: 10 }]);
  await activity(slow, [], [{ days: -6, students: 5 }]);
  await activity(
    staggered,
    [-2, -1, 0],
    [
      { days: -9, students: 4 },
      { days: -2, students: 6 },
    ],
  );
  // The fast school submitted its 基本資料 in time.
  const registrar = fast.accounts.find((account) => account.username === fast.logins.registration.username)!;
  await app.sql(
    `insert into submission (school_id, id, term_id, category, idempotency_key, status, row_counts, zip_sha256,
                             zip_size, created_by, created_at)
     values (?, gen_random_uuid(), ?, 'BASIC', 'board-test-basic', 'SUBMITTED', '{}', repeat('a', 64), 1, ?, ?)`,
    [fast.school.id, app.factory.currentTerm(fast).id, registrar.id, on(-3)],
  );
  bureau = await app.client().login(city.bureauLogin.username, city.bureauLogin.password);
}, 120_000);

afterAll(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
  await app?.close();
});

const bySchool = (board: Board, school: TestSchool): BoardSchool =>
  board.bureauBoard.schools.find((row) => row.schoolId === toGlobalId('School', school.school.id))!;
const certifyForecast = (row: BoardSchool): Forecast =>
  row.forecasts.find((forecast) => forecast.taskKind === 'CERTIFY_COURSE_OUTCOMES')!;
const category = (row: BoardSchool, name: SubmissionCategory) => row.categories.find((c) => c.category === name)!;

describe('the bureau’s live board', () => {
  it('shows each school’s stage against the city’s dates, with late ones said in words', async () => {
    const board = await bureau.ok<Board>(BOARD, { term: '1151' });
    expect(board.bureauBoard.termKey).toBe('1151');
    expect(board.bureauBoard.schools.map((row) => row.schoolCode)).toEqual(['900001', '900002', '900003']);
    const submitCity = formatRocDateTime(at(-2));
    const selectCity = formatRocDateTime(at(-1));

    expect(category(bySchool(board, fast), SubmissionCategory.BASIC)).toMatchObject({
      stage: 'SUBMITTED',
      stageLabel: '已提交',
      late: false,
    });
    expect(category(bySchool(board, slow), SubmissionCategory.BASIC)).toMatchObject({
      stage: 'AWAITING_SUBMISSION',
      late: true,
      lateReason: `未於市定 ${submitCity} 前提交`,
    });
    for (const school of [fast, slow, staggered]) {
      expect(category(bySchool(board, school), SubmissionCategory.COURSE_OUTCOMES).stage).toBe('CERTIFYING');
      expect(category(bySchool(board, school), SubmissionCategory.PERFORMANCES).stage).toBe('NOT_STARTED');
    }
    // Only the slow school's selection stopped short of the policy's 90 % by the city's date.
    expect(category(bySchool(board, fast), SubmissionCategory.COURSE_OUTCOMES).late).toBe(false);
    expect(category(bySchool(board, staggered), SubmissionCategory.COURSE_OUTCOMES).late).toBe(false);
    expect(category(bySchool(board, slow), SubmissionCategory.COURSE_OUTCOMES)).toMatchObject({
      late: true,
      lateReason: `「勾選 115學年度 課程學習成果」未於市定 ${selectCity} 前達到 90%`,
    });
    expect(bySchool(board, fast).late).toBe(false);
    expect(bySchool(board, slow).late).toBe(true);
  });

  it('counts the last 7 days’ uploads, certifications and selections per day', async () => {
    const board = await bureau.ok<Board>(BOARD, { term: '1151' });
    const days = [-6, -5, -4, -3, -2, -1, 0].map(isoDay);
    for (const school of [fast, slow, staggered]) expect(bySchool(board, school).pace.map((d) => d.day)).toEqual(days);
    const perDay = (school: TestSchool, field: 'uploads' | 'certifications' | 'selections') =>
      bySchool(board, school).pace.map((day) => day[field]);
    expect(perDay(fast, 'certifications')).toEqual([0, 0, 4, 3, 3, 0, 0]);
    expect(perDay(fast, 'selections')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(perDay(slow, 'selections')).toEqual([5, 0, 0, 0, 0, 0, 0]);
    expect(perDay(staggered, 'certifications')).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect(perDay(staggered, 'selections')).toEqual([0, 0, 0, 0, 6, 0, 0]);
    // Uploaded 20 days ago: nothing in the last 7 days.
    expect(perDay(fast, 'uploads')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('forecasts which school will miss its certification window at its current pace, by its own end', async () => {
    const board = await bureau.ok<Board>(BOARD, { term: '1151' });
    expect(board.bureauBoard.policy).toEqual([
      { measure: 'CERTIFY', targetPct: 100 },
      { measure: 'SELECT', targetPct: 90 },
      { measure: 'CONFIRM', targetPct: 90 },
    ]);
    expect(certifyForecast(bySchool(board, fast))).toMatchObject({
      measure: 'CERTIFY',
      done: 20,
      total: 20,
      sharePct: 100,
      projectedPct: 100,
      willMiss: false,
    });
    // 10 of 20 decided, none in the last 7 days: 10 + 0 × 4 days = 50 %.
    expect(certifyForecast(bySchool(board, slow))).toMatchObject({
      done: 10,
      total: 20,
      sharePct: 50,
      dailyPace: 0,
      daysLeft: 4,
      projectedPct: 50,
      targetPct: 100,
      willMiss: true,
    });
    // 13 of 20, 3 in the last 7 days: by the city's date (4 days) it would miss; by its own (20 days) it makes it.
    const own = certifyForecast(bySchool(board, staggered));
    expect(own).toMatchObject({
      done: 13,
      total: 20,
      dailyPace: 0.43,
      daysLeft: 20,
      projectedPct: 100,
      willMiss: false,
    });
    expect(new Date(own.endsAt)).toEqual(at(20));
    expect(new Date(own.cityEndsAt!)).toEqual(at(4));
    expect(board.bureauBoard.schools.filter((row) => row.forecastMiss).map((row) => row.schoolCode)).toEqual([
      '900002',
    ]);
    // The statistics' own term progress rides along.
    expect(bySchool(board, slow).progress).toMatchObject({ outcomesUploaded: 20, outcomesCertified: 10 });
  });

  it('backtests the forecast on the windows that ended: 3 days before each selection window closed', async () => {
    const board = await bureau.ok<Board>(BOARD, { term: '1151' });
    // fast: 10 of 10 selected by then, made it (a correct pass); slow: 5 of 10 and 5/7 a day, forecast 71 %, ended
    // at 50 % (a hit); staggered: 4 of 10 and 4/7 a day, forecast 57 %, but 6 more selected on the last days (a
    // false alarm).
    expect(board.bureauBoard.boardForecastAccuracy).toMatchObject({
      horizonDays: 3,
      windows: 3,
      hits: 1,
      misses: 0,
      falseAlarms: 1,
      correctPasses: 1,
    });
    expect(board.bureauBoard.boardForecastAccuracy.summary).toContain('回測 3 個已截止的期程');
  });

  it('alerts the school’s responsible section over the deadline alert subscription, once per gap', async () => {
    const listen = async (login: {
      username: string;
      password: string;
    }): Promise<Subscription<{ kind: string; message: string }>> => {
      const client = await app.client().login(login.username, login.password);
      const subscription = await subscribe(
        app.wsUrl,
        client.token!,
        ALERTS,
        (data) => data.deadlineAlerts as { kind: string; message: string },
      );
      opened.push(subscription);
      return subscription;
    };
    const teaching = await listen(slow.logins.teaching);
    const registration = await listen(slow.logins.registration);
    const otherSchool = await listen(fast.logins.teaching);

    const board = await bureau.ok<Board>(BOARD, { term: '1151' });
    const task = bySchool(board, slow).tasks.find((t) => t.kind === 'CERTIFY_COURSE_OUTCOMES')!;
    const input = { schoolId: toGlobalId('School', slow.school.id), taskId: task.taskId, note: '請儘速完成認證' };
    const sent = await bureau.ok<{ sendBoardAlert: { alert: { id: string } | null; userErrors: unknown[] } }>(SEND, {
      input,
    });
    expect(sent.sendBoardAlert.userErrors).toEqual([]);
    const [alert] = await teaching.waitFor(1);
    expect(alert).toMatchObject({ kind: 'BUREAU_NOTICE' });
    expect(alert!.message).toBe(
      `教育局提醒：請加速「認證 115學年度第1學期 課程學習成果」，本校截止時間 ${formatRocDateTime(at(4))}。附註：請儘速完成認證`,
    );
    expect(registration.received).toEqual([]);
    expect(otherSchool.received).toEqual([]);

    const audit = await app.sql<{ operation: string; target_ids: string[] }>(
      "select operation, target_ids from bureau_audit_log where authority_id = ? and operation = 'board.alert'",
      [city.authority.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.target_ids).toContain(slow.school.id);

    // Again within 6 hours: refused, with when the last one went.
    const again = await bureau.ok<{ sendBoardAlert: { alert: null; userErrors: { code: string; message: string }[] } }>(
      SEND,
      { input },
    );
    expect(again.sendBoardAlert.userErrors[0]).toMatchObject({ code: 'ALERT_SENT_RECENTLY' });
    app.clock.advance(6 * HOUR + 1000);
    const later = await bureau.ok<{ sendBoardAlert: { alert: { id: string } | null } }>(SEND, { input });
    expect(later.sendBoardAlert.alert).not.toBeNull();
    await teaching.waitFor(2);
    app.clock.set(NOW);

    // Another school's task under this school's id is not found; so is a school of no authority of the bureau's.
    const fastTask = bySchool(board, fast).tasks[0]!;
    const mixed = await bureau.request(SEND, { input: { ...input, taskId: fastTask.taskId } });
    expect(mixed.errors[0]?.extensions?.code).toBe('NOT_FOUND');
    const long = await bureau.ok<{ sendBoardAlert: { userErrors: { code: string }[] } }>(SEND, {
      input: { ...input, note: '字'.repeat(101) },
    });
    expect(long.sendBoardAlert.userErrors[0]?.code).toBe('NOTE_TOO_LONG');
  });

  it('is the bureau’s: a school user can neither read the board nor send an alert', async () => {
    const staff = await app.client().login(slow.logins.registration.username, slow.logins.registration.password);
    const read = await staff.request(BOARD, { term: '1151' });
    expect(read.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    const board = await bureau.ok<Board>(BOARD, { term: '1151' });
    const send = await staff.request(SEND, {
      input: { schoolId: toGlobalId('School', slow.school.id), taskId: bySchool(board, slow).tasks[0]!.taskId },
    });
    expect(send.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    // Another bureau does not see these schools at all.
    const other = await app.factory.city();
    const otherBureau = await app.client().login(other.bureauLogin.username, other.bureauLogin.password);
    const foreign = await otherBureau.request(SEND, {
      input: { schoolId: toGlobalId('School', slow.school.id), taskId: bySchool(board, slow).tasks[0]!.taskId },
    });
    expect(foreign.errors[0]?.extensions?.code).toBe('NOT_FOUND');
    const bad = await bureau.request(BOARD, { term: 'abc' });
    expect(bad.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
