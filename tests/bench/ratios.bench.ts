/**
 * `npm run bench ratios`: every ratio of issue 22 measured side by side in one run on this machine. Each HTTP row
 * runs its baseline and the platform alternately (baseline, platform, × BENCH_RATIOS_RUNS, 3 by default) at
 * concurrency 16 for BENCH_RATIOS_SECONDS each, after a warm-up of both, and reports the medians:
 *
 * 1. `{ __typename }` signed in, beside a bare Apollo Server 5 + Express 5 + type-graphql server with one constant
 *    resolver (baseline/apollo-server.ts, its own process);
 * 2. `me`, beside pgbench running the statements one `me` request sends, captured at run time from the platform's
 *    process (pgbench-capture.ts), as portfolio_app, with the same BEGIN / set_config / COMMIT;
 * 3. five pages' GraphQL documents (the client's generated ones), each beside ONE hand-written SQL statement behind
 *    Express 5 with the same session lookup and transaction envelope (baseline/sql-server.ts, baseline/page-sql.ts),
 *    after checking once that both answer with as many rows in the page's main lists;
 * 4. the bureau's table, the alert fan-out and the deadline rush's memory, by the existing benchmarks' functions,
 *    each on its own fresh server (skipped with BENCH_RATIOS_ONLY=http).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { print, type DocumentNode } from 'graphql';
import pg from 'pg';
import {
  CertificationPageDocument,
  HomeroomPageDocument,
  OutcomesPageDocument,
  ReceiptsPageDocument,
  SelectionPageDocument,
} from '../../client/src/gql/graphql.js';
import { derivedAppPassword } from '../../api/src/db/connections.js';
import { alertFanoutBenchmark } from './alert-fanout.bench.js';
import { cityStatsBenchmark } from './city-stats.bench.js';
import { deadlineRushBenchmark } from './deadline-rush.bench.js';
import { gql, login } from './graphql-http.js';
import { runLoad, type LoadResult } from './load.js';
import {
  captureEnvironment,
  captureStatements,
  pgbenchScript,
  runPgbench,
  APP_ROLE,
  type CapturedStatement,
  type PgbenchResult,
} from './pgbench-capture.js';
import type { PageName } from './baseline/page-sql.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const PASSWORD = 'demo1234';
const STUDENT = 'sf.s101001';
/** The query of me-query.bench.ts. */
const ME_QUERY =
  '{ me { id displayName roleLabels school { displayName } currentTerm { label } student { studentNumber } } }';

export interface RatiosOptions {
  repoRoot: string;
  /** Rows 1–3 only (BENCH_RATIOS_ONLY=http). */
  httpOnly: boolean;
  runs: number;
  concurrency: number;
  /** Length of each measured run of each side. */
  seconds: number;
  warmupSeconds: number;
  cityScale: number;
  subscribers: number;
  rushStudents: number;
  rushFileMiB: number;
}

export function ratiosOptionsFromEnv(repoRoot: string): RatiosOptions {
  const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  return {
    repoRoot,
    httpOnly: ['http', '1-3', 'rows-1-3'].includes(process.env.BENCH_RATIOS_ONLY ?? ''),
    runs: number('BENCH_RATIOS_RUNS', 3),
    concurrency: number('BENCH_RATIOS_CONCURRENCY', 16),
    seconds: number('BENCH_RATIOS_SECONDS', 6),
    warmupSeconds: number('BENCH_RATIOS_WARMUP_SECONDS', 2),
    cityScale: number('BENCH_CITY_SCALE', 0.02),
    subscribers: number('BENCH_SUBSCRIBERS', 2000),
    rushStudents: number('BENCH_STUDENTS', 500),
    rushFileMiB: number('BENCH_FILE_MB', 4),
  };
}

/** One side's runs and their medians. */
interface Side {
  name: string;
  runs: { requestsPerSecond: number; p50Ms: number; p99Ms: number; requests: number; errors: number }[];
  medianRequestsPerSecond: number;
  medianP50Ms: number;
  errors: number;
}

export interface RatioRow {
  row: number;
  what: string;
  baseline: string;
  platform: string;
  ratio: string;
  goal: string;
  met: boolean | null;
  note?: string;
  details?: Record<string, unknown>;
}

