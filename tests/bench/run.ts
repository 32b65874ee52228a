// npm run bench: builds the API, runs every benchmark against a real server process, writes JSON to bench-results/.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { alertFanoutBenchmark } from './alert-fanout.bench.js';
import { cityStatsBenchmark } from './city-stats.bench.js';
import { clusterBenchmark, clusterSummary } from './cluster.bench.js';
import { deadlineRushBenchmark, type RushResult } from './deadline-rush.bench.js';
import { importBenchmark } from './import.bench.js';
import { meQueryBenchmark } from './me-query.bench.js';
import { packageBenchmark } from './package.bench.js';
import { startServerProcess } from './server-process.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDir = path.join(repoRoot, 'bench-results');

execFileSync(
  process.execPath,
  [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'api/tsconfig.build.json'],
  {
    cwd: repoRoot,
    stdio: 'inherit',
  },
);

async function write(name: string, report: Record<string, unknown>): Promise<void> {
  await mkdir(resultsDir, { recursive: true });
  const stamp = String(report.at).replace(/[:.]/g, '-');
  await writeFile(path.join(resultsDir, `${name}-${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(resultsDir, `${name}-latest.json`), `${JSON.stringify(report, null, 2)}\n`);
}

const machine = {
  cpus: os.cpus().length,
  model: os.cpus()[0]?.model,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
};
const only = process.argv[2];

if (!only || only === 'me-query') {
  const server = await startServerProcess();
  try {
    const results = await meQueryBenchmark(server);
    const report = {
      benchmark: 'me-query',
      at: new Date().toISOString(),
      machine,
      results,
      ratio: {
        meVsAnonymousTypename: Number((results[2]!.p50Ms / results[0]!.p50Ms).toFixed(2)),
        meVsSignedInTypename: Number((results[2]!.p50Ms / results[1]!.p50Ms).toFixed(2)),
      },
    };
    await write('me-query', report);
    console.log('\nme query beside an empty one (3,000 requests each, concurrency 16):');
    console.table(results);
    console.log(`p50 of me ÷ p50 of anonymous __typename: ${report.ratio.meVsAnonymousTypename}`);
  } finally {
    await server.stop();
  }
}

if (!only || only === 'alert-fanout') {
  const subscribers = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
  // The subscribers stand for as many students, but share one session (ten thousand argon2 logins would take minutes):
  // the cap on sockets per session is lifted for them.
  const server = await startServerProcess({ WS_MAX_SOCKETS_PER_SESSION: String(subscribers) });
  try {
    const result = await alertFanoutBenchmark(server, subscribers);
    await write('alert-fanout', { benchmark: 'alert-fanout', at: new Date().toISOString(), machine, result });
    console.log(`\n${subscribers} idle deadlineAlerts subscribers on one instance, one alert:`);
    console.table([result]);
  } finally {
    await server.stop();
  }
}

if (!only || only === 'import') {
  const server = await startServerProcess();
  try {
    const result = await importBenchmark(server);
    await write('import', { benchmark: 'import', at: new Date().toISOString(), machine, result });
    const { phases, ...summary } = result;
    console.log(
      `\nXLSX import: ${summary.students} students, ${summary.sections} sections, ${summary.enrolments} enrolments` +
        ` (seconds as the client sees them; server peak RSS from ${summary.peakSource}, per phase):`,
    );
    console.table(phases);
    console.log(summary);
  } finally {
    await server.stop();
  }
}
if (!only || only === 'package') {
  // A large school's course outcomes: 3,000 files of 1 MiB by default (BENCH_PACKAGE_FILES, BENCH_PACKAGE_FILE_KIB);
  // before it a tenth as many files, and as many files of a sixteenth the size, so the peaks show what memory follows.
  const files = Number(process.env.BENCH_PACKAGE_FILES ?? 3000);
  const fileKiB = Number(process.env.BENCH_PACKAGE_FILE_KIB ?? 1024);
  const server = await startServerProcess();
  try {
    const result = await packageBenchmark(server, [
      { files: Math.ceil(files / 10), fileKiB },
      { files, fileKiB: Math.ceil(fileKiB / 16) },
      { files, fileKiB },
    ]);
    await write('package', { benchmark: 'package', at: new Date().toISOString(), machine, result });
    console.log(
      `\n提交 of a year's course outcomes with their files, over ${result.students} students` +
        ` (server peak RSS from ${result.peakSource}):`,
    );
    console.table(result.runs);
  } finally {
    await server.stop();
  }
}
if (!only || only === 'deadline-rush') {
  const students = Number(process.env.BENCH_STUDENTS ?? 500);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? students);
  // The rush at BENCH_FILE_MB, then the same rush on a fresh server at BENCH_COMPARE_FILE_MB (0: none), to show
  // that the server's memory does not follow the file size.
  const sizes = [Number(process.env.BENCH_FILE_MB ?? 1), Number(process.env.BENCH_COMPARE_FILE_MB ?? 4)].filter(
    (size, index, all) => size > 0 && all.indexOf(size) === index,
  );
  const rushes: RushResult[] = [];
  for (const fileMiB of sizes) {
    const server = await startServerProcess();
    try {
      rushes.push(await deadlineRushBenchmark(server, { students, concurrency, fileMiB }));
    } finally {
      await server.stop();
    }
  }
  await write('deadline-rush', { benchmark: 'deadline-rush', at: new Date().toISOString(), machine, rushes });
  for (const rush of rushes) {
    console.log(
      `\ndeadline rush: ${rush.students} students (${rush.concurrency} at once), ${rush.fileMiB} MiB PDF each;` +
        ` ${rush.rush.uploaded} uploaded in ${rush.rush.seconds} s (${rush.rush.uploadsPerSecond} uploads/s,` +
        ` ${rush.rush.mibPerSecond} MiB/s); load average ${rush.loadAverageBefore[0]} → ${rush.loadAverageAfter[0]}:`,
    );
    console.table([...rush.rush.steps, ...rush.select.steps]);
    console.log({ certify: rush.certify, select: { ...rush.select, steps: undefined }, stored: rush.stored });
    if (rush.errors.count > 0) console.log('errors:', rush.errors);
  }
  console.log('\nserver RSS (MiB) by file size:');
  console.table(
    rushes.map((rush) => ({
      fileMiB: rush.fileMiB,
      sentMiB: rush.rss.rushBytesSentMiB,
      serverStart: rush.rss.serverStartMiB,
      rushStart: rush.rss.rushStartMiB,
      rushPeakSampled: rush.rss.rushPeakSampledMiB,
      rushPeakHwm: rush.rss.rushPeakHwmMiB,
      rushEnd: rush.rss.rushEndMiB,
      selectPeak: rush.rss.selectPeakSampledMiB,
      end: rush.rss.endMiB,
    })),
  );
}
if (!only || only === 'city-stats') {
  // Full scale by default (the bureau's table exactly); BENCH_CITY_SCALE=0.1 for a quicker look at the same shape.
  const scale = Number(process.env.BENCH_CITY_SCALE ?? 1);
  const server = await startServerProcess();
  try {
    const result = await cityStatsBenchmark(server, { repoRoot, scale, samples: 50, uploads: 10_000, concurrency: 8 });
    await write('city-stats', { benchmark: 'city-stats', at: new Date().toISOString(), machine, result });
    console.log(`\ncity statistics at scale ${scale}: generator and database`);
    console.log({ ...result.generator, databaseMiB: result.databaseMiB });
    console.log(`GraphQL cohort table equals the CSV: ${result.matchesCsv}`);
    console.table(result.shown.map((line) => ({ row: line })));
    console.table([
      { query: 'GraphQL cityCohortStatistics (counters)', ...result.graphql },
      { query: 'naive GROUP BY recount (owner, SQL only)', ...result.naiveRecount },
      { query: `GraphQL after ${result.newUploads.count} new uploads`, ...result.afterUploads.graphql },
    ]);
    console.log({
      newUploads: result.newUploads,
      afterUploads: { exact: result.afterUploads.exact, outcomesAdded: result.afterUploads.outcomesAdded },
    });
  } finally {
    await server.stop();
  }
}
if (!only || only === 'client') {
  // Loaded only here: under CI the browser harness refuses to load without Chromium, which no other benchmark needs.
  const { chromiumPath, haveBrowser } = await import('../support/browser.js');
  const { buildBenchClient, clientBenchmark, printClientResult } = await import('./client.bench.js');
  if (!haveBrowser) {
    if (only) throw new Error(`the client benchmark needs Chromium at ${chromiumPath} (CHROMIUM_PATH)`);
    console.log(`\nclient: skipped, no Chromium at ${chromiumPath}`);
  } else {
    const build = await buildBenchClient();
    try {
      const server = await startServerProcess({ CLIENT_DIST_DIR: build.dir });
      try {
        const runs = Number(process.env.BENCH_CLIENT_RUNS ?? 5);
        const result = await clientBenchmark(server, { clientDir: build.dir, repoRoot, runs });
        await write('client', { benchmark: 'client', at: new Date().toISOString(), machine, result });
        printClientResult(result);
      } finally {
        await server.stop();
      }
    } finally {
      await build.remove();
    }
  }
}
// Only when asked by name (`npm run bench cluster`): three fresh installations with nginx and PgBouncer take minutes.
if (only === 'cluster') {
  const students = Number(process.env.BENCH_STUDENTS ?? 200);
  const result = await clusterBenchmark({
    students,
    concurrency: Number(process.env.BENCH_CONCURRENCY ?? students),
    fileMiB: Number(process.env.BENCH_FILE_MB ?? 1),
    instanceCounts: [1, 3],
    baseline: process.env.BENCH_CLUSTER_BASELINE !== '0',
  });
  await write('cluster', { benchmark: 'cluster', at: new Date().toISOString(), machine, result });
  console.log(
    `\ndeadline rush through nginx and PgBouncer: ${result.students} students (${result.concurrency} at once),` +
      ` ${result.fileMiB} MiB PDF each, a fresh installation per line (p50 / p99 in seconds; ${result.seconds} s in all):`,
  );
  console.table(clusterSummary(result));
  console.log('ratio:', result.ratio);
  for (const run of result.runs) {
    if (run.nginx) console.log(`${run.instances} behind nginx, answers by instance:`, run.nginx.byUpstream);
  }
  const failed = result.runs.filter((run) => run.problems.length > 0);
  if (failed.length > 0) {
    for (const run of failed)
      console.error(`\n${run.setup}, ${run.instances} instance(s):\n  ${run.problems.join('\n  ')}`);
    throw new Error(`the cluster benchmark had errors in ${failed.length} of ${result.runs.length} configurations`);
  }
}
// Only when asked by name (`npm run bench ratios`): every ratio of issue 22 side by side, with its own baselines.
if (only === 'ratios') {
  const { ratiosBenchmark, ratiosMarkdown, ratiosOptionsFromEnv } = await import('./ratios.bench.js');
  const report = await ratiosBenchmark(ratiosOptionsFromEnv(repoRoot), machine);
  await write('ratios', { ...report });
  await writeFile(path.join(resultsDir, 'ratios-latest.md'), ratiosMarkdown(report));
  console.log(`\n${ratiosMarkdown(report)}`);
}
console.log(`results written to ${path.relative(repoRoot, resultsDir)}/`);
