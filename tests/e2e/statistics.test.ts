import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CityDatasetResult } from '../../api/src/dataset/city-dataset.js';
import { toGlobalId } from '../../api/src/common/ids.js';
import { formatRocDateTime } from '../../api/src/common/roc.js';
import type { CourseSection } from '../../api/src/modules/course/course.entity.js';
import { SchoolDivision } from '../../api/src/modules/school/school.entity.js';
import { RECOUNT_BY_COHORT_SQL, type RecountRow } from '../../api/src/modules/statistics/recount.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import { haveBrowser, launchBrowser, signIn } from '../support/browser.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';
import { loadSmallCity } from '../support/small-city.js';

const DAY = 24 * 3600_000;
const at = (days: number) => new Date(DEFAULT_TEST_NOW.getTime() + days * DAY);

let app: TestApp;
let city: TestCity;
let schools: TestSchool[];
let generated: CityDatasetResult;
let browser: Browser;

// The slide's formats, written out here rather than imported from the client, so the test checks them.
const count = (value: number | string) => Number(value).toLocaleString('en-US');
const twoDecimals = (numerator: number, denominator: number) =>
  (denominator === 0 ? 0 : Math.round((numerator * 100) / denominator) / 100).toFixed(2);
const percent = (numerator: number, denominator: number) => `${twoDecimals(numerator * 100, denominator)}%`;

type Counts = Omit<RecountRow, 'cohort' | 'schools'>;

/** A row's figure cells as the slide shows them, from counts recounted by SQL. */
function figureCells(row: Counts): string[] {
  const students = Number(row.students);
  const uploaders = Number(row.uploaders);
  const outcomes = Number(row.outcomes);
  return [
    count(students),
    count(uploaders),
    count(students - uploaders),
    percent(uploaders, students),
    count(outcomes),
    twoDecimals(outcomes, uploaders),
    count(row.certified_outcomes),
    count(row.performances),
    count(row.counseling_records),
  ];
}

function recount(schoolId: string | null = null): Promise<RecountRow[]> {
  return app.sql<RecountRow>(RECOUNT_BY_COHORT_SQL, [city.authority.id, schoolId, schoolId]);
}

/** The same direct recount per class of one school, for the school office's view. */
function recountByClass(schoolId: string): Promise<(Counts & { name: string })[]> {
  return app.sql(
    `with o as (
       select o.student_id, count(*) as n, count(*) filter (where v.status = 'CERTIFIED') as c
       from course_outcome o
       join course_outcome_version v on v.school_id = o.school_id and v.outcome_id = o.id and v.version = o.current_version
       where o.school_id = ? group by o.student_id
     ), p as (
       select student_id, count(*) as n from diverse_performance where school_id = ? group by student_id
     ), k as (
       select student_id, count(*) as n from counseling_participant where school_id = ? group by student_id
     )
     select c.name, count(*)::int as students, count(o.student_id)::int as uploaders,
            coalesce(sum(o.n), 0)::int as outcomes, coalesce(sum(o.c), 0)::int as certified_outcomes,
            coalesce(sum(p.n), 0)::int as performances, coalesce(sum(k.n), 0)::int as counseling_records
     from student s
     join school_class c on c.school_id = s.school_id and c.id = s.class_id
     left join o on o.student_id = s.id
     left join p on p.student_id = s.id
     left join k on k.student_id = s.id
     where s.school_id = ?
     group by c.name order by c.name`,
    [schoolId, schoolId, schoolId, schoolId],
  );
}

/** Every body and footer row of a table, as the text of its cells. */
async function cellsOf(table: Locator): Promise<string[][]> {
  await table.locator('tbody tr').first().waitFor();
  const rows = await table.locator('tbody tr, tfoot tr').all();
  return Promise.all(rows.map(async (row) => (await row.locator('th, td').allTextContents()).map((t) => t.trim())));
}

const schoolLabel = (school: { name: string; division: string }) =>
  `${school.name} ${school.division === SchoolDivision.NIGHT ? '進修部' : '日間部'}`;

/** The export's CSV (UTF-8 with BOM, quoted fields where a comma is inside) as rows of fields. */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) =>
      [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((match) =>
        match[1]!.replace(/^"([\s\S]*)"$/, '$1').replace(/""/g, '"'),
      ),
    );
}

async function api(school: TestSchool, role: 'teacher' | 'student' | 'counselor') {
  return app.client().login(school.logins[role].username, school.logins[role].password);
}

