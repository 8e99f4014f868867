// Electron glue only: lifecycle, single instance, the locked-down window, and IPC to the backend.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { openInBackground, type Opening } from '../backend';
import { storeLocation, type StoreLocation } from '../backend/data-dir';
import { wireIpc } from './ipc';
import { denyPermissionCheck, denyPermissionRequest, devServerUrl as devServerOf, isAppUrl, navigationGuard, WEB_PREFERENCES } from './window-policy';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererIndex = path.join(here, '../renderer/index.html');
const devServerUrl = devServerOf(process.env.ELECTRON_RENDERER_URL, app.isPackaged);

/** `--data DIR` or `--db URL` on the command line, else $DIDAR_DATABASE_URL, else the data folder. */
function storeFromArgs(argv: string[]): StoreLocation {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return storeLocation({ data: value('--data'), db: value('--db') });
}

let backend: Opening | null = null;
let mainWindow: BrowserWindow | null = null;

function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler(denyPermissionRequest);
  session.defaultSession.setPermissionCheckHandler(denyPermissionCheck);
  session.defaultSession.webRequest.onHeadersReceived((details, done) => {
    done({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  app.on('web-contents-created', (_e, contents) => {
    const guard = navigationGuard(rendererIndex, devServerUrl);
    contents.on('will-navigate', guard);
    contents.on('will-redirect', guard);
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

async function createWindow(): Promise<void> {
  mainWindow = new BrowserWindow({
    width: 1360,
    height: 900,
    minWidth: 960,
    minHeight: 640,
    title: 'دیدار',
    show: false,
    webPreferences: { ...WEB_PREFERENCES, preload: path.join(here, '../preload/index.cjs') },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  if (devServerUrl) await mainWindow.loadURL(devServerUrl);
  else await mainWindow.loadFile(rendererIndex);
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  await app.whenReady();
  lockDown();
  // the window opens at once and shows that it is loading; a folder that cannot be opened is explained on the page
  backend = openInBackground(storeFromArgs(process.argv));
  backend.ready.catch((e: unknown) => console.error('Didar could not open its data folder:', e));
  wireIpc(backend.dispatchAs, (e) => isAppUrl(e.senderFrame?.url ?? '', rendererIndex, devServerUrl));
  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
// Quitting waits for the store to close (a load under way, writes in flight) so that the lock is released.
let closed = false;
app.on('will-quit', (e) => {
  if (!backend || closed) return;
  e.preventDefault();
  void backend.close().catch(() => undefined).finally(() => {
    closed = true;
    app.quit();
  });
});

void start();
