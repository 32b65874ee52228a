import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import { inTenantTransaction } from '../../api/src/common/tenant.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import type { TestCity, TestSchool, WindowSpec } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const at = (offsetMs: number) => new Date(DEFAULT_TEST_NOW.getTime() + offsetMs);

let app: TestApp;
let city: TestCity;
let school: TestSchool;
let otherSchool: TestSchool;

/** Windows around the test's "now" (115/11/28 09:00): one closed, one open, one closing soon, one upcoming. */
const WINDOWS: WindowSpec[] = [
  { kind: TaskKind.PRECHECK, startsAt: at(-20 * DAY), endsAt: at(-5 * DAY) },
  { kind: TaskKind.UPLOAD_COURSE_OUTCOMES, startsAt: at(-10 * DAY), endsAt: at(10 * DAY), latestEnd: at(20 * DAY) },
  { kind: TaskKind.SELECT_COURSE_OUTCOMES, startsAt: at(-1 * DAY), endsAt: at(2 * DAY), latestEnd: at(6 * DAY) },
  {
    kind: TaskKind.CERTIFY_COURSE_OUTCOMES,
    startsAt: at(3 * DAY),
    endsAt: at(9 * DAY),
    earliestStart: at(1 * DAY),
    latestEnd: at(15 * DAY),
  },
  { kind: TaskKind.CONFIRM_RECEIPTS, startsAt: at(20 * DAY), endsAt: at(24 * DAY), latestEnd: at(26 * DAY) },
  { kind: TaskKind.RESOLVE_DISPUTES, startsAt: at(24 * DAY), endsAt: at(27 * DAY), latestEnd: at(29 * DAY) },
  {
    kind: TaskKind.FINAL_SUBMIT,
    startsAt: at(27 * DAY),
    endsAt: at(30 * DAY),
    earliestStart: at(22 * DAY),
    latestEnd: at(32 * DAY),
  },
];

const PUBLISH = `mutation ($input: PublishTimelineTemplateInput!) {
  publishTimelineTemplate(input: $input) { template { id termKey tasks { kind label } } userErrors { field code message } }
}`;
const MOVE = `mutation ($input: MoveTimelineTaskInput!) {
  moveTimelineTask(input: $input) { task { id version startsAt endsAt rocWindow } userErrors { field code message } }
}`;
const DEADLINES = `{ myDeadlines { task { kind label } state stateLabel endsAt rocEndsAt viewerMayActNow blockedReason extension { reason rocEndsAt } } }`;

interface DeadlineRow {
  task: { kind: string; label: string };
  state: string;
  endsAt: string;
  rocEndsAt: string;
  viewerMayActNow: boolean;
  blockedReason: string | null;
  extension: { reason: string; rocEndsAt: string } | null;
}

function taskId(target: TestSchool, kind: TaskKind): Promise<string> {
  return app
    .sqlOne<{ id: string }>('select id from timeline_task where school_id = ? and kind = ?', [target.school.id, kind])
    .then((row) => toGlobalId('TimelineTask', row.id));
}

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
  school = await city.school();
  otherSchool = await city.school();
  await city.timeline(WINDOWS, [school, otherSchool]);
});
afterAll(() => app.close());

