import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CityDatasetResult } from '../../api/src/dataset/city-dataset.js';
import { fromGlobalId, toGlobalId } from '../../api/src/common/ids.js';
import type { CourseSection } from '../../api/src/modules/course/course.entity.js';
import { RECOUNT_BY_COHORT_SQL, type RecountRow } from '../../api/src/modules/statistics/recount.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';
import { loadSmallCity } from '../support/small-city.js';
import { putBytes } from '../support/uploads.js';

const DAY = 24 * 3600_000;
const at = (days: number) => new Date(DEFAULT_TEST_NOW.getTime() + days * DAY);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const FIGURES = `suppressed students uploaders nonUploaders uploadRatePct outcomesUploaded outcomesPerUploader
  outcomesCertified performancesUploaded counselingRecords`;
const CITY_COHORTS = `{ cityCohortStatistics { asOf asOfRoc rows { cohort label schools ${FIGURES} }
  total { cohort label schools ${FIGURES} } } }`;
const SCHOOL_COHORTS = `{ schoolCohortStatistics { asOf rows { cohort schools ${FIGURES} }
  total { cohort schools ${FIGURES} } } }`;
const CITY_SCHOOLS = `query ($cohort: Int, $schoolIds: [ID!], $first: Int, $after: String) {
  citySchoolStatistics(cohort: $cohort, schoolIds: $schoolIds, first: $first, after: $after) {
    asOf nodes { schoolId schoolCode division ${FIGURES} } pageInfo { hasNextPage endCursor }
  }
}`;
const SCHOOL_CLASSES = `query ($cohort: Int, $first: Int) {
  schoolClassStatistics(cohort: $cohort, first: $first) { nodes { classId className ${FIGURES} } }
}`;
const CITY_PROGRESS = `query ($term: String!, $first: Int) {
  cityTermProgress(term: $term, first: $first) {
    nodes { schoolId openWindows enrolledStudents uploaders uploadRatePct outcomesUploaded outcomesCertified
            certificationRatePct outcomesSelected selectors selectionRatePct confirmationRatePct }
  }
}`;
const SCHOOL_PROGRESS = `query ($termId: ID!) {
  schoolTermProgress(termId: $termId) {
    nodes { className openWindows enrolledStudents uploaders outcomesUploaded outcomesCertified outcomesSelected }
  }
}`;

interface Figures {
  suppressed: boolean;
  students: number | null;
  uploaders: number | null;
  nonUploaders: number | null;
  uploadRatePct: number | null;
  outcomesUploaded: number | null;
  outcomesPerUploader: number | null;
  outcomesCertified: number | null;
  performancesUploaded: number | null;
  counselingRecords: number | null;
}
interface CohortRow extends Figures {
  cohort: number | null;
  schools: number;
}
interface CohortTable {
  asOf: string;
  rows: CohortRow[];
  total: CohortRow;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** What a table row must say, from the naive recount. */
function expected(row: RecountRow): CohortRow {
  const students = Number(row.students);
  const uploaders = Number(row.uploaders);
  const outcomes = Number(row.outcomes);
  return {
    cohort: row.cohort,
    schools: Number(row.schools),
    suppressed: false,
    students,
    uploaders,
    nonUploaders: students - uploaders,
    uploadRatePct: students ? round2((uploaders / students) * 100) : 0,
    outcomesUploaded: outcomes,
    outcomesPerUploader: uploaders ? round2(outcomes / uploaders) : 0,
    outcomesCertified: Number(row.certified_outcomes),
    performancesUploaded: Number(row.performances),
    counselingRecords: Number(row.counseling_records),
  };
}

let app: TestApp;
let city: TestCity;
let school: TestSchool;
let other: TestSchool;
let bureau: ApiClient;
let section: CourseSection;
let generated: CityDatasetResult;

async function recount(authorityId: string, schoolId: string | null = null): Promise<CohortRow[]> {
  const rows = await app.sql<RecountRow>(RECOUNT_BY_COHORT_SQL, [authorityId, schoolId, schoolId]);
  return rows.map(expected);
}

async function expectCityEqualsRecount(): Promise<CohortTable> {
  const table = (await bureau.ok<{ cityCohortStatistics: CohortTable }>(CITY_COHORTS)).cityCohortStatistics;
  const shown = [...table.rows, table.total].map(({ label: _label, ...row }: CohortRow & { label?: string }) => row);
  expect(shown).toEqual(await recount(city.authority.id));
  return table;
}

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
  school = await city.school({ studentsPerClass: 4 });
  other = await city.school({ studentsPerClass: 2 });
  await city.timeline(
    [
      TaskKind.UPLOAD_COURSE_OUTCOMES,
      TaskKind.CERTIFY_COURSE_OUTCOMES,
      TaskKind.SELECT_COURSE_OUTCOMES,
      TaskKind.UPLOAD_PERFORMANCES,
    ].map((kind) => ({ kind, startsAt: at(-1), endsAt: at(5) })),
    [school],
  );
  const teacher = school.accounts.find((account) => account.username === school.logins.teacher.username)!;
  const classmates = school.students.filter((student) => student.schoolClass?.id === school.classes[0]!.id);
  [section] = (await app.factory.sections(school, [{ subjectName: '物理', teacher, students: classmates }])) as [
    CourseSection,
  ];
  await app.factory.outcomes(school, section, 2, teacher.id);
  // A small generated city in the same authority as the schools above.
  generated = await loadSmallCity(app, city.authority.id, 7);
  bureau = await app.client().login(city.bureauLogin.username, city.bureauLogin.password);
});
afterAll(() => app.close());

