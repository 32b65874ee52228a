import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodFromKey } from '../../api/src/common/data-period.js';
import { loadConfig } from '../../api/src/common/config.js';
import { academicYearOf, semesterOf } from '../../api/src/common/roc.js';
import { DEMO_AUTHORITY_CODE, DEMO_PASSWORD, seedDemo } from '../../api/src/db/seed/demo.js';
import { demoCurrentPlan, demoEarlierPlan } from '../../api/src/db/seed/demo-timelines.js';
import { orderErrors, windowErrors } from '../../api/src/modules/timeline/timeline.rules.js';
import type { ApiClient } from '../support/api-client.js';
import { startTestApp, type TestApp } from '../support/harness.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

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
    const analyzedAt = () =>
      app.sqlOne<{ at: string | null }>(
        `select max(last_analyze)::text as at from pg_stat_user_tables where relname = 'enrolment'`,
      );
    const before = (await analyzedAt()).at;
    const logins = await seedDemo(app.owner, app.services);
    // Written in bulk, then analyzed: PostgreSQL would otherwise plan the demo's pages as if its tables were empty
    // until autovacuum came by.
    const after = (await analyzedAt()).at;
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
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

  it('gives the bureau statistics that add up to the demo city’s uploads, certifications, performances and counseling', async () => {
    await seedDemo(app.owner, app.services);
    const bureau = await app.client().login('bureau.admin', DEMO_PASSWORD);
    const city = await bureau.ok<{ cityCohortStatistics: { rows: CohortFigures[]; total: CohortFigures } }>(
      `{ cityCohortStatistics { rows { cohort ${FIGURES} } total { cohort ${FIGURES} } } }`,
    );
    const counted = await countedByCohort();
    expect([...city.cityCohortStatistics.rows, city.cityCohortStatistics.total]).toEqual(counted);
    const total = city.cityCohortStatistics.total;
    for (const figure of [
      'uploaders',
      'outcomesUploaded',
      'outcomesCertified',
      'performancesUploaded',
      'counselingRecords',
    ] as const) {
      expect(total[figure], figure).toBeGreaterThan(0);
    }
    // Some students have not uploaded yet: the demo is a term in progress, not a finished one.
    expect(total.uploaders).toBeLessThan(total.students);

    const schools = await bureau.ok<{ citySchoolStatistics: { nodes: (Figures & SchoolKey)[] } }>(
      `{ citySchoolStatistics(first: 10) { nodes { schoolCode division ${FIGURES} } } }`,
    );
    const perSchool = await countedBySchool();
    expect(schools.citySchoolStatistics.nodes).toEqual(perSchool);
    expect(perSchool.every((school) => school.outcomesUploaded > 0 && school.performancesUploaded > 0)).toBe(true);

    const office = await app.client().login('sf.registration', DEMO_PASSWORD);
    const own = await office.ok<{ schoolCohortStatistics: { total: Figures } }>(
      `{ schoolCohortStatistics { total { ${FIGURES} } } }`,
    );
    const { cohort: _cohort, ...sfCounted } = (await countedByCohort('383301', 'DAY')).at(-1)!;
    expect(own.schoolCohortStatistics.total).toEqual(sfCounted);
  });

  it('has last term’s round submitted with receipts, mostly confirmed, one dispute answered and one open', async () => {
    await seedDemo(app.owner, app.services);
    const office = await app.client().login('sf.registration', DEMO_PASSWORD);
    const termId = await termIdOf(office, previousTermKey(app.clock.now()));
    const stages = await office.ok<{ submissionConsole: Stage[] }>(
      `query ($termId: ID!) { submissionConsole(termId: $termId) {
        category submissionCount missingReceiptKinds receiptImports { id } review { rows confirmed disputed }
        disputes { open resolved } finalLock { lockedAt } } }`,
      { termId },
    );
    const submitted = await app.sql<{ category: string; submissions: number; imports: number; rows: number }>(
      `select s.category, count(distinct s.id)::int as submissions, count(distinct i.id)::int as imports,
              count(r.id)::int as rows
       from submission s join school sc on sc.id = s.school_id
       join term t on t.school_id = s.school_id and t.id = s.term_id
       join academic_year y on y.school_id = t.school_id and y.id = t.academic_year_id
       left join receipt_import i on i.school_id = s.school_id and i.submission_id = s.id
       left join receipt_row r on r.school_id = i.school_id and r.receipt_import_id = i.id
       where sc.code = '383301' and sc.division = 'DAY' and y.year::text || t.semester = ?
       group by s.category order by s.category`,
      [previousTermKey(app.clock.now())],
    );
    expect(submitted.length).toBeGreaterThanOrEqual(2);
    for (const { category, submissions, imports, rows } of submitted) {
      const stage = stages.submissionConsole.find((s) => s.category === category)!;
      expect(stage.submissionCount, category).toBe(submissions);
      expect(stage.receiptImports, category).toHaveLength(imports);
      expect(stage.missingReceiptKinds, category).toEqual([]);
      expect(rows, category).toBeGreaterThan(0);
      expect(stage.review.confirmed, category).toBeGreaterThan(0);
    }
    const withOpenDispute = stages.submissionConsole.filter((stage) => stage.disputes.open > 0);
    expect(withOpenDispute.map((stage) => stage.category)).toEqual(['COURSE_RECORDS']);
    expect(withOpenDispute[0]!.finalLock).toBeNull();
    const locked = stages.submissionConsole.filter((stage) => stage.finalLock !== null).map((stage) => stage.category);
    expect(locked.sort()).toEqual(
      submitted.map((row) => row.category).filter((category) => category !== 'COURSE_RECORDS'),
    );

    const disputes = await office.ok<{ disputes: { nodes: { status: string; student: { studentNumber: string } }[] } }>(
      'query ($termId: ID!) { disputes(termId: $termId) { nodes { status student { studentNumber } } } }',
      { termId },
    );
    expect(disputes.disputes.nodes.map((d) => d.status).sort()).toEqual(['OPEN', 'RESOLVED_NO_CHANGE']);

    // The student who disputed a grade sees it open among their receipt rows, the rest of which they confirmed.
    const student = await app.client().login('sf.s303001', DEMO_PASSWORD);
    const self = await student.ok<{ me: { student: { id: string } } }>('{ me { student { id } } }');
    const receipts = await student.ok<{
      studentReceiptRows: {
        kind: string;
        decision: string | null;
        dispute: { status: string; reason: string } | null;
      }[];
    }>(
      `query ($studentId: ID!, $termId: ID) { studentReceiptRows(studentId: $studentId, termId: $termId) {
        kind decision dispute { status reason } } }`,
      { studentId: self.me.student.id, termId },
    );
    const rows = receipts.studentReceiptRows;
    const disputed = rows.filter((row) => row.dispute);
    expect(disputed).toEqual([
      {
        kind: 'COURSE_RECORDS',
        decision: 'DISPUTED',
        dispute: { status: 'OPEN', reason: expect.stringContaining('學期成績') },
      },
    ]);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.filter((row) => !row.dispute).every((row) => row.decision === 'CORRECT')).toBe(true);
  });

  it('leaves the demo teacher outcomes to certify, and students their outcomes, reasons and performances', async () => {
    await seedDemo(app.owner, app.services);
    const teacher = await app.client().login('sf.teacher', DEMO_PASSWORD);
    const queue = await teacher.ok<{ certificationQueue: { id: string; status: string }[] }>(
      '{ certificationQueue { id status } }',
    );
    const [pending] = await app.sql<{ n: number }>(
      `select count(*)::int as n from course_outcome o
       join enrolment e on e.school_id = o.school_id and e.id = o.enrolment_id
       join course_section cs on cs.school_id = e.school_id and cs.id = e.section_id
       join user_account u on u.school_id = cs.school_id and u.id = cs.teacher_id
       where u.username = 'sf.teacher' and o.status = 'PENDING'`,
    );
    expect(queue.certificationQueue.length).toBe(pending!.n);
    expect(pending!.n).toBeGreaterThan(0);

    // A student whose outcome was not certified reads the teacher's reason.
    const rejected = await app.sql<{ username: string; reason: string }>(
      `select u.username, v.reason from course_outcome o
       join course_outcome_version v on v.school_id = o.school_id and v.outcome_id = o.id and v.version = o.current_version
       join student s on s.school_id = o.school_id and s.id = o.student_id
       join user_account u on u.school_id = s.school_id and u.id = s.account_id
       join school sc on sc.id = o.school_id join authority a on a.id = sc.authority_id
       where a.code = ? and o.status = 'REJECTED' order by u.username`,
      [DEMO_AUTHORITY_CODE],
    );
    expect(rejected.length).toBeGreaterThan(0);
    const owner = await app.client().login(rejected[0]!.username, DEMO_PASSWORD);
    const termId = await termIdOf(owner, previousTermKey(app.clock.now()));
    const mine = await owner.ok<MyPortfolio>(MY_PORTFOLIO, { termId });
    const reasons = mine.me.student.enrolments.flatMap((e) => e.outcomes).map((o) => o.current.reason);
    expect(reasons).toContain(rejected[0]!.reason);

    // The README's student login has this term's outcomes waiting and this year's performances.
    const showcase = await app.client().login('sf.s101001', DEMO_PASSWORD);
    const now = await showcase.ok<MyPortfolio>(MY_PORTFOLIO, { termId: null });
    const outcomes = now.me.student.enrolments.flatMap((e) => e.outcomes);
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.every((o) => o.status === 'PENDING')).toBe(true);
    expect(now.me.student.performances.length).toBeGreaterThan(0);

    // Showcase students record 職場學習 with its coded fields; the previous year's package (when it went in the
    // earlier round) carries it in its own roster with the codes.
    const workplace = await app.sql<{ details: Record<string, string> }>(
      `select p.details from diverse_performance p join school sc on sc.id = p.school_id
       join authority a on a.id = sc.authority_id where a.code = ? and p.category = 'WORKPLACE_LEARNING'`,
      [DEMO_AUTHORITY_CODE],
    );
    expect(workplace.length).toBeGreaterThan(0);
    expect(workplace[0]!.details).toMatchObject({ learningKind: '職場體驗', hours: '30' });
    const packaged = await app.sql<{ cells: (string | number | null)[] }>(
      `select r.cells from submission_row r join school sc on sc.id = r.school_id
       join authority a on a.id = sc.authority_id
       where a.code = ? and r.roster = '02_非學業表現上傳資料/11_職場學習名冊.xlsx'`,
      [DEMO_AUTHORITY_CODE],
    );
    const performancesSubmitted = await app.sqlOne<{ n: number }>(
      `select count(*)::int as n from submission s join school sc on sc.id = s.school_id
       join authority a on a.id = sc.authority_id where a.code = ? and s.category = 'PERFORMANCES'`,
      [DEMO_AUTHORITY_CODE],
    );
    if (performancesSubmitted.n > 0) {
      expect(packaged.length).toBeGreaterThan(0);
      // 職場名稱, then the 職場學習形式 code and label.
      expect(packaged[0]!.cells.slice(5, 8)).toEqual(['示範社區藥局', '1', '職場體驗']);
    }
  });

  it('lets 註冊組 open the current term’s round today on 期程, while the bureau’s bounds and the order still hold', async () => {
    await seedDemo(app.owner, app.services);
    const office = await app.client().login('sf.registration', DEMO_PASSWORD);
    const now = app.clock.now();
    const year = academicYearOf(now);
    const term = `${year}${semesterOf(now)}`;
    const { timeline } = await office.ok<{ timeline: Task[] }>(
      '{ timeline { id kind category period grade12Round startsAt endsAt state } }',
    );
    const task = (kind: string, period: string, category: string | null = null) =>
      timeline.find((t) => t.kind === kind && t.period === period && t.category === category && !t.grade12Round)!;
    const move = (t: Task, from: number, to: number) =>
      office.ok<{ moveTimelineTask: { task: { state: string } | null; userErrors: { code: string }[] } }>(
        `mutation ($input: MoveTimelineTaskInput!) {
          moveTimelineTask(input: $input) { task { state } userErrors { code } } }`,
        { input: { taskId: t.id, startsAt: new Date(now.getTime() + from), endsAt: new Date(now.getTime() + to) } },
      );

    const select = task('SELECT_COURSE_OUTCOMES', `${year}_0`);
    expect(select.state).toBe('UPCOMING');
    // A month back is further than the bureau allows: its bounds still apply.
    expect((await move(select, -30 * DAY, 5 * DAY)).moveTimelineTask.userErrors).toEqual([
      { code: 'OUTSIDE_BUREAU_BOUNDS' },
    ]);
    expect((await move(select, 0, 5 * DAY)).moveTimelineTask).toEqual({ task: { state: 'OPEN' }, userErrors: [] });

    // The rest of the round today: the confirmation began three days ago, so the final submission opens this noon.
    const moves: [Task, number, number][] = [
      [task('SUBMIT', term, 'BASIC'), 0, 5 * DAY],
      [task('SUBMIT', term, 'COURSE_RECORDS'), 0, 5 * DAY],
      [task('CONFIRM_RECEIPTS', term), -3 * DAY, 3 * HOUR],
      [task('RESOLVE_DISPUTES', term), 0, 4 * DAY],
      [task('FINAL_SUBMIT', term), 3 * HOUR, 5 * DAY],
    ];
    // The final submission cannot open before the confirmation closes.
    const tooEarly = await move(task('FINAL_SUBMIT', term), 0, 5 * DAY);
    expect(tooEarly.moveTimelineTask.userErrors.map((e) => e.code)).toContain('FINAL_SUBMIT_TOO_EARLY');
    for (const [t, from, to] of moves) {
      expect((await move(t, from, to)).moveTimelineTask.userErrors, t.kind).toEqual([]);
    }
    app.clock.set(new Date(now.getTime() + 4 * HOUR));
    try {
      const after = await office.ok<{ timeline: Task[] }>(
        '{ timeline { id kind category period grade12Round startsAt endsAt state } }',
      );
      const states = moves.map(([t]) => [t.kind, after.timeline.find((a) => a.id === t.id)!.state]);
      expect(states).toEqual([
        ['SUBMIT', 'OPEN'],
        ['SUBMIT', 'OPEN'],
        ['CONFIRM_RECEIPTS', 'CLOSED'],
        ['RESOLVE_DISPUTES', 'OPEN'],
        ['FINAL_SUBMIT', 'OPEN'],
      ]);
    } finally {
      app.clock.set(now);
    }
  });

  it('dates its activity on many days before now, the current term’s uploads rising towards today', async () => {
    await seedDemo(app.owner, app.services);
    const now = app.clock.now();
    const rows = await app.sql<{ what: string; at: string }>(
      `select x.what, x.at from (
         select v.school_id, 'upload' as what, v.created_at as at from course_outcome_version v
         union all select v.school_id, 'certification', v.decided_at from course_outcome_version v
           where v.decided_at is not null
         union all select o.school_id, 'selection', o.selected_at from course_outcome o where o.selected_at is not null
         union all select r.school_id, 'receipt check', r.decided_at from receipt_review r where r.student_id is not null
       ) x join school sc on sc.id = x.school_id join authority a on a.id = sc.authority_id where a.code = ?`,
      [DEMO_AUTHORITY_CODE],
    );
    const timestamps = rows.map((row) => ({ what: row.what, at: new Date(row.at) }));
    const taipeiDate = (at: Date) => new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 10);
    const days = (what: string) => new Set(timestamps.filter((t) => t.what === what).map((t) => taipeiDate(t.at)));
    expect(timestamps.every((t) => t.at.getTime() <= now.getTime())).toBe(true);
    expect(days('upload').size).toBeGreaterThanOrEqual(10);
    expect(days('certification').size).toBeGreaterThanOrEqual(4);
    expect(days('selection').size).toBeGreaterThanOrEqual(3);
    expect(days('receipt check').size).toBeGreaterThanOrEqual(2);
    // This term's uploads so far follow the rush curve's part up to today: the last week holds more than its share
    // of the days since they began (at most 25).
    const since = now.getTime() - 25 * DAY;
    const current = timestamps.filter((t) => t.what === 'upload' && t.at.getTime() > since);
    const lastWeek = current.filter((t) => t.at.getTime() > now.getTime() - 7 * DAY);
    expect(current.length).toBeGreaterThan(10);
    expect(lastWeek.length / current.length).toBeGreaterThan(7 / 25);
  });
});