export interface RatiosReport {
  benchmark: 'ratios';
  at: string;
  machine: Record<string, unknown>;
  method: Record<string, unknown>;
  rows: RatioRow[];
}

const median = (values: number[]): number => {
  const sorted = [...values].filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const percent = (value: number) => `${round(value * 100)} %`;
const rate = (value: number) => `${round(value)} req/s`;

function side(name: string, runs: LoadResult[]): Side {
  return {
    name,
    runs: runs.map(({ requestsPerSecond, p50Ms, p99Ms, requests, errors }) => ({
      requestsPerSecond,
      p50Ms,
      p99Ms,
      requests,
      errors,
    })),
    medianRequestsPerSecond: round(median(runs.map((run) => run.requestsPerSecond))),
    medianP50Ms: round(median(runs.map((run) => run.p50Ms)), 2),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
}

/** POST a JSON body; ok when the answer is 200 with data and no errors. */
async function post(url: string, body: string, token?: string): Promise<boolean> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const json = (await response.json()) as { data?: unknown; errors?: unknown[] };
  return response.ok && !json.errors && json.data !== undefined && json.data !== null;
}

/** A child process of this benchmark that prints `listening <port>` once it serves. */
async function startChild(
  script: string,
  env: Record<string, string>,
): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: path.resolve(here, '..', '..'),
    env: { ...process.env, NODE_ENV: 'production', TSX_TSCONFIG_PATH: path.join(here, '..', 'tsconfig.json'), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) while starting`)));
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Warm both sides up, then alternate baseline and platform `runs` times. */
async function alternate(
  options: RatiosOptions,
  baseline: { name: string; send: () => Promise<boolean> },
  platform: { name: string; send: () => Promise<boolean> },
): Promise<{ baseline: Side; platform: Side }> {
  const load = (name: string, send: () => Promise<boolean>, seconds: number) =>
    runLoad(name, send, {
      requests: Number.POSITIVE_INFINITY,
      concurrency: options.concurrency,
      warmup: 0,
      maxSeconds: seconds,
    });
  await load(baseline.name, baseline.send, options.warmupSeconds);
  await load(platform.name, platform.send, options.warmupSeconds);
  const baselineRuns: LoadResult[] = [];
  const platformRuns: LoadResult[] = [];
  for (let run = 0; run < options.runs; run += 1) {
    baselineRuns.push(await load(baseline.name, baseline.send, options.seconds));
    platformRuns.push(await load(platform.name, platform.send, options.seconds));
    console.log(
      `  run ${run + 1}: ${baseline.name} ${baselineRuns.at(-1)!.requestsPerSecond} req/s, ` +
        `${platform.name} ${platformRuns.at(-1)!.requestsPerSecond} req/s`,
    );
  }
  return { baseline: side(baseline.name, baselineRuns), platform: side(platform.name, platformRuns) };
}

/** The platform's label tables, read from the built API (its enum modules carry decorators tsx does not compile). */
async function labelTables(repoRoot: string): Promise<Record<string, Record<string, string>>> {
  const dist = (file: string) => import(pathToFileURL(path.join(repoRoot, 'api/dist', file)).href);
  const performance = (await dist('common/performance-category.js')) as {
    PERFORMANCE_CATEGORY_LABELS: Record<string, string>;
  };
  const people = (await dist('modules/people/people.enums.js')) as { STUDENT_STATUS_LABELS: Record<string, string> };
  const receipts = (await dist('modules/round/central/receipt-format.js')) as {
    RECEIPT_KINDS: Record<string, { label: string }>;
  };
  return {
    performanceCategory: performance.PERFORMANCE_CATEGORY_LABELS,
    studentStatus: people.STUDENT_STATUS_LABELS,
    receiptKind: Object.fromEntries(Object.entries(receipts.RECEIPT_KINDS).map(([kind, spec]) => [kind, spec.label])),
  };
}

/** portfolio_app's URL on the server's embedded database: the password the platform derives from its PII key. */
async function appDatabaseUrl(server: ServerProcess): Promise<string> {
  const url = new URL(await server.ownerDatabaseUrl());
  url.username = APP_ROLE;
  url.password = derivedAppPassword((await readFile(path.join(server.dataDir, 'pii.key'), 'utf8')).trim());
  return url.toString();
}

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

interface PageCase {
  name: PageName;
  what: string;
  user: string;
  document: DocumentNode;
  /** The page's variables as the client sends them. */
  variables: (ids: { currentTermId: string; previousTermId: string; studentId: string }) => Json;
  /** Row counts of the page's main lists, from the `data` of either side. */
  counts: (data: Json) => Record<string, number>;
}

const PAGES: PageCase[] = [
  {
    name: 'outcomes',
    what: '我的學習成果 (OutcomesPage), student',
    user: STUDENT,
    document: OutcomesPageDocument,
    variables: (ids) => ({ termId: ids.currentTermId }),
    counts: (data) => {
      const enrolments = list(((data.me as Json | null)?.student as Json | null)?.enrolments);
      const outcomes = enrolments.flatMap((enrolment) => list(enrolment.outcomes));
      return {
        enrolments: enrolments.length,
        outcomes: outcomes.length,
        versions: sum(outcomes.map((outcome) => list(outcome.versions).length)),
      };
    },
  },
  {
    name: 'selection',
    what: '勾選 (SelectionPage), student, previous term',
    user: 'sf.s202001',
    document: SelectionPageDocument,
    variables: (ids) => ({ termId: ids.previousTermId }),
    counts: (data) => ({
      performances: list(((data.me as Json | null)?.student as Json | null)?.performances).length,
      terms: list((data.terms as Json | null)?.nodes).length,
    }),
  },
  {
    name: 'receipts',
    what: '收訖明細確認 (ReceiptsPage), student, previous term',
    user: 'sf.s202001',
    document: ReceiptsPageDocument,
    variables: (ids) => ({ studentId: ids.studentId, termId: ids.previousTermId }),
    counts: (data) => {
      const rows = list(data.studentReceiptRows);
      return { rows: rows.length, disputes: rows.filter((row) => row.dispute).length };
    },
  },
  {
    name: 'certification',
    what: '認證 queue (CertificationPage, PENDING), teacher',
    user: 'sf.teacher',
    document: CertificationPageDocument,
    variables: () => ({ status: 'PENDING' }),
    counts: (data) => {
      const waits = list(data.certificationQueue).map((item) => (item.certificationWait ?? {}) as Json);
      return {
        outcomes: waits.length,
        waitDays: sum(waits.map((wait) => Number(wait.days ?? 0))),
        routed: waits.filter((wait) => wait.routed === true).length,
        notes: waits.filter((wait) => typeof wait.note === 'string').length,
      };
    },
  },
  {
    name: 'homeroom',
    what: '我的班級 (HomeroomPage), homeroom teacher',
    user: 'sf.homeroom',
    document: HomeroomPageDocument,
    variables: () => ({}),
    counts: (data) => {
      const classes = list((data.me as Json | null)?.homeroomClasses);
      const students = classes.flatMap((schoolClass) => list(schoolClass.students));
      return {
        classes: classes.length,
        students: students.length,
        enrolments: sum(students.map((student) => list(student.enrolments).length)),
        cadreRecords: sum(students.map((student) => list(student.cadreRecords).length)),
      };
    },
  },
];

async function fetchJson(url: string, body: unknown, token: string): Promise<Json> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Json;
  if (!response.ok || json.errors || !json.data)
    throw new Error(`${url}: ${response.status} ${JSON.stringify(json).slice(0, 500)}`);
  return json.data as Json;
}

/** Row 1: `{ __typename }` signed in, beside the bare Apollo server. */
async function typenameRow(options: RatiosOptions, graphql: string, token: string): Promise<RatioRow> {
  const apollo = await startChild(path.join(here, 'baseline', 'apollo-server.ts'), {});
  try {
    const body = JSON.stringify({ query: '{ __typename }' });
    const { baseline, platform } = await alternate(
      options,
      { name: 'bare Apollo', send: () => post(`${apollo.url}/graphql`, body, token) },
      { name: 'platform', send: () => post(graphql, body, token) },
    );
    const ratio = platform.medianRequestsPerSecond / baseline.medianRequestsPerSecond;
    return {
      row: 1,
      what: '`{ __typename }` with a bearer token',
      baseline: `bare Apollo Server 5 + Express 5 + type-graphql, one constant resolver: ${rate(baseline.medianRequestsPerSecond)}`,
      platform: rate(platform.medianRequestsPerSecond),
      ratio: percent(ratio),
      goal: '≥ 60 %',
      met: ratio >= 0.6,
      note: errorsNote(baseline, platform),
      details: {
        baseline,
        platform,
        p50RatioPlatformToBaseline: round(platform.medianP50Ms / baseline.medianP50Ms, 2),
      },
    };
  } finally {
    await apollo.stop();
  }
}

function errorsNote(baseline: Side, platform: Side): string | undefined {
  const errors = baseline.errors + platform.errors;
  return errors > 0 ? `errors: baseline ${baseline.errors}, platform ${platform.errors}` : undefined;
}

/** Row 2: `me`, beside pgbench running the statements one `me` request sends. */
async function meRow(
  options: RatiosOptions,
  server: ServerProcess,
  captureFile: string,
  graphql: string,
  token: string,
): Promise<RatioRow> {
  const body = JSON.stringify({ query: ME_QUERY });
  // Warm the platform first, so the capture sees a request like the measured ones (no first-time lookups).
  for (let i = 0; i < 20; i += 1) await post(graphql, body, token);
  const captured: CapturedStatement[] = await captureStatements(server.pid, captureFile, () =>
    post(graphql, body, token),
  );
  const script = pgbenchScript(captured);
  const appStatements = captured.filter((statement) => statement.user === APP_ROLE);
  const otherStatements = captured.length - appStatements.length;
  const base = {
    row: 2,
    what: '`me` (signed-in student)',
    goal: 'platform ≥ 40 % of pgbench',
    details: {
      statements: appStatements.length,
      connections: new Set(appStatements.map((statement) => statement.connection)).size,
      otherLoginsStatements: otherStatements,
      script,
    } as Record<string, unknown>,
  };
  const url = await appDatabaseUrl(server);
  const scriptFile = path.join(server.dataDir, 'me-pgbench.sql');
  const pgbench = (seconds: number) =>
    runPgbench({ url, script, scriptFile, seconds, clients: options.concurrency, threads: 2 });
  const warm = await pgbench(options.warmupSeconds);
  if (!warm.available) {
    // The platform's side is still measured, so the row shows what it can.
    const platform = await runLoad('me', () => post(graphql, body, token), {
      requests: Number.POSITIVE_INFINITY,
      concurrency: options.concurrency,
      warmup: 0,
      maxSeconds: options.seconds,
    });
    return {
      ...base,
      baseline: `pgbench not run: ${warm.reason}`,
      platform: rate(platform.requestsPerSecond),
      ratio: '—',
      met: null,
      details: { ...base.details, platform },
    };
  }
  const pgbenchRuns: Extract<PgbenchResult, { available: true }>[] = [];
  const platformRuns: LoadResult[] = [];
  for (let run = 0; run < options.runs; run += 1) {
    const result = await pgbench(options.seconds);
    if (result.available) pgbenchRuns.push(result);
    platformRuns.push(
      await runLoad('me', () => post(graphql, body, token), {
        requests: Number.POSITIVE_INFINITY,
        concurrency: options.concurrency,
        warmup: 0,
        maxSeconds: options.seconds,
      }),
    );
    console.log(
      `  run ${run + 1}: pgbench ${pgbenchRuns.at(-1)?.tps} tps, platform ${platformRuns.at(-1)!.requestsPerSecond} req/s`,
    );
  }
  const tps = round(median(pgbenchRuns.map((result) => result.tps)));
  const platform = side('platform', platformRuns);
  const ratio = platform.medianRequestsPerSecond / tps;
  const failed = sum(pgbenchRuns.map((result) => result.failed));
  return {
    ...base,
    baseline: `its own ${appStatements.length} SQL statements sent by pgbench: ${round(tps)} tps`,
    platform: rate(platform.medianRequestsPerSecond),
    ratio: percent(ratio),
    met: ratio >= 0.4,
    note:
      failed > 0 || platform.errors > 0 ? `pgbench failed ${failed}, platform errors ${platform.errors}` : undefined,
    details: { ...base.details, pgbench: pgbenchRuns, platform },
  };
}

/** Rows 3: each page beside its hand-written SQL behind Express. */
async function pageRows(options: RatiosOptions, server: ServerProcess, graphql: string): Promise<RatioRow[]> {
  const sqlServer = await startChild(path.join(here, 'baseline', 'sql-server.ts'), {
    DATABASE_APP_URL: await appDatabaseUrl(server),
    PAGE_LABELS: JSON.stringify(await labelTables(options.repoRoot)),
    POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '20',
  });
  const rows: RatioRow[] = [];
  try {
    for (const page of PAGES) {
      console.log(`\n${page.what}`);
      try {
        const token = await login(graphql, page.user, PASSWORD);
        const { me, terms } = await gql<{
          me: { currentTerm: { id: string } | null; student: { id: string } | null };
          terms: { nodes: { id: string }[] };
        }>(graphql, '{ me { currentTerm { id } student { id } } terms(first: 100) { nodes { id } } }', {}, token);
        const currentIndex = terms.nodes.findIndex((term) => term.id === me.currentTerm?.id);
        const ids = {
          currentTermId: me.currentTerm?.id ?? '',
          previousTermId: terms.nodes[Math.max(0, currentIndex - 1)]?.id ?? '',
          studentId: me.student?.id ?? '',
        };
        const variables = page.variables(ids);
        const platformBody = { query: print(page.document), variables };
        const baselineUrl = `${sqlServer.url}/page/${page.name}`;
        const platformCounts = page.counts(await fetchJson(graphql, platformBody, token));
        const baselineCounts = page.counts(await fetchJson(baselineUrl, variables, token));
        const countsAgree = JSON.stringify(platformCounts) === JSON.stringify(baselineCounts);
        const empty = Object.values(platformCounts).every((count) => count === 0);
        const platformText = JSON.stringify(platformBody);
        const baselineText = JSON.stringify(variables);
        const { baseline, platform } = await alternate(
          options,
          { name: 'hand-written SQL', send: () => post(baselineUrl, baselineText, token) },
          { name: 'platform', send: () => post(graphql, platformText, token) },
        );
        const p50Ratio = platform.medianP50Ms / baseline.medianP50Ms;
        const rpsRatio = platform.medianRequestsPerSecond / baseline.medianRequestsPerSecond;
        const notes = [
          countsAgree
            ? null
            : `ROW COUNTS DIFFER: platform ${JSON.stringify(platformCounts)}, SQL ${JSON.stringify(baselineCounts)}`,
          empty ? 'the page is empty in the demo data' : null,
          errorsNote(baseline, platform),
        ].filter((note): note is string => note !== null && note !== undefined);
        rows.push({
          row: 3,
          what: page.what,
          baseline:
            `one hand-written SQL statement behind Express, same RLS envelope: ${rate(baseline.medianRequestsPerSecond)},` +
            ` p50 ${baseline.medianP50Ms} ms`,
          platform: `${rate(platform.medianRequestsPerSecond)}, p50 ${platform.medianP50Ms} ms`,
          ratio: `p50 ${round(p50Ratio, 2)}× (req/s ${percent(rpsRatio)})`,
          goal: 'p50 ≤ 2× the SQL',
          met: countsAgree && p50Ratio <= 2,
          note: notes.length > 0 ? notes.join('; ') : undefined,
          details: {
            user: page.user,
            variables,
            counts: platformCounts,
            countsAgree,
            baselineCounts,
            baseline,
            platform,
          },
        });
      } catch (error) {
        rows.push(failedRow(3, page.what, 'p50 ≤ 2× the SQL', error));
      }
    }
  } finally {
    await sqlServer.stop();
  }
  return rows;
}

function failedRow(row: number, what: string, goal: string, error: unknown): RatioRow {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`  ${what} failed: ${message}`);
  return {
    row,
    what,
    baseline: '—',
    platform: '—',
    ratio: '—',
    goal,
    met: false,
    note: `failed: ${message.slice(0, 300)}`,
  };
}

/** A number from a result whose shape another helper may change: the first path that holds a finite number. */
function numberAt(value: unknown, ...paths: string[]): number | null {
  for (const dotted of paths) {
    let current: unknown = value;
    for (const key of dotted.split('.')) current = (current as Record<string, unknown> | null | undefined)?.[key];
    if (typeof current === 'number' && Number.isFinite(current)) return current;
  }
  return null;
}

/** Row 4: the bureau's table, by city-stats.bench.ts on a fresh server. */
async function cityRow(options: RatiosOptions): Promise<RatioRow> {
  const what = `the bureau's table (cityCohortStatistics) at scale ${options.cityScale}`;
  const goal = 'p50 ≤ 20 ms and ≥ 100× the naive recount (full scale)';
  const server = await startServerProcess();
  try {
    const result = await cityStatsBenchmark(server, {
      repoRoot: options.repoRoot,
      scale: options.cityScale,
      samples: 50,
      uploads: Math.max(100, Math.round(10_000 * options.cityScale)),
      concurrency: 8,
    });
    const p50 = numberAt(result, 'graphql.p50Ms');
    const naive = numberAt(result, 'naiveRecount.p50Ms');
    const exact = (result as { afterUploads?: { exact?: unknown } }).afterUploads?.exact;
    const speedup = p50 !== null && naive !== null && p50 > 0 ? naive / p50 : null;
    return {
      row: 4,
      what,
      baseline: naive === null ? '—' : `naive GROUP BY recount: p50 ${naive} ms`,
      platform: p50 === null ? '—' : `p50 ${p50} ms`,
      ratio: speedup === null ? '—' : `${round(speedup)}× faster`,
      goal,
      met: p50 !== null && speedup !== null ? p50 <= 20 && speedup >= 100 && exact !== false : null,
      note:
        [exact === false ? 'NOT EXACT after the uploads' : null, options.cityScale < 1 ? 'below full scale' : null]
          .filter(Boolean)
          .join('; ') || undefined,
      details: { result: { ...result, shown: undefined } },
    };
  } catch (error) {
    return failedRow(4, what, goal, error);
  } finally {
    await server.stop();
  }
}

