import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../api/src/common/config.js';

/** Builds the client from the current sources into `outDir`, as `npm run build -w client` would, in `env`. */
export async function buildClient(outDir: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--logLevel', 'error'],
    { cwd: path.join(repoRoot, 'client'), env },
  );
}