describe('demo plans', () => {
  const policy = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://unused' }).timeline;

  it('keep the timeline rules, and leave every window of the current plan movable to today, on any day of the year', () => {
    for (let day = 0; day < 366; day += 3) {
      const now = new Date(Date.UTC(2026, 7, 1, 1) + day * DAY);
      for (const plan of [demoEarlierPlan(now), demoCurrentPlan(now)]) {
        const drafts = plan.map((task) => {
          const period = periodFromKey(task.period)!;
          return { ...task, dataYear: period.year, dataSemester: period.semester };
        });
        const errors = [
          ...drafts.flatMap((draft) =>
            windowErrors(draft, { earliestStart: draft.earliestStart!, latestEnd: draft.latestEnd! }, null, policy),
          ),
          ...orderErrors(drafts, null, policy),
        ];
        expect(errors, now.toISOString()).toEqual([]);
      }
      const startOfToday = new Date(now.getTime() - 9 * HOUR);
      expect(demoCurrentPlan(now).filter((task) => task.earliestStart! > startOfToday)).toEqual([]);
    }
  });
});

const FIGURES = `students uploaders outcomesUploaded outcomesCertified performancesUploaded counselingRecords`;

interface Figures {
  students: number;
  uploaders: number;
  outcomesUploaded: number;
  outcomesCertified: number;
  performancesUploaded: number;
  counselingRecords: number;
}
interface CohortFigures extends Figures {
  cohort: number | null;
}
interface SchoolKey {
  schoolCode: string;
  division: string;
}
interface Stage {
  category: string;
  submissionCount: number;
  missingReceiptKinds: string[];
  receiptImports: { id: string }[];
  review: { rows: number; confirmed: number; disputed: number };
  disputes: { open: number; resolved: number };
  finalLock: { lockedAt: string } | null;
}
interface Task {
  id: string;
  kind: string;
  category: string | null;
  period: string;
  grade12Round: boolean;
  state: string;
}
interface MyPortfolio {
  me: {
    student: {
      enrolments: { outcomes: { status: string; current: { reason: string | null } }[] }[];
      performances: { id: string }[];
    };
  };
}
const MY_PORTFOLIO = `query ($termId: ID) { me { student {
  enrolments(termId: $termId) { outcomes { status current { reason } } }
  performances(termId: $termId) { id } } } }`;

