import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['api/src/**/__tests__/**/*.test.ts', 'tests/**/*.test.ts'],
    // One real PostgreSQL for the whole run; every test creates its own schools in it.
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
