// Two desks on one Didar server over HTTPS, each in its own browser (two contexts, two accounts): what one
// desk does reaches the other within a second; the session cookie is out of the page's reach; a lost server
// is said at once in one line, what was typed stays, and the desk carries on by itself when it is back,
// saving the change once.
import { execFileSync } from 'node:child_process';
import { X509Certificate, createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { CHROMIUM } from '../../playwright.config';
import { openBackend, type Backend } from '../../electron/backend';
import { machineNames, serverStatusOf } from '../../electron/backend/server/addresses';
import { serverCertificate, type ServerCertificate } from '../../electron/backend/server/certificate';
import { presentedFingerprint } from '../../electron/backend/server/pin';
import type { ServerStatus } from '../../shared/api';
import { startWebShell, type WebShell } from '../../electron/web/server';
import { formatJalali, jalaliOf } from '../../shared/jalali';
import { toPersianDigits } from '../../shared/persian-text';
import { choose, savedCode } from './intake';
import { download, RENDERER_DIR, SCREENSHOTS, shot, signIn, test as deskTest } from './web-fixture';

const NAMES = machineNames();
const RECEPTION = { username: 'reception', displayName: 'پذیرش', password: 'گذرواژه میز پذیرش برای آزمون' };
const ADMIN = { username: 'admin', displayName: 'مدیر سامانه', password: 'گذرواژه مدیر سامانه برای آزمون' };
const TABLE = { username: 'table', displayName: 'میز استاندار', password: 'گذرواژه میز استاندار برای آزمون' };

/** Chromium trusts exactly this key (the hash of its public key), not any certificate: pinning, as a desk does. */
const spkiHash = (pem: string): string =>
  createHash('sha256').update(new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' })).digest('base64');

async function deskPage(browser: Browser, url: string, who: typeof RECEPTION, station?: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'fa-IR', timezoneId: 'Asia/Tehran', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await signIn(page, who, station);
  return page;
}

/**
 * A Didar server over HTTPS on a fresh folder with these accounts, and a Chromium that trusts only its key (after
 * the fingerprint its connection shows matched the printed one). `stop` and `restart` keep the folder and the port.
 */
async function httpsServer(playwright: { chromium: { launch: (o: object) => Promise<Browser> } }, accounts: readonly (readonly [typeof RECEPTION, readonly string[]])[]) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'didar-e2e-live-'));
  let status: ServerStatus | null = null;
  const open = (): Promise<Backend> => openBackend({ dataDir, operator: 'مدیر', server: () => status! });
  let backend = await open();
  for (const [who, roles] of accounts) {
    const r = await backend.dispatch('accounts/create', { ...who, roles: [...roles] } as never);
    expect(r.ok, JSON.stringify(r)).toBe(true);
  }
  const cert: ServerCertificate = await serverCertificate(dataDir, NAMES);
  const serve = (port = 0): Promise<WebShell> =>
    startWebShell({ dispatchAs: backend.dispatchAs, watch: backend.watch, staticDir: RENDERER_DIR, port, tls: { cert: cert.cert, key: cert.key, names: NAMES } });
  let shell = await serve();
  const port = shell.port;
  expect(await presentedFingerprint(`https://127.0.0.1:${port}`)).toBe(cert.fingerprint);
  status = serverStatusOf(cert, NAMES, port);
  const browser = await playwright.chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      `--ignore-certificate-errors-spki-list=${spkiHash(cert.cert)}`],
  });
  const stop = async (): Promise<void> => {
    await shell.close();
    await backend.close();
  };
  return {
    get backend(): Backend {
      return backend;
    },
    browser, cert, dataDir, status: status as ServerStatus, url: `https://localhost:${port}/`, stop,
    restart: async (): Promise<void> => {
      backend = await open();
      shell = await serve(port);
    },
    close: async (): Promise<void> => {
      await browser.close();
      await stop();
    },
  };
}

/** Waits for what a desk should see and says how long it took after `since`. */
async function seenWithin(since: number, check: () => Promise<void>): Promise<number> {
  await check();
  return Date.now() - since;
}

