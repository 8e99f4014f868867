import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openBackend, openInBackground } from '../../electron/backend';
import { startWebShell } from '../../electron/web/server';
import { addDeskAccount, RENDERER_DIR, SAMPLE, shot, signIn } from './web-fixture';

/** The command line as the office's IT support would run it. */
const didar = (...args: string[]): string => execFileSync(process.execPath, ['bin/didar.mjs', ...args], { encoding: 'utf8' });

test('a broken data file: the page says which file and what to do, and the file is kept', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'didar-broken-'));
  const b = await openBackend({ dataDir });
  await b.handlers['meetingDay/open'](b.ctx, { date: '1405/09/02', place: { kind: 'center' }, host: 'استاندار' });
  await b.close();
  const dayFile = path.join(dataDir, 'days', fs.readdirSync(path.join(dataDir, 'days'))[0]!);
  fs.writeFileSync(dayFile, '{"schemaVersion":1,"day":{"id":"md-');
  const opened = openInBackground({ dataDir });
  const shell = await startWebShell({ dispatchAs: opened.dispatchAs, staticDir: RENDERER_DIR });
  try {
    await page.goto(shell.url);
    await expect(page.getByRole('alert')).toContainText('دیدار باز نشد');
    await expect(page.getByRole('alert')).toContainText(path.basename(dayFile));
    await expect(page.getByRole('alert')).toContainText('backups');
    await page.screenshot({ path: shot('60-broken-data-file') });
    expect(fs.readFileSync(dayFile, 'utf8')).toBe('{"schemaVersion":1,"day":{"id":"md-');
  } finally {
    await shell.close();
    await opened.close();
  }
});

test('a hand-edited case without its history: the page names the file, the case and the field, and the file is kept', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'didar-edited-'));
  try {
    didar('import', '--data', dataDir, SAMPLE);
    const rel = `days/${fs.readdirSync(path.join(dataDir, 'days')).sort()[2]!}`;
    const doc = JSON.parse(fs.readFileSync(path.join(dataDir, rel), 'utf8')) as { cases: Record<string, unknown>[] };
    const edited = doc.cases[1]!;
    delete edited.history;
    const text = JSON.stringify(doc);
    fs.writeFileSync(path.join(dataDir, rel), text);
    const opened = openInBackground({ dataDir });
    const shell = await startWebShell({ dispatchAs: opened.dispatchAs, staticDir: RENDERER_DIR });
    try {
      await page.goto(shell.url);
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('دیدار باز نشد');
      await expect(alert).toContainText(rel);
      await expect(alert).toContainText(`پرونده ۲ (شناسه «${String(edited.id)}»، کد رهگیری ${String(edited.code)})`);
      await expect(alert).toContainText('بخش «history»');
      await page.screenshot({ path: shot('62-hand-edited-case') });
      expect(fs.readFileSync(path.join(dataDir, rel), 'utf8')).toBe(text);
    } finally {
      await shell.close();
      await opened.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('restore end to end: a backup taken, a day file broken, `didar restore` run, and the app shows every case again', async ({ page }) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'didar-restore-'));
  const dataDir = path.join(root, 'data');
  const bundle = path.join(root, 'backup.json.gz');
  try {
    didar('import', '--data', dataDir, SAMPLE);
    expect(JSON.parse(didar('backup', '--data', dataDir, '--out', bundle))).toMatchObject({ files: 12 });

    // a power cut leaves one meeting-day file torn: the app refuses to start on it and says what to do
    const days = fs.readdirSync(path.join(dataDir, 'days'));
    const torn = path.join(dataDir, 'days', days[3]!);
    fs.writeFileSync(torn, fs.readFileSync(torn, 'utf8').slice(0, 500));
    let opened = openInBackground({ dataDir });
    let shell = await startWebShell({ dispatchAs: opened.dispatchAs, staticDir: RENDERER_DIR });
    try {
      await page.goto(shell.url);
      await expect(page.getByRole('alert')).toContainText(days[3]!);
      await expect(page.getByRole('alert')).toContainText('didar restore');
    } finally {
      await shell.close();
      await opened.close();
    }

    // the restore the message names; the torn file is kept in backups/ rather than lost
    expect(JSON.parse(didar('restore', '--data', dataDir, bundle, '--force'))).toMatchObject({ files: 12 });
    expect(JSON.parse(didar('check', '--data', dataDir))).toMatchObject({ ok: true, cases: 160 });
    const kept = fs.readdirSync(path.join(dataDir, 'backups', `days__${days[3]}`));
    expect(kept.some((f) => fs.readFileSync(path.join(dataDir, 'backups', `days__${days[3]}`, f), 'utf8').length === 500)).toBe(true);

    await addDeskAccount(dataDir);
    opened = openInBackground({ dataDir });
    shell = await startWebShell({ dispatchAs: opened.dispatchAs, staticDir: RENDERER_DIR });
    try {
      await page.goto(shell.url);
      await signIn(page);
      await expect(page.getByRole('alert')).toHaveCount(0);
      await page.getByRole('button', { name: 'پیگیری' }).click();
      await expect(page.getByTestId('worklist-total')).toHaveText('۵۰ از ۱۶۰ پرونده');
      await page.screenshot({ path: shot('61-restored-worklist') });
    } finally {
      await shell.close();
      await opened.close();
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('while a large folder is read the page shows that it is loading, then the app with every case', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'didar-loading-'));
  didar('bench-seed', '--data', dataDir, '--cases', '12000');
  await addDeskAccount(dataDir);
  const opening = openInBackground({ dataDir });
  // held until the loading screen has been seen, so that the test does not race the load
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const shell = await startWebShell({ dispatchAs: async (c, m, a) => (await held, opening.dispatchAs(c, m, a)), staticDir: RENDERER_DIR });
  try {
    await page.goto(shell.url);
    await expect(page.getByRole('status')).toContainText('در حال خواندن پرونده‌ها…');
    await expect(page.getByRole('status')).toContainText('دیدار');
    await page.screenshot({ path: shot('62-loading') });
    release();
    await signIn(page);
    await page.getByRole('button', { name: 'پیگیری', exact: true }).click();
    await expect(page.getByTestId('worklist-total')).toHaveText('۵۰ از ۱۲٬۰۰۰ پرونده');
    await page.screenshot({ path: shot('63-loaded-worklist') });
  } finally {
    await shell.close();
    await opening.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
