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

  it('publishes the city’s 112-2 plan and a current-term timeline with closed, open and upcoming windows', async () => {
    await seedDemo(app.owner, app.services);
    const staff = await app.client().login('sf.registration', DEMO_PASSWORD);
    const data = await staff.ok<{
      timeline: { state: string }[];
      timelineTemplates: { nodes: { termKey: string; tasks: { kind: string }[] }[] };
    }>('{ timeline { state } timelineTemplates { nodes { termKey tasks { kind } } } }');
    const states = new Set(data.timeline.map((task) => task.state));
    expect(states).toEqual(new Set(['CLOSED', 'OPEN', 'CLOSING_SOON', 'UPCOMING']));
    const plan = data.timelineTemplates.nodes.find((template) => template.termKey === '1122');
    expect(plan?.tasks.map((task) => task.kind)).toContain('CONFIRM_RECEIPTS');
    expect(plan?.tasks).toHaveLength(10);
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
