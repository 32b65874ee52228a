// npm run dev: the API rebuilt and restarted on every change, and Vite with hot reload on :5173 proxying /graphql.
import { execFileSync, spawn } from 'node:child_process';

const tsc = ['node_modules/typescript/bin/tsc', '-p', 'api/tsconfig.build.json'];
execFileSync(process.execPath, tsc, { stdio: 'inherit' });

const children = [
  spawn(process.execPath, [...tsc, '--watch', '--preserveWatchOutput'], { stdio: 'inherit' }),
  spawn(process.execPath, ['--watch-path=api/dist', 'api/dist/main.js'], { stdio: 'inherit' }),
  spawn(process.execPath, ['../node_modules/vite/bin/vite.js'], { cwd: 'client', stdio: 'inherit' }),
];

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
console.log('\n開發模式：前端 http://localhost:5173（熱更新），API http://localhost:4000/graphql\n');
