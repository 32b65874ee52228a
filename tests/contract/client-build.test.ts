import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildClient } from '../support/client-build.js';

const outDir = await mkdtemp(path.join(tmpdir(), 'client-build-'));
afterAll(() => rm(outDir, { recursive: true, force: true }));

describe('building the client', () => {
  it('makes the production bundle, with brotli and gzip copies, even where the shell says NODE_ENV=development', async () => {
    // The client is built once per run already; this build is the one a developer's shell would make.
    await buildClient(outDir, { ...process.env, NODE_ENV: 'development' });
    const assets = await readdir(path.join(outDir, 'assets'));
    const scripts = assets.filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const code = await readFile(path.join(outDir, 'assets', script), 'utf8');
      // React's development JSX runtime (jsxDEV) is only in a development build.
      expect(code).not.toContain('jsxDEV');
      // Compressed copies of every script but the smallest page chunks, which compression would not shrink much.
      if (Buffer.byteLength(code) > 1024) {
        expect(assets).toContain(`${script}.br`);
        expect(assets).toContain(`${script}.gz`);
      }
    }
    // Each page is its own chunk, fetched when first opened.
    expect(scripts.some((script) => script.startsWith('SubmissionConsolePage-'))).toBe(true);
  });
});
