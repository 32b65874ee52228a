/**
 * The pgbench side of issue 22's `me` ratio: the statements one request sends, captured at run time from the
 * platform's own process (baseline/capture-statements.mjs, loaded with NODE_OPTIONS), written as a pgbench script
 * (one pgbench transaction = one request's statements, in the order they were sent), and run by pgbench as
 * portfolio_app against the same database.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PGBENCH = process.env.PGBENCH_PATH ?? '/usr/bin/pgbench';

/** The login every request statement must run as: the capture keeps only its statements. */
export const APP_ROLE = 'portfolio_app';

export interface CapturedStatement {
  /** A number per pg connection of the platform, in the order they first sent something during the capture. */
  connection: number;
  user: string | null;
  text: string;
  /** The parameters as the driver sends them (text; bytea as \x…; null as null). */
  params: (string | null)[];
}

/** The environment that loads the capture hook into a platform process started by startServerProcess(env). */
export function captureEnvironment(file: string): Record<string, string> {
  const hook = path.join(path.dirname(fileURLToPath(import.meta.url)), 'baseline', 'capture-statements.mjs');
  return { NODE_OPTIONS: `--import ${pathToFileURL(hook).href}`, BENCH_CAPTURE_FILE: file };
}

/**
 * The statements the platform sends while `send` runs: SIGUSR2 starts the hook's capture, the request is sent (the
 * platform commits before it answers), a moment for anything the request left behind, then SIGUSR2 again writes it.
 */
export async function captureStatements(
  pid: number,
  file: string,
  send: () => Promise<unknown>,
): Promise<CapturedStatement[]> {
  await rm(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  await sleep(300);
  await send();
  await sleep(300);
  process.kill(pid, 'SIGUSR2');
  for (let waited = 0; !existsSync(file); waited += 50) {
    if (waited > 10_000) throw new Error(`the platform wrote no capture to ${file} (is the capture hook loaded?)`);
    await sleep(50);
  }
  await sleep(50);
  return JSON.parse(await readFile(file, 'utf8')) as CapturedStatement[];
}

const literal = (value: string | null): string => (value === null ? 'NULL' : `'${value.replace(/'/g, "''")}'`);

/**
 * One request's statements as one pgbench transaction: portfolio_app's statements in the order they were sent, each
 * parameter written into its statement as an untyped literal (PostgreSQL infers its type as it does for an unknown
 * parameter), so that pgbench's simple protocol sends them as the platform's statements, parsed and planned each time.
 */
export function pgbenchScript(statements: CapturedStatement[]): string {
  return statements
    .filter((statement) => statement.user === APP_ROLE)
    .map((statement) => {
      const text = statement.text
        .replace(/\$(\d+)/g, (_, n: string) => literal(statement.params[Number(n) - 1] ?? null))
        .trim()
        .replace(/;+$/, '')
        // The platform sends BEGIN in one message with the transaction's first statement (db/deferred-begin.ts);
        // pgbench's `\;` keeps them one message too instead of two commands.
        .replace(/^(begin\b[^;]*);\s*/i, '$1\\; ');
      return `${text};\n`;
    })
    .join('');
}

export type PgbenchResult =
  | { available: true; tps: number; transactions: number; failed: number; latencyAverageMs: number; seconds: number }
  | { available: false; reason: string };

/** pgbench with the script for `seconds`, as portfolio_app (`url` carries its password), -c clients -j threads. */
export async function runPgbench(options: {
  url: string;
  script: string;
  scriptFile: string;
  seconds: number;
  clients: number;
  threads: number;
}): Promise<PgbenchResult> {
  if (!existsSync(PGBENCH)) {
    return { available: false, reason: `pgbench not found at ${PGBENCH} (Debian: apt-get install postgresql-client)` };
  }
  await writeFile(options.scriptFile, options.script);
  const url = new URL(options.url);
  const args = [
    '-n',
    '-M',
    'simple',
    '-c',
    String(options.clients),
    '-j',
    String(options.threads),
    '-T',
    String(options.seconds),
    '-f',
    options.scriptFile,
    '-h',
    url.hostname,
    '-p',
    url.port,
    '-U',
    decodeURIComponent(url.username),
    url.pathname.slice(1),
  ];
  const output = await new Promise<string>((resolve, reject) => {
    execFile(
      PGBENCH,
      args,
      { env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) }, maxBuffer: 16 * 2 ** 20 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`pgbench failed: ${stderr || error.message}`)) : resolve(stdout),
    );
  });
  const number = (pattern: RegExp): number => Number(pattern.exec(output)?.[1] ?? Number.NaN);
  return {
    available: true,
    tps: Number(number(/tps = ([\d.]+)/).toFixed(1)),
    transactions: number(/number of transactions actually processed: (\d+)/),
    failed: number(/number of failed transactions: (\d+)/) || 0,
    latencyAverageMs: Number(number(/latency average = ([\d.]+) ms/).toFixed(2)),
    seconds: options.seconds,
  };
}
