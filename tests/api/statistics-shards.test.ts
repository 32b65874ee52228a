import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CityDatasetResult } from '../../api/src/dataset/city-dataset.js';
import { toGlobalId } from '../../api/src/common/ids.js';
import type { CourseSection } from '../../api/src/modules/course/course.entity.js';
import { RECOUNT_BY_COHORT_SQL, type RecountRow } from '../../api/src/modules/statistics/recount.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';
import { loadSmallCity } from '../support/small-city.js';
import { putBytes } from '../support/uploads.js';
import { testDatabaseUrl } from '../support/test-database.js';

/**
 * The bureau's cohort table reads sharded per-(school, cohort) counters (issue 22, point 3), and the city dataset
 * loads its bulk rows without triggers and computes the counters afterwards (point 6). Both must stay exact: every
 * check here compares with a recount from the source tables.
 */

const DAY = 24 * 3600_000;
const at = (days: number) => new Date(DEFAULT_TEST_NOW.getTime() + days * DAY);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const FIGURES = `students uploaders outcomesUploaded outcomesCertified performancesUploaded counselingRecords`;
const CITY_COHORTS = `{ cityCohortStatistics { rows { cohort schools ${FIGURES} } total { cohort schools ${FIGURES} } } }`;

let app: TestApp;
let city: TestCity;
let school: TestSchool;
let other: TestSchool;
let bureau: ApiClient;
let section: CourseSection;
let generated: CityDatasetResult;

interface CohortFigures {
  school_id: string;
  cohort: number;
  students: number;
  uploaders: number;
  outcomes: number;
  certified_outcomes: number;
  performances: number;
  counseling_records: number;
}

/** Per school and cohort, from the source tables (certified read from the current version, as the recount does). */
const RECOUNT_PER_SCHOOL = `
with s as (select school_id, id, cohort from student where school_id = any(?::uuid[])),
o as (
  select o.school_id, o.student_id, count(*) as n, count(*) filter (where v.status = 'CERTIFIED') as c
  from course_outcome o
  join course_outcome_version v on v.school_id = o.school_id and v.outcome_id = o.id and v.version = o.current_version
  group by 1, 2
), p as (select school_id, student_id, count(*) as n from diverse_performance group by 1, 2),
k as (select school_id, student_id, count(*) as n from counseling_participant group by 1, 2)
select s.school_id, s.cohort, count(*)::int as students, count(o.student_id)::int as uploaders,
       coalesce(sum(o.n), 0)::int as outcomes, coalesce(sum(o.c), 0)::int as certified_outcomes,
       coalesce(sum(p.n), 0)::int as performances, coalesce(sum(k.n), 0)::int as counseling_records
from s
left join o on o.school_id = s.school_id and o.student_id = s.id
left join p on p.school_id = s.school_id and p.student_id = s.id
left join k on k.school_id = s.school_id and k.student_id = s.id
group by 1, 2 order by 1, 2`;

/** The shards summed per school and cohort, as the bureau's function does. */
const SHARDS_PER_SCHOOL = `
select school_id, cohort, sum(students)::int as students, sum(uploaders)::int as uploaders,
       sum(outcomes)::int as outcomes, sum(certified_outcomes)::int as certified_outcomes,
       sum(performances)::int as performances, sum(counseling_records)::int as counseling_records
from cohort_stats_shard where school_id = any(?::uuid[])
group by 1, 2 having sum(students) <> 0 or sum(uploaders) <> 0 or sum(outcomes) <> 0 or sum(certified_outcomes) <> 0
  or sum(performances) <> 0 or sum(counseling_records) <> 0
order by 1, 2`;

const idList = (ids: string[]) => `{${ids.join(',')}}`;

async function expectShardsExact(schoolIds: string[]): Promise<void> {
  const shards = await app.sql<CohortFigures>(SHARDS_PER_SCHOOL, [idList(schoolIds)]);
  expect(shards).toEqual(await app.sql<CohortFigures>(RECOUNT_PER_SCHOOL, [idList(schoolIds)]));
}

