import 'reflect-metadata';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import { ALERT_LISTENER_NAME } from '../../api/src/modules/alerts/alert-hub.js';
import { deliverAlert } from '../../api/src/modules/alerts/alert-worker.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { subscribe, type Subscription } from '../support/ws-client.js';
import { testDatabaseUrl } from '../support/test-database.js';

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;
const WORKER = { RUN_WORKER: 'true', WORKER_POLL_INTERVAL_MS: '100' };
const ALERTS = 'subscription { deadlineAlerts { id kind taskKind message endsAt } }';

interface Alert {
  id: string;
  kind: string;
  taskKind: string;
  message: string;
}

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
});

async function app(env: Record<string, string> = {}): Promise<TestApp> {
  const started = await startTestApp(env, new Date());
  opened.push(started);
  return started;
}

/** A query on a connection of its own, for when no test app is running. */
async function query<T>(sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function listen(): Promise<{ events: { alertId: string }[]; close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  const events: { alertId: string }[] = [];
  await client.connect();
  client.on('notification', (message) => events.push(JSON.parse(message.payload!) as { alertId: string }));
  await client.query('listen deadline_alerts');
  const handle = { events, close: () => client.end() };
  opened.push(handle);
  return handle;
}

async function alertsFor(target: TestApp, login: { username: string; password: string }): Promise<Subscription<Alert>> {
  const client = await target.client().login(login.username, login.password);
  const subscription = await subscribe(target.wsUrl, client.token!, ALERTS, (data) => data.deadlineAlerts as Alert);
  opened.push(subscription);
  return subscription;
}

async function setUp(target: TestApp, kinds: TaskKind[]): Promise<{ city: TestCity; school: TestSchool }> {
  const city = await target.factory.city();
  const school = await city.school();
  const now = Date.now();
  await city.timeline(
    kinds.map((kind) => ({
      kind,
      startsAt: new Date(now - DAY),
      endsAt: new Date(now + 2 * DAY),
      latestEnd: new Date(now + 5 * DAY),
    })),
    [school],
  );
  return { city, school };
}

async function move(target: TestApp, school: TestSchool, kind: TaskKind, endsInMs: number): Promise<void> {
  const staff = await target.client().login(school.logins.registration.username, school.logins.registration.password);
  const task = await target.sqlOne<{ id: string; starts_at: Date }>(
    'select id, starts_at from timeline_task where school_id = ? and kind = ?',
    [school.school.id, kind],
  );
  const result = await staff.ok<{ moveTimelineTask: { userErrors: unknown[] } }>(
    'mutation ($input: MoveTimelineTaskInput!) { moveTimelineTask(input: $input) { userErrors { code message } } }',
    {
      input: {
        taskId: toGlobalId('TimelineTask', task.id),
        startsAt: new Date(task.starts_at).toISOString(),
        endsAt: new Date(Date.now() + endsInMs).toISOString(),
      },
    },
  );
  expect(result.moveTimelineTask.userErrors).toEqual([]);
}

describe('deadline alerts over graphql-ws', () => {
  it('tells the student and homeroom teacher, not the subject teacher, that a window moved and then is about to close', async () => {
    const a = await app(WORKER);
    const { school } = await setUp(a, [TaskKind.SELECT_COURSE_OUTCOMES]);
    const student = await alertsFor(a, school.logins.student);
    const homeroom = await alertsFor(a, school.logins.homeroom);
    const teacher = await alertsFor(a, school.logins.teacher);

    await move(a, school, TaskKind.SELECT_COURSE_OUTCOMES, HOUR + 1500);
    // Both fall due within two seconds of each other, and the job runner may run them at once, so they can arrive
    // in either order.
    const heard = await student.waitFor(2);
    expect(heard.map((alert) => alert.kind).sort()).toEqual(['CLOSING_1H', 'MOVED']);
    const moved = heard.find((alert) => alert.kind === 'MOVED');
    const closing = heard.find((alert) => alert.kind === 'CLOSING_1H');
    expect(moved).toMatchObject({ kind: 'MOVED', taskKind: 'SELECT_COURSE_OUTCOMES' });
    expect(moved!.message).toMatch(
      /^「勾選 115學年度 課程學習成果」的期程已變更為 \d{3}\/\d{2}\/\d{2} \d{2}:\d{2}–\d{3}\/\d{2}\/\d{2} \d{2}:\d{2}。$/,
    );
    expect(closing).toMatchObject({ kind: 'CLOSING_1H' });
    expect(closing!.message).toMatch(
      /^「勾選 115學年度 課程學習成果」將於 \d{3}\/\d{2}\/\d{2} \d{2}:\d{2} 截止（剩 1 小時）。$/,
    );
    await homeroom.waitFor(2);
    expect(teacher.received).toEqual([]);
    expect(student.errors).toEqual([]);
  });

  it('tells a student how many of their courses still have no outcome uploaded', async () => {
    const a = await app(WORKER);
    const { school } = await setUp(a, [TaskKind.UPLOAD_COURSE_OUTCOMES]);
    const teacher = school.accounts.find((account) => account.username === school.logins.teacher.username)!;
    const me = school.students[0]!;
    await a.factory.sections(
      school,
      ['國文', '數學', '物理'].map((subjectName) => ({ subjectName, teacher, students: [me] })),
    );
    // One of the three already has an outcome.
    const [first] = await a.sql<{ section_id: string }>(
      'select section_id from enrolment where school_id = ? and student_id = ? order by section_id limit 1',
      [school.school.id, me.id],
    );
    await a.factory.outcomes(school, { id: first!.section_id }, 1, teacher.id);
    const student = await alertsFor(a, school.logins.student);
    await move(a, school, TaskKind.UPLOAD_COURSE_OUTCOMES, HOUR + 1500);
    const [, closing] = await student.waitFor(2);
    expect(closing!.message).toMatch(
      /^您還有 2 門課尚未上傳課程學習成果，上傳將於 \d{3}\/\d{2}\/\d{2} \d{2}:\d{2} 截止。$/,
    );
  });

  it('reaches a browser on instance 2 when the alert fires on instance 1', async () => {
    const one = await app(WORKER);
    const two = await app({ RUN_WORKER: 'false' });
    const { school } = await setUp(one, [TaskKind.UPLOAD_PERFORMANCES]);
    const onTwo = await alertsFor(two, school.logins.student);
    await move(one, school, TaskKind.UPLOAD_PERFORMANCES, 4 * DAY);
    const [alert] = await onTwo.waitFor(1);
    expect(alert).toMatchObject({ kind: 'MOVED', taskKind: 'UPLOAD_PERFORMANCES' });
  });

  it('fires every alert exactly once with two instances, one of them stopped mid-run', async () => {
    const a = await app(WORKER);
    const b = await startTestApp(WORKER, new Date());
    const kinds = [
      TaskKind.UPLOAD_COURSE_OUTCOMES,
      TaskKind.SELECT_COURSE_OUTCOMES,
      TaskKind.UPLOAD_PERFORMANCES,
      TaskKind.SELECT_PERFORMANCES,
    ];
    const { school } = await setUp(a, kinds);
    const raw = await listen();
    const student = await alertsFor(a, school.logins.student);

    // Each move fires MOVED now and CLOSING_1H a little later, staggered over about three seconds.
    for (const [index, kind] of kinds.entries()) await move(b, school, kind, HOUR + 800 + index * 400);
    await new Promise((resolve) => setTimeout(resolve, 900));
    const stillToFire = await a.sqlOne<{ n: number }>(
      "select count(*)::int as n from deadline_alert where school_id = ? and fired_at is null and cancelled_at is null and fire_at < now() + interval '1 minute'",
      [school.school.id],
    );
    expect(stillToFire.n).toBeGreaterThan(0); // B stops mid-run, with alerts still to come
    await b.close();

    await student.waitFor(kinds.length * 2, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // room for any duplicate to show up

    const ids = student.received.map((alert) => alert.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(kinds.length * 2);
    const fired = await a.sql<{ id: string }>(
      'select id from deadline_alert where school_id = ? and fired_at is not null and cancelled_at is null',
      [school.school.id],
    );
    expect(fired.map((row) => toGlobalId('DeadlineAlert', row.id)).sort()).toEqual([...ids].sort());
    const overdue = await a.sqlOne<{ n: number }>(
      'select count(*)::int as n from deadline_alert where school_id = ? and fire_at < now() and fired_at is null and cancelled_at is null',
      [school.school.id],
    );
    expect(overdue.n).toBe(0);
    const notified = raw.events
      .filter((event) => fired.some((row) => row.id === event.alertId))
      .map((event) => event.alertId);
    expect(notified.sort()).toEqual(fired.map((row) => row.id).sort());
  });

  it('fires an alert that fell due while no instance was running once, after start', async () => {
    const x = await startTestApp({ RUN_WORKER: 'false' }, new Date());
    const { school } = await setUp(x, [TaskKind.SELECT_COURSE_OUTCOMES]);
    await move(x, school, TaskKind.SELECT_COURSE_OUTCOMES, HOUR + 1000);
    await x.close();
    const raw = await listen();

    await new Promise((resolve) => setTimeout(resolve, 2000));
    const due = await query<{ id: string; kind: string; fired_at: Date | null }>(
      `select id, kind, fired_at from deadline_alert where school_id = $1 and cancelled_at is null and fire_at < now() order by kind`,
      [school.school.id],
    );
    expect(due.map((row) => [row.kind, row.fired_at])).toEqual([
      ['CLOSING_1H', null],
      ['MOVED', null],
    ]);

    const y = await app(WORKER);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const pending = await y.sqlOne<{ n: number }>(
        'select count(*)::int as n from deadline_alert where school_id = ? and fire_at < now() and fired_at is null and cancelled_at is null',
        [school.school.id],
      );
      if (pending.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const dueIds = due.map((row) => row.id).sort();
    expect(
      raw.events
        .map((event) => event.alertId)
        .filter((id) => dueIds.includes(id))
        .sort(),
    ).toEqual(dueIds);
  });

  it('ends the subscriptions of a session that is revoked, so it hears no more alerts', async () => {
    const a = await app(WORKER);
    const { school } = await setUp(a, [TaskKind.UPLOAD_PERFORMANCES]);
    const device = await a.client().login(school.logins.student.username, school.logins.student.password);
    const subscription = await subscribe(a.wsUrl, device.token!, ALERTS, (data) => data.deadlineAlerts as Alert);
    opened.push(subscription);

    const otherDevice = await a.client().login(school.logins.student.username, school.logins.student.password);
    await otherDevice.ok('mutation { logout(input: { allSessions: true }) { endedSessions } }');
    // Its socket is closed with 4401 (session ended), which ends every subscription it carried.
    await expect.poll(() => subscription.closedCode, { timeout: 5000 }).toBe(4401);

    await move(a, school, TaskKind.UPLOAD_PERFORMANCES, 4 * DAY);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(subscription.received).toEqual([]);
  });

  it('catches up after its LISTEN connection drops: an alert fired meanwhile arrives once, a revoked session ends', async () => {
    const a = await app({ RUN_WORKER: 'false' });
    const { school } = await setUp(a, [TaskKind.UPLOAD_PERFORMANCES]);
    const student = await alertsFor(a, school.logins.student);
    const homeroomDevice = await a.client().login(school.logins.homeroom.username, school.logins.homeroom.password);
    const homeroom = await subscribe(a.wsUrl, homeroomDevice.token!, ALERTS, (data) => data.deadlineAlerts as Alert);
    opened.push(homeroom);
    // With no worker here the move's alert waits unfired, so it can be fired at the chosen moment.
    await move(a, school, TaskKind.UPLOAD_PERFORMANCES, 4 * DAY);
    const { id: alertId } = await a.sqlOne<{ id: string }>(
      "select id from deadline_alert where school_id = ? and kind = 'MOVED' and fired_at is null",
      [school.school.id],
    );

    const dropped = await query<{ dropped: boolean }>(
      `select pg_terminate_backend(pid) as dropped from pg_stat_activity
       where application_name = $1 and datname = current_database()`,
      [ALERT_LISTENER_NAME],
    );
    expect(dropped).toEqual([{ dropped: true }]);
    // While it is down (it comes back after a second): the alert fires and the homeroom teacher's sessions end,
    // each announced by a NOTIFY nobody here hears.
    expect(await deliverAlert(a.services.orm, { schoolId: school.school.id, alertId })).toBe(true);
    const otherDevice = await a.client().login(school.logins.homeroom.username, school.logins.homeroom.password);
    await otherDevice.ok('mutation { logout(input: { allSessions: true }) { endedSessions } }');

    const [alert] = await student.waitFor(1);
    expect(alert).toMatchObject({ kind: 'MOVED', taskKind: 'UPLOAD_PERFORMANCES' });
    await expect.poll(() => homeroom.closedCode, { timeout: 5000 }).toBe(4401);
    // Once: the next notice is not a repeat of it.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(student.received).toHaveLength(1);
  });
});
