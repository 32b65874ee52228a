import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import type { CourseSection } from '../../api/src/modules/course/course.entity.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';

const DAY = 24 * 3600_000;
const HOUR = 3600_000;
const T0 = DEFAULT_TEST_NOW;
const at = (days: number) => new Date(T0.getTime() + days * DAY);

let app: TestApp;
let city: TestCity;

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
});
afterAll(() => app.close());

type Role = 'teacher' | 'homeroom' | 'teaching' | 'student' | 'registration';
const login = (school: TestSchool, role: Role): Promise<ApiClient> =>
  app.client().login(school.logins[role].username, school.logins[role].password);
const account = (school: TestSchool, role: Role) =>
  school.accounts.find((a) => a.username === school.logins[role].username)!;
const accountGid = (school: TestSchool, role: Role) => toGlobalId('UserAccount', account(school, role).id);

interface Setup {
  school: TestSchool;
  physics: CourseSection;
  chemistry: CourseSection;
}

/** 任課老師 teaches 物理 to class 301 (two students), 導師 teaches 化學 to class 101; certification is open. */
async function setup(perStudent: number, chemistryPerStudent = perStudent): Promise<Setup> {
  const school = await city.school({ studentsPerClass: 2 });
  await city.timeline([{ kind: TaskKind.CERTIFY_COURSE_OUTCOMES, startsAt: at(-30), endsAt: at(30) }], [school]);
  const inClass = (index: number) => school.students.filter((s) => s.schoolClass?.id === school.classes[index]!.id);
  const [physics, chemistry] = await app.factory.sections(school, [
    { subjectName: '物理', teacher: account(school, 'teacher'), students: inClass(0) },
    { subjectName: '化學', teacher: account(school, 'homeroom'), students: inClass(1) },
  ]);
  await app.factory.outcomes(school, physics!, perStudent, account(school, 'teacher').id);
  await app.factory.outcomes(school, chemistry!, chemistryPerStudent, account(school, 'teacher').id);
  return { school, physics: physics!, chemistry: chemistry! };
}

/** Gives the section's outcomes (in a fixed order) the upload times `ages` before T0; returns their global ids. */
async function dated(section: CourseSection, ages: number[]): Promise<string[]> {
  const rows = await app.sql<{ id: string }>(
    `select o.id from course_outcome o join enrolment e on e.school_id = o.school_id and e.id = o.enrolment_id
     where e.section_id = ? order by o.id`,
    [section.id],
  );
  expect(rows).toHaveLength(ages.length);
  for (const [index, row] of rows.entries()) {
    const when = new Date(T0.getTime() - ages[index]!);
    await app.sql('update course_outcome set created_at = ?, updated_at = ? where id = ?', [when, when, row.id]);
    await app.sql('update course_outcome_version set created_at = ? where outcome_id = ?', [when, row.id]);
  }
  return rows.map((row) => toGlobalId('CourseOutcome', row.id));
}

const HEALTH = `query ($teacherId: ID) { certificationHealth(teacherId: $teacherId) {
  policy { routeAfterDays isDefault }
  school { waiting overdue routed oldestDays medianDays }
  teachers { teacher { displayName } waiting overdue routed oldestDays medianDays proxies { displayName }
             needsProxy action decisions rejected rejectionFlagged }
  sections { subjectName sectionName waiting overdue routed oldestDays medianDays oldestWaitingSince teacher { displayName } }
  rejectionRule
} }`;

interface Age {
  waiting: number;
  overdue: number;
  routed: number;
  oldestDays: number | null;
  medianDays: number | null;
}
interface Health {
  certificationHealth: {
    policy: { routeAfterDays: number; isDefault: boolean };
    school: Age;
    teachers: (Age & {
      teacher: { displayName: string };
      proxies: { displayName: string }[];
      needsProxy: boolean;
      action: string | null;
      decisions: number;
      rejected: number;
      rejectionFlagged: boolean;
    })[];
    sections: (Age & { subjectName: string; oldestWaitingSince: string; teacher: { displayName: string } })[];
    rejectionRule: string;
  };
}

const QUEUE = `{ certificationQueue { id certificationWait { days routed routedToViewer note proxies { displayName } } } }`;
interface Queue {
  certificationQueue: {
    id: string;
    certificationWait: {
      days: number;
      routed: boolean;
      routedToViewer: boolean;
      note: string | null;
      proxies: { displayName: string }[];
    } | null;
  }[];
}