interface ShownRow {
  cohort: number | null;
  schools: number;
  students: number;
  uploaders: number;
  outcomesUploaded: number;
  outcomesCertified: number;
  performancesUploaded: number;
  counselingRecords: number;
}

async function expectCityEqualsRecount(): Promise<ShownRow> {
  const table = (await bureau.ok<{ cityCohortStatistics: { rows: ShownRow[]; total: ShownRow } }>(CITY_COHORTS))
    .cityCohortStatistics;
  const recount = await app.sql<RecountRow>(RECOUNT_BY_COHORT_SQL, [city.authority.id, null, null]);
  expect([...table.rows, table.total]).toEqual(
    recount.map((row) => ({
      cohort: row.cohort,
      schools: row.schools,
      students: row.students,
      uploaders: row.uploaders,
      outcomesUploaded: Number(row.outcomes),
      outcomesCertified: Number(row.certified_outcomes),
      performancesUploaded: Number(row.performances),
      counselingRecords: Number(row.counseling_records),
    })),
  );
  return table.total;
}

async function ownerClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  return client;
}

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
  school = await city.school({ studentsPerClass: 4 });
  other = await city.school({ studentsPerClass: 2 });
  await city.timeline(
    [TaskKind.UPLOAD_COURSE_OUTCOMES, TaskKind.CERTIFY_COURSE_OUTCOMES, TaskKind.UPLOAD_PERFORMANCES].map((kind) => ({
      kind,
      startsAt: at(-1),
      endsAt: at(5),
    })),
    [school],
  );
  const teacher = school.accounts.find((account) => account.username === school.logins.teacher.username)!;
  const classmates = school.students.filter((student) => student.schoolClass?.id === school.classes[0]!.id);
  [section] = (await app.factory.sections(school, [{ subjectName: '化學', teacher, students: classmates }])) as [
    CourseSection,
  ];
  await app.factory.outcomes(school, section, 1, teacher.id);
  generated = await loadSmallCity(app, city.authority.id, 23);
  bureau = await app.client().login(city.bureauLogin.username, city.bureauLogin.password);
});
afterAll(() => app.close());

const cityIds = async () =>
  (await app.sql<{ id: string }>('select id from school where authority_id = ? order by id', [city.authority.id])).map(
    (row) => row.id,
  );

