import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import { inTenantTransaction } from '../../api/src/common/tenant.js';
import { rushCurveShares } from '../../api/src/modules/timeline/rush-curve.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const at = (offsetMs: number) => new Date(DEFAULT_TEST_NOW.getTime() + offsetMs);

// 115/11/28 09:00 is "now": the performances' window runs 11/26 09:00 – 12/03 09:00 (8 Taipei dates).
const UPLOAD_START = at(-2 * DAY);
const UPLOAD_END = at(5 * DAY);

const PREVIEW = `query ($input: StaggerPlanInput!) {
  staggerPreview(input: $input) {
    taskLabel rule groupCount stepDays rocCommonEndsAt totalItems
    groups { number endsAt rocEndsAt students items schools { code name students items itemsSource group rocCurrentEndsAt } }
    unadoptedSchools { code name }
    days { date rocDate common staggered }
    commonPeak { date rocDate items }
    staggeredPeak { date rocDate items }
    problems { field code message }
  }
}`;
const APPLY = `mutation ($input: StaggerPlanInput!) {
  applyStaggerPlan(input: $input) {
    plan { id taskLabel rule groupCount stepDays commonPeak staggeredPeak schoolCount rocAppliedAt groups { number rocEndsAt schoolNames } }
    userErrors { field code message }
  }
}`;
const TASKS = `{ staggerableTasks { templateTaskId taskLabel templateName rocWindow plan { id staggeredPeak } } }`;
const RECORD = `mutation ($input: RecordPerformanceInput!) {
  recordPerformance(input: $input) { performance { id } userErrors { code message } }
}`;
const MOVE = `mutation ($input: MoveTimelineTaskInput!) {
  moveTimelineTask(input: $input) { task { id version endsAt } userErrors { code message } }
}`;

interface PreviewSchool {
  code: string;
  name: string;
  students: number;
  items: number;
  itemsSource: string;
  group: number | null;
}
interface Preview {
  groupCount: number;
  totalItems: number;
  groups: { number: number; endsAt: string; items: number; schools: PreviewSchool[] }[];
  unadoptedSchools: { code: string }[];
  days: { date: string; common: number; staggered: number }[];
  commonPeak: { date: string; items: number } | null;
  staggeredPeak: { date: string; items: number } | null;
  problems: { code: string; message: string }[];
}
type Errors = { field: string[]; code: string; message: string }[];

let app: TestApp;
let city: TestCity;
let schools: TestSchool[];
let outsider: TestSchool;
let bureau: ApiClient;
const taskIds = new Map<TaskKind, string>();

/** What a refused plan must leave as it was: every window, alert, job and plan of the city. */
async function snapshot(): Promise<unknown> {
  const ids = [...schools, outsider].map((s) => s.school.id);
  return {
    windows: await app.sql(
      `select school_id, id, ends_at, latest_end, version from timeline_task where school_id = any(?::uuid[])
       order by school_id, id`,
      [`{${ids.join(',')}}`],
    ),
    alerts: await app.sql(
      `select id, kind, task_version, fire_at, cancelled_at from deadline_alert where school_id = any(?::uuid[])
       order by id`,
      [`{${ids.join(',')}}`],
    ),
    jobs: await app.sql(
      `select j.key, j.run_at from graphile_worker.jobs j
       join deadline_alert a on j.key = 'deadline_alert:' || a.id where a.school_id = any(?::uuid[]) order by j.key`,
      [`{${ids.join(',')}}`],
    ),
    plans: await app.sql('select id from stagger_plan where authority_id = ?', [city.authority.id]),
  };
}

const input = (kind: TaskKind, rule: string, groupCount: number, stepDays: number) => ({
  templateTaskId: taskIds.get(kind)!,
  rule,
  groupCount,
  stepDays,
});