/** Row 4: the alert fan-out, by alert-fanout.bench.ts on a fresh server. */
async function fanoutRow(options: RatiosOptions): Promise<RatioRow> {
  const what = `alert fan-out to ${options.subscribers.toLocaleString('en')} idle subscribers`;
  const goal = '≤ 20 KiB per subscriber and p99 ≤ 1 s';
  const server = await startServerProcess({ WS_MAX_SOCKETS_PER_SESSION: String(options.subscribers) });
  try {
    const result = await alertFanoutBenchmark(server, options.subscribers);
    const perConnection = numberAt(result, 'rssPerConnectionKiB');
    const p99 = numberAt(result, 'deliveryP99Ms');
    const delivered = numberAt(result, 'delivered');
    return {
      row: 4,
      what,
      baseline: '—',
      platform: `${perConnection ?? '—'} KiB per subscriber, p99 ${p99 ?? '—'} ms, ${delivered ?? '—'} delivered`,
      ratio: '—',
      goal,
      met:
        perConnection !== null && p99 !== null
          ? perConnection <= 20 && p99 <= 1000 && delivered === options.subscribers
          : null,
      note: options.subscribers < 10_000 ? 'fewer than the goal’s 10,000 subscribers (BENCH_SUBSCRIBERS)' : undefined,
      details: { result },
    };
  } catch (error) {
    return failedRow(4, what, goal, error);
  } finally {
    await server.stop();
  }
}