/** Per student, what the bureau's table counts, straight from the tables (not from the statistics' counters). */
const PER_STUDENT = `
  select s.cohort, sc.code, sc.division,
    (select count(*) from course_outcome o where o.school_id = s.school_id and o.student_id = s.id)::int as outcomes,
    (select count(*) from course_outcome o
     where o.school_id = s.school_id and o.student_id = s.id and o.status = 'CERTIFIED')::int as certified,
    (select count(*) from diverse_performance p where p.school_id = s.school_id and p.student_id = s.id)::int as performances,
    (select count(*) from counseling_participant c where c.school_id = s.school_id and c.student_id = s.id)::int as counseling
  from student s join school sc on sc.id = s.school_id join authority a on a.id = sc.authority_id
  where a.code = ?`;
const SUMS = `count(*)::int as students, count(*) filter (where outcomes > 0)::int as uploaders,
  sum(outcomes)::int as "outcomesUploaded", sum(certified)::int as "outcomesCertified",
  sum(performances)::int as "performancesUploaded", sum(counseling)::int as "counselingRecords"`;

function countedByCohort(code?: string, division?: string): Promise<CohortFigures[]> {
  return app.sql<CohortFigures>(
    `select cohort, ${SUMS} from (${PER_STUDENT}) x where (?::text is null or (code = ? and division = ?))
     group by grouping sets ((cohort), ()) order by cohort nulls last`,
    [DEMO_AUTHORITY_CODE, code ?? null, code ?? null, division ?? null],
  );
}

function countedBySchool(): Promise<(Figures & SchoolKey)[]> {
  return app.sql<Figures & SchoolKey>(
    `select code as "schoolCode", division, ${SUMS} from (${PER_STUDENT}) x group by code, division
     order by code, division`,
    [DEMO_AUTHORITY_CODE],
  );
}

/** The term before the one `now` is in: the demo's earlier round is this term's. */
function previousTermKey(now: Date): string {
  const year = academicYearOf(now);
  return semesterOf(now) === 1 ? `${year - 1}2` : `${year}1`;
}

async function termIdOf(client: ApiClient, key: string): Promise<string> {
  const data = await client.ok<{ terms: { nodes: { id: string; key: string }[] } }>(
    '{ terms(first: 100) { nodes { id key } } }',
  );
  return data.terms.nodes.find((term) => term.key === key)!.id;
}