async function performances(school: TestSchool, yearIndex: number, count: number, selected = false): Promise<void> {
  await app.sql(
    `insert into diverse_performance (school_id, id, student_id, academic_year_id, category, title, description,
                                      selected_at, created_at, updated_at)
     select ?, gen_random_uuid(), ?, ?, 'OTHER', '社區服務', '簡述', ?, now(), now() from generate_series(1, ?)`,
    [school.school.id, school.students[0]!.id, school.years[yearIndex]!.id, selected ? new Date() : null, count],
  );
}

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
  const base = 100000 + Math.floor(Math.random() * 800000);
  schools = [];
  for (let i = 0; i < 4; i += 1) schools.push(await city.school({ code: String(base + i) }));
  outsider = await city.school({ code: String(base + 9) });
  const { template } = await city.timeline(
    [
      { kind: TaskKind.UPLOAD_PERFORMANCES, startsAt: UPLOAD_START, endsAt: UPLOAD_END, latestEnd: at(9 * DAY) },
      // Closed already: cannot be staggered.
      { kind: TaskKind.UPLOAD_COURSE_OUTCOMES, startsAt: at(-10 * DAY), endsAt: at(-1 * DAY) },
      // Ends a week before the term does (115-1 ends 116/01/31).
      {
        kind: TaskKind.SELECT_PERFORMANCES,
        startsAt: new Date('2027-01-10T08:00:00+08:00'),
        endsAt: new Date('2027-01-24T17:00:00+08:00'),
      },
      { kind: TaskKind.CERTIFY_COURSE_OUTCOMES, startsAt: at(DAY), endsAt: at(8 * DAY) },
    ],
    schools,
  );
  const rows = await app.sql<{ id: string; kind: TaskKind }>(
    'select id, kind from timeline_template_task where template_id = ?',
    [template.id],
  );
  for (const row of rows) {
    taskIds.set(row.kind, toGlobalId('TimelineTemplateTask', row.id));
  }
  // Items the task concerns: last year's performances (a whole window's worth) for three schools, this year's so far
  // for one; the fourth school has neither and is estimated from its students.
  await performances(schools[0]!, 0, 40);
  await performances(schools[1]!, 0, 20);
  await performances(schools[1]!, 1, 5);
  await performances(schools[2]!, 1, 12);
  bureau = await app.client().login(city.bureauLogin.username, city.bureauLogin.password);
});
afterAll(() => app.close());

/** The city's load computed independently: each window's items spread over its Taipei dates by the stated curve. */
function expectedLoad(windows: { firstDate: string; days: number; items: number }[]): Map<string, number> {
  const load = new Map<string, number>();
  for (const window of windows) {
    const shares = rushCurveShares(window.days);
    for (let day = 0; day < window.days; day += 1) {
      const date = new Date(Date.parse(`${window.firstDate}T00:00:00Z`) + day * DAY).toISOString().slice(0, 10);
      load.set(date, (load.get(date) ?? 0) + window.items * shares[day]!);
    }
  }
  return load;
}