/** Row 4: the deadline rush's memory, by deadline-rush.bench.ts on a fresh server. */
async function rushRow(options: RatiosOptions): Promise<RatioRow> {
  const what = `deadline rush: ${options.rushStudents} students log in and upload ${options.rushFileMiB} MiB at once`;
  const goal = 'server RSS growth ≤ 100 MiB';
  const server = await startServerProcess();
  try {
    const result = await deadlineRushBenchmark(server, {
      students: options.rushStudents,
      concurrency: options.rushStudents,
      fileMiB: options.rushFileMiB,
    });
    const start = numberAt(result, 'rss.rushStartMiB');
    const peak = numberAt(result, 'rss.rushPeakHwmMiB', 'rss.rushPeakSampledMiB');
    const growth = start !== null && peak !== null ? round(peak - start) : null;
    const errors = numberAt(result, 'errors.count') ?? 0;
    return {
      row: 4,
      what,
      baseline: '—',
      platform: growth === null ? '—' : `RSS ${start} → peak ${peak} MiB: +${growth} MiB`,
      ratio: '—',
      goal,
      met: growth === null ? null : growth <= 100 && errors === 0,
      note: errors > 0 ? `${errors} errors in the rush` : undefined,
      details: {
        rss: (result as { rss?: unknown }).rss,
        rush: { ...result.rush, steps: undefined },
        errors: result.errors,
      },
    };
  } catch (error) {
    return failedRow(4, what, goal, error);
  } finally {
    await server.stop();
  }
}

