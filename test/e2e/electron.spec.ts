// The same intake on the real Electron window, where the Electron runtime exists on the machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-runtime.mjs';
import { fillIntake, savedCode } from './intake';

const bin = electronBinary();
if (!bin) console.log('[e2e] Electron test skipped: the Electron runtime is not installed on this machine (its download is not possible here).');

test.describe('Electron window', () => {
  test.skip(!bin, 'Electron runtime missing on this machine');

  test('opens hardened, records a case and keeps it after a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'didar-electron-'));
    const launch = () => electron.launch({ executablePath: bin!, args: ['.', '--data', dataDir], env: { ...process.env, DIDAR_DATA_DIR: dataDir } });
    let app = await launch();
    let win = await app.firstWindow();
    // The page has no Node: no require, no process; only window.didar from the preload.
    expect(await win.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
    expect(await win.evaluate(() => Object.keys((globalThis as { didar?: object }).didar ?? {}).sort())).toEqual(['invoke', 'printPdf', 'savePdf']);
    // Navigation away from the app and new windows are refused.
    await win.evaluate(() => { (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/'; });
    await expect(win.getByRole('heading', { name: 'گشایش روز ملاقات' })).toBeVisible();
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    await win.getByRole('button', { name: 'گشایش روز ملاقات' }).click();
    await fillIntake(win, { nationalId: '2401179445' });
    await win.getByRole('button', { name: /ثبت و صدور کد رهگیری/ }).click();
    const code = await savedCode(win);
    await app.close();
    app = await launch();
    win = await app.firstWindow();
    await expect(win.getByTestId('day-cases')).toContainText(code);
    await app.close();
  });
});
