import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { RECOUNT_BY_COHORT_SQL, type RecountRow } from '../../api/src/modules/statistics/recount.js';
import { gql, login } from './graphql-http.js';
import type { ServerProcess } from './server-process.js';

const COHORT_QUERY = `{ cityCohortStatistics { asOf rows { cohort schools students uploaders nonUploaders uploadRatePct
  outcomesUploaded outcomesPerUploader outcomesCertified performancesUploaded counselingRecords }
  total { cohort schools students uploaders nonUploaders uploadRatePct outcomesUploaded outcomesPerUploader
  outcomesCertified performancesUploaded counselingRecords } } }`;

interface Row {
  cohort: number | null;
  schools: number;
  students: number;
  uploaders: number;
  nonUploaders: number;
  uploadRatePct: number;
  outcomesUploaded: number;
  outcomesPerUploader: number;
  outcomesCertified: number;
  performancesUploaded: number;
  counselingRecords: number;
}

/** A row in the CSV's own form (column order and two-decimal text), to compare with the file character for character. */
const asCsv = (row: Row): string =>
  [
    row.cohort ?? 'total',
    row.schools,
    row.students,
    row.uploaders,
    row.nonUploaders,
    row.uploadRatePct.toFixed(2),
    row.outcomesUploaded,
    row.outcomesPerUploader.toFixed(2),
    row.outcomesCertified,
    row.performancesUploaded,
    row.counselingRecords,
  ].join(',');

const recountAsCsv = (row: RecountRow): string => {
  const students = Number(row.students);
  const uploaders = Number(row.uploaders);
  const outcomes = Number(row.outcomes);
  return [
    row.cohort ?? 'total',
    row.schools,
    students,
    uploaders,
    students - uploaders,
    (Math.round((uploaders * 10000) / students) / 100).toFixed(2),
    outcomes,
    (Math.round((outcomes * 100) / uploaders) / 100).toFixed(2),
    Number(row.certified_outcomes),
    Number(row.performances),
    Number(row.counseling_records),
  ].join(',');
};

function percentiles(samples: number[]): { p50Ms: number; p99Ms: number; samples: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return { p50Ms: Number(at(50).toFixed(1)), p99Ms: Number(at(99).toFixed(1)), samples: sorted.length };
}