export async function ratiosBenchmark(options: RatiosOptions, machine: Record<string, unknown>): Promise<RatiosReport> {
  const at = new Date().toISOString();
  const loadAverageAtStart = os.loadavg().map((value) => round(value, 2));
  const captureFile = path.join(os.tmpdir(), `ratios-capture-${process.pid}.json`);
  const rows: RatioRow[] = [];
  let postgres = '';
  const server = await startServerProcess(captureEnvironment(captureFile));
  try {
    const owner = new pg.Client({ connectionString: await server.ownerDatabaseUrl() });
    await owner.connect();
    postgres = (await owner.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]!.v;
    await owner.end();
    const graphql = `${server.url}/graphql`;
    const token = await login(graphql, STUDENT, PASSWORD);
    console.log('\n{ __typename } signed in: bare Apollo vs platform');
    try {
      rows.push(await typenameRow(options, graphql, token));
    } catch (error) {
      rows.push(failedRow(1, '`{ __typename }` with a bearer token', '≥ 60 %', error));
    }
    console.log('\nme: pgbench vs platform');
    try {
      rows.push(await meRow(options, server, captureFile, graphql, token));
    } catch (error) {
      rows.push(failedRow(2, '`me` (signed-in student)', 'platform ≥ 40 % of pgbench', error));
    }
    rows.push(...(await pageRows(options, server, graphql)));
  } finally {
    await server.stop();
    await rm(captureFile, { force: true });
  }
  if (!options.httpOnly) {
    console.log('\nthe bureau’s table');
    rows.push(await cityRow(options));
    console.log('\nalert fan-out');
    rows.push(await fanoutRow(options));
    console.log('\ndeadline rush');
    rows.push(await rushRow(options));
  }
  return {
    benchmark: 'ratios',
    at,
    machine: {
      ...machine,
      postgres,
      loadAverageAtStart,
      loadAverageAtEnd: os.loadavg().map((value) => round(value, 2)),
    },
    method: {
      runs: options.runs,
      alternated: 'baseline, platform, baseline, platform, …; medians of the runs',
      concurrency: options.concurrency,
      secondsPerRun: options.seconds,
      warmupSeconds: options.warmupSeconds,
      httpOnly: options.httpOnly,
      cityScale: options.httpOnly ? null : options.cityScale,
      subscribers: options.httpOnly ? null : options.subscribers,
      rush: options.httpOnly ? null : { students: options.rushStudents, fileMiB: options.rushFileMiB },
    },
    rows,
  };
}

