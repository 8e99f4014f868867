// Each end-to-end test gets the real web shell on a fresh data folder, started and stopped in the test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { openBackend, type Backend } from '../../electron/backend';
import { startWebShell, type WebShell } from '../../electron/web/server';
import { SAMPLE } from '../helpers/cli';
import { SESSION_COOKIE } from '../../shared/security';

export const RENDERER_DIR = path.resolve('out/renderer');
export const SCREENSHOTS = path.resolve('test/e2e/screenshots');

export type Didar = {
  dataDir: string;
  url: string;
  backend: Backend;
  /** The session of the desk's account (`desk1`, «میز ۱», every role but viewer), which the page is signed in with. */
  session: string;
  /** Closes and reopens the backend and server on the same folder, like quitting and starting the app. */
  restart: () => Promise<string>;
};

/** The account the tests' pages use unless they sign in themselves (its password, for those that do). */
export const DESK = { username: 'desk1', displayName: 'میز ۱', password: 'گذرواژه میز یک برای آزمون' };

/** Creates the desk's account (once per folder) and signs it in; returns its session token. */
async function deskSession(backend: Backend): Promise<string> {
  if (!(await backend.store.getAccountByUsername(DESK.username))) {
    const made = await backend.dispatch('accounts/create', { ...DESK, roles: ['clerk', 'inspector', 'office', 'admin'] });
    if (!made.ok) throw new Error(JSON.stringify(made.error));
  }
  let token = '';
  const r = await backend.dispatchAs({ kind: 'session', token: null, setSession: (t) => (token = t ?? '') }, 'auth/signIn', DESK);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return token;
}

export const test = base.extend<{ didar: Didar }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a pattern
  didar: async ({}, use) => {
    if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('renderer not built: run `npm run build` first');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'didar-e2e-'));
    let backend = await openBackend({ dataDir, operator: 'میز ۱' });
    let shell: WebShell = await startWebShell({ dispatchAs: backend.dispatchAs, watch: backend.watch, staticDir: RENDERER_DIR });
    const d: Didar = {
      dataDir,
      url: shell.url,
      backend,
      session: await deskSession(backend),
      restart: async () => {
        await shell.close();
        await backend.close();
        backend = await openBackend({ dataDir, operator: 'میز ۱' });
        shell = await startWebShell({ dispatchAs: backend.dispatchAs, watch: backend.watch, staticDir: RENDERER_DIR });
        d.backend = backend;
        d.url = shell.url;
        return shell.url;
      },
    };
    await use(d);
    await shell.close();
    await backend.close();
  },
  // Signed in as the desk (the session cookie the server gave); tests of sign-in itself use a fresh context.
  page: async ({ page, didar }, use) => {
    await page.context().addCookies([{ name: SESSION_COOKIE, value: didar.session, domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Strict' }]);
    await use(page);
  },
});

/** Gives a data folder the desk's account (as a script would, with the folder closed). */
export async function addDeskAccount(dataDir: string): Promise<void> {
  const b = await openBackend({ dataDir });
  try {
    const r = await b.dispatch('accounts/create', { ...DESK, roles: ['clerk', 'inspector', 'office', 'admin'] });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  } finally {
    await b.close();
  }
}

/** Signs in through the sign-in screen, as a person at the desk does. */
/** Signs in, at the named station of the day when given (otherwise the account's whole desk). */
export async function signIn(page: Page, who: { username: string; password: string } = DESK, station?: string): Promise<void> {
  await page.getByLabel('نام کاربری').fill(who.username);
  await page.getByLabel('گذرواژه', { exact: true }).fill(who.password);
  if (station) await page.getByLabel('ایستگاه این میز').selectOption({ label: station });
  await page.getByRole('button', { name: 'ورود', exact: true }).click();
  await expect(page.getByTestId('signed-in')).toBeVisible();
}

export const shot = (name: string): string => path.join(SCREENSHOTS, `${name}.png`);
export { expect };

export { SAMPLE };

/** A backend call that must succeed: what another desk did, set up straight on the backend. */
export async function dispatchOk(didar: Didar, method: string, args: unknown): Promise<never> {
  const r = await didar.backend.dispatch(method as never, args as never);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as never;
}

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