async function time(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

export interface CityStatsResult {
  scale: number;
  generator: Record<string, unknown>;
  databaseMiB: number;
  matchesCsv: boolean | null;
  shown: string[];
  graphql: { p50Ms: number; p99Ms: number; samples: number };
  naiveRecount: { p50Ms: number; p99Ms: number; samples: number };
  /** The naive recount's p50 over the GraphQL cohort table's p50, both from this run (issue 22: at least 100). */
  naiveOverGraphql: number;
  /** stats_city_cohorts() alone in SQL, as the bureau (the GraphQL figure adds HTTP, the session and the resolver). */
  sqlFunction: { p50Ms: number; p99Ms: number; samples: number };
  newUploads: { count: number; seconds: number; perSecond: number; concurrency: number };
  afterUploads: {
    exact: boolean;
    outcomesAdded: number;
    graphql: { p50Ms: number; p99Ms: number; samples: number };
  };
}

/**
 * The bureau's table at city scale: generate the city into the server's database (the built `dataset:city`
 * command, timed), check the GraphQL cohort table against the CSV, time it beside the naive GROUP BY recount, then
 * write 10,000 new outcome uploads the way a request does (portfolio_app, the school's tenant settings, one
 * transaction each, several at once, so the triggers run) and check the table equals the recount again.
 */
export async function cityStatsBenchmark(
  server: ServerProcess,
  options: { repoRoot: string; scale: number; samples: number; uploads: number; concurrency: number },
): Promise<CityStatsResult> {
  const ownerUrl = await server.ownerDatabaseUrl();
  const password = 'bench-bureau-password';
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      path.join(options.repoRoot, 'api/dist/scripts/dataset-city.js'),
      '--scale',
      String(options.scale),
      '--prefix',
      'TP',
    ],
    {
      env: { ...process.env, DATABASE_URL: ownerUrl, DATA_DIR: server.dataDir, DATASET_BUREAU_PASSWORD: password },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const generator = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown> & {
    authorityId: string;
    bureau: { username: string };
    databaseBytes: number;
  };
  const token = await login(`${server.url}/graphql`, generator.bureau.username, password);
  const query = () =>
    gql<{ cityCohortStatistics: { rows: Row[]; total: Row } }>(`${server.url}/graphql`, COHORT_QUERY, {}, token);

  const table = (await query()).cityCohortStatistics;
  const shown = [...table.rows, table.total].map(asCsv);
  // Only the full-scale city is the bureau's table: below it there is nothing to compare, and no file is needed.
  const matchesCsv =
    options.scale === 1 ? JSON.stringify(shown) === JSON.stringify(await bureauTable(options.repoRoot)) : null;

  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    // The recount's placeholders are the ORM's (?): the authority, then the school (null: all) twice.
    let placeholder = 0;
    const recountSql = RECOUNT_BY_COHORT_SQL.replace(/\?/g, () => (++placeholder === 1 ? '$1' : '$2'));
    const recount = async () => (await owner.query<RecountRow>(recountSql, [generator.authorityId, null])).rows;
    const graphqlSamples = await time(options.samples, query);
    const recountSamples = await time(Math.max(3, Math.round(options.samples / 10)), recount);
    // The bureau's function in SQL alone: as portfolio_app with the bureau's authority and no school set.
    const sqlSamples = await time(options.samples, async () => {
      await owner.query('begin');
      try {
        await owner.query('set local role portfolio_app');
        await owner.query("select set_config('app.authority_id', $1, true)", [generator.authorityId]);
        await owner.query('select * from stats_city_cohorts()');
      } finally {
        await owner.query('rollback');
      }
    });

    // 10,000 new uploads: an upload slot with its stored file and a new outcome (version 1) for an enrolment of a
    // random student of the city, each in its own transaction as portfolio_app with the school's tenant set.
    const targets = (
      await owner.query<{ school_id: string; student_id: string; enrolment_id: string; term_id: string; academic_year_id: string; created_by: string }>(
        `select e.school_id, e.student_id, e.id as enrolment_id, c.term_id, t.academic_year_id,
                a.id as created_by
         from enrolment e
         join (select distinct on (school_id) school_id, id from user_account
               where 'SCHOOL_ADMIN' = any(roles) order by school_id, id) a on a.school_id = e.school_id
         join course_section s on s.school_id = e.school_id and s.id = e.section_id
         join course c on c.school_id = s.school_id and c.id = s.course_id
         join term t on t.school_id = c.school_id and t.id = c.term_id
         join school sc on sc.id = e.school_id
         where sc.authority_id = $1
         order by hashtext(e.id::text) limit $2`,
        [generator.authorityId, options.uploads],
      )
    ).rows; // prettier-ignore
    const pool = new pg.Pool({ connectionString: ownerUrl, max: options.concurrency });
    const sha = (await owner.query<{ sha256: string }>('select sha256 from upload where sha256 is not null limit 1'))
      .rows[0]!.sha256;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        const client = await pool.connect();
        try {
          while (next < targets.length) {
            const target = targets[next++]!;
            await client.query('begin');
            await client.query('set local role portfolio_app');
            await client.query("select set_config('app.school_id', $1, true)", [target.school_id]);
            await client.query(
              `with slot as (
                 insert into upload (school_id, id, purpose, file_name, declared_size, created_by, created_at,
                                     expires_at, sha256, size, content_type, stored_at)
                 values ($1, gen_random_uuid(), 'DOCUMENT', 'bench.pdf', 60, $6, now(), now(), $7, 60,
                         'application/pdf', now())
                 returning id
               ), outcome as (
                 insert into course_outcome (school_id, id, student_id, enrolment_id, term_id, academic_year_id, kind,
                                             status, created_at, updated_at)
                 values ($1, gen_random_uuid(), $2, $3, $4, $5, 'OTHER', 'PENDING', now(), now())
                 returning id
               )
               insert into course_outcome_version (school_id, id, outcome_id, version, description,
                                                   document_upload_id, status, created_at)
               select $1, gen_random_uuid(), outcome.id, 1, '壓力測試', slot.id, 'PENDING', now() from outcome, slot`,
              [target.school_id, target.student_id, target.enrolment_id, target.term_id, target.academic_year_id, target.created_by, sha],
            ); // prettier-ignore
            await client.query('commit');
          }
        } finally {
          client.release();
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    await pool.end();

    const after = (await query()).cityCohortStatistics;
    const afterShown = [...after.rows, after.total].map(asCsv);
    const recounted = (await recount()).map(recountAsCsv);
    const afterSamples = await time(options.samples, query);
    return {
      scale: options.scale,
      generator,
      databaseMiB: Math.round(generator.databaseBytes / 2 ** 20),
      matchesCsv,
      shown,
      graphql: percentiles(graphqlSamples),
      naiveRecount: percentiles(recountSamples),
      naiveOverGraphql: Number((percentiles(recountSamples).p50Ms / percentiles(graphqlSamples).p50Ms).toFixed(1)),
      sqlFunction: percentiles(sqlSamples),
      newUploads: {
        count: targets.length,
        seconds: Number(seconds.toFixed(2)),
        perSecond: Math.round(targets.length / seconds),
        concurrency: options.concurrency,
      },
      afterUploads: {
        exact: JSON.stringify(afterShown) === JSON.stringify(recounted),
        outcomesAdded: after.total.outcomesUploaded - table.total.outcomesUploaded,
        graphql: percentiles(afterSamples),
      },
    };
  } finally {
    await owner.end();
  }
}

const BUREAU_TABLE = '../shared/data/taipei-cohort-stats-112-08-25.csv';

/** The rows of the bureau's 112/08/25 table, which scale 1 must reproduce; a clear message when the file is not there. */
async function bureauTable(repoRoot: string): Promise<string[]> {
  const file = path.join(repoRoot, BUREAU_TABLE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(
      `The full-scale city is compared with the bureau's table ${file}, which is not there. It comes with the ` +
        `shared reference data beside the repository (../shared/data/); run a smaller --scale to skip the comparison.`,
    );
  }
  return text.trim().split('\n').slice(1);
}