describe('cohort shards', () => {
  it('equal a recount per school and cohort after uploads, certifications, deletions, status and cohort changes', async () => {
    const ids = await cityIds();
    await expectShardsExact(ids);
    const before = await expectCityEqualsRecount();

    // An upload through the API, certified by the teacher.
    const student = await app.client().login(school.logins.student.username, school.logins.student.password);
    const enrolment = await app.sqlOne<{ id: string; student_id: string }>(
      'select id, student_id from enrolment where section_id = ? and student_id = ?',
      [section.id, school.students[0]!.id],
    );
    const slot = await student.ok<{ requestUpload: { uploadUrl: string } }>(
      'mutation ($input: RequestUploadInput!) { requestUpload(input: $input) { uploadUrl } }',
      { input: { purpose: 'DOCUMENT', fileName: 'report.pdf', size: PDF.length } },
    );
    const put = await putBytes(app.url, student, slot.requestUpload.uploadUrl, PDF);
    const uploaded = await student.ok<{ uploadCourseOutcome: { outcome: { id: string }; userErrors: unknown[] } }>(
      `mutation ($input: UploadCourseOutcomeInput!) {
         uploadCourseOutcome(input: $input) { outcome { id } userErrors { code message } }
       }`,
      {
        input: {
          enrolmentId: toGlobalId('Enrolment', enrolment.id),
          kind: 'OTHER',
          description: '滴定實驗',
          documentUploadId: put.body.upload!.id,
        },
      },
    );
    expect(uploaded.uploadCourseOutcome.userErrors).toEqual([]);
    const teacher = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    const certified = await teacher.ok<{ certifyCourseOutcomes: { userErrors: unknown[] } }>(
      `mutation ($input: CertifyCourseOutcomesInput!) { certifyCourseOutcomes(input: $input) { userErrors { code } } }`,
      { input: { outcomeIds: [uploaded.uploadCourseOutcome.outcome.id] } },
    );
    expect(certified.certifyCourseOutcomes.userErrors).toEqual([]);
    await expectShardsExact(ids);

    // The rest the way the services, rollover, 復學 and retention write them (the counter triggers do not care who
    // writes): one student loses every outcome (no longer an uploader), one changes status, one moves to the next
    // cohort with everything they have.
    const [lost, suspended, moved] = await app.sql<{ id: string }>(
      `select student_id as id from student_stats where school_id = ? and outcomes > 0
       order by certified_outcomes, student_id limit 3`,
      [school.school.id],
    );
    expect(moved).toBeDefined();
    await app.sql(
      `delete from course_outcome_version where school_id = ?
       and outcome_id in (select id from course_outcome where school_id = ? and student_id = ?)`,
      [school.school.id, school.school.id, lost!.id],
    );
    await app.sql('delete from course_outcome where school_id = ? and student_id = ?', [school.school.id, lost!.id]);
    await app.sql("update student set status = 'SUSPENDED' where school_id = ? and id = ?", [
      school.school.id,
      suspended!.id,
    ]);
    await app.sql('update student set cohort = cohort + 1 where school_id = ? and id = ?', [
      school.school.id,
      moved!.id,
    ]);
    // A generated school: retention deletes a performance and a counseling participant, and a teacher certifies every
    // pending outcome of the school in one statement.
    const generatedSchool = (
      await app.sql<{ id: string }>(
        'select id from school where authority_id = ? and id <> all(?::uuid[]) order by code limit 1',
        [city.authority.id, idList([school.school.id, other.school.id])],
      )
    )[0]!;
    await app.sql(
      'delete from diverse_performance where id = (select id from diverse_performance where school_id = ? limit 1)',
      [generatedSchool.id],
    );
    await app.sql(
      'delete from counseling_participant where id = (select id from counseling_participant where school_id = ? limit 1)',
      [generatedSchool.id],
    );
    await app.sql(
      `update course_outcome_version v set status = 'CERTIFIED', decided_at = now(),
              decided_by = (select id from user_account u where u.school_id = v.school_id order by id limit 1)
       from course_outcome o
       where o.school_id = ? and o.status = 'PENDING'
         and v.school_id = o.school_id and v.outcome_id = o.id and v.version = o.current_version`,
      [generatedSchool.id],
    );
    const bulk = await app.sql<{ id: string }>(
      "update course_outcome set status = 'CERTIFIED' where school_id = ? and status = 'PENDING' returning id",
      [generatedSchool.id],
    );
    expect(bulk.length).toBeGreaterThan(1);
    await expectShardsExact(ids);
    const after = await expectCityEqualsRecount();
    expect(after.students).toBe(before.students);
    expect(after.uploaders).toBe(before.uploaders - 1);
    expect(after.outcomesCertified).toBeGreaterThan(before.outcomesCertified);
  });

  it('spread a rush over many rows: concurrent uploads in one school and cohort do not wait for each other', async () => {
    const ids = await cityIds();
    // The generated school and cohort with the most students who have an enrolment, and one enrolment each of 8 of them.
    const [busiest] = await app.sql<{ school_id: string; cohort: number }>(
      `select s.school_id, s.cohort from student s join school sc on sc.id = s.school_id
       where sc.authority_id = ? and s.school_id <> all(?::uuid[])
         and exists (select from enrolment e where e.school_id = s.school_id and e.student_id = s.id)
       group by 1, 2 order by count(*) desc, 1, 2 limit 1`,
      [city.authority.id, idList([school.school.id, other.school.id])],
    );
    const generatedSchool = { id: busiest!.school_id };
    const targets = await app.sql<{
      school_id: string;
      student_id: string;
      enrolment_id: string;
      term_id: string;
      academic_year_id: string;
      created_by: string;
    }>(
      `select distinct on (e.student_id) e.school_id, e.student_id, e.id as enrolment_id, c.term_id,
              t.academic_year_id, (select id from user_account u where u.school_id = e.school_id order by id limit 1)
                as created_by
       from enrolment e
       join student s on s.school_id = e.school_id and s.id = e.student_id
       join course_section cs on cs.school_id = e.school_id and cs.id = e.section_id
       join course c on c.school_id = cs.school_id and c.id = cs.course_id
       join term t on t.school_id = c.school_id and t.id = c.term_id
       where e.school_id = ? and s.cohort = ?
       order by e.student_id, e.id limit 8`,
      [busiest!.school_id, busiest!.cohort],
    );
    expect(targets.length).toBe(8);
    const sha = (await app.sqlOne<{ sha256: string }>('select sha256 from upload where sha256 is not null limit 1'))
      .sha256;
    const upload = async (client: pg.Client, target: (typeof targets)[number]) => {
      await client.query('set local role portfolio_app');
      await client.query("select set_config('app.school_id', $1, true)", [target.school_id]);
      await client.query(
        `with slot as (
           insert into upload (school_id, id, purpose, file_name, declared_size, created_by, created_at, expires_at,
                               sha256, size, content_type, stored_at)
           values ($1, gen_random_uuid(), 'DOCUMENT', 'rush.pdf', 60, $6, now(), now(), $7, 60, 'application/pdf', now())
           returning id
         ), outcome as (
           insert into course_outcome (school_id, id, student_id, enrolment_id, term_id, academic_year_id, kind, status,
                                       created_at, updated_at)
           values ($1, gen_random_uuid(), $2, $3, $4, $5, 'OTHER', 'PENDING', now(), now())
           returning id
         )
         insert into course_outcome_version (school_id, id, outcome_id, version, description, document_upload_id,
                                             status, created_at)
         select $1, gen_random_uuid(), outcome.id, 1, '衝刺', slot.id, 'PENDING', now() from outcome, slot`,
        [
          target.school_id,
          target.student_id,
          target.enrolment_id,
          target.term_id,
          target.academic_year_id,
          target.created_by,
          sha,
        ],
      );
    };

    // While one upload's transaction is open (its counters written, not committed), another student's upload in the
    // same school and cohort commits: it writes another shard. (A statement timeout turns a wait into a failure.)
    const first = await ownerClient();
    const second = await ownerClient();
    try {
      await first.query('begin');
      const firstShard =
        Number((await first.query<{ x: string }>('select pg_current_xact_id()::text as x')).rows[0]!.x) % 32;
      await upload(first, targets[0]!);
      let secondShard = firstShard;
      while (secondShard === firstShard) {
        await second.query('rollback').catch(() => undefined);
        await second.query('begin');
        secondShard =
          Number((await second.query<{ x: string }>('select pg_current_xact_id()::text as x')).rows[0]!.x) % 32;
      }
      await second.query("set local statement_timeout = '20s'");
      await upload(second, targets[1]!);
      await second.query('commit');
      await first.query('commit');
    } finally {
      await first.end();
      await second.end();
    }

    // 6 more at once, each in its own transaction: all commit (no deadlock), and the counters stay exact.
    const shardsBefore = await app.sqlOne<{ n: number }>(
      'select count(*)::int as n from cohort_stats_shard where school_id = ?',
      [generatedSchool.id],
    );
    const clients = await Promise.all(targets.slice(2).map(() => ownerClient()));
    try {
      await Promise.all(
        clients.map(async (client, i) => {
          await client.query('begin');
          await upload(client, targets[i + 2]!);
          await client.query('commit');
        }),
      );
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
    const shardsAfter = await app.sqlOne<{ n: number }>(
      'select count(*)::int as n from cohort_stats_shard where school_id = ?',
      [generatedSchool.id],
    );
    expect(shardsAfter.n).toBeGreaterThan(shardsBefore.n);
    await expectShardsExact(ids);
    await expectCityEqualsRecount();
  });
});

describe('city dataset load', () => {
  it('leaves every foreign key satisfied, the status history written and every counter equal to a recount', async () => {
    const schools = (
      await app.sql<{ id: string }>('select id from school where authority_id = ? and id <> all(?::uuid[])', [
        city.authority.id,
        idList([school.school.id, other.school.id]),
      ])
    ).map((row) => row.id);
    expect(schools).toHaveLength(generated.divisions);

    // Every foreign key of the tables the generator loads without triggers, checked set-based.
    const keys = await app.sql<{ name: string; child: string; parent: string; cols: string[]; refs: string[] }>(
      `select c.conname as name, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
              array(select quote_ident(a.attname) from unnest(c.conkey) with ordinality k(n, i)
                    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as cols,
              array(select quote_ident(a.attname) from unnest(c.confkey) with ordinality k(n, i)
                    join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as refs
       from pg_constraint c
       where c.contype = 'f' and c.conrelid::regclass::text = any(?::text[])`,
      [
        '{course,course_section,upload,enrolment,course_outcome,course_outcome_version,diverse_performance,' +
          'counseling_record,counseling_participant}',
      ],
    );
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) {
      const [broken] = await app.sql<{ n: number }>(
        `select count(*)::int as n from ${key.child} c
         where c.school_id = any(?::uuid[]) and ${key.cols.map((col) => `c.${col} is not null`).join(' and ')}
           and not exists (select from ${key.parent} p
                           where ${key.cols.map((col, i) => `p.${key.refs[i]} = c.${col}`).join(' and ')})`,
        [idList(schools)],
      );
      expect({ key: key.name, broken: broken!.n }).toEqual({ key: key.name, broken: 0 });
    }

    const history = await app.sqlOne<{ missing: number }>(
      `select count(*)::int as missing from student s where s.school_id = any(?::uuid[])
       and not exists (select from student_status_change h where h.school_id = s.school_id and h.student_id = s.id)`,
      [idList(schools)],
    );
    expect(history.missing).toBe(0);

    // The counters the triggers would have written, from the source tables.
    const stats = await app.sqlOne<{ wrong: number; missing: number }>(
      `select count(*) filter (where st.student_id is null or st.cohort <> s.cohort
                                 or st.class_id is distinct from s.class_id
                                 or st.enrolled <> (s.status = 'ENROLLED')
                                 or st.outcomes <> (select count(*) from course_outcome o
                                                    where o.school_id = s.school_id and o.student_id = s.id)
                                 or st.certified_outcomes <> (select count(*) from course_outcome o
                                    where o.school_id = s.school_id and o.student_id = s.id and o.status = 'CERTIFIED')
                                 or st.performances <> (select count(*) from diverse_performance p
                                                        where p.school_id = s.school_id and p.student_id = s.id)
                                 or st.counseling_records <> (select count(*) from counseling_participant k
                                                              where k.school_id = s.school_id and k.student_id = s.id)
                          )::int as wrong,
              count(*) filter (where st.student_id is null)::int as missing
       from student s left join student_stats st on st.school_id = s.school_id and st.student_id = s.id
       where s.school_id = any(?::uuid[])`,
      [idList(schools)],
    );
    expect(stats).toEqual({ wrong: 0, missing: 0 });
    const terms = await app.sqlOne<{ differ: number }>(
      `with want as (
         select school_id, term_id, student_id, count(*)::int as outcomes,
                count(*) filter (where status = 'CERTIFIED')::int as certified_outcomes,
                count(*) filter (where selected_at is not null)::int as selected_outcomes
         from course_outcome where school_id = any(?::uuid[]) group by 1, 2, 3
       ), have as (
         select school_id, term_id, student_id, outcomes, certified_outcomes, selected_outcomes
         from student_term_stats where school_id = any(?::uuid[])
       )
       select count(*)::int as differ from ((select * from want except all select * from have)
                                            union all (select * from have except all select * from want)) d`,
      [idList(schools), idList(schools)],
    );
    expect(terms.differ).toBe(0);
    await expectShardsExact(schools);
  });
});