test('two desks on one HTTPS server: arrival seen at the other desk within a second, order and slip there; a lost server said at once and the save made once when it is back', async ({ playwright }) => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const live = await httpsServer(playwright, [[RECEPTION, ['clerk']], [TABLE, ['clerk']], [ADMIN, ['admin']]]);
  const { browser, cert, dataDir, status, url } = live;
  try {
    // the server's own screen shows the addresses and the fingerprint the desks check
    const server = await deskPage(browser, url, ADMIN);
    await server.getByRole('button', { name: 'تنظیمات', exact: true }).click();
    await expect(server.getByTestId('fingerprint')).toHaveText(cert.fingerprint);
    for (const u of status.urls) await expect(server.getByTestId('this-computer')).toContainText(u);
    await server.getByTestId('this-computer').scrollIntoViewIfNeeded();
    await server.getByTestId('this-computer').screenshot({ path: shot('59-live-server-fingerprint') });
    // the office's own certificate, picked as files: installed for the next start, its fingerprint shown
    await server.getByLabel('فایل گواهی (PEM)').setInputFiles(path.resolve('test/fixtures/office-cert.pem'));
    await server.getByLabel('فایل کلید خصوصی (PEM)').setInputFiles(path.resolve('test/fixtures/office-key.pem'));
    await server.getByRole('button', { name: 'نصب گواهی اداره' }).click();
    await expect(server.getByTestId('office-fingerprint')).toHaveText(new X509Certificate(fs.readFileSync('test/fixtures/office-cert.pem')).fingerprint256);
    expect(fs.readFileSync(path.join(dataDir, 'tls', 'office-cert.pem'), 'utf8')).toContain('BEGIN CERTIFICATE');
    await server.getByTestId('office-certificate').screenshot({ path: shot('59-live-office-certificate') });
    await server.context().close();

    const reception = await deskPage(browser, url, RECEPTION);
    const table = await deskPage(browser, url, TABLE);
    // the session is an HttpOnly cookie: the page's script cannot read it
    for (const p of [reception, table]) expect(await p.evaluate(() => document.cookie)).toBe('');
    expect((await reception.context().cookies())[0]).toMatchObject({ name: 'didar_session', httpOnly: true, secure: true, sameSite: 'Strict' });

    // another site open in the same browser posts to the server, by script and by a form: nothing is changed
    const evil = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<form id="f" method="POST" action="${url}api/meetingDay/open" enctype="text/plain"><input name='{"x":"' value='"}'></form>
        <script>fetch('${url}api/meetingDay/open', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' },
          body: JSON.stringify({ date: '1405/09/02', place: { kind: 'center' }, host: 'استاندار' }) }).finally(() => document.getElementById('f').submit());</script>`);
    });
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
    const other = await reception.context().newPage();
    const posted = other.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/api/meetingDay/open') && r.request().resourceType() === 'document');
    await other.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
    expect((await posted).status()).toBe(403); // refused by the server (Origin), on top of the cookie left at home
    await other.waitForLoadState();
    await other.close();
    evil.close();
    expect(await live.backend.store.listMeetingDays()).toHaveLength(0);

    // reception opens the day; the table's desk shows it without reloading
    await expect(table.getByRole('button', { name: 'گشایش روز ملاقات' })).toBeVisible();
    let t0 = Date.now();
    await reception.getByRole('button', { name: 'گشایش روز ملاقات' }).click();
    await expect(reception.getByTestId('day-case-count')).toBeVisible();
    const dayMs = await seenWithin(t0, () => expect(table.getByTestId('day-case-count')).toBeVisible({ timeout: 1000 }));

    // reception registers a citizen's arrival; the governor's table sees them in its queue within a second
    await reception.getByPlaceholder('نام مراجع').fill('زهرا کریمی');
    await reception.getByPlaceholder('کد ملی (اختیاری)').fill('0018692631');
    t0 = Date.now();
    await reception.getByRole('button', { name: 'ثبت ورود' }).click();
    await expect(reception.locator('.queue-list')).toContainText('زهرا کریمی');
    const queueMs = await seenWithin(t0, () => expect(table.locator('.queue-list')).toContainText('زهرا کریمی', { timeout: 1000 }));
    await reception.screenshot({ path: shot('60-live-reception-arrival'), fullPage: true });
    await table.screenshot({ path: shot('61-live-table-queue'), fullPage: true });

    // the table calls her, records the issue and the governor's order, and prints the slip
    await table.keyboard.press('F2');
    await expect(table.getByLabel('کد ملی', { exact: true })).toHaveValue('0018692631');
    await expect(reception.locator('.queue-item.called')).toContainText('زهرا کریمی', { timeout: 1000 });
    await table.getByLabel('تلفن همراه').fill('09123324146');
    await choose(table, 'شهرستان', 'آمل');
    await table.getByLabel('شرح درخواست').fill('برق روستای چمستان هر شب حدود چهار ساعت قطع می‌شود.');
    await table.getByLabel('نوع دستور').selectOption('act');
    await choose(table, 'دستگاه مسئول', 'شرکت توزیع برق', 'توزیع برق');
    t0 = Date.now();
    await table.getByLabel('شرح درخواست').press('Control+Enter');
    const code = await savedCode(table);
    expect(code).toMatch(/^[۰-۹]{10}$/);
    // reception's list of the day and its count follow at once
    const listMs = await seenWithin(t0, async () => {
      await expect(reception.getByTestId('day-case-count')).toContainText('۱', { timeout: 1000 });
      await expect(reception.getByTestId('day-cases')).toContainText('شرکت توزیع برق', { timeout: 1000 });
    });
    await table.getByRole('button', { name: /چاپ رسید/ }).first().click();
    await expect(table.getByTestId('slip-frame')).toBeVisible();
    await table.screenshot({ path: shot('62-live-table-slip'), fullPage: true });
    const pdf = await download(table, table.getByRole('link', { name: 'ذخیره PDF' }), 'slip.pdf');
    expect(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })).toContain(code);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, shot('62-live-table-slip-pdf').replace(/\.png$/, '')]);
    await table.keyboard.press('Escape');
    console.log(`[live e2e] day opened seen in ${dayMs} ms, arrival in ${queueMs} ms, recorded case in ${listMs} ms`);

    // the server stops: both desks say so in one line at once; reception's typed arrival stays in its form
    await live.stop();
    await expect(reception.getByTestId('link-lost')).toBeVisible({ timeout: 2000 });
    await expect(table.getByTestId('link-lost')).toBeVisible({ timeout: 2000 });
    await reception.getByPlaceholder('نام مراجع').fill('حسین نظری');
    await reception.getByRole('button', { name: 'ثبت ورود' }).click();
    await expect(reception.getByPlaceholder('نام مراجع')).toHaveValue('حسین نظری');
    await reception.screenshot({ path: shot('63-live-reception-server-lost'), fullPage: true });

    // back on the same address: the waiting arrival goes through by itself, once, and both desks carry on
    await live.restart();
    await expect(reception.getByTestId('link-lost')).toBeHidden({ timeout: 5000 });
    await expect(reception.locator('.queue-list')).toContainText('حسین نظری');
    await expect(reception.getByPlaceholder('نام مراجع')).toHaveValue('');
    await expect(table.getByTestId('link-lost')).toBeHidden({ timeout: 5000 });
    await expect(table.locator('.queue-list')).toContainText('حسین نظری');
    await table.screenshot({ path: shot('64-live-table-after-restart'), fullPage: true });
    const day = (await live.backend.store.listMeetingDays())[0]!;
    const queue = await live.backend.store.getQueue(day.id);
    expect(queue.filter((q) => q.name === 'حسین نظری')).toHaveLength(1);
    expect(queue.filter((q) => q.name === 'زهرا کریمی')).toHaveLength(1);
  } finally {
    await live.close();
  }
});

test('three stations in three browsers on one HTTPS server: reception → the governor\'s table sees the citizen within a second and gives the order → the inspection desk sees the case within a second, gives the code and prints the slip', async ({ playwright }) => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const INSPECTION = { username: 'inspection', displayName: 'بازرسی', password: 'گذرواژه میز بازرسی برای آزمون' };
  const server = await httpsServer(playwright, [[RECEPTION, ['clerk']], [TABLE, ['office']], [INSPECTION, ['inspector']]]);
  const { backend, browser, url } = server;
  try {
    const day = await backend.dispatch('meetingDay/open', { date: formatJalali(jalaliOf(new Date())), place: { kind: 'center' }, host: 'استاندار' });
    expect(day.ok).toBe(true);
    const citizen = { firstName: 'زهرا', lastName: 'کریمی', nationalId: '0018692631', mobile: '09123324146', county: 'آمل', locality: 'چمستان' };
    // an earlier case of the citizen, which reception and the table both show
    const earlier = await backend.dispatch('case/record', { meetingDayId: (day as { value: { id: string } }).value.id, citizen, text: 'آب آشامیدنی روستا قطع است', order: { type: 'act', leadDepartment: 'آب و فاضلاب', deadlineDays: 10 } });
    expect(earlier.ok).toBe(true);
    const reception = await deskPage(browser, url, RECEPTION, 'پذیرش');
    const table = await deskPage(browser, url, TABLE, 'میز استاندار');
    const inspection = await deskPage(browser, url, INSPECTION, 'میز بازرسی');
    await expect(inspection.getByTestId('inspection-count')).toHaveText('۰');

    // reception: the arrival; the table's queue shows it within a second
    await reception.getByPlaceholder('نام مراجع').fill('زهرا کریمی');
    await reception.getByPlaceholder('کد ملی (اختیاری)').fill(citizen.nationalId);
    let t0 = Date.now();
    await reception.getByRole('button', { name: 'ثبت ورود' }).click();
    const arrivalMs = await seenWithin(t0, () => expect(table.locator('.queue-list')).toContainText('زهرا کریمی', { timeout: 1000 }));
    // reception writes the issue, recorded before the order; the table's list of cases waiting for an order follows
    await expect(reception.getByLabel('تلفن همراه')).toHaveValue(citizen.mobile);
    await reception.getByLabel('شرح درخواست').fill('برق روستای چمستان هر شب حدود چهار ساعت قطع می‌شود.');
    t0 = Date.now();
    await reception.getByLabel('شرح درخواست').press('Control+Enter');
    await expect(reception.getByTestId('saved-banner')).toContainText('در انتظار دستور استاندار');
    const pendingMs = await seenWithin(t0, () => expect(table.getByTestId('table-pending')).toContainText('۱', { timeout: 1000 }));
    await reception.screenshot({ path: shot('68-live-station-reception'), fullPage: true });

    // the governor's table calls her and gives the order by keyboard
    await table.keyboard.press('F2');
    await expect(table.getByTestId('table-issue')).toContainText('چمستان');
    await expect(table.getByLabel('متن دستور')).toBeFocused();
    await table.keyboard.type('شرکت توزیع برق ظرف یک هفته علت قطعی را بررسی و رفع کند.');
    await choose(table, 'دستگاه مسئول', 'شرکت توزیع برق', 'توزیع برق');
    await table.getByLabel('نوع دستور').selectOption('act');
    await table.screenshot({ path: shot('69-live-station-table'), fullPage: true });
    t0 = Date.now();
    await table.getByLabel('مهلت (روز کاری)').press('Control+Enter');
    await expect(table.getByTestId('order-saved')).toContainText('زهرا کریمی');
    // the inspection desk sees the case waiting for its code within a second, gives it and prints the slip
    const inspectionMs = await seenWithin(t0, () => expect(inspection.getByTestId('inspection-count')).toHaveText('۱', { timeout: 1000 }));
    await inspection.screenshot({ path: shot('70-live-station-inspection'), fullPage: true });
    await inspection.getByRole('button', { name: 'صدور کد و چاپ رسید' }).click();
    await expect(inspection.getByTestId('slip-frame')).toBeVisible();
    const pdf = await download(inspection, inspection.getByRole('link', { name: 'ذخیره PDF' }), 'station-live-slip.pdf');
    const coded = (await backend.store.scanCases({})).filter((c) => c.text.includes('چمستان'));
    expect(coded).toHaveLength(1);
    expect(coded[0]!.code).toMatch(/^05\d{8}$/);
    expect(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })).toContain(toPersianDigits(coded[0]!.code!));
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, shot('70-live-station-slip-pdf').replace(/\.png$/, '')]);
    await inspection.keyboard.press('Escape');
    await expect(inspection.getByTestId('inspection-count')).toHaveText('۰');
    console.log(`[stations e2e] arrival seen at the table in ${arrivalMs} ms, the recorded issue in ${pendingMs} ms, the order at the inspection desk in ${inspectionMs} ms`);
  } finally {
    await server.close();
  }
});

deskTest('the worklist, its count and the recurring board follow another desk\'s new cases within a second', async ({ page, didar }) => {
  const opened = await didar.backend.dispatch('meetingDay/open', { date: '1405/09/02', place: { kind: 'center' }, host: 'استاندار' });
  expect(opened.ok).toBe(true);
  const day = (opened as { value: { id: string } }).value;
  expect((await didar.backend.dispatch('accounts/create', { ...RECEPTION, roles: ['clerk'] })).ok).toBe(true);
  let token = '';
  await didar.backend.dispatchAs({ kind: 'session', token: null, setSession: (t) => (token = t ?? '') }, 'auth/signIn', RECEPTION);
  const otherDesk = { kind: 'session' as const, token };
  const record = async (text: string, nationalId: string): Promise<void> => {
    const citizen = { firstName: 'مرتضی', lastName: 'یوسفی', nationalId, mobile: '09121234567', county: 'سوادکوه', locality: 'ورسک' };
    const r = await didar.backend.dispatchAs(otherDesk, 'case/record', { meetingDayId: day.id, citizen, text, order: { type: 'act', leadDepartment: 'شرکت آب و فاضلاب', deadlineDays: 10 } });
    expect(r.ok, JSON.stringify(r)).toBe(true);
  };

  await page.goto(didar.url);
  await page.getByRole('button', { name: 'پیگیری', exact: true }).click();
  await expect(page.getByTestId('worklist-total')).toHaveText('۰ پرونده');
  await record('آب آشامیدنی روستای ورسک از هفته گذشته قطع است.', '2401179445');
  await expect(page.getByTestId('worklist-total')).toHaveText('۱ پرونده', { timeout: 1000 });
  await expect(page.getByTestId('worklist')).toContainText('شرکت آب و فاضلاب');
  await page.screenshot({ path: shot('65-live-worklist'), fullPage: true });

  await page.getByRole('button', { name: 'مشکلات تکراری', exact: true }).click();
  await expect(page.getByTestId('board-run')).toContainText('۱ درخواست');
  await record('آب آشامیدنی روستای ورسک هر روز چند ساعت قطع می‌شود.', '0018692631');
  await expect(page.getByTestId('board-run')).toContainText('۲ درخواست', { timeout: 1000 });
  await page.screenshot({ path: shot('66-live-board'), fullPage: true });
});

deskTest('the desktop app\'s choice «اتصال به سرور»: address and fingerprint as typed, checked before they are pinned', async ({ page, didar }) => {
  const cert = await serverCertificate(didar.dataDir, NAMES);
  // the desktop shell's part, as the preload gives it: here it records what the page asks (the main process's
  // check itself is tested against a real server in test/integration/desktop-client.test.ts)
  await page.addInitScript((pinned: string) => {
    const asked: unknown[] = [];
    (window as unknown as { asked: unknown[] }).asked = asked;
    (window as unknown as { didar: unknown }).didar = { desktopMode: {
      get: async () => ({ mode: { mode: 'local' }, problem: null }),
      check: async (address: string, fingerprint: string) => (asked.push(['check', address, fingerprint]), fingerprint === pinned ? null : 'گواهی‌ای که این سرور نشان داد با اثر انگشت ثبت‌شده نمی‌خواند؛ وصل نشدیم.'),
      set: async (mode: unknown) => (asked.push(['set', mode]), null),
    } };
  }, cert.fingerprint);
  await page.goto(`${didar.url}#desktop-mode`);
  await page.getByLabel('اتصال به سرور (این رایانه یکی از میزهاست)').check();
  await page.getByLabel('نشانی سرور').fill('۱۹۲.۱۶۸.۱.۱۰');
  await page.getByLabel('اثر انگشت گواهی سرور').fill('AB:CD');
  await page.getByRole('button', { name: 'بررسی سرور' }).click();
  await expect(page.getByText('اثر انگشت گواهی ۶۴ نویسه')).toBeVisible(); // refused on the page, nothing asked
  const other = await serverCertificate(fs.mkdtempSync(path.join(os.tmpdir(), 'didar-e2e-other-')), NAMES);
  await page.getByLabel('اثر انگشت گواهی سرور').fill(other.fingerprint);
  await page.getByRole('button', { name: 'بررسی سرور' }).click();
  await expect(page.getByText('با اثر انگشت ثبت‌شده نمی‌خواند')).toBeVisible();
  await page.getByLabel('اثر انگشت گواهی سرور').fill(cert.fingerprint.replace(/:/g, '').toLowerCase());
  await page.getByRole('button', { name: 'بررسی سرور' }).click();
  await expect(page.getByText('سرور پاسخ داد و گواهی‌اش همان است')).toBeVisible();
  await page.screenshot({ path: shot('67-desktop-connect-to-server'), fullPage: true });
  await page.getByRole('button', { name: 'ذخیره و راه‌اندازی دوباره دیدار' }).click();
  await expect(page.getByText('دیدار دوباره راه‌اندازی می‌شود')).toBeVisible();
  const asked = await page.evaluate(() => (window as unknown as { asked: unknown[] }).asked);
  expect(asked.at(-1)).toEqual(['set', { mode: 'client', address: 'https://192.168.1.10:8443', fingerprint: cert.fingerprint }]);
  expect(asked.filter((a) => (a as unknown[])[0] === 'check')).toHaveLength(2);
});
