import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../api/src/common/config.js';
import { freePort } from './free-port.js';

/**
 * Which API to run: `built` is api/dist (what `npm start` runs; needs `npm run build -w api` first), `source` the
 * TypeScript in api/src compiled file by file as it loads (ts-source-hooks.mjs), so a test needs no build step.
 */
export type ServerEntry = 'built' | 'source';

export interface ServerChild {
  url: string;
  graphqlUrl: string;
  pid: number;
  /** Everything the server has written to stdout and stderr. */
  output(): string;
  /** SIGKILL, as from the OOM killer or a pulled plug: no shutdown code runs. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM: the server's own orderly shutdown. Resolves once the process is gone. */
  stop(): Promise<void>;
}

const ENTRY_ARGS: Record<ServerEntry, string[]> = {
  // As `npm start` and the README's deployment run it: the heap ceiling is part of how the rush's memory is bounded.
  built: ['--max-old-space-size=1024', path.join(repoRoot, 'api/dist/main.js')],
  source: [
    '--enable-source-maps',
    '--import',
    path.join(repoRoot, 'tests/support/ts-source-register.mjs'),
    path.join(repoRoot, 'api/src/main.ts'),
  ],
};

/**
 * Starts the API (api/src/main.ts, the real start-up path) as a process of its own on a free port, with `env` on top
 * of this process's environment (PORT too, if given; otherwise a free one), and resolves once it says it has started. Its stderr is passed on as well as kept.
 */
export async function startServerChild(entry: ServerEntry, env: Record<string, string>): Promise<ServerChild> {
  // A given PORT is kept: a test that restarts a server where its clients expect it.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, ENTRY_ARGS[entry], {
    cwd: repoRoot,
    env: { ...process.env, HOST: '127.0.0.1', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stderr.write(chunk);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${output}`));
    }, 120_000);
    const onExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${signal ?? code}) while starting:\n${output}`));
    };
    child.once('exit', onExit);
    child.stdout.on('data', () => {
      if (output.includes('已啟動')) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve();
      }
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const end = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    pid: child.pid!,
    output: () => output,
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}
