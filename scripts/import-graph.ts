import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** A source tree, and the folders in it that may import nothing outside themselves. */
export interface SourceTree {
  root: string;
  leaves: string[];
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'node_modules' && name !== '__tests__') out.push(...sourceFiles(full));
    } else if (/\.tsx?$/.test(name) && !/\.(test|d)\.tsx?$/.test(name)) {
      out.push(full);
    }
  }
  return out;
}

function resolveImport(from: string, specifier: string, known: Set<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  const stem = base.replace(/\.(js|jsx|ts|tsx|mjs)$/, '');
  const candidates = [`${stem}.ts`, `${stem}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  return candidates.find((candidate) => known.has(candidate));
}

/**
 * The folder a file belongs to: its directory, with a module's `dto/` counted as part of the module (its input
 * classes and the resolvers that take them belong together).
 */
function folderOf(root: string, file: string): string {
  const dir = path.relative(root, path.dirname(file)).split(path.sep).join('/') || '.';
  return dir.replace(/\/dto$/, '');
}

/** Tarjan's strongly connected components: every component of more than one member is a circle. */
function circles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const state = new Map<string, { index: number; low: number; onStack: boolean }>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    const entry = { index, low: index, onStack: true };
    index += 1;
    state.set(node, entry);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const seen = state.get(next);
      if (!seen) {
        visit(next);
        entry.low = Math.min(entry.low, state.get(next)!.low);
      } else if (seen.onStack) {
        entry.low = Math.min(entry.low, seen.index);
      }
    }
    if (entry.low === entry.index) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        state.get(member)!.onStack = false;
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.has(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

/**
 * What is wrong with a tree's imports: files or folders that import each other in a circle, and leaf folders that
 * import something outside themselves. Every import counts, `import type` included: a type-only circle still ties two
 * places together for a reader and for the next change.
 */
export function importProblems(tree: SourceTree): string[] {
  const files = sourceFiles(tree.root);
  const known = new Set(files);
  const name = (file: string) => path.relative(tree.root, file).split(path.sep).join('/');
  const isLeaf = (folder: string) => tree.leaves.some((leaf) => folder === leaf || folder.startsWith(`${leaf}/`));
  const fileGraph = new Map<string, Set<string>>();
  const folderGraph = new Map<string, Set<string>>();
  const folderEdges = new Map<string, string[]>();
  const problems: string[] = [];
  for (const file of files) {
    const targets = new Set<string>();
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      const target = resolveImport(file, fileName, known);
      if (target) targets.add(target);
    }
    fileGraph.set(file, targets);
    const from = folderOf(tree.root, file);
    if (!folderGraph.has(from)) folderGraph.set(from, new Set());
    for (const target of targets) {
      const to = folderOf(tree.root, target);
      if (to === from) continue;
      folderGraph.get(from)!.add(to);
      const edge = `${from} -> ${to}`;
      folderEdges.set(edge, [...(folderEdges.get(edge) ?? []), `${name(file)} imports ${name(target)}`]);
      if (isLeaf(from) && !isLeaf(to)) problems.push(`${from}/ is a leaf, but ${name(file)} imports ${name(target)}`);
    }
  }
  for (const component of circles(fileGraph)) {
    problems.push(`files import each other in a circle: ${component.map(name).join(', ')}`);
  }
  for (const component of circles(folderGraph)) {
    const members = new Set(component);
    const why = [...folderEdges.entries()]
      .filter(([edge]) => edge.split(' -> ').every((folder) => members.has(folder)))
      .map(([edge, imports]) => `  ${edge}: ${imports.slice(0, 3).join('; ')}`);
    problems.push(`folders import each other in a circle: ${component.join(', ')}\n${why.join('\n')}`);
  }
  return problems;
}
