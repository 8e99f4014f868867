import { defineConfig } from 'vitest/config';

/**
 * Tests about the data folder's own format (journal lines, day files, schema files, the lock, backups), and those
 * that open no database whatever the run (the labelled sets, PDFs, the command line's errors), are named
 * `*.file.test.ts` and run once; `*.pg.test.ts` are about the database alone (its SQL
 * migrations, several servers, `didar migrate`). Every other integration test runs on both stores.
 */
const FILE_ONLY = 'test/integration/**/*.file.test.ts';
const PG_ONLY = 'test/integration/**/*.pg.test.ts';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests fsync real files; two workers match the two cores of an office PC.
    maxWorkers: 2,
    env: { TZ: 'UTC', DIDAR_FREEZE_LOADED: '1' },
    projects: [
      {
        extends: true,
        test: { name: 'file', include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'], exclude: [PG_ONLY] },
      },
      {
        extends: true,
        test: {
          name: 'pg',
          include: ['test/integration/**/*.test.ts'],
          exclude: [FILE_ONLY],
          env: { DIDAR_TEST_STORE: 'pg' },
          // one throwaway PostgreSQL cluster for the run; each test file gets a database of its own
          globalSetup: ['test/helpers/pg-global-setup.ts'],
        },
      },
    ],
  },
});