describe('staggered deadlines', () => {
  it('lets the database functions act for the caller’s own authority only, and for no school session', async () => {
    const templateTaskId = (
      await app.sqlOne<{ id: string }>(
        `select id from timeline_template_task where authority_id = ? and kind = 'UPLOAD_PERFORMANCES'`,
        [city.authority.id],
      )
    ).id;
    const window = await app.sqlOne<{ id: string; version: number }>(
      `select id, version from timeline_task where school_id = ? and kind = 'UPLOAD_PERFORMANCES'`,
      [schools[0]!.school.id],
    );
    const before = await snapshot();
    const other = await app.factory.city();
    const move = `select stagger_move_window(?, ?, ?, ?, ?, ?, '{}'::text[], '{}'::timestamptz[]) as version`;
    const moveArgs = [schools[0]!.school.id, window.id, templateTaskId, window.version, at(30 * DAY), at(0)];
    await inTenantTransaction(app.services.orm.em, { schoolId: null, authorityId: other.authority.id }, async (tx) => {
      expect(await tx.execute('select * from stagger_school_windows(?)', [templateTaskId])).toEqual([]);
      expect(await tx.execute(move, moveArgs)).toEqual([{ version: null }]);
    });
    await expect(
      inTenantTransaction(
        app.services.orm.em,
        { schoolId: schools[0]!.school.id, authorityId: city.authority.id },
        async (tx) => {
          expect(await tx.execute('select * from stagger_school_windows(?)', [templateTaskId])).toEqual([]);
          await tx.execute(move, moveArgs);
        },
      ),
    ).rejects.toThrow(/only a bureau/);
    expect(await snapshot()).toEqual(before);
  });

  it('lets only the bureau preview or apply a plan', async () => {
    const staff = await app
      .client()
      .login(schools[0]!.logins.registration.username, schools[0]!.logins.registration.password);
    const plan = input(TaskKind.UPLOAD_PERFORMANCES, 'ROUND_ROBIN', 2, 3);
    const preview = await staff.request(PREVIEW, { input: plan });
    expect(preview.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    const before = await snapshot();
    const apply = await staff.request(APPLY, { input: plan });
    expect(apply.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
    const listed = await staff.request(TASKS);
    expect(listed.errors[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lists the windows that may still be staggered', async () => {
    const { staggerableTasks } = await bureau.ok<{ staggerableTasks: { taskLabel: string; plan: null }[] }>(TASKS);
    expect(staggerableTasks.map((t) => t.taskLabel).sort()).toEqual(
      // Not the closed upload of outcomes, nor the teachers' certification.
      ['勾選 115學年度 多元表現', '登錄 115學年度 多元表現'].sort(),
    );
  });

  it('previews groups and the two peaks from the schools’ counts and the rush curve', async () => {
    const { staggerPreview: preview } = await bureau.ok<{ staggerPreview: Preview }>(PREVIEW, {
      input: input(TaskKind.UPLOAD_PERFORMANCES, 'BALANCED', 2, 3),
    });
    expect(preview.problems).toEqual([]);
    expect(preview.unadoptedSchools.map((s) => s.code)).toEqual([outsider.school.code]);
    const all = preview.groups.flatMap((g) => g.schools);
    const byCode = new Map(all.map((s) => [s.code, s]));
    const [a, b, c, d] = schools.map((s) => byCode.get(s.school.code)!);
    expect(a).toMatchObject({ items: 40, itemsSource: 'PREVIOUS_WINDOW' });
    // Last year's 20 is more than this year's 5 so far.
    expect(b).toMatchObject({ items: 20, itemsSource: 'PREVIOUS_WINDOW' });
    expect(c).toMatchObject({ items: 12, itemsSource: 'THIS_WINDOW' });
    // Its 4 students at the city's 72 items for 12 students.
    expect(d).toMatchObject({ students: 4, items: 24, itemsSource: 'ESTIMATE' });
    expect(preview.totalItems).toBe(96);
    // Balanced, largest first to the lighter group: 40 → 1, 24 → 2, 20 → 2 (24 < 40), 12 → 1 (40 < 44).
    expect(a!.group).toBe(1);
    expect(d!.group).toBe(2);
    expect(b!.group).toBe(2);
    expect(c!.group).toBe(1);
    expect(preview.groups.map((g) => g.items)).toEqual([52, 44]);
    expect(preview.groups.map((g) => g.endsAt)).toEqual([
      UPLOAD_END.toISOString(),
      new Date(UPLOAD_END.getTime() + 3 * DAY).toISOString(),
    ]);

    // One common deadline: all 96 items over 11/26–12/03; staggered: group 2's over 11/26–12/06.
    const common = expectedLoad([{ firstDate: '2026-11-26', days: 8, items: 96 }]);
    const staggered = expectedLoad([
      { firstDate: '2026-11-26', days: 8, items: 52 },
      { firstDate: '2026-11-26', days: 11, items: 44 },
    ]);
    const peak = (load: Map<string, number>) =>
      [...load].reduce((best, [date, items]) => (items > best.items ? { date, items } : best), {
        date: '',
        items: -1,
      });
    const commonPeak = peak(common);
    const staggeredPeak = peak(staggered);
    expect(preview.commonPeak).toEqual({
      date: commonPeak.date,
      rocDate: '115/12/03',
      items: Math.round(commonPeak.items),
    });
    expect(preview.staggeredPeak).toMatchObject({ date: staggeredPeak.date, items: Math.round(staggeredPeak.items) });
    expect(preview.commonPeak!.items).toBeGreaterThan(preview.staggeredPeak!.items);
    expect(preview.days.find((day) => day.date === '2026-12-06')).toMatchObject({
      common: 0,
      staggered: Math.round(staggered.get('2026-12-06')!),
    });

    // Round robin goes by school code: the first and third schools in group 1.
    const { staggerPreview: turns } = await bureau.ok<{ staggerPreview: Preview }>(PREVIEW, {
      input: input(TaskKind.UPLOAD_PERFORMANCES, 'ROUND_ROBIN', 2, 3),
    });
    expect(turns.groups.map((g) => g.schools.map((s) => s.code))).toEqual([
      [schools[0]!.school.code, schools[2]!.school.code],
      [schools[1]!.school.code, schools[3]!.school.code],
    ]);
  });

  it('refuses bad plans and changes nothing', async () => {
    const before = await snapshot();
    const refused = async (plan: ReturnType<typeof input>, code: string) => {
      const { applyStaggerPlan } = await bureau.ok<{ applyStaggerPlan: { plan: null; userErrors: Errors } }>(APPLY, {
        input: plan,
      });
      expect(applyStaggerPlan.plan).toBeNull();
      expect(applyStaggerPlan.userErrors.map((e) => e.code)).toContain(code);
      expect(applyStaggerPlan.userErrors.every((e) => /[\u4e00-\u9fff]/.test(e.message))).toBe(true);
      expect(await snapshot()).toEqual(before);
      return applyStaggerPlan.userErrors;
    };
    await refused(input(TaskKind.UPLOAD_PERFORMANCES, 'BALANCED', 1, 3), 'INVALID_GROUP_COUNT');
    await refused(input(TaskKind.UPLOAD_PERFORMANCES, 'BALANCED', 2, 0), 'INVALID_STEP_DAYS');
    await refused(input(TaskKind.UPLOAD_PERFORMANCES, 'BALANCED', 5, 1), 'TOO_FEW_SCHOOLS');
    await refused(input(TaskKind.UPLOAD_COURSE_OUTCOMES, 'BALANCED', 2, 3), 'WINDOW_CLOSED');
    const late = await refused(input(TaskKind.SELECT_PERFORMANCES, 'ROUND_ROBIN', 2, 8), 'AFTER_TERM');
    expect(late[0]!.message).toContain('116/01/31');
    await refused(input(TaskKind.CERTIFY_COURSE_OUTCOMES, 'BALANCED', 2, 3), 'TASK_NOT_STAGGERABLE');

    // A school that moved its own end later than its group's date.
    const staff = await app
      .client()
      .login(schools[1]!.logins.registration.username, schools[1]!.logins.registration.password);
    const { id: taskId } = await app.sqlOne<{ id: string }>(
      'select id from timeline_task where school_id = ? and kind = ?',
      [schools[1]!.school.id, TaskKind.UPLOAD_PERFORMANCES],
    );
    const move = (endsAt: Date) =>
      staff.ok<{ moveTimelineTask: { userErrors: Errors } }>(MOVE, {
        input: {
          taskId: toGlobalId('TimelineTask', taskId),
          startsAt: UPLOAD_START.toISOString(),
          endsAt: endsAt.toISOString(),
        },
      });
    expect((await move(at(8 * DAY))).moveTimelineTask.userErrors).toEqual([]);
    const moved = await snapshot();
    const { applyStaggerPlan } = await bureau.ok<{ applyStaggerPlan: { userErrors: Errors } }>(APPLY, {
      input: input(TaskKind.UPLOAD_PERFORMANCES, 'ROUND_ROBIN', 2, 1),
    });
    expect(applyStaggerPlan.userErrors.map((e) => e.code)).toEqual(['SCHOOL_ENDS_LATER']);
    expect(applyStaggerPlan.userErrors[0]!.message).toContain('115/12/06 09:00');
    expect(await snapshot()).toEqual(moved);
    expect((await move(UPLOAD_END)).moveTimelineTask.userErrors).toEqual([]);
  });

  it('applies a plan: each school’s window ends on its group’s date, alerts move, students feel it', async () => {
    const plan = input(TaskKind.UPLOAD_PERFORMANCES, 'ROUND_ROBIN', 2, 3);
    const { applyStaggerPlan } = await bureau.ok<{
      applyStaggerPlan: {
        plan: {
          id: string;
          schoolCount: number;
          commonPeak: number;
          staggeredPeak: number;
          groups: { rocEndsAt: string; schoolNames: string[] }[];
        };
        userErrors: Errors;
      };
    }>(APPLY, { input: plan });
    expect(applyStaggerPlan.userErrors).toEqual([]);
    expect(applyStaggerPlan.plan.schoolCount).toBe(4);
    expect(applyStaggerPlan.plan.groups.map((g) => g.rocEndsAt)).toEqual(['115/12/03 09:00', '115/12/06 09:00']);
    expect(applyStaggerPlan.plan.commonPeak).toBeGreaterThan(applyStaggerPlan.plan.staggeredPeak);

    const late = new Date(UPLOAD_END.getTime() + 3 * DAY);
    const [early1, late1, early2, late2] = schools;
    for (const [school, endsAt] of [
      [early1!, UPLOAD_END],
      [late1!, late],
      [early2!, UPLOAD_END],
      [late2!, late],
    ] as const) {
      const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
      const { timeline } = await staff.ok<{ timeline: { kind: string; endsAt: string; latestEnd: string }[] }>(
        '{ timeline { kind endsAt latestEnd } }',
      );
      expect(timeline.find((t) => t.kind === 'UPLOAD_PERFORMANCES')).toMatchObject({
        endsAt: endsAt.toISOString(),
        latestEnd: endsAt.toISOString(),
      });
      // The move's alerts, as a school's own move gives them: MOVED now and the closing ones at the new end.
      const alerts = await app.sql<{ kind: string; fire_at: Date; job: string | null }>(
        `select a.kind, a.fire_at, j.key as job from deadline_alert a
         join timeline_task t on t.school_id = a.school_id and t.id = a.task_id and t.version = a.task_version
         left join graphile_worker.jobs j on j.key = 'deadline_alert:' || a.id
         where a.school_id = ? and t.kind = 'UPLOAD_PERFORMANCES' and a.cancelled_at is null`,
        [school.school.id],
      );
      const closed = alerts.find((alert) => alert.kind === 'CLOSED');
      expect(new Date(closed!.fire_at).toISOString()).toBe(endsAt.toISOString());
      expect(alerts.map((alert) => alert.kind).sort()).toEqual(
        ['CLOSED', 'CLOSING_1H', 'CLOSING_24H', 'CLOSING_72H', 'MOVED'].sort(),
      );
      expect(alerts.every((alert) => alert.job !== null)).toBe(true);
      const stale = await app.sqlOne<{ n: number }>(
        `select count(*)::int as n from deadline_alert a join timeline_task t on t.school_id = a.school_id
         and t.id = a.task_id where a.school_id = ? and t.kind = 'UPLOAD_PERFORMANCES' and a.task_version < t.version
         and a.fired_at is null and a.cancelled_at is null`,
        [school.school.id],
      );
      expect(stale.n).toBe(0);
    }
    const audit = await app.sql<{ operation: string; target_ids: string[] }>(
      'select operation, target_ids from bureau_audit_log where authority_id = ? and operation = ?',
      [city.authority.id, 'timeline.stagger.apply'],
    );
    expect(audit).toHaveLength(1);

    // The day after the first group closed: its student may no longer record, the second group's student still may.
    app.clock.set(new Date(UPLOAD_END.getTime() + DAY));
    const record = (school: TestSchool) =>
      app
        .client()
        .login(school.logins.student.username, school.logins.student.password)
        .then((student) =>
          student.ok<{ recordPerformance: { performance: { id: string } | null; userErrors: Errors } }>(RECORD, {
            input: { category: 'OTHER', title: '社區服務', details: [], description: '簡述' },
          }),
        );
    const early = await record(early1!);
    expect(early.recordPerformance.userErrors.map((e) => e.code)).toEqual(['WINDOW_CLOSED']);
    const later = await record(late1!);
    expect(later.recordPerformance.userErrors).toEqual([]);
    expect(later.recordPerformance.performance).not.toBeNull();

    // A school still moves inside the bureau's bounds, now its group's: not past 12/06.
    const staff = await app.client().login(late1!.logins.registration.username, late1!.logins.registration.password);
    const { id: taskId } = await app.sqlOne<{ id: string }>(
      'select id from timeline_task where school_id = ? and kind = ?',
      [late1!.school.id, TaskKind.UPLOAD_PERFORMANCES],
    );
    const { moveTimelineTask } = await staff.ok<{ moveTimelineTask: { userErrors: Errors } }>(MOVE, {
      input: {
        taskId: toGlobalId('TimelineTask', taskId),
        startsAt: UPLOAD_START.toISOString(),
        endsAt: new Date(late.getTime() + DAY).toISOString(),
      },
    });
    expect(moveTimelineTask.userErrors.map((e) => e.code)).toEqual(['OUTSIDE_BUREAU_BOUNDS']);

    // One plan per window: a second one is refused and the list shows the applied plan.
    app.clock.set(DEFAULT_TEST_NOW);
    const again = await bureau.ok<{ applyStaggerPlan: { userErrors: Errors } }>(APPLY, { input: plan });
    expect(again.applyStaggerPlan.userErrors.map((e) => e.code)).toContain('PLAN_ALREADY_APPLIED');
    const { staggerableTasks } = await bureau.ok<{
      staggerableTasks: { taskLabel: string; plan: { id: string } | null }[];
    }>(TASKS);
    expect(staggerableTasks.find((t) => t.taskLabel === '登錄 115學年度 多元表現')!.plan?.id).toBe(
      applyStaggerPlan.plan.id,
    );
  });
});