async function uploadOutcome(student: ApiClient, enrolmentId: string): Promise<string> {
  const slot = await student.ok<{ requestUpload: { uploadUrl: string } }>(
    'mutation ($input: RequestUploadInput!) { requestUpload(input: $input) { uploadUrl } }',
    { input: { purpose: 'DOCUMENT', fileName: 'report.pdf', size: PDF.length } },
  );
  const put = await putBytes(app.url, student, slot.requestUpload.uploadUrl, PDF);
  const result = await student.ok<{ uploadCourseOutcome: { outcome: { id: string }; userErrors: unknown[] } }>(
    `mutation ($input: UploadCourseOutcomeInput!) {
       uploadCourseOutcome(input: $input) { outcome { id } userErrors { code message } }
     }`,
    { input: { enrolmentId, kind: 'OTHER', description: '實驗報告', documentUploadId: put.body.upload!.id } },
  );
  expect(result.uploadCourseOutcome.userErrors).toEqual([]);
  return result.uploadCourseOutcome.outcome.id;
}

describe('city statistics', () => {
  it('equals a direct recount, and stays equal after uploads, certifications, performances and counseling', async () => {
    const before = await expectCityEqualsRecount();
    expect(generated).toMatchObject({ divisions: 4, students: 207, outcomes: 2037, certified: 1166 });
    expect(before.total.outcomesUploaded).toBe(8 + generated.outcomes);
    expect(before.total.schools).toBe(2 + generated.divisions);
    // The generated rows are the shape of the CSV scaled: 55 students of cohort 108 of whom 53 uploaded, …
    expect(before.rows.find((row) => row.cohort === 108)).toMatchObject({ students: 55, uploaders: 53 });

    const student = await app.client().login(school.logins.student.username, school.logins.student.password);
    const enrolment = await app.sqlOne<{ id: string }>(
      'select id from enrolment where section_id = ? and student_id = ?',
      [section.id, school.students[0]!.id],
    );
    const outcomeId = await uploadOutcome(student, toGlobalId('Enrolment', enrolment.id));
    const teacher = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    // Three others than the one just uploaded (rows come in no particular order without one).
    const pending = await app.sql<{ id: string }>(
      'select id from course_outcome where school_id = ? and id <> ? order by id limit 3',
      [school.school.id, fromGlobalId(outcomeId)!.id],
    );
    const certified = await teacher.ok<{ certifyCourseOutcomes: { userErrors: unknown[] } }>(
      `mutation ($input: CertifyCourseOutcomesInput!) { certifyCourseOutcomes(input: $input) { userErrors { code } } }`,
      { input: { outcomeIds: [outcomeId, ...pending.map((row) => toGlobalId('CourseOutcome', row.id))] } },
    );
    expect(certified.certifyCourseOutcomes.userErrors).toEqual([]);
    const performance = await student.ok<{ recordPerformance: { userErrors: unknown[] } }>(
      `mutation ($input: RecordPerformanceInput!) { recordPerformance(input: $input) { userErrors { code } } }`,
      { input: { category: 'OTHER', title: '志工服務', details: [], description: '社區服務' } },
    );
    expect(performance.recordPerformance.userErrors).toEqual([]);
    const counselor = await app.client().login(school.logins.counselor.username, school.logins.counselor.password);
    await counselor.ok(
      'mutation ($input: RecordCounselingInput!) { recordCounseling(input: $input) { record { id } } }',
      {
        input: {
          kind: 'GROUP',
          studentIds: school.students.slice(0, 3).map((s) => toGlobalId('Student', s.id)),
          heldOn: '2026-11-20',
          topic: '選課說明',
          content: '團體諮詢',
        },
      },
    );

    const after = await expectCityEqualsRecount();
    expect(after.total.outcomesUploaded).toBe(before.total.outcomesUploaded! + 1);
    expect(after.total.outcomesCertified).toBe(before.total.outcomesCertified! + 4);
    expect(after.total.performancesUploaded).toBe(before.total.performancesUploaded! + 1);
    expect(after.total.counselingRecords).toBe(before.total.counselingRecords! + 3);
    expect(new Date(after.asOf).getTime()).toBeGreaterThanOrEqual(new Date(before.asOf).getTime());
  });

  it('gives the same figures per school and, for the school office, per cohort and class', async () => {
    const schools = await bureau.ok<{
      citySchoolStatistics: { nodes: (Figures & { schoolId: string })[]; pageInfo: { hasNextPage: boolean } };
    }>(CITY_SCHOOLS, { first: 100 });
    expect(schools.citySchoolStatistics.nodes).toHaveLength(2 + generated.divisions);
    const ids = await app.sql<{ id: string }>('select id from school where authority_id = ?', [city.authority.id]);
    for (const row of schools.citySchoolStatistics.nodes) {
      const id = ids.find((s) => toGlobalId('School', s.id) === row.schoolId)!.id;
      const { cohort: _cohort, schools: _schools, ...figures } = (await recount(city.authority.id, id)).at(-1)!;
      expect(row).toMatchObject(figures);
    }
    const cohort110 = await bureau.ok<{ citySchoolStatistics: { nodes: Figures[] } }>(CITY_SCHOOLS, { cohort: 110 });
    const expected110 = (await recount(city.authority.id)).find((row) => row.cohort === 110)!;
    expect(cohort110.citySchoolStatistics.nodes.reduce((sum, row) => sum + row.outcomesUploaded!, 0)).toBe(
      expected110.outcomesUploaded,
    );

    const office = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const own = (await office.ok<{ schoolCohortStatistics: CohortTable }>(SCHOOL_COHORTS)).schoolCohortStatistics;
    expect([...own.rows, own.total]).toEqual(await recount(city.authority.id, school.school.id));

    const classes = await office.ok<{ schoolClassStatistics: { nodes: (Figures & { className: string })[] } }>(
      SCHOOL_CLASSES,
      { first: 100 },
    );
    const byClass = await app.sql<{ name: string; students: number; outcomes: number }>(
      `select c.name, count(distinct s.id)::int as students, count(o.id)::int as outcomes
       from student s join school_class c on c.school_id = s.school_id and c.id = s.class_id
       left join course_outcome o on o.school_id = s.school_id and o.student_id = s.id
       where s.school_id = ? group by c.name order by c.name`,
      [school.school.id],
    );
    expect(
      classes.schoolClassStatistics.nodes.map((row) => ({
        name: row.className,
        students: row.students,
        outcomes: row.outcomesUploaded,
      })),
    ).toEqual(byClass);
  });

  it('shows a term’s progress by school while its windows are open', async () => {
    const term = await app.sqlOne<{ id: string; key: string }>(
      `select t.id, y.year::text || t.semester::text as key from term t
       join academic_year y on y.school_id = t.school_id and y.id = t.academic_year_id
       where t.id = (select term_id from timeline_task where school_id = ? limit 1)`,
      [school.school.id],
    );
    const progress = await bureau.ok<{
      cityTermProgress: { nodes: { schoolId: string; openWindows: string[]; outcomesUploaded: number }[] };
    }>(CITY_PROGRESS, { term: term.key });
    const expectedTerm = await app.sqlOne<{ outcomes: number; certified: number }>(
      `select count(*)::int as outcomes, count(*) filter (where status = 'CERTIFIED')::int as certified
       from course_outcome where school_id = ? and term_id = ?`,
      [school.school.id, term.id],
    );
    // Only the school with open windows is listed.
    expect(progress.cityTermProgress.nodes).toHaveLength(1);
    expect(progress.cityTermProgress.nodes[0]).toMatchObject({
      schoolId: toGlobalId('School', school.school.id),
      outcomesUploaded: expectedTerm.outcomes,
      outcomesCertified: expectedTerm.certified,
    });
    expect(progress.cityTermProgress.nodes[0]!.openWindows).toContain('UPLOAD_COURSE_OUTCOMES');
    // The slides' own form of the key (11501 for 1151) names the same term.
    const slideKey = `${term.key.slice(0, 3)}0${term.key.slice(3)}`;
    expect(await bureau.ok(CITY_PROGRESS, { term: slideKey })).toEqual(progress);

    const office = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const perClass = await office.ok<{ schoolTermProgress: { nodes: { outcomesUploaded: number }[] } }>(
      SCHOOL_PROGRESS,
      { termId: toGlobalId('Term', term.id) },
    );
    expect(perClass.schoolTermProgress.nodes.reduce((sum, row) => sum + row.outcomesUploaded, 0)).toBe(
      expectedTerm.outcomes,
    );
  });
});

