import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openBackend } from '../../electron/backend';
import { openOrExplain } from '../../electron/web/main';
import { startWebShell } from '../../electron/web/server';
import { RENDERER_DIR, shot } from './web-fixture';

test('a broken data file: the page says which file and what to do, and the file is kept', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'didar-broken-'));
  const b = await openBackend({ dataDir });
  await b.handlers['meetingDay/open']({ date: '1405/09/02', place: { kind: 'center' }, host: 'استاندار' });
  await b.close();
  const dayFile = path.join(dataDir, 'days', fs.readdirSync(path.join(dataDir, 'days'))[0]!);
  fs.writeFileSync(dayFile, '{"schemaVersion":1,"day":{"id":"md-');
  const opened = await openOrExplain(dataDir);
  const shell = await startWebShell({ dispatch: opened.dispatch, staticDir: RENDERER_DIR });
  try {
    await page.goto(shell.url);
    await expect(page.getByRole('alert')).toContainText('دیدار باز نشد');
    await expect(page.getByRole('alert')).toContainText(path.basename(dayFile));
    await expect(page.getByRole('alert')).toContainText('backups');
    await page.screenshot({ path: shot('40-broken-data-file') });
    expect(fs.readFileSync(dayFile, 'utf8')).toBe('{"schemaVersion":1,"day":{"id":"md-');
  } finally {
    await shell.close();
    await opened.close();
  }
});
