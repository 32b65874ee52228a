import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AUTHORITY_CODE, DEMO_PASSWORD, seedDemo } from '../../api/src/db/seed/demo.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function demoCounts() {
  return app.sqlOne<{ schools: number; divisions: string; students: number; accounts: number; credentials: number }>(
    `select
       (select count(*)::int from school s join authority a on a.id = s.authority_id where a.code = ?) as schools,
       (select string_agg(s.code || ':' || s.division, ',' order by s.code, s.division) from school s
          join authority a on a.id = s.authority_id where a.code = ?) as divisions,
       (select count(*)::int from student t join school s on s.id = t.school_id join authority a on a.id = s.authority_id where a.code = ?) as students,
       (select count(*)::int from user_account u join school s on s.id = u.school_id join authority a on a.id = s.authority_id where a.code = ?) as accounts,
       (select count(*)::int from credential c join authority a on a.id = c.authority_id where a.code = ?) as credentials`,
    Array(5).fill(DEMO_AUTHORITY_CODE),
  );
}

describe('demo data', () => {
  it('seeds three tenants once, and a second start adds nothing', async () => {
    const logins = await seedDemo(app.owner, app.services);
    const first = await demoCounts();
    expect(first.schools).toBe(3);
    expect(first.divisions).toBe('383301:DAY,383301:NIGHT,393301:DAY');
    expect(first.students).toBe(36);
    expect(first.credentials).toBe(first.accounts + 1); // every school account, plus the bureau's

    const again = await seedDemo(app.owner, app.services);
    expect(again).toEqual(logins);
    expect(await demoCounts()).toEqual(first);
  });

  it('prints logins that work, one for every role', async () => {
    const logins = await seedDemo(app.owner, app.services);
    const roles = new Set<string>();
    for (const login of logins) {
      expect(login.password).toBe(DEMO_PASSWORD);
      const client = await app.client().login(login.username, login.password);
      const me = await client.ok<{ me: { roles: string[] } }>('{ me { roles } }');
      me.me.roles.forEach((role) => roles.add(role));
    }
    expect([...roles].sort()).toEqual([
      'BUREAU_ADMIN',
      'COUNSELOR',
      'HOMEROOM_TEACHER',
      'SCHOOL_ADMIN',
      'STUDENT',
      'TEACHER',
    ]);
  });

  it('publishes the slides’ 112-1 and 112-2 plans by the data each window governs, and a current-term timeline', async () => {
    await seedDemo(app.owner, app.services);
    const staff = await app.client().login('sf.registration', DEMO_PASSWORD);
    const data = await staff.ok<{
      timeline: { state: string; period: string }[];
      timelineTemplates: { nodes: { termKey: string; tasks: { label: string; grade12Round: boolean }[] }[] };
    }>('{ timeline { state period } timelineTemplates { nodes { termKey tasks { label grade12Round } } } }');
    const states = new Set(data.timeline.map((task) => task.state));
    expect(states).toEqual(new Set(['CLOSED', 'OPEN', 'CLOSING_SOON', 'UPCOMING']));
    const labels = (termKey: string) =>
      data.timelineTemplates.nodes.find((template) => template.termKey === termKey)!.tasks.map((task) => task.label);
    // Autumn of 112 (during 112-1): 111-2's data and the whole 111學年度's outcomes and performances.
    expect(labels('1121')).toEqual(
      expect.arrayContaining([
        '預檢 111學年度第2學期 修課紀錄',
        '勾選 111學年度 多元表現',
        '提交 111學年度第2學期 修課紀錄',
        '提交 111學年度 課程學習成果',
        '提交 111學年度 多元表現',
        '完成 111學年度第2學期 最終提交',
      ]),
    );
    // Spring of 113 (during 112-2): 112-1's outcomes and round, then the 高三 round of 112-2 and the 112學年度.
    expect(labels('1122')).toEqual(
      expect.arrayContaining([
        '上傳 112學年度第1學期 課程學習成果',
        '認證 112學年度第1學期 課程學習成果',
        '提交 112學年度第1學期 基本資料／校內幹部',
        '完成 112學年度第1學期 最終提交',
        '高三 上傳 112學年度第2學期 課程學習成果',
        '高三 勾選 112學年度 多元表現',
        '高三 提交 112學年度第2學期 基本資料／校內幹部',
        '高三 提交 112學年度 課程學習成果',
        '高三 完成 112學年度第2學期 最終提交',
      ]),
    );
    expect(labels('1122').some((label) => label.includes('112學年度第2學期 修課紀錄'))).toBe(false);
  });

  it('gives demo teachers sections to grade and the homeroom teacher a roster with records', async () => {
    await seedDemo(app.owner, app.services);
    const teacher = await app.client().login('sf.teacher', DEMO_PASSWORD);
    const sections = await teacher.ok<{
      mySections: { name: string; course: { subjectName: string }; enrolments: unknown[] }[];
    }>('{ mySections { name course { subjectName } enrolments { id } } }');
    expect(sections.mySections.map((s) => `${s.course.subjectName} ${s.name}`)).toEqual([
      '國文 101',
      '國文 201',
      '國文 301',
    ]);
    expect(sections.mySections.every((s) => s.enrolments.length === 8)).toBe(true);
    const homeroom = await app.client().login('sf.homeroom', DEMO_PASSWORD);
    const roster = await homeroom.ok<{ me: { homeroomClasses: { students: { enrolments: unknown[] }[] }[] } }>(
      '{ me { homeroomClasses { students { enrolments { id } } } } }',
    );
    expect(roster.me.homeroomClasses[0]!.students).toHaveLength(8);
    expect(roster.me.homeroomClasses[0]!.students.every((s) => s.enrolments.length === 3)).toBe(true);
  });
});
