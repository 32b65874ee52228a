// npm run bench: builds the API, runs every benchmark against a real server process, writes JSON to bench-results/.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { meQueryBenchmark } from './me-query.bench.js';
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

const server = await startServerProcess(repoRoot);
try {
  const results = await meQueryBenchmark(server);
  const report = {
    benchmark: 'me-query',
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    results,
    ratio: {
      meVsAnonymousTypename: Number((results[2]!.p50Ms / results[0]!.p50Ms).toFixed(2)),
      meVsSignedInTypename: Number((results[2]!.p50Ms / results[1]!.p50Ms).toFixed(2)),
    },
  };
  await mkdir(resultsDir, { recursive: true });
  const stamp = report.at.replace(/[:.]/g, '-');
  await writeFile(path.join(resultsDir, `me-query-${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(resultsDir, 'me-query-latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.table(results);
  console.log(`p50 of me ÷ p50 of anonymous __typename: ${report.ratio.meVsAnonymousTypename}`);
  console.log(`results written to ${path.relative(repoRoot, resultsDir)}/`);
} finally {
  await server.stop();
}
