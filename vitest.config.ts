import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests fsync real files; two workers match the two cores of an office PC.
    maxWorkers: 2,
    env: { TZ: 'UTC', DIDAR_FREEZE_LOADED: '1' },
  },
});
