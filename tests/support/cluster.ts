import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from '../../api/src/common/config.js';
import { freePort } from './free-port.js';

/*
 * The reference deployment kit (deploy/) run for real: PgBouncer and nginx from Debian's packages, each on a free
 * port with its files in a temporary folder, configured from the committed reference files with only the ports and
 * paths changed, so a test exercises exactly the directives an operator copies.
 */

export const pgbouncerPath = '/usr/sbin/pgbouncer';
export const nginxPath = '/usr/sbin/nginx';
export const haveClusterTools = existsSync(pgbouncerPath) && existsSync(nginxPath);

if (!haveClusterTools && process.env.CI) {
  const missing = [pgbouncerPath, nginxPath].filter((tool) => !existsSync(tool));
  throw new Error(
    `No ${missing.join(' or ')}: CI must run the deployment kit's tests (apt-get install -y pgbouncer nginx, as .ci/run does).`,
  );
}

export const pgbouncerReferencePath = path.join(repoRoot, 'deploy/pgbouncer/pgbouncer.ini');
export const nginxReferencePath = path.join(repoRoot, 'deploy/nginx/portfolio.conf');

/** PgBouncer and nginx refuse to work as root, or switch their workers to this user; it must read their folder. */
const UNPRIVILEGED_USER = 'nobody';
const runningAsRoot = process.getuid?.() === 0;

/** A process of a tool, with its output kept for the error messages. */
interface ToolProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves once the process has exited. */
  exited: Promise<void>;
}

function runTool(command: string, args: string[]): ToolProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output += chunk.toString();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      output += String(error);
      resolve();
    });
  });
  return { child, output: () => output, exited };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Waits until the tool accepts a TCP connection on port; fails with its output if it exits or takes too long. */
async function waitUntilListening(name: string, tool: ToolProcess, port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (tool.child.exitCode !== null || tool.child.signalCode !== null) {
      throw new Error(
        `${name} exited (${tool.child.signalCode ?? tool.child.exitCode}) while starting:\n${tool.output()}`,
      );
    }
    if (await canConnect(port)) return;
    if (Date.now() > deadline) {
      tool.child.kill('SIGKILL');
      throw new Error(`${name} did not listen on ${port} within ${timeoutMs} ms:\n${tool.output()}`);
    }
    await sleep(25);
  }
}

async function endTool(tool: ToolProcess, signal: NodeJS.Signals): Promise<void> {
  if (tool.child.exitCode === null && tool.child.signalCode === null) tool.child.kill(signal);
  const timer = setTimeout(() => tool.child.kill('SIGKILL'), 5000);
  await tool.exited;
  clearTimeout(timer);
}

/** A temporary folder the unprivileged user can enter (mkdtemp makes it 0700). */
async function toolFolder(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  await chmod(dir, 0o755);
  return dir;
}

// ---------------------------------------------------------------------------------------------------------------
// PgBouncer

export interface PgBouncerUser {
  name: string;
  password: string;
}

export interface PgBouncerOptions {
  postgresHost: string;
  postgresPort: number;
  /** The database clients name, and the same name on PostgreSQL. */
  database: string;
  /** The logins allowed through, with their PostgreSQL passwords (written in clear into the auth file). */
  users: PgBouncerUser[];
  /** The reference's pool_mode (transaction) unless given. */
  poolMode?: 'transaction' | 'session';
  /** Server connections per database and login; the reference's default_pool_size unless given. */
  defaultPoolSize?: number;
}

export interface PgBouncerHandle {
  host: string;
  port: number;
  /** postgres://127.0.0.1:<port>/<database>, without a login. */
  url: string;
  /** The URL with this login and password. */
  urlFor(user: PgBouncerUser): string;
  /** What PgBouncer logged (it logs to stderr here). */
  output(): string;
  /** Stops PgBouncer (SIGTERM, immediate shutdown), waits for it to exit and removes its folder. */
  stop(): Promise<void>;
}

/**
 * The reference pgbouncer.ini with [databases] replaced and some [pgbouncer] settings changed. A setting is only
 * changed where the reference sets it, so the rendering fails when the reference loses a setting the test relies on.
 */
