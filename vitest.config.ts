import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql has no "exports" map: Node loads its CommonJS build for every package, while Vite would pick the
    // .mjs one for our sources. Two copies cannot share a schema, so the tests use the one Node uses.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['api/src/**/__tests__/**/*.test.ts', 'tests/**/*.test.ts'],
    // One real PostgreSQL for the whole run; every test creates its own schools in it.
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One file at a time unless TEST_WORKERS says more. Each worker has a database of its own (global-setup.ts), so
    // files side by side never serve each other's alert jobs; but on two cores a second worker did not make the run
    // faster (the tests are CPU-bound) and starved the timing-sensitive ones (restarts, alert order) past their limits.
    maxWorkers: Number(process.env.TEST_WORKERS ?? 1),
  },
});
