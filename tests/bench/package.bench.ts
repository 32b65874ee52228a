import { createHash, randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { academicYearOf } from '../../api/src/common/roc.js';
import { gql, login } from './graphql-http.js';
import { memory, resetPeak } from './import.bench.js';
import type { ServerProcess } from './server-process.js';

export interface PackageRun {
  evidenceFiles: number;
  fileKiB: number;
  /** The zip as stored: rosters and every file. */
  packageMiB: number;
  seconds: number;
  mibPerSecond: number;
  rssBeforeMiB: number;
  /** The server's peak resident memory during the submission alone (VmHWM reset before it), or sampled VmRSS. */
  peakRssMiB: number;
  peakAboveStartMiB: number;
}

export interface PackageBenchmark {
  students: number;
  peakSource: 'VmHWM' | 'VmRSS sampled';
  runs: PackageRun[];
}

const PASSWORD = 'demo1234';
const mib = (bytes: number) => Number((bytes / 2 ** 20).toFixed(1));

/**
 * Selected, certified course outcomes with a document of `fileKiB` KiB each, `files` in all, spread over the demo
 * school's students, as the database owner (no API makes certified outcomes faster than this), with each file's
 * bytes written into the store the way the store lays them out (ab/cd/<sha256>). Every file is distinct, so the
 * package carries them all. Earlier runs' outcomes are unselected first, so each run's package holds its own files.
 */
async function seedOutcomes(
  server: ServerProcess,
  yearId: string,
  schoolId: string,
  files: number,
  fileKiB: number,
): Promise<number> {
  const client = new pg.Client({ connectionString: await server.ownerDatabaseUrl() });
  await client.connect();
  try {
    await client.query('begin');
    await client.query("select set_config('app.school_id', $1, true)", [schoolId]);
    await client.query(
      'update course_outcome set selected_at = null where school_id = $1 and academic_year_id = $2 and selected_at is not null',
      [schoolId, yearId],
    );
    const enrolments = await client.query<{ id: string; student_id: string; term_id: string }>(
      `select distinct on (e.student_id) e.id, e.student_id, c.term_id
       from enrolment e
       join course_section s on s.school_id = e.school_id and s.id = e.section_id
       join course c on c.school_id = s.school_id and c.id = s.course_id
       join term t on t.school_id = c.school_id and t.id = c.term_id
       where e.school_id = $1 and t.academic_year_id = $2
       order by e.student_id, e.id`,
      [schoolId, yearId],
    );
    const creator = await client.query<{ id: string }>(
      "select id from user_account where school_id = $1 and username = 'sf.registration'",
      [schoolId],
    );
    const filler = randomBytes(fileKiB * 1024);
    for (let i = 0; i < files; i += 1) {
      const enrolment = enrolments.rows[i % enrolments.rows.length]!;
      // A head of its own makes every file distinct; the shared tail keeps the generator's memory small.
      const bytes = Buffer.concat([Buffer.from(`%PDF-1.4\n% package bench ${i} ${Date.now()}\n`), filler]);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = path.join(server.dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4));
      await mkdir(target, { recursive: true });
      await writeFile(path.join(target, sha256), bytes);
      await client.query(
        `with u as (
           insert into upload (school_id, id, purpose, file_name, declared_size, created_by, created_at, expires_at,
                               sha256, size, content_type, stored_at)
           values ($1, gen_random_uuid(), 'DOCUMENT', '成果.pdf', $2, $3, now(), now(), $4, $2, 'application/pdf',
                   now())
           returning id),
         o as (
           insert into course_outcome (school_id, id, student_id, enrolment_id, term_id, academic_year_id, kind,
                                       status, selected_at, created_at, updated_at)
           values ($1, gen_random_uuid(), $5, $6, $7, $8, 'OTHER', 'CERTIFIED', now(), now(), now())
           returning id)
         insert into course_outcome_version (school_id, id, outcome_id, version, description, document_upload_id,
                                             status, decided_at, decided_by, created_at)
         select $1, gen_random_uuid(), o.id, 1, '壓力測試的成果', u.id, 'CERTIFIED', now(), $3, now() from o, u`,
        [
          schoolId,
          bytes.length,
          creator.rows[0]!.id,
          sha256,
          enrolment.student_id,
          enrolment.id,
          enrolment.term_id,
          yearId,
        ],
      );
    }
    await client.query('commit');
    return enrolments.rows.length;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Opens the year's COURSE_OUTCOMES submission window now, through the API: the bureau publishes a template for the
 * academic year's second term with that window, and 教學組 adopts it.
 */
async function openSubmitWindow(server: ServerProcess, year: number, key: string): Promise<void> {
  const graphql = `${server.url}/graphql`;
  const bureau = await login(graphql, 'bureau.admin', PASSWORD);
  const teaching = await login(graphql, 'sf.teaching', PASSWORD);
  const now = Date.now();
  const { publishTimelineTemplate } = await gql<{
    publishTimelineTemplate: { template: { id: string } | null; userErrors: { message: string }[] };
  }>(
    graphql,
    `mutation ($input: PublishTimelineTemplateInput!) {
      publishTimelineTemplate(input: $input) { template { id } userErrors { message } }
    }`,
    {
      input: {
        academicYear: year,
        semester: 2,
        name: `資料包壓力測試 ${key}`,
        tasks: [
          {
            kind: 'SUBMIT',
            category: 'COURSE_OUTCOMES',
            period: `${year}_0`,
            startsAt: new Date(now - 3600_000).toISOString(),
            endsAt: new Date(now + 24 * 3600_000).toISOString(),
          },
        ],
      },
    },
    bureau,
  );
  if (!publishTimelineTemplate.template) throw new Error(JSON.stringify(publishTimelineTemplate.userErrors));
  const { adoptTimelineTemplate } = await gql<{ adoptTimelineTemplate: { userErrors: { message: string }[] } }>(
    graphql,
    `mutation ($input: AdoptTimelineTemplateInput!) {
      adoptTimelineTemplate(input: $input) { userErrors { message } }
    }`,
    { input: { templateId: publishTimelineTemplate.template.id } },
    teaching,
  );
  if (adoptTimelineTemplate.userErrors.length > 0) throw new Error(JSON.stringify(adoptTimelineTemplate.userErrors));
}

/**
 * 提交 of a year's course outcomes with `files` evidence files of `fileKiB` each, on the demo school: how long the
 * package takes and how much server memory it needs. Runs several plans on one server, so the peaks can be compared:
 * the same number of files at two sizes shows whether memory follows the bytes (a package built in memory would),
 * and two numbers of files at one size what each roster row costs.
 */
export async function packageBenchmark(
  server: ServerProcess,
  plan: { files: number; fileKiB: number }[],
): Promise<PackageBenchmark> {
  const graphql = `${server.url}/graphql`;
  const year = academicYearOf(new Date());
  const owner = new pg.Client({ connectionString: await server.ownerDatabaseUrl() });
  await owner.connect();
  const { rows } = await owner
    .query<{ school_id: string; year_id: string; term_id: string }>(
      `select a.school_id, y.id as year_id, t.id as term_id
       from user_account a
       join academic_year y on y.school_id = a.school_id and y.year = $2
       join term t on t.school_id = y.school_id and t.academic_year_id = y.id and t.semester = 2
       where a.username = $1`,
      ['sf.registration', year],
    )
    .finally(() => owner.end());
  const { school_id: schoolId, year_id: yearId, term_id: termId } = rows[0]!;
  await openSubmitWindow(server, year, new Date().toISOString());
  const registration = await login(graphql, 'sf.registration', PASSWORD);
  const hwm = await resetPeak(server.pid);
  const runs: PackageRun[] = [];
  let students = 0;
  for (const { files, fileKiB } of plan) {
    students = await seedOutcomes(server, yearId, schoolId, files, fileKiB);
    if (hwm) await resetPeak(server.pid);
    const before = await memory(server.pid);
    let sampled = before.rss;
    const sampler = setInterval(() => {
      void memory(server.pid).then((now) => (sampled = Math.max(sampled, now.rss)));
    }, 100);
    const started = process.hrtime.bigint();
    const { submitTerm } = await gql<{
      submitTerm: { submission: { zipSize: number } | null; userErrors: { message: string }[] };
    }>(
      graphql,
      `mutation ($input: SubmitTermInput!) {
        submitTerm(input: $input) { submission { zipSize } userErrors { message } }
      }`,
      {
        input: {
          termId: Buffer.from(`Term:${termId}`).toString('base64url'),
          category: 'COURSE_OUTCOMES',
          idempotencyKey: `package-bench-${files}-${Date.now()}`,
        },
      },
      registration,
    ).finally(() => clearInterval(sampler));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (!submitTerm.submission) throw new Error(JSON.stringify(submitTerm.userErrors));
    const after = await memory(server.pid);
    const peak = hwm ? after.peak : Math.max(sampled, after.rss);
    runs.push({
      evidenceFiles: files,
      fileKiB,
      packageMiB: mib(submitTerm.submission.zipSize),
      seconds: Number(seconds.toFixed(1)),
      mibPerSecond: Number((submitTerm.submission.zipSize / 2 ** 20 / seconds).toFixed(1)),
      rssBeforeMiB: mib(before.rss),
      peakRssMiB: mib(peak),
      peakAboveStartMiB: mib(peak - before.rss),
    });
  }
  return { students, peakSource: hwm ? 'VmHWM' : 'VmRSS sampled', runs };
}