describe('bureau templates', () => {
  // Each task governs 115-1's data unless it says otherwise.
  const template = (tasks: object[]) => ({
    academicYear: 115,
    semester: 1,
    name: `範本 ${Math.random()}`,
    tasks: tasks.map((task) => ({ period: '1151', ...task })),
  });

  it('publishes a template that its schools can see', async () => {
    const bureau = await app.client().login(city.bureauLogin.username, city.bureauLogin.password);
    const result = await bureau.ok<{
      publishTimelineTemplate: { template: { termKey: string; tasks: { kind: string }[] }; userErrors: unknown[] };
    }>(PUBLISH, {
      input: template([
        {
          kind: 'PRECHECK',
          startsAt: at(DAY).toISOString(),
          endsAt: at(2 * DAY).toISOString(),
          sections: ['TEACHING'],
          system: '國教署學習歷程檔案資料庫',
        },
      ]),
    });
    expect(result.publishTimelineTemplate.userErrors).toEqual([]);
    expect(result.publishTimelineTemplate.template.termKey).toBe('1151');
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const seen = await staff.ok<{ timelineTemplates: { nodes: { id: string }[] } }>(
      '{ timelineTemplates(first: 100) { nodes { id } } }',
    );
    expect(seen.timelineTemplates.nodes.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    [
      'a window that ends before it starts',
      [{ kind: 'PRECHECK', startsAt: at(2 * DAY), endsAt: at(DAY) }],
      'WINDOW_ENDS_BEFORE_START',
    ],
    [
      'a confirmation window under 3 days',
      [{ kind: 'CONFIRM_RECEIPTS', startsAt: at(DAY), endsAt: at(3 * DAY) }],
      'CONFIRM_WINDOW_TOO_SHORT',
    ],
    [
      'a final submission before the confirmation ends',
      [
        { kind: 'CONFIRM_RECEIPTS', startsAt: at(DAY), endsAt: at(5 * DAY) },
        { kind: 'FINAL_SUBMIT', startsAt: at(4 * DAY), endsAt: at(6 * DAY) },
      ],
      'FINAL_SUBMIT_TOO_EARLY',
    ],
    [
      'defaults outside their own bounds',
      [{ kind: 'PRECHECK', startsAt: at(DAY), endsAt: at(2 * DAY), latestEnd: at(DAY + HOUR) }],
      'OUTSIDE_BUREAU_BOUNDS',
    ],
    [
      'a submission without its category',
      [{ kind: 'SUBMIT', startsAt: at(DAY), endsAt: at(2 * DAY) }],
      'CATEGORY_MISMATCH',
    ],
    [
      'a yearly window given one term',
      [{ kind: 'SELECT_PERFORMANCES', startsAt: at(DAY), endsAt: at(2 * DAY) }],
      'PERIOD_NOT_ANNUAL',
    ],
    [
      'a term window given a whole year',
      [{ kind: 'UPLOAD_COURSE_OUTCOMES', period: '115_0', startsAt: at(DAY), endsAt: at(2 * DAY) }],
      'PERIOD_NOT_TERM',
    ],
    [
      'course outcomes submitted per term',
      [{ kind: 'SUBMIT', category: 'COURSE_OUTCOMES', startsAt: at(DAY), endsAt: at(2 * DAY) }],
      'PERIOD_NOT_ANNUAL',
    ],
    [
      'a period that is not a term or a year',
      [{ kind: 'PRECHECK', period: '115學年', startsAt: at(DAY), endsAt: at(2 * DAY) }],
      'INVALID_PERIOD',
    ],
    [
      'course records in the 高三 round',
      [
        {
          kind: 'SUBMIT',
          category: 'COURSE_RECORDS',
          period: '1152',
          grade12Round: true,
          startsAt: at(DAY),
          endsAt: at(2 * DAY),
        },
      ],
      'NOT_IN_GRADE12_ROUND',
    ],
    [
      'a 高三 round of a first term',
      [{ kind: 'UPLOAD_COURSE_OUTCOMES', grade12Round: true, startsAt: at(DAY), endsAt: at(2 * DAY) }],
      'NOT_IN_GRADE12_ROUND',
    ],
    [
      'a 高三 upload closing before 4/1',
      [
        {
          kind: 'UPLOAD_PERFORMANCES',
          period: '115_0',
          grade12Round: true,
          startsAt: new Date('2027-03-01T00:00:00+08:00'),
          endsAt: new Date('2027-03-31T17:00:00+08:00'),
        },
      ],
      'GRADE12_UPLOAD_TOO_EARLY',
    ],
    [
      'a 高三 selection leaving under 3 days after the uploads',
      [
        {
          kind: 'UPLOAD_PERFORMANCES',
          period: '115_0',
          grade12Round: true,
          startsAt: new Date('2027-03-01T00:00:00+08:00'),
          endsAt: new Date('2027-04-10T17:00:00+08:00'),
        },
        {
          kind: 'SELECT_PERFORMANCES',
          period: '115_0',
          grade12Round: true,
          startsAt: new Date('2027-04-10T17:00:00+08:00'),
          endsAt: new Date('2027-04-12T17:00:00+08:00'),
        },
      ],
      'GRADE12_SELECT_TOO_SHORT',
    ],
    [
      'notes over 500 characters',
      [{ kind: 'PRECHECK', startsAt: at(DAY), endsAt: at(2 * DAY), notes: '備'.repeat(501) }],
      'TEXT_TOO_LONG',
    ],
  ])('refuses %s and writes nothing', async (_name, tasks, code) => {
    const bureau = await app.client().login(city.bureauLogin.username, city.bureauLogin.password);
    const before = await app.sqlOne<{ n: number }>(
      'select count(*)::int as n from timeline_template where authority_id = ?',
      [city.authority.id],
    );
    const input = template(
      (tasks as WindowSpec[]).map((t) => ({
        ...t,
        startsAt: t.startsAt.toISOString(),
        endsAt: t.endsAt.toISOString(),
        latestEnd: t.latestEnd?.toISOString(),
      })),
    );
    const result = await bureau.ok<{
      publishTimelineTemplate: { template: null; userErrors: { code: string; message: string }[] };
    }>(PUBLISH, { input });
    expect(result.publishTimelineTemplate.template).toBeNull();
    expect(result.publishTimelineTemplate.userErrors.map((e) => e.code)).toContain(code);
    const after = await app.sqlOne<{ n: number }>(
      'select count(*)::int as n from timeline_template where authority_id = ?',
      [city.authority.id],
    );
    expect(after.n).toBe(before.n);
  });

  it('names the window in ROC dates when it refuses one', async () => {
    const bureau = await app.client().login(city.bureauLogin.username, city.bureauLogin.password);
    const result = await bureau.ok<{ publishTimelineTemplate: { userErrors: { message: string }[] } }>(PUBLISH, {
      input: template([{ kind: 'PRECHECK', startsAt: at(2 * DAY).toISOString(), endsAt: at(DAY).toISOString() }]),
    });
    expect(result.publishTimelineTemplate.userErrors[0]!.message).toBe(
      '「預檢 115學年度第1學期 修課紀錄」的結束時間（115/11/29 09:00）必須晚於開始時間（115/11/30 09:00）。',
    );
  });

  it('names the data each window governs, whatever month it runs in, with the slides’ term keys accepted', async () => {
    const bureau = await app.client().login(city.bureauLogin.username, city.bureauLogin.password);
    const result = await bureau.ok<{
      publishTimelineTemplate: { template: { tasks: { kind: string; label: string }[] }; userErrors: unknown[] };
    }>(PUBLISH, {
      input: {
        academicYear: 115,
        semester: 2,
        name: `第2學期範本 ${Math.random()}`,
        tasks: [
          { kind: 'UPLOAD_COURSE_OUTCOMES', period: '11501', startsAt: at(DAY), endsAt: at(2 * DAY) },
          { kind: 'SELECT_PERFORMANCES', period: '114_0', startsAt: at(DAY), endsAt: at(2 * DAY) },
          { kind: 'SUBMIT', category: 'PERFORMANCES', period: '114_0', startsAt: at(DAY), endsAt: at(2 * DAY) },
          {
            kind: 'SUBMIT',
            category: 'BASIC',
            period: '11502',
            grade12Round: true,
            startsAt: at(DAY),
            endsAt: at(2 * DAY),
          },
        ],
      },
    });
    expect(result.publishTimelineTemplate.userErrors).toEqual([]);
    expect(result.publishTimelineTemplate.template.tasks.map((task) => task.label).sort()).toEqual(
      [
        '上傳 115學年度第1學期 課程學習成果',
        '勾選 114學年度 多元表現',
        '提交 114學年度 多元表現',
        '高三 提交 115學年度第2學期 基本資料／校內幹部',
      ].sort(),
    );
  });

  it('gives back every task’s period, bounds, responsible sections, system and notes, all a copy starts from', async () => {
    const bureau = await app.client().login(city.bureauLogin.username, city.bureauLogin.password);
    const task = {
      kind: 'SUBMIT',
      category: 'BASIC',
      grade12Round: false,
      startsAt: at(2 * DAY).toISOString(),
      endsAt: at(4 * DAY).toISOString(),
      earliestStart: at(DAY).toISOString(),
      latestEnd: at(6 * DAY).toISOString(),
      sections: ['REGISTRATION', 'IT'],
      system: '學習歷程中央資料庫',
      notes: '先預檢再提交。\n有疑問請洽註冊組。',
    };
    const published = await bureau.ok<{ publishTimelineTemplate: { template: { id: string } } }>(PUBLISH, {
      input: template([task]),
    });
    const read = await bureau.ok<{ timelineTemplates: { nodes: { id: string; tasks: object[] }[] } }>(
      `{ timelineTemplates(first: 100) { nodes { id tasks {
          kind category period grade12Round startsAt endsAt earliestStart latestEnd sections system notes } } } }`,
    );
    const tasks = read.timelineTemplates.nodes.find(
      (node) => node.id === published.publishTimelineTemplate.template.id,
    )!.tasks;
    expect(tasks).toEqual([{ ...task, period: '1151' }]);
  });

  it('is refused to school staff', async () => {
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const result = await staff.request(PUBLISH, { input: template([]) });
    expect(result.errors[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('moving a school window', () => {
  it('moves inside the bounds, bumps the version and schedules a MOVED alert', async () => {
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const id = await taskId(school, TaskKind.CERTIFY_COURSE_OUTCOMES);
    const result = await staff.ok<{
      moveTimelineTask: { task: { version: number; rocWindow: string }; userErrors: unknown[] };
    }>(MOVE, {
      input: { taskId: id, startsAt: at(2 * DAY).toISOString(), endsAt: at(12 * DAY).toISOString() },
    });
    expect(result.moveTimelineTask.userErrors).toEqual([]);
    expect(result.moveTimelineTask.task).toMatchObject({ version: 2, rocWindow: '115/11/30 09:00–115/12/10 09:00' });
    const alerts = await app.sql<{ kind: string; task_version: number; cancelled: boolean }>(
      `select a.kind, a.task_version, a.cancelled_at is not null as cancelled from deadline_alert a
       join timeline_task t on t.school_id = a.school_id and t.id = a.task_id
       where t.school_id = ? and t.kind = 'CERTIFY_COURSE_OUTCOMES' order by a.task_version, a.kind`,
      [school.school.id],
    );
    expect(alerts.filter((a) => a.task_version === 1).every((a) => a.cancelled)).toBe(true);
    expect(
      alerts
        .filter((a) => a.task_version === 2)
        .map((a) => a.kind)
        .sort(),
    ).toEqual(['CLOSED', 'CLOSING_1H', 'CLOSING_24H', 'CLOSING_72H', 'MOVED', 'OPENED'].sort());
    const jobs = await app.sqlOne<{ n: number }>(
      `select count(*)::int as n from graphile_worker.jobs j where j.key in (
         select 'deadline_alert:' || a.id from deadline_alert a where a.school_id = ? and a.task_version = 2 and a.cancelled_at is null)`,
      [school.school.id],
    );
    expect(jobs.n).toBe(6);
  });

  it.each([
    ['outside the bureau’s bounds', { startsAt: 0 * DAY, endsAt: 16 * DAY }, 'OUTSIDE_BUREAU_BOUNDS'],
    ['ending before it starts', { startsAt: 5 * DAY, endsAt: 4 * DAY }, 'WINDOW_ENDS_BEFORE_START'],
  ])('refuses a move %s and changes nothing', async (_name, offsets, code) => {
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const id = await taskId(otherSchool, TaskKind.CERTIFY_COURSE_OUTCOMES);
    const result = await staff.ok<{ moveTimelineTask: { task: null; userErrors: { code: string }[] } }>(MOVE, {
      input: { taskId: id, startsAt: at(offsets.startsAt).toISOString(), endsAt: at(offsets.endsAt).toISOString() },
    });
    // A window of another school is simply not found; a window of one's own is refused for its dates.
    expect(result.moveTimelineTask.userErrors.map((e) => e.code)).toEqual(['TASK_NOT_FOUND']);
    const own = await staff.ok<{ moveTimelineTask: { userErrors: { code: string }[] } }>(MOVE, {
      input: {
        taskId: await taskId(school, TaskKind.UPLOAD_COURSE_OUTCOMES),
        startsAt: at(offsets.startsAt - 20 * DAY).toISOString(),
        endsAt: at(offsets.endsAt + (code === 'OUTSIDE_BUREAU_BOUNDS' ? 10 * DAY : -20 * DAY)).toISOString(),
      },
    });
    expect(own.moveTimelineTask.userErrors.map((e) => e.code)).toContain(code);
    const row = await app.sqlOne<{ version: number }>(
      `select version from timeline_task where school_id = ? and kind = 'UPLOAD_COURSE_OUTCOMES'`,
      [school.school.id],
    );
    expect(row.version).toBe(1);
  });

  it('refuses to move a final submission before the confirmation window ends', async () => {
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const result = await staff.ok<{ moveTimelineTask: { userErrors: { code: string }[] } }>(MOVE, {
      input: {
        taskId: await taskId(school, TaskKind.FINAL_SUBMIT),
        startsAt: at(23 * DAY).toISOString(),
        endsAt: at(30 * DAY).toISOString(),
      },
    });
    expect(result.moveTimelineTask.userErrors.map((e) => e.code)).toEqual(['FINAL_SUBMIT_TOO_EARLY']);
  });

  it('refuses any move once the term is finally submitted', async () => {
    const target = await city.school();
    await city.timeline(
      [{ kind: TaskKind.PRECHECK, startsAt: at(DAY), endsAt: at(2 * DAY), latestEnd: at(5 * DAY) }],
      [target],
    );
    await app.sql(`update term set finalized_at = now() where school_id = ?`, [target.school.id]);
    const staff = await app.client().login(target.logins.registration.username, target.logins.registration.password);
    const result = await staff.ok<{ moveTimelineTask: { userErrors: { code: string; message: string }[] } }>(MOVE, {
      input: {
        taskId: await taskId(target, TaskKind.PRECHECK),
        startsAt: at(DAY).toISOString(),
        endsAt: at(3 * DAY).toISOString(),
      },
    });
    expect(result.moveTimelineTask.userErrors).toEqual([
      { field: ['input', 'taskId'], code: 'TERM_FINALIZED', message: '這個學期已完成最終提交，期程不能再變更。' },
    ]);
  });

  it('is refused to teachers and students', async () => {
    for (const login of [school.logins.teacher, school.logins.student]) {
      const client = await app.client().login(login.username, login.password);
      const result = await client.request(MOVE, {
        input: {
          taskId: await taskId(school, TaskKind.PRECHECK),
          startsAt: at(0).toISOString(),
          endsAt: at(DAY).toISOString(),
        },
      });
      expect(result.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('adopting a template', () => {
  const ADOPT = `mutation ($input: AdoptTimelineTemplateInput!) {
    adoptTimelineTemplate(input: $input) { tasks { kind startsAt endsAt } userErrors { field code message } }
  }`;

  it('takes the school’s shifts inside the bounds and refuses one outside them', async () => {
    const target = await city.school();
    const { template } = await city.timeline(
      [
        {
          kind: TaskKind.PRECHECK,
          startsAt: at(DAY),
          endsAt: at(3 * DAY),
          earliestStart: at(0),
          latestEnd: at(6 * DAY),
        },
      ],
      [],
    );
    const staff = await app.client().login(target.logins.registration.username, target.logins.registration.password);
    const outside = await staff.ok<{
      adoptTimelineTemplate: { tasks: unknown[]; userErrors: { code: string; field: string[] }[] };
    }>(ADOPT, {
      input: {
        templateId: template.globalId,
        shifts: [
          { kind: 'PRECHECK', period: '1151', startsAt: at(DAY).toISOString(), endsAt: at(7 * DAY).toISOString() },
        ],
      },
    });
    expect(outside.adoptTimelineTemplate.userErrors).toEqual([
      expect.objectContaining({ code: 'OUTSIDE_BUREAU_BOUNDS', field: ['input', 'shifts', '0'] }),
    ]);
    expect(
      (
        await app.sqlOne<{ n: number }>('select count(*)::int as n from timeline_task where school_id = ?', [
          target.school.id,
        ])
      ).n,
    ).toBe(0);

    const inside = await staff.ok<{ adoptTimelineTemplate: { tasks: { endsAt: string }[]; userErrors: unknown[] } }>(
      ADOPT,
      {
        input: {
          templateId: template.globalId,
          shifts: [
            { kind: 'PRECHECK', period: '1151', startsAt: at(DAY).toISOString(), endsAt: at(5 * DAY).toISOString() },
          ],
        },
      },
    );
    expect(inside.adoptTimelineTemplate.userErrors).toEqual([]);
    expect(inside.adoptTimelineTemplate.tasks[0]!.endsAt).toBe(at(5 * DAY).toISOString());
  });

  it('tells the school which template it adopted and when, and no one else', async () => {
    const ADOPTIONS = `{ timelineTemplates(first: 100) { nodes { id termLabel schoolAdoption { adoptedAt rocAdoptedAt windowCount } } } }`;
    type Adoptions = {
      timelineTemplates: {
        nodes: {
          id: string;
          termLabel: string;
          schoolAdoption: { adoptedAt: string; rocAdoptedAt: string; windowCount: number } | null;
        }[];
      };
    };
    const target = await city.school();
    const beforeFirst = Date.now();
    // The factory adopts without the mutation, as the demo seed does: the windows' creation is the adoption's time.
    const { template: first } = await city.timeline(
      [{ kind: TaskKind.PRECHECK, startsAt: at(DAY), endsAt: at(3 * DAY) }],
      [target],
    );
    const afterFirst = Date.now();
    const { template: second } = await city.timeline(
      [
        { kind: TaskKind.PRECHECK, startsAt: at(DAY), endsAt: at(3 * DAY) },
        { kind: TaskKind.UPLOAD_COURSE_OUTCOMES, startsAt: at(DAY), endsAt: at(5 * DAY) },
      ],
      [],
    );
    const staff = await app.client().login(target.logins.registration.username, target.logins.registration.password);
    const adoptionOf = (seen: Adoptions, id: string) =>
      seen.timelineTemplates.nodes.find((node) => node.id === id)!.schoolAdoption;

    const before = await staff.ok<Adoptions>(ADOPTIONS);
    const firstAdoption = adoptionOf(before, first.globalId)!;
    expect(firstAdoption.windowCount).toBe(1);
    expect(new Date(firstAdoption.adoptedAt).getTime()).toBeGreaterThanOrEqual(beforeFirst - 1000);
    expect(new Date(firstAdoption.adoptedAt).getTime()).toBeLessThanOrEqual(afterFirst + 1000);
    expect(firstAdoption.rocAdoptedAt).toMatch(/^\d{3}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
    expect(adoptionOf(before, second.globalId)).toBeNull();

    const beforeSecond = Date.now();
    const adopted = await staff.ok<{ adoptTimelineTemplate: { userErrors: unknown[] } }>(ADOPT, {
      input: { templateId: second.globalId },
    });
    expect(adopted.adoptTimelineTemplate.userErrors).toEqual([]);
    const after = await staff.ok<Adoptions>(ADOPTIONS);
    const secondAdoption = adoptionOf(after, second.globalId)!;
    expect(secondAdoption.windowCount).toBe(2);
    expect(new Date(secondAdoption.adoptedAt).getTime()).toBeGreaterThanOrEqual(beforeSecond - 1000);
    expect(new Date(secondAdoption.adoptedAt).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    // The second plan took over the first's only window, so the first no longer shapes the school's timeline.
    expect(adoptionOf(after, first.globalId)).toBeNull();

    // Adopting again (after a moment) is the adoption that counts: its audit row, not the windows' creation.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await staff.ok(ADOPT, { input: { templateId: second.globalId } });
    const again = adoptionOf(await staff.ok<Adoptions>(ADOPTIONS), second.globalId)!;
    expect(new Date(again.adoptedAt).getTime()).toBeGreaterThan(new Date(secondAdoption.adoptedAt).getTime());

    const neighbour = await app
      .client()
      .login(school.logins.registration.username, school.logins.registration.password);
    expect(adoptionOf(await neighbour.ok<Adoptions>(ADOPTIONS), second.globalId)).toBeNull();
    const bureau = await app.client().login(city.bureauLogin.username, city.bureauLogin.password);
    expect(adoptionOf(await bureau.ok<Adoptions>(ADOPTIONS), second.globalId)).toBeNull();
  });

  it('cannot adopt another authority’s template', async () => {
    const elsewhere = await app.factory.city();
    const { template } = await elsewhere.timeline(
      [{ kind: TaskKind.PRECHECK, startsAt: at(DAY), endsAt: at(2 * DAY) }],
      [],
    );
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const result = await staff.ok<{ adoptTimelineTemplate: { userErrors: { code: string }[] } }>(ADOPT, {
      input: { templateId: template.globalId },
    });
    expect(result.adoptTimelineTemplate.userErrors.map((e) => e.code)).toEqual(['TEMPLATE_NOT_FOUND']);
  });
});

describe('my deadlines and the window policy, by a controlled clock', () => {
  it('shows a student the windows that concern them with their state', async () => {
    const student = await app.client().login(school.logins.student.username, school.logins.student.password);
    const { myDeadlines } = await student.ok<{ myDeadlines: DeadlineRow[] }>(DEADLINES);
    const byKind = new Map(myDeadlines.map((d) => [d.task.kind, d]));
    expect(byKind.has('CERTIFY_COURSE_OUTCOMES')).toBe(false); // teachers' work
    expect(byKind.get('SELECT_COURSE_OUTCOMES')).toMatchObject({
      state: 'CLOSING_SOON',
      viewerMayActNow: true,
      rocEndsAt: '115/11/30 09:00',
    });
    expect(byKind.get('UPLOAD_COURSE_OUTCOMES')).toMatchObject({ state: 'OPEN', viewerMayActNow: true });
    expect(byKind.get('CONFIRM_RECEIPTS')).toMatchObject({
      state: 'UPCOMING',
      viewerMayActNow: false,
      blockedReason:
        '「確認 115學年度第1學期 收訖明細」尚未開放，將於 115/12/18 09:00 開始（期間 115/12/18 09:00–115/12/22 09:00）。',
    });
  });

  it('closes the window when the clock passes its end, and an extension keeps it open for that student only', async () => {
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const extended = school.students[0]!;
    const grant = await staff.ok<{
      grantDeadlineExtension: { extension: { rocEndsAt: string } | null; userErrors: unknown[] };
    }>(
      `mutation ($input: GrantDeadlineExtensionInput!) { grantDeadlineExtension(input: $input) { extension { rocEndsAt } userErrors { code } } }`,
      {
        input: {
          taskId: await taskId(school, TaskKind.SELECT_COURSE_OUTCOMES),
          studentId: toGlobalId('Student', extended.id),
          endsAt: at(4 * DAY).toISOString(),
          reason: '病假',
        },
      },
    );
    expect(grant.grantDeadlineExtension).toEqual({ extension: { rocEndsAt: '115/12/02 09:00' }, userErrors: [] });

    app.clock.advance(3 * DAY);
    try {
      const student = await app.client().login(school.logins.student.username, school.logins.student.password);
      const mine = (await student.ok<{ myDeadlines: DeadlineRow[] }>(DEADLINES)).myDeadlines.find(
        (d) => d.task.kind === 'SELECT_COURSE_OUTCOMES',
      )!;
      expect(mine).toMatchObject({
        viewerMayActNow: true,
        state: 'CLOSING_SOON',
        rocEndsAt: '115/12/02 09:00',
        extension: { reason: '病假' },
      });

      // The same question through the policy service, as a guarded mutation asks it.
      const term = school.terms.find((t) => t.semester === 1 && t.startsOn.startsWith('2026'))!;
      const answers = await inTenantTransaction(
        app.services.orm.em,
        { schoolId: school.school.id, authorityId: null },
        async (em) => ({
          extended: await app.services.windows.check(em, {
            period: { termId: term.id },
            kind: TaskKind.SELECT_COURSE_OUTCOMES,
            studentId: extended.id,
          }),
          other: await app.services.windows.check(em, {
            period: { termId: term.id },
            kind: TaskKind.SELECT_COURSE_OUTCOMES,
            studentId: school.students[1]!.id,
          }),
          unscheduled: await app.services.windows.check(em, {
            period: { termId: term.id },
            kind: TaskKind.GRADE_ENTRY,
          }),
        }),
      );
      expect(answers.extended.userError).toBeNull();
      expect(answers.other.userError).toMatchObject({
        code: 'WINDOW_CLOSED',
        message: '「勾選 115學年度 課程學習成果」已於 115/11/30 09:00 截止（期間 115/11/27 09:00–115/11/30 09:00）。',
      });
      expect(answers.unscheduled.userError?.code).toBe('WINDOW_NOT_OPEN');
    } finally {
      app.clock.advance(-3 * DAY);
    }
  });

  it('refuses an extension for a student of another school, or one that ends earlier, and writes nothing', async () => {
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const GRANT = `mutation ($input: GrantDeadlineExtensionInput!) { grantDeadlineExtension(input: $input) { extension { id } userErrors { code } } }`;
    const foreign = await staff.ok<{ grantDeadlineExtension: { extension: null; userErrors: { code: string }[] } }>(
      GRANT,
      {
        input: {
          taskId: await taskId(school, TaskKind.UPLOAD_COURSE_OUTCOMES),
          studentId: toGlobalId('Student', otherSchool.students[0]!.id),
          endsAt: at(15 * DAY).toISOString(),
          reason: '轉學',
        },
      },
    );
    expect(foreign.grantDeadlineExtension.userErrors.map((e) => e.code)).toEqual(['STUDENT_NOT_FOUND']);
    const earlier = await staff.ok<{ grantDeadlineExtension: { userErrors: { code: string }[] } }>(GRANT, {
      input: {
        taskId: await taskId(school, TaskKind.UPLOAD_COURSE_OUTCOMES),
        studentId: toGlobalId('Student', school.students[1]!.id),
        endsAt: at(DAY).toISOString(),
        reason: '',
      },
    });
    expect(earlier.grantDeadlineExtension.userErrors.map((e) => e.code).sort()).toEqual([
      'EXTENSION_NOT_LATER',
      'INVALID_REASON',
    ]);
    const count = await app.sqlOne<{ n: number }>(
      `select count(*)::int as n from timeline_extension where school_id = ? and student_id = ?`,
      [school.school.id, school.students[1]!.id],
    );
    expect(count.n).toBe(0);
    const foreignCount = await app.sqlOne<{ n: number }>(
      `select count(*)::int as n from timeline_extension where student_id = ?`,
      [otherSchool.students[0]!.id],
    );
    expect(foreignCount.n).toBe(0);
  });
});

describe('another school’s timeline', () => {
  it('is invisible through node(id:) and the timeline list', async () => {
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const foreignTask = await taskId(otherSchool, TaskKind.PRECHECK);
    const node = await staff.ok<{ node: null }>('query ($id: ID!) { node(id: $id) { id } }', { id: foreignTask });
    expect(node.node).toBeNull();
    const own = await staff.ok<{ timeline: { id: string }[] }>('{ timeline { id } }');
    expect(own.timeline.map((task) => task.id)).not.toContain(foreignTask);
    expect(own.timeline).toHaveLength(WINDOWS.length);
  });
});