/**
 * A small city: the generator's city at 1/500 of the bureau's table (cohorts 108–111), and beside it, in the same
 * authority, three divisions of this year's cohorts with uneven activity: outcomes through the factory, certifications, performances
 * and counseling records through the GraphQL API as the teachers, students and counselors who make them.
 */
async function buildCity(): Promise<void> {
  city = await app.factory.city();
  schools = [
    await city.school({ studentsPerClass: 4 }),
    await city.school({ studentsPerClass: 3 }),
    await city.school({ studentsPerClass: 5, division: SchoolDivision.NIGHT, studentLogins: 'first' }),
  ];
  const [a, b, c] = schools as [TestSchool, TestSchool, TestSchool];
  await city.timeline(
    [
      TaskKind.UPLOAD_COURSE_OUTCOMES,
      TaskKind.CERTIFY_COURSE_OUTCOMES,
      TaskKind.SELECT_COURSE_OUTCOMES,
      TaskKind.UPLOAD_PERFORMANCES,
    ].map((kind) => ({ kind, startsAt: at(-1), endsAt: at(5) })),
    [a, b],
  );

  const plan: [TestSchool, number, number, number][] = [
    // school, students of its first class in the section, outcomes each, outcomes to certify
    [a, 4, 2, 3],
    [b, 2, 3, 1],
    [c, 3, 1, 0],
  ];
  for (const [school, enrolled, perStudent, toCertify] of plan) {
    const teacher = school.accounts.find((account) => account.username === school.logins.teacher.username)!;
    const firstClass = school.students.filter((student) => student.schoolClass?.id === school.classes[0]!.id);
    const [section] = (await app.factory.sections(school, [
      { subjectName: '物理', teacher, students: firstClass.slice(0, enrolled) },
    ])) as [CourseSection];
    await app.factory.outcomes(school, section, perStudent, teacher.id);
    if (toCertify > 0) {
      const pending = await app.sql<{ id: string }>(
        'select id from course_outcome where school_id = ? order by id limit ?',
        [school.school.id, toCertify],
      );
      const certified = await (
        await api(school, 'teacher')
      ).ok<{ certifyCourseOutcomes: { userErrors: unknown[] } }>(
        'mutation ($input: CertifyCourseOutcomesInput!) { certifyCourseOutcomes(input: $input) { userErrors { code } } }',
        { input: { outcomeIds: pending.map((row) => toGlobalId('CourseOutcome', row.id)) } },
      );
      expect(certified.certifyCourseOutcomes.userErrors).toEqual([]);
    }
  }
  // A student of 101 (the younger cohort) in school A, so both cohorts have uploaders there.
  const younger = a.students.find((student) => student.schoolClass?.id === a.classes[1]!.id)!;
  const teacherA = a.accounts.find((account) => account.username === a.logins.teacher.username)!;
  const [section101] = (await app.factory.sections(a, [
    { subjectName: '國語文', teacher: teacherA, students: [younger], gradeYear: 10 },
  ])) as [CourseSection];
  await app.factory.outcomes(a, section101, 1, teacherA.id);

  for (const [school, performances] of [
    [a, 2],
    [b, 1],
  ] as const) {
    const student = await api(school, 'student');
    for (let n = 0; n < performances; n += 1) {
      const recorded = await student.ok<{ recordPerformance: { userErrors: unknown[] } }>(
        'mutation ($input: RecordPerformanceInput!) { recordPerformance(input: $input) { userErrors { code } } }',
        { input: { category: 'OTHER', title: `志工服務 ${n + 1}`, details: [], description: '社區服務' } },
      );
      expect(recorded.recordPerformance.userErrors).toEqual([]);
    }
  }
  for (const [school, participants] of [
    [a, 3],
    [c, 2],
  ] as const) {
    await (
      await api(school, 'counselor')
    ).ok('mutation ($input: RecordCounselingInput!) { recordCounseling(input: $input) { record { id } } }', {
      input: {
        kind: 'GROUP',
        studentIds: school.students.slice(0, participants).map((s) => toGlobalId('Student', s.id)),
        heldOn: '2026-11-20',
        topic: '選課說明',
        content: '團體諮詢',
      },
    });
  }

  generated = await loadSmallCity(app, city.authority.id, 11);
}

async function openStatistics(username: string, password: string): Promise<Page> {
  const page = await signIn(browser, app.url, username, password);
  await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '統計' }).click();
  return page;
}

