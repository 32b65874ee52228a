// Fails when the TypeScript sources import in a circle (between files, or between the folders that group them) or
// when a leaf folder imports anything outside itself. Every import counts, `import type` included: a type-only
// circle still ties the two places together for a reader and for the next change.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Each source tree, how its files group into folders, and which of those folders may import nothing else. */
const trees = [
  { src: 'api/src', leaves: ['common'] },
  { src: 'client/src', leaves: [] },
];

function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name === 'node_modules' || name === '__tests__') continue;
      out.push(...sourceFiles(full));
    } else if (/\.tsx?$/.test(name) && !/\.(test|d)\.tsx?$/.test(name)) {
      out.push(full);
    }
  }
  return out;
}

function resolveImport(from, specifier, known) {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  const stem = base.replace(/\.(js|jsx|ts|tsx|mjs)$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (known.has(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The folder a file belongs to: its directory, with a module's `dto/` counted as part of the module (its input
 * classes and the resolvers that take them belong together).
 */
function folderOf(srcRoot, file) {
  const dir = path.relative(srcRoot, path.dirname(file)).split(path.sep).join('/') || '.';
  return dir.replace(/\/dto$/, '');
}

/** Whether a folder is one of the tree's leaves or inside one. */
const isLeaf = (tree, folder) => tree.leaves.some((leaf) => folder === leaf || folder.startsWith(`${leaf}/`));

/** Tarjan's strongly connected components; every component with more than one member is a circle. */
function circles(graph) {
  let index = 0;
  const stack = [];
  const state = new Map();
  const found = [];
  function visit(node) {
    const entry = { index, low: index, onStack: true };
    index += 1;
    state.set(node, entry);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const seen = state.get(next);
      if (!seen) {
        visit(next);
        entry.low = Math.min(entry.low, state.get(next).low);
      } else if (seen.onStack) {
        entry.low = Math.min(entry.low, seen.index);
      }
    }
    if (entry.low === entry.index) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        state.get(member).onStack = false;
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? new Set()).has(node)) found.push(component.sort());
    }
  }
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

const problems = [];
for (const tree of trees) {
  const srcRoot = path.join(root, tree.src);
  const files = sourceFiles(srcRoot);
  const known = new Set(files);
  const fileGraph = new Map();
  const folderGraph = new Map();
  const folderEdges = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set();
    for (const { fileName } of importedFiles) {
      const target = resolveImport(file, fileName, known);
      if (target) targets.add(target);
    }
    fileGraph.set(file, targets);
    const from = folderOf(srcRoot, file);
    if (!folderGraph.has(from)) folderGraph.set(from, new Set());
    for (const target of targets) {
      const to = folderOf(srcRoot, target);
      if (to === from) continue;
      folderGraph.get(from).add(to);
      const key = `${from} -> ${to}`;
      if (!folderEdges.has(key)) folderEdges.set(key, []);
      folderEdges.get(key).push(`${path.relative(srcRoot, file)} imports ${path.relative(srcRoot, target)}`);
      if (isLeaf(tree, from) && !isLeaf(tree, to)) {
        problems.push(
          `${tree.src}: ${from}/ is a leaf but ${path.relative(srcRoot, file)} imports ${path.relative(srcRoot, target)}`,
        );
      }
    }
  }
  for (const component of circles(fileGraph)) {
    problems.push(
      `${tree.src}: files import each other in a circle: ${component.map((f) => path.relative(srcRoot, f)).join(', ')}`,
    );
  }
  for (const component of circles(folderGraph)) {
    const members = new Set(component);
    const edges = [...folderEdges.entries()]
      .filter(([key]) => {
        const [a, b] = key.split(' -> ');
        return members.has(a) && members.has(b);
      })
      .map(
        ([key, why]) =>
          `    ${key} (${why.slice(0, 3).join('; ')}${why.length > 3 ? `; … ${why.length - 3} more` : ''})`,
      );
    problems.push(`${tree.src}: folders import each other in a circle: ${component.join(', ')}\n${edges.join('\n')}`);
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
} else {
  console.log('imports: no circles, leaves import nothing else');
}