export function renderPgBouncerIni(
  reference: string,
  databases: Record<string, string>,
  settings: Record<string, string>,
): string {
  const lines = reference.split('\n');
  const out: string[] = [];
  const pending = new Set(Object.keys(settings));
  let section = '';
  for (const line of lines) {
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      section = header[1]!;
      out.push(line);
      if (section === 'databases') {
        for (const [name, value] of Object.entries(databases)) out.push(`${name} = ${value}`);
      }
      continue;
    }
    const entry = /^\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*=/.exec(line);
    if (entry && section === 'databases') continue;
    if (entry && section === 'pgbouncer' && pending.has(entry[1]!)) {
      out.push(`${entry[1]} = ${settings[entry[1]!]}`);
      pending.delete(entry[1]!);
      continue;
    }
    out.push(line);
  }
  if (pending.size > 0) {
    throw new Error(`deploy/pgbouncer/pgbouncer.ini no longer sets ${[...pending].join(', ')}`);
  }
  return out.join('\n');
}

/** An auth_file line: PgBouncer's quoting doubles a double quote. */
const authLine = (user: PgBouncerUser): string =>
  `"${user.name.replaceAll('"', '""')}" "${user.password.replaceAll('"', '""')}"`;

/** Runs PgBouncer, configured from deploy/pgbouncer/pgbouncer.ini, on a free port in front of the given PostgreSQL. */
export async function startPgBouncer(options: PgBouncerOptions): Promise<PgBouncerHandle> {
  const dir = await toolFolder('portfolio-pgbouncer-');
  try {
    const port = await freePort();
    const authFile = path.join(dir, 'userlist.txt');
    const settings: Record<string, string> = {
      listen_addr: '127.0.0.1',
      listen_port: String(port),
      auth_file: authFile,
      // In the foreground: log to stderr, no pid file.
      logfile: '',
      pidfile: '',
    };
    if (options.poolMode) settings.pool_mode = options.poolMode;
    if (options.defaultPoolSize !== undefined) settings.default_pool_size = String(options.defaultPoolSize);
    const ini = renderPgBouncerIni(
      await readFile(pgbouncerReferencePath, 'utf8'),
      {
        [options.database]: `host=${options.postgresHost} port=${options.postgresPort} dbname=${options.database}`,
      },
      settings,
    );
    const iniFile = path.join(dir, 'pgbouncer.ini');
    // PgBouncer reads both files at start, before it gives up root for -u (a reload, SIGHUP, would not see them).
    await writeFile(iniFile, ini, { mode: 0o600 });
    await writeFile(authFile, `${options.users.map(authLine).join('\n')}\n`, { mode: 0o600 });
    // "PgBouncer should not run as root": as root it is told to switch to an unprivileged user.
    const tool = runTool(pgbouncerPath, [...(runningAsRoot ? ['-u', UNPRIVILEGED_USER] : []), iniFile]);
    await waitUntilListening('PgBouncer', tool, port);
    const url = `postgres://127.0.0.1:${port}/${encodeURIComponent(options.database)}`;
    return {
      host: '127.0.0.1',
      port,
      url,
      urlFor: (user) =>
        `postgres://${encodeURIComponent(user.name)}:${encodeURIComponent(user.password)}@127.0.0.1:${port}/${encodeURIComponent(options.database)}`,
      output: tool.output,
      stop: async () => {
        await endTool(tool, 'SIGTERM');
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// nginx

export interface NginxOptions {
  /** Ports on 127.0.0.1 of the instances behind nginx, in place of the reference's 4001, 4002, 4003. */
  upstreamPorts: number[];
  /**
   * The main context's workers: one of 256 connections unless given (round robin is then one sequence). A load of
   * hundreds of clients at once needs Debian's own defaults, `auto` and 768: each client takes a connection from the
   * client and one to an instance, and nginx otherwise reuses connections under them.
   */
  workers?: { processes: 'auto' | number; connections: number };
}

export interface NginxHandle {
  port: number;
  /** http://127.0.0.1:<port> */
  url: string;
  /** The access log so far (the reference's `portfolio` format: id=…, upstream=…). */
  accessLog(): Promise<string>;
  /** What nginx wrote to stderr (its error log). */
  output(): string;
  /** Stops nginx (SIGTERM, fast shutdown: open WebSockets are cut), waits for it to exit and removes its folder. */
  stop(): Promise<void>;
}

/**
 * The reference portfolio.conf with its listen port, its upstream servers and its log folder changed, nothing else.
 * Fails when the reference no longer has the lines this looks for, rather than testing something else.
 */
export function renderNginxSite(
  reference: string,
  settings: { listenPort: number; upstreamPorts: number[]; logDir: string },
): string {
  if (settings.upstreamPorts.length === 0) throw new Error('nginx needs at least one upstream port');
  const listen = /^(\s*)listen 80;$/m;
  if (!listen.test(reference)) throw new Error('deploy/nginx/portfolio.conf no longer has `listen 80;`');
  let site = reference.replace(listen, `$1listen 127.0.0.1:${settings.listenPort};`);

  const upstream = /^upstream portfolio_api \{\n[\s\S]*?^\}/m.exec(site);
  if (!upstream) throw new Error('deploy/nginx/portfolio.conf no longer has `upstream portfolio_api { … }`');
  const blockLines = upstream[0].split('\n');
  const serverLine = /^(\s*)server 127\.0\.0\.1:\d+(.*;)$/;
  const first = blockLines.findIndex((line) => serverLine.test(line));
  if (first < 0) throw new Error('the upstream of deploy/nginx/portfolio.conf names no `server 127.0.0.1:…`');
  // The reference's servers, each with the first one's parameters (max_fails, fail_timeout), one per given port.
  const [, indent, parameters] = serverLine.exec(blockLines[first]!)!;
  const servers = settings.upstreamPorts.map((port) => `${indent}server 127.0.0.1:${port}${parameters}`);
  const block = blockLines.flatMap((line, index) => {
    if (index === first) return servers;
    return serverLine.test(line) ? [] : [line];
  });
  site = site.replace(upstream[0], () => block.join('\n'));

  site = site.replaceAll('/var/log/nginx/', `${settings.logDir}/`);
  // Nothing of the machine's own nginx may be used or written by a test's.
  const leftover = site
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .find((line) => /\s\/(var|etc|run|usr)\//.test(line));
  if (leftover) throw new Error(`deploy/nginx/portfolio.conf has a machine path the test cannot move: ${leftover}`);
  return site;
}

/** Runs nginx with deploy/nginx/portfolio.conf as its only site, on a free port, in front of the given ports. */
export async function startNginx(options: NginxOptions): Promise<NginxHandle> {
  const prefix = await toolFolder('portfolio-nginx-');
  try {
    const port = await freePort();
    const logDir = path.join(prefix, 'logs');
    const tempDir = path.join(prefix, 'temp');
    await mkdir(logDir, { mode: 0o755 });
    await mkdir(tempDir, { mode: 0o755 });
    const site = renderNginxSite(await readFile(nginxReferencePath, 'utf8'), {
      listenPort: port,
      upstreamPorts: options.upstreamPorts,
      logDir,
    });
    await writeFile(path.join(prefix, 'portfolio.conf'), site);
    // What /etc/nginx/nginx.conf is on a server: the main context, with the site included in http. The temporary
    // folders are compiled in under /var/lib/nginx: moved here (the master creates them and hands them to the
    // workers' user).
    const temp = (name: string): string => path.join(tempDir, name);
    const workers = options.workers ?? { processes: 1, connections: 256 };
    const main = [
      `worker_processes ${workers.processes};`,
      `pid ${path.join(prefix, 'nginx.pid')};`,
      'error_log stderr notice;',
      `events { worker_connections ${workers.connections}; }`,
      'http {',
      `    client_body_temp_path ${temp('client_body')};`,
      `    proxy_temp_path ${temp('proxy')};`,
      `    fastcgi_temp_path ${temp('fastcgi')};`,
      `    uwsgi_temp_path ${temp('uwsgi')};`,
      `    scgi_temp_path ${temp('scgi')};`,
      `    include ${path.join(prefix, 'portfolio.conf')};`,
      '}',
      '',
    ].join('\n');
    const conf = path.join(prefix, 'nginx.conf');
    await writeFile(conf, main);
    // -e: the error log before the configuration is read (Debian's compiled-in one is stderr already).
    const tool = runTool(nginxPath, ['-p', `${prefix}/`, '-c', conf, '-e', 'stderr', '-g', 'daemon off;']);
    await waitUntilListening('nginx', tool, port);
    return {
      port,
      url: `http://127.0.0.1:${port}`,
      accessLog: () => readFile(path.join(logDir, 'portfolio.access.log'), 'utf8').catch(() => ''),
      output: tool.output,
      stop: async () => {
        await endTool(tool, 'SIGTERM');
        await rm(prefix, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(prefix, { recursive: true, force: true });
    throw error;
  }
}
