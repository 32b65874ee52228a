// npm run verify-storage | backup | restore | dataset:city: runs the built command (api/dist/scripts/<name>.js),
// compiling the API first only when api/dist is missing or older than a source file. An operator's check of a few
// seconds should not wait 20–50 s for tsc every time.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
if (!name) {
  console.error('用法：node scripts/run-built.mjs <指令名稱> [參數…]');
  process.exit(2);
}

/** The newest modification time of the files under `dir` that the build reads (tests are not compiled). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '__tests__') newest = Math.max(newest, newestSource(file));
    } else if (entry.name.endsWith('.ts')) {
      newest = Math.max(newest, statSync(file).mtimeMs);
    }
  }
  return newest;
}

const built = path.join(root, 'api/dist/scripts', `${name}.js`);
const builtAt = (() => {
  try {
    return statSync(built).mtimeMs;
  } catch {
    return 0;
  }
})();
const configs = ['api/tsconfig.build.json', 'api/tsconfig.json', 'tsconfig.base.json', 'package-lock.json'];
const sourceAt = Math.max(
  newestSource(path.join(root, 'api/src')),
  ...configs.map((file) => statSync(path.join(root, file)).mtimeMs),
);
if (sourceAt > builtAt) {
  console.error(builtAt === 0 ? '第一次執行：先編譯 API…' : '原始碼有變更：先重新編譯 API…');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'api/tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
const result = spawnSync(process.execPath, [built, ...args], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