const cell = (text: string | undefined) => (text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The report as Markdown: the table, then the machine and the method. */
export function ratiosMarkdown(report: RatiosReport): string {
  const machine = report.machine;
  const lines = [
    `# Issue 22 ratios, ${report.at}`,
    '',
    '| # | What | Baseline in the same run | This platform | Ratio | Goal | Met? |',
    '|---|---|---|---|---|---|---|',
    ...report.rows.map(
      (row) =>
        `| ${row.row} | ${cell(row.what)} | ${cell(row.baseline)} | ${cell(row.platform)} | ${cell(row.ratio)} | ` +
        `${cell(row.goal)} | ${row.met === null ? '—' : row.met ? 'yes' : 'no'}${row.note ? ` (${cell(row.note)})` : ''} |`,
    ),
    '',
    `Machine: ${machine.cpus} CPUs (${machine.model}), ${machine.memoryGiB} GiB, Node ${machine.node}, ` +
      `PostgreSQL ${machine.postgres}; load average at start ${(machine.loadAverageAtStart as number[]).join(' / ')}, ` +
      `at end ${(machine.loadAverageAtEnd as number[]).join(' / ')}.`,
    '',
    `Method: ${report.method.runs} alternated runs of ${report.method.secondsPerRun} s per side (baseline, platform, …)` +
      ` after ${report.method.warmupSeconds} s of warm-up each, concurrency ${report.method.concurrency}, medians;` +
      ' load generator, servers and PostgreSQL share the machine.',
    '',
  ];
  return lines.join('\n');
}
