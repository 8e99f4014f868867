import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download cannot run offline.
export const CHROMIUM = process.env.DIDAR_CHROMIUM ?? '/usr/bin/chromium';

// the backend the tests open in this process freezes what it loads, so a change in place fails the test
process.env.DIDAR_FREEZE_LOADED = '1';

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    headless: true,
    locale: 'fa-IR',
    timezoneId: 'Asia/Tehran',
    viewport: { width: 1366, height: 900 },
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    },
  },
});