describe('bad input and other tenants', () => {
  const codeOf = async (client: ApiClient, query: string, variables: Record<string, unknown> = {}) => {
    const result = await client.request(query, variables);
    expect(result.data).toBeNull();
    return result.errors.map((error) => error.extensions?.code);
  };

  it('shows another authority’s bureau none of these schools, and refuses their ids', async () => {
    const elsewhere = await app.factory.city();
    const otherBureau = await app.client().login(elsewhere.bureauLogin.username, elsewhere.bureauLogin.password);
    const table = (await otherBureau.ok<{ cityCohortStatistics: CohortTable }>(CITY_COHORTS)).cityCohortStatistics;
    expect(table.rows).toEqual([]);
    expect(table.total).toMatchObject({ schools: 0, students: 0, outcomesUploaded: 0 });
    const schools = await otherBureau.ok<{ citySchoolStatistics: { nodes: unknown[] } }>(CITY_SCHOOLS, {});
    expect(schools.citySchoolStatistics.nodes).toEqual([]);
    expect(await codeOf(otherBureau, CITY_SCHOOLS, { schoolIds: [toGlobalId('School', school.school.id)] })).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('refuses city figures to school users and school figures to the bureau', async () => {
    const office = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    expect(await codeOf(office, CITY_COHORTS)).toEqual(['FORBIDDEN']);
    expect(await codeOf(office, CITY_SCHOOLS)).toEqual(['FORBIDDEN']);
    expect(await codeOf(office, CITY_PROGRESS, { term: '1151' })).toEqual(['FORBIDDEN']);
    const teacher = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    expect(await codeOf(teacher, SCHOOL_COHORTS)).toEqual(['FORBIDDEN']);
    expect(await codeOf(bureau, SCHOOL_COHORTS)).toEqual(['FORBIDDEN']);
    expect(await codeOf(app.client(), CITY_COHORTS)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers an unknown cohort or term and an over-limit page size with a clear error', async () => {
    expect(await codeOf(bureau, CITY_SCHOOLS, { cohort: 150 })).toEqual(['BAD_USER_INPUT']);
    expect(await codeOf(bureau, CITY_SCHOOLS, { cohort: 99999 })).toEqual(['BAD_USER_INPUT']);
    expect(await codeOf(bureau, CITY_SCHOOLS, { first: 101 })).toEqual(['BAD_USER_INPUT']);
    expect(await codeOf(bureau, CITY_SCHOOLS, { after: 'not-a-cursor' })).toEqual(['BAD_USER_INPUT']);
    expect(await codeOf(bureau, CITY_PROGRESS, { term: '1993' })).toEqual(['BAD_USER_INPUT']);
    expect(await codeOf(bureau, CITY_PROGRESS, { term: 'abc' })).toEqual(['BAD_USER_INPUT']);
    const office = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    expect(await codeOf(office, SCHOOL_CLASSES, { cohort: 150 })).toEqual(['BAD_USER_INPUT']);
    // Another school's term gets the answer every term argument gives to a term this school does not have.
    expect(await codeOf(office, SCHOOL_PROGRESS, { termId: toGlobalId('Term', other.terms[0]!.id) })).toEqual([
      'BAD_USER_INPUT',
    ]);
    const result = await bureau.request<{ citySchoolStatistics: unknown }>(CITY_SCHOOLS, { first: 500 });
    expect(result.errors[0]!.message).toContain('100');
  });

  it('pages through the schools with a cursor', async () => {
    type Page = { citySchoolStatistics: { nodes: { schoolId: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }; // prettier-ignore
    const all = (await bureau.ok<Page>(CITY_SCHOOLS, { first: 100 })).citySchoolStatistics.nodes.map((n) => n.schoolId);
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await bureau.ok<Page>(CITY_SCHOOLS, { first: 4, after });
      paged.push(...page.citySchoolStatistics.nodes.map((n) => n.schoolId));
      if (!page.citySchoolStatistics.pageInfo.hasNextPage) break;
      after = page.citySchoolStatistics.pageInfo.endCursor;
    }
    expect(paged).toEqual(all);
    expect(new Set(paged).size).toBe(2 + generated.divisions);
  });
});

describe('export', () => {
  const get = (client: ApiClient, file: string) =>
    fetch(`${app.url}/statistics/${file}`, { headers: { authorization: `Bearer ${client.token}` } });

  it('sends the cohort table as the slide’s CSV: title, ROC 更新日期, thousands separators, two-decimal rates', async () => {
    const table = (await bureau.ok<{ cityCohortStatistics: CohortTable & { asOfRoc: string } }>(CITY_COHORTS))
      .cityCohortStatistics;
    const response = await get(bureau, 'city-cohorts.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const text = await response.text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('全市學習歷程檔案上傳統計（依入學年度）');
    expect(lines[1]).toMatch(/^更新日期：1\d\d\/\d\d\/\d\d \d\d:\d\d$/);
    expect(lines[2]).toBe(
      '入學年度,校數,學生總人數,上傳人數,尚未上傳人數,學生上傳比率,課程學習成果上傳總件數,平均每生上傳件數,教師認證件數,多元表現上傳總件數,課程諮詢紀錄總件數',
    );
    const total = table.total;
    const thousands = (n: number | null) => new Intl.NumberFormat('en-US').format(n!);
    const quoted = (n: number | null) => (n! >= 1000 ? `"${thousands(n)}"` : thousands(n));
    expect(lines.at(-1)).toBe(
      [
        '總計',
        total.schools,
        quoted(total.students),
        quoted(total.uploaders),
        quoted(total.nonUploaders),
        `${total.uploadRatePct!.toFixed(2)}%`,
        quoted(total.outcomesUploaded),
        total.outcomesPerUploader!.toFixed(2),
        quoted(total.outcomesCertified),
        quoted(total.performancesUploaded),
        quoted(total.counselingRecords),
      ].join(','),
    );
    expect(lines).toHaveLength(3 + table.rows.length + 1);
  });

  it('sends every view as XLSX with number formats, to those who may see it only', async () => {
    const response = await get(bureau, 'city-schools.xlsx');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('各校學習歷程檔案上傳統計');
    expect(String(sheet.getCell('A2').value)).toMatch(/^更新日期：/);
    expect(sheet.getRow(3).getCell(7).value).toBe('學生上傳比率');
    expect(sheet.rowCount).toBe(3 + 2 + generated.divisions);
    expect(sheet.getRow(4).getCell(4).numFmt).toBe('#,##0');
    expect(sheet.getRow(4).getCell(7).numFmt).toBe('0.00%');
    expect(sheet.getRow(4).getCell(9).numFmt).toBe('0.00');

    expect((await get(bureau, 'city-term-progress.csv')).status).toBe(400);
    expect((await get(bureau, 'nothing.csv')).status).toBe(404);
    expect((await get(bureau, 'school-classes.csv')).status).toBe(403);
    const office = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    expect((await get(office, 'city-cohorts.xlsx')).status).toBe(403);
    const classes = await get(office, 'school-classes.csv');
    expect(classes.status).toBe(200);
    expect(await classes.text()).toContain('本校各班學習歷程檔案上傳統計');
    expect((await fetch(`${app.url}/statistics/city-cohorts.csv`)).status).toBe(401);
  });
});

describe('privacy suppression', () => {
  it('hides the figures of rows with fewer students than STATS_SUPPRESS_BELOW', async () => {
    const strict = await startTestApp({ STATS_SUPPRESS_BELOW: '5' });
    try {
      const client = await strict.client().login(city.bureauLogin.username, city.bureauLogin.password);
      const schools = await client.ok<{ citySchoolStatistics: { nodes: Figures[] } }>(CITY_SCHOOLS, {});
      const sizes = await strict.sql<{ n: number }>(
        'select count(*)::int as n from student where school_id = any(?::uuid[]) group by school_id',
        [`{${school.school.id},${other.school.id}}`],
      );
      expect(sizes.some((row) => row.n < 5)).toBe(true);
      for (const row of schools.citySchoolStatistics.nodes) {
        if (row.suppressed) {
          expect(row).toMatchObject({
            students: null,
            uploaders: null,
            outcomesUploaded: null,
            counselingRecords: null,
          });
        } else {
          expect(row.students).toBeGreaterThanOrEqual(5);
        }
      }
      expect(schools.citySchoolStatistics.nodes.some((row) => row.suppressed)).toBe(true);
    } finally {
      await strict.close();
    }
  });
});
