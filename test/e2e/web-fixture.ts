// Each end-to-end test gets the real web shell on a fresh data folder, started and stopped in the test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { openBackend, type Backend } from '../../electron/backend';
import { startWebShell, type WebShell } from '../../electron/web/server';
import { SAMPLE } from '../helpers/cli';

export const RENDERER_DIR = path.resolve('out/renderer');
export const SCREENSHOTS = path.resolve('test/e2e/screenshots');

export type Didar = {
  dataDir: string;
  url: string;
  backend: Backend;
  /** Closes and reopens the backend and server on the same folder, like quitting and starting the app. */
  restart: () => Promise<string>;
};

export const test = base.extend<{ didar: Didar }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a pattern
  didar: async ({}, use) => {
    if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('renderer not built: run `npm run build` first');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'didar-e2e-'));
    let backend = await openBackend({ dataDir, operator: 'میز ۱' });
    let shell: WebShell = await startWebShell({ dispatch: backend.dispatch, staticDir: RENDERER_DIR });
    const d: Didar = {
      dataDir,
      url: shell.url,
      backend,
      restart: async () => {
        await shell.close();
        await backend.close();
        backend = await openBackend({ dataDir, operator: 'میز ۱' });
        shell = await startWebShell({ dispatch: backend.dispatch, staticDir: RENDERER_DIR });
        d.backend = backend;
        d.url = shell.url;
        return shell.url;
      },
    };
    await use(d);
    await shell.close();
    await backend.close();
  },
});

export const shot = (name: string): string => path.join(SCREENSHOTS, `${name}.png`);
export { expect };

export { SAMPLE };

/** Loads the 160 sample cases into the test's data folder through the real import. */
export async function importSample(didar: Didar): Promise<void> {
  const { importCases } = await import('../../electron/backend/services/import');
  const r = await importCases(didar.backend.ctx, JSON.parse(fs.readFileSync(SAMPLE, 'utf8')));
  expect(r.imported).toHaveLength(160);
}

/** Clicks what offers a file and saves the download in the test's output folder; returns its path. */
export async function download(page: Page, trigger: Locator, fileName: string): Promise<string> {
  const event = page.waitForEvent('download');
  await trigger.click();
  const file = test.info().outputPath(fileName);
  await (await event).saveAs(file);
  return file;
}
