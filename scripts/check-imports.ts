// Run by `npm test` (npm run check): no import circles between files or folders, and `api/src/common/` imports no
// module. The rules live in import-graph.ts; tests/structure/import-graph.test.ts checks that they catch what they should.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importProblems } from './import-graph.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const problems = [
  ...importProblems({ root: path.join(repo, 'api/src'), leaves: ['common'] }).map((problem) => `api/src: ${problem}`),
  ...importProblems({ root: path.join(repo, 'client/src'), leaves: [] }).map((problem) => `client/src: ${problem}`),
];
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
} else {
  console.log('imports: no circles between files or folders; api/src/common imports no module');
}
