import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importProblems } from '../../scripts/import-graph.js';

let root: string;

function tree(files: Record<string, string>): string {
  root = mkdtempSync(path.join(tmpdir(), 'import-graph-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the import check', () => {
  it('passes a tree whose files and folders import one way', () => {
    const dir = tree({
      'common/ids.ts': `export const id = 1;`,
      'modules/a/a.ts': `import { id } from '../../common/ids.js';\nexport const a = id;`,
      'modules/b/b.ts': `import { a } from '../a/a.js';\nexport const b = a;`,
      'modules/b/dto/b.input.ts': `import { b } from '../b.js';\nexport const input = b;`,
      'modules/b/b.resolver.ts': `import { input } from './dto/b.input.js';\nexport const r = input;`,
    });
    expect(importProblems({ root: dir, leaves: ['common'] })).toEqual([]);
  });

  it('finds two files that import each other, type-only imports included', () => {
    const dir = tree({
      'x/one.ts': `import type { Two } from './two.js';\nexport type One = { two?: Two };`,
      'x/two.ts': `import type { One } from './one.js';\nexport type Two = { one?: One };`,
    });
    expect(importProblems({ root: dir, leaves: [] })).toEqual([
      'files import each other in a circle: x/one.ts, x/two.ts',
    ]);
  });

  it('finds folders that import each other through different files, naming the imports', () => {
    const dir = tree({
      'modules/a/a.ts': `import { b } from '../b/b.js';\nexport const a = b;`,
      'modules/a/other.ts': `export const other = 1;`,
      'modules/b/b.ts': `export const b = 1;`,
      'modules/b/uses-a.ts': `import { other } from '../a/other.js';\nexport const c = other;`,
    });
    const [problem, ...rest] = importProblems({ root: dir, leaves: [] });
    expect(rest).toEqual([]);
    expect(problem).toContain('folders import each other in a circle: modules/a, modules/b');
    expect(problem).toContain('modules/a -> modules/b: modules/a/a.ts imports modules/b/b.ts');
    expect(problem).toContain('modules/b -> modules/a: modules/b/uses-a.ts imports modules/a/other.ts');
  });

  it('finds a leaf folder that imports outside itself', () => {
    const dir = tree({
      'common/context.ts': `import type { Thing } from '../modules/thing/thing.js';\nexport type Ctx = { thing: Thing };`,
      'common/sub/inner.ts': `import type { Ctx } from '../context.js';\nexport type Inner = Ctx;`,
      'modules/thing/thing.ts': `export type Thing = { id: string };`,
    });
    expect(importProblems({ root: dir, leaves: ['common'] })).toEqual([
      'common/ is a leaf, but common/context.ts imports modules/thing/thing.ts',
    ]);
  });
});