const SET_POLICY = `mutation ($input: CertificationPolicyInput!) {
  setCertificationPolicy(input: $input) { policy { routeAfterDays isDefault } userErrors { field code message } }
}`;
const CERTIFY = `mutation ($input: CertifyCourseOutcomesInput!) {
  certifyCourseOutcomes(input: $input) { outcomes { id status } userErrors { field code message } }
}`;
const pick = ({ waiting, overdue, routed, oldestDays, medianDays }: Age): Age => ({
  waiting,
  overdue,
  routed,
  oldestDays,
  medianDays,
});

describe('certification health', () => {
  it('measures queue ages exactly, routes overdue items to the proxy at read time, and flags a teacher with no proxy', async () => {
    app.clock.set(T0);
    const s = await setup(2, 1);
    // 物理 (任課老師): four items, waiting 6½, 5, 3 and 1 days; 化學 (導師): waiting 9 and 2 days.
    const [a1, a2, a3, a4] = await dated(s.physics, [6 * DAY + 12 * HOUR, 5 * DAY, 3 * DAY, 1 * DAY]);
    const [b1, b2] = await dated(s.chemistry, [9 * DAY, 2 * DAY]);

    // 教學組 names 導師 the proxy of 任課老師; 導師 has none.
    let teaching = await login(s.school, 'teaching');
    const named = await teaching.ok<{ setCertificationProxy: { userErrors: unknown[] } }>(
      `mutation ($input: CertificationProxyInput!) { setCertificationProxy(input: $input, active: true) { userErrors { code } } }`,
      { input: { teacherId: accountGid(s.school, 'teacher'), proxyId: accountGid(s.school, 'homeroom') } },
    );
    expect(named.setCertificationProxy.userErrors).toEqual([]);

    const before = (await teaching.ok<Health>(HEALTH)).certificationHealth;
    expect(before.policy).toEqual({ routeAfterDays: 7, isDefault: true });
    expect(pick(before.school)).toEqual({ waiting: 6, overdue: 1, routed: 0, oldestDays: 9, medianDays: 4 });
    // Worst first: 導師's 9-day item before 任課老師's 6-day one.
    expect(before.teachers.map((t) => ({ name: t.teacher.displayName, ...pick(t), needsProxy: t.needsProxy }))).toEqual(
      [
        { name: '導師', waiting: 2, overdue: 1, routed: 0, oldestDays: 9, medianDays: 5.5, needsProxy: true },
        { name: '任課老師', waiting: 4, overdue: 0, routed: 0, oldestDays: 6, medianDays: 4, needsProxy: false },
      ],
    );
    expect(before.teachers[0]!.action).toBe('請指定認證代理人');
    expect(before.teachers[1]!.proxies).toEqual([{ displayName: '導師' }]);
    expect(before.sections.map((x) => ({ subject: x.subjectName, ...pick(x) }))).toEqual([
      { subject: '化學', waiting: 2, overdue: 1, routed: 0, oldestDays: 9, medianDays: 5.5 },
      { subject: '物理', waiting: 4, overdue: 0, routed: 0, oldestDays: 6, medianDays: 4 },
    ]);
    expect(new Date(before.sections[0]!.oldestWaitingSince).getTime()).toBe(T0.getTime() - 9 * DAY);

    // Before the policy age: the proxy's queue is in upload order, nothing marked routed.
    let proxy = await login(s.school, 'homeroom');
    const queueBefore = (await proxy.ok<Queue>(QUEUE)).certificationQueue;
    expect(queueBefore.map((item) => item.id)).toEqual([b1, a1, a2, a3, b2, a4]);
    expect(queueBefore.some((item) => item.certificationWait!.routed)).toBe(false);
    expect(queueBefore[0]!.certificationWait).toMatchObject({
      days: 9,
      routed: false,
      note: '已等候 9 天，沒有代理人',
    });

    // A day later 物理's oldest item has waited 7 days: routed to 導師, marked and first in 導師's queue.
    app.clock.set(at(1));
    proxy = await login(s.school, 'homeroom');
    const queueAfter = (await proxy.ok<Queue>(QUEUE)).certificationQueue;
    expect(queueAfter.map((item) => item.id)).toEqual([a1, b1, a2, a3, b2, a4]);
    expect(queueAfter[0]!.certificationWait).toMatchObject({
      days: 7,
      routed: true,
      routedToViewer: true,
      note: '已等候 7 天，自動轉給代理人',
    });
    // The teacher sees that it went to the proxy, and still has it (and may still certify it).
    const teacher = await login(s.school, 'teacher');
    const own = (await teacher.ok<Queue>(QUEUE)).certificationQueue;
    expect(own.map((item) => item.id)).toEqual([a1, a2, a3, a4]);
    expect(own[0]!.certificationWait).toMatchObject({
      routed: true,
      routedToViewer: false,
      proxies: [{ displayName: '導師' }],
      note: '已等候 7 天，已自動轉給代理人 導師（您仍可認證）',
    });
    teaching = await login(s.school, 'teaching');
    const after = (await teaching.ok<Health>(HEALTH)).certificationHealth;
    expect(pick(after.teachers.find((t) => t.teacher.displayName === '任課老師')!)).toEqual({
      waiting: 4,
      overdue: 1,
      routed: 1,
      oldestDays: 7,
      medianDays: 5,
    });

    // 教學組 shortens the age to 6 days: 物理's second item is routed as well, at once (derived at read time).
    const set = await teaching.ok<{ setCertificationPolicy: { policy: unknown; userErrors: unknown[] } }>(SET_POLICY, {
      input: { routeAfterDays: 6 },
    });
    expect(set.setCertificationPolicy).toEqual({ policy: { routeAfterDays: 6, isDefault: false }, userErrors: [] });
    const six = (await proxy.ok<Queue>(QUEUE)).certificationQueue;
    expect(six.map((item) => item.id)).toEqual([a1, a2, b1, a3, b2, a4]);

    // The proxy certifies the routed item (audited as proxy); the teacher certifies the other routed one.
    const byProxy = await proxy.ok<{ certifyCourseOutcomes: { userErrors: unknown[] } }>(CERTIFY, {
      input: { outcomeIds: [a1] },
    });
    expect(byProxy.certifyCourseOutcomes.userErrors).toEqual([]);
    const audit = await app.sqlOne<{ detail: { asProxyFor: string[] } }>(
      `select detail from audit_log where school_id = ? and operation = 'outcome.certify'`,
      [s.school.school.id],
    );
    expect(audit.detail.asProxyFor).toEqual([account(s.school, 'teacher').id]);
    const byTeacher = await teacher.ok<{ certifyCourseOutcomes: { userErrors: unknown[] } }>(CERTIFY, {
      input: { outcomeIds: [a2] },
    });
    expect(byTeacher.certifyCourseOutcomes.userErrors).toEqual([]);
    const last = (await teaching.ok<Health>(HEALTH)).certificationHealth;
    expect(pick(last.school)).toEqual({ waiting: 4, overdue: 1, routed: 0, oldestDays: 10, medianDays: 3.5 });
    expect(last.teachers.map((t) => [t.teacher.displayName, t.decisions])).toEqual([
      ['導師', 1],
      ['任課老師', 1],
    ]);
    app.clock.set(T0);
  });

  it('refuses a policy out of bounds without changing it, and lets only 教學組 set it', async () => {
    app.clock.set(T0);
    const s = await setup(1);
    const teaching = await login(s.school, 'teaching');
    for (const days of [0, 61, -3]) {
      const refused = await teaching.ok<{
        setCertificationPolicy: { policy: unknown; userErrors: { code: string }[] };
      }>(SET_POLICY, { input: { routeAfterDays: days } });
      expect(refused.setCertificationPolicy.policy).toBeNull();
      expect(refused.setCertificationPolicy.userErrors.map((e) => e.code)).toEqual(['INVALID_DAYS']);
    }
    const notANumber = await teaching.request(SET_POLICY, { input: { routeAfterDays: 7.5 } });
    expect(notANumber.status).toBeLessThan(500);
    expect(notANumber.errors.length).toBeGreaterThan(0);
    expect(await app.sql('select 1 from certification_policy where school_id = ?', [s.school.school.id])).toEqual([]);
    const audits = await app.sql(`select 1 from audit_log where school_id = ? and operation = 'certification.policy'`, [
      s.school.school.id,
    ]);
    expect(audits).toEqual([]);

    for (const role of ['teacher', 'student', 'registration'] as const) {
      const client = await login(s.school, role);
      const set = await client.request(SET_POLICY, { input: { routeAfterDays: 10 } });
      expect(set.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const ok = await teaching.ok<{ setCertificationPolicy: { userErrors: unknown[] } }>(SET_POLICY, {
      input: { routeAfterDays: 60 },
    });
    expect(ok.setCertificationPolicy.userErrors).toEqual([]);
    const audit = await app.sqlOne<{ detail: { routeAfterDays: number; before: number } }>(
      `select detail from audit_log where school_id = ? and operation = 'certification.policy'`,
      [s.school.school.id],
    );
    expect(audit.detail).toEqual({ routeAfterDays: 60, before: 7 });
  });

  it('shows the health page only to the school’s own 教學組', async () => {
    const s = await setup(1);
    const other = await city.school();
    for (const role of ['teacher', 'student', 'homeroom'] as const) {
      const client = await login(s.school, role);
      const refused = await client.request(HEALTH);
      expect(refused.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const foreign = await login(other, 'teaching');
    const refused = await foreign.request(HEALTH, { teacherId: accountGid(s.school, 'teacher') });
    expect(refused.errors[0]?.extensions?.code).toBe('NOT_FOUND');
    const own = (await foreign.ok<Health>(HEALTH)).certificationHealth;
    expect(own.school.waiting).toBe(0);
    expect(own.teachers).toEqual([]);
    const mine = await login(s.school, 'teaching');
    const one = (await mine.ok<Health>(HEALTH, { teacherId: accountGid(s.school, 'teacher') })).certificationHealth;
    expect(one.teachers.map((t) => t.teacher.displayName)).toEqual(['任課老師']);
    expect(one.sections.map((x) => x.subjectName)).toEqual(['物理']);
  });

  it('flags a teacher whose rejection rate is far above the rest of the school, by the stated rule', async () => {
    app.clock.set(T0);
    /** A school of its own where 任課老師 decided `decided` (rejecting `rejected`) and 導師 20 (rejecting 2). */
    const scenario = async (rejected: number, decided: number) => {
      // Ten outcomes for each of the two students of each section: room for 20 decisions per teacher.
      const s = await setup(10);
      const decide = async (section: CourseSection, teacherRole: Role, rejectedHere: number, decidedHere: number) => {
        const rows = await app.sql<{ id: string }>(
          `select o.id from course_outcome o join enrolment e on e.school_id = o.school_id and e.id = o.enrolment_id
           where e.section_id = ? order by o.id limit ?`,
          [section.id, decidedHere],
        );
        for (const [index, row] of rows.entries()) {
          const status = index < rejectedHere ? 'REJECTED' : 'CERTIFIED';
          await app.sql(
            `update course_outcome_version set status = ?, decided_by = ?, decided_at = ?, reason = ?
             where outcome_id = ?`,
            [status, account(s.school, teacherRole).id, at(-2), status === 'REJECTED' ? '不是本課程' : null, row.id],
          );
          await app.sql('update course_outcome set status = ? where id = ?', [status, row.id]);
        }
      };
      await decide(s.physics, 'teacher', rejected, decided);
      await decide(s.chemistry, 'homeroom', 2, 20);
      const teaching = await login(s.school, 'teaching');
      const health = (await teaching.ok<Health>(HEALTH)).certificationHealth;
      return {
        rule: health.rejectionRule,
        flags: Object.fromEntries(
          health.teachers.map((t) => [t.teacher.displayName, [t.decisions, t.rejected, t.rejectionFlagged]]),
        ),
      };
    };
    // 8 of 20 (40%) against the rest's 2 of 20 (10%): 30 points, and more than 2.5 standard errors above. Flagged.
    const far = await scenario(8, 20);
    expect(far.flags).toEqual({ 任課老師: [20, 8, true], 導師: [20, 2, false] });
    expect(far.rule).toContain('2.5 個標準誤');
    // 5 of 20 (25%) against 10%: 15 points, but within 2.5 standard errors (10% + 2.5 × 6.7% = 26.8%). Not flagged.
    expect((await scenario(5, 20)).flags).toEqual({ 任課老師: [20, 5, false], 導師: [20, 2, false] });
    // 8 of 19 (42%): far enough, but fewer than 20 decisions. Not flagged.
    expect((await scenario(8, 19)).flags).toEqual({ 任課老師: [19, 8, false], 導師: [20, 2, false] });
  });
});
