import { defineConfig } from 'vitest/config';

/**
 * Two tiers (engineering/quality.md): `unit` — pure functions, no database; `integration` — use cases
 * and routes on real PostgreSQL (embedded, or the server named by KHUYENCONG_TEST_DATABASE_URL), one
 * fresh database per test file cloned from a migrated template.
 */
const PURE = [
  'domain/**/*.test.ts',
  'server/db/seed/data/**/*.test.ts',
  'server/**/*.unit.test.ts',
  'web/**/*.test.{ts,tsx}',
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: PURE,
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['server/**/*.test.ts'],
          exclude: PURE,
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: two files at a time, each on its own database.
          maxWorkers: 2,
          env: { LOG_LEVEL: 'silent' },
        },
      },
    ],
    coverage: {
      provider: 'v8',
      include: ['domain/**/*.ts'],
      exclude: ['**/*.test.ts'],
      reporter: ['text-summary', 'text'],
    },
  },
});