describe.skipIf(!haveBrowser)('the statistics dashboard in Chromium', () => {
  beforeAll(async () => {
    app = await startTestApp();
    await buildCity();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the bureau the cohort table like the slide, every figure equal to a direct recount', async () => {
    const before = new Date();
    const page = await openStatistics(city.bureauLogin.username, city.bureauLogin.password);
    const table = page.getByRole('table', { name: `${city.authority.name} 各入學年度學習歷程檔案上傳情形` });
    await table.waitFor();
    const after = new Date();

    const headers = (await table.locator('thead th').allTextContents()).map((t) => t.trim());
    expect(headers).toEqual([
      '入學年度',
      '校數',
      '學生總人數',
      '上傳人數',
      '尚未上傳人數',
      '學生上傳比率',
      '課程學習成果上傳總件數',
      '平均每生上傳件數',
      '教師認證件數',
      '多元表現上傳總件數',
      '課程諮詢紀錄總件數',
    ]);
    const expected = (await recount()).map((row) => [
      row.cohort === null ? '總計' : String(row.cohort),
      count(row.schools),
      ...figureCells(row),
    ]);
    // The generated cohorts 108–111, this city's 113 and 115, and the total over every division.
    expect(expected.map((row) => row[0])).toEqual(['108', '109', '110', '111', '113', '115', '總計']);
    expect(expected.at(-1)!.slice(1, 3)).toEqual([count(3 + generated.divisions), count(24 + generated.students)]);
    expect(await cellsOf(table)).toEqual(expected);

    const asOf = (await page.getByTestId('as-of').textContent())!.replace('更新日期：', '');
    expect(asOf).toMatch(/^\d{3}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
    expect(asOf >= formatRocDateTime(before) && asOf <= formatRocDateTime(after)).toBe(true);

    // The upload rate by cohort, drawn as SVG bars labelled with the same rates.
    const byCohort = page.getByRole('img', { name: '各入學年度上傳率' });
    const cohortBars = await byCohort
      .locator('g[data-key]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label')));
    expect(cohortBars).toEqual(expected.slice(0, -1).map((row) => `${row[0]} 學年度入學：上傳率 ${row[5]}`));
    await page.screenshot({ path: path.join(tmpdir(), 'portfolio-e2e-statistics-city.png'), fullPage: true });

    // The download button gives the same figures as the screen, from the export route.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('group', { name: '下載全市入學年度統計表' }).getByRole('link', { name: '下載 CSV' }).click(),
    ]);
    const csv = parseCsv(await readFile((await download.path())!, 'utf8'));
    expect(csv[1]![0]).toMatch(/^更新日期：\d{3}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
    expect(csv.slice(3)).toEqual(expected);
    await page.close();
  });

  it('ranks the schools by upload rate, lists their progress in the open windows, and drills into one', async () => {
    const page = await openStatistics(city.bureauLogin.username, city.bureauLogin.password);
    const perSchool = page.getByRole('table', { name: '各校統計' });
    const rows = await cellsOf(perSchool);
    const divisions = await app.sql<{ id: string; code: string; name: string; division: string }>(
      'select id, code, name, division from school where authority_id = ? order by code, division',
      [city.authority.id],
    );
    expect(divisions).toHaveLength(3 + generated.divisions);
    const totals = await Promise.all(
      divisions.map(async (school) => ({ school, total: (await recount(school.id)).at(-1)! })),
    );
    expect(rows).toEqual(totals.map(({ school, total }) => [school.code, schoolLabel(school), ...figureCells(total)]));

    // The distribution: every division once, highest upload rate (as shown, two decimals) first.
    const shownRate = ({ total }: (typeof totals)[number]) =>
      Math.round((Number(total.uploaders) * 10_000) / Number(total.students)) / 100;
    const ranked = [...totals].sort((x, y) => shownRate(y) - shownRate(x));
    const strip = page.getByRole('group', { name: '各校上傳率（由高到低）' });
    expect(
      await strip.locator('g[data-key]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-key'))),
    ).toEqual(ranked.map(({ school }) => toGlobalId('School', school.id)));

    // Progress: only the two schools whose windows are open this term.
    const progress = page.getByRole('table', { name: '期程開放中各校進度' });
    const progressRows = await cellsOf(progress);
    expect(progressRows.map((row) => row[0])).toEqual(
      [schools[0]!, schools[1]!]
        .sort((x, y) => x.school.code.localeCompare(y.school.code))
        .map((s) => schoolLabel(s.school)),
    );
    for (const row of progressRows) {
      expect(row[1]).toContain('學生上傳課程學習成果');
    }

    // Drill-down: the school's own figures per cohort, from the same recount limited to it.
    const [a] = schools as [TestSchool];
    await perSchool.getByRole('button', { name: schoolLabel(a.school) }).click();
    await page.getByRole('heading', { name: schoolLabel(a.school) }).waitFor();
    const detail = page.getByRole('table', { name: `${schoolLabel(a.school)} 各入學年度統計` });
    const expected = (await recount(a.school.id)).map((row) => [
      row.cohort === null ? '總計' : String(row.cohort),
      ...figureCells(row),
    ]);
    await expect.poll(async () => (await cellsOf(detail)).length).toBe(expected.length);
    expect(await cellsOf(detail)).toEqual(expected);
    expect(await page.getByRole('img', { name: `${schoolLabel(a.school)} 本學期進度` }).count()).toBe(1);
    await page.screenshot({ path: path.join(tmpdir(), 'portfolio-e2e-statistics-school.png'), fullPage: true });

    // The drill-down has its own address: opened in a fresh browser, it lands on the same school after signing in.
    expect(page.url()).toContain(`#/statistics/schools/${encodeURIComponent(toGlobalId('School', a.school.id))}`);
    const address = page.url();
    const fresh = await browser.newPage({ locale: 'zh-TW' });
    await fresh.goto(address);
    await fresh.getByLabel('帳號').fill(city.bureauLogin.username);
    await fresh.getByLabel('密碼').fill(city.bureauLogin.password);
    await fresh.getByRole('button', { name: '登入' }).click();
    await fresh.getByRole('heading', { level: 1, name: schoolLabel(a.school) }).waitFor();
    await expect
      .poll(async () => cellsOf(fresh.getByRole('table', { name: `${schoolLabel(a.school)} 各入學年度統計` })))
      .toEqual(expected);
    await fresh.close();

    await page.getByRole('button', { name: '← 回全市統計' }).click();
    await page.getByRole('table', { name: '各校統計' }).waitFor();
    expect(page.url()).toMatch(/#\/statistics$/);
    await page.close();
  });

  it('shows a school office its own school per class, and no city figures', async () => {
    const [a, b, c] = schools as [TestSchool, TestSchool, TestSchool];
    const page = await openStatistics(a.logins.registration.username, a.logins.registration.password);
    const classes = page.getByRole('table', { name: '各班統計' });
    const expected = (await recountByClass(a.school.id)).map((row) => [row.name, ...figureCells(row)]);
    expect(expected).toHaveLength(2);
    expect(await cellsOf(classes)).toEqual(expected);

    const own = page.getByRole('table', { name: /各入學年度學習歷程檔案上傳情形$/ });
    const ownTotal = (await recount(a.school.id)).at(-1)!;
    expect((await cellsOf(own)).at(-1)).toEqual(['總計', '1', ...figureCells(ownTotal)]);

    // Nothing of the city: no per-school table, no other school's name, no city total.
    expect(await page.getByRole('table', { name: '各校統計' }).count()).toBe(0);
    expect(
      await page.getByRole('table', { name: `${city.authority.name} 各入學年度學習歷程檔案上傳情形` }).count(),
    ).toBe(0);
    const text = (await page.locator('main').textContent())!;
    expect(text).not.toContain(b.school.name);
    expect(text).not.toContain(c.school.name);

    // Drill into a class: its figures and its progress this term.
    const class301 = expected.find((row) => row[0] === '301')!;
    await classes.getByRole('button', { name: '301' }).click();
    const detail = page.getByRole('region', { name: '301 班統計' });
    await detail.waitFor();
    expect(await detail.textContent()).toContain(`上傳率${class301[4]}`);
    const progress = page.getByRole('table', { name: '本學期各班進度' });
    expect((await cellsOf(progress)).map((row) => row[0])).toEqual(['101', '301']);
    await page.screenshot({ path: path.join(tmpdir(), 'portfolio-e2e-statistics-classes.png'), fullPage: true });
    await page.close();

    // A subject teacher is no school office: no 統計 entry (me.viewerCanViewStatistics is false).
    const teacher = await signIn(browser, app.url, a.logins.teacher.username, a.logins.teacher.password);
    const nav = teacher.getByRole('navigation', { name: '主選單' });
    await nav.getByRole('link', { name: '首頁' }).waitFor();
    expect(await nav.getByRole('link').allTextContents()).not.toContain('統計');
    await teacher.close();
  });
});
