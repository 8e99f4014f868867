// Electron glue only: lifecycle, single instance, the locked-down window, and IPC to the backend. What this PC is
// comes from its desktop-mode file: alone (as before), the office network's server, or a desk of another PC's server.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, Menu, session, type IpcMainInvokeEvent } from 'electron';
import type { ServerStatus } from '../../shared/api';
import type { DesktopMode, DesktopModeState } from '../../shared/desktop-mode';
import { msg } from '../../shared/messages';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { openInBackground, type Opening } from '../backend';
import { LOCAL_ONLY } from '../backend/context';
import { defaultDataDir, storeLocation, type StoreLocation } from '../backend/data-dir';
import { readDesktopMode } from '../backend/server/desktop-mode-file';
import { serverProblem } from '../backend/server/pin';
import type { WebShell } from '../web/server';
import { pinServer, serveOfficeNetwork, wireDesktopMode } from './desktop-mode';
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
let office: WebShell | null = null;
let mainWindow: BrowserWindow | null = null;
let mode: DesktopMode = { mode: 'local' };
let problem: string | null = null;
/** The settings page of what this PC is, shown on its own when a desk cannot reach its server. */
const MODE_PAGE = 'desktop-mode';

function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler(denyPermissionRequest);
  session.defaultSession.setPermissionCheckHandler(denyPermissionCheck);
  session.defaultSession.webRequest.onHeadersReceived((details, done) => {
    done({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  app.on('web-contents-created', (_e, contents) => {
    const guard = navigationGuard(rendererIndex, devServerUrl, mode.mode === 'client' ? mode.address : undefined);
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
  if (mode.mode === 'client') {
    problem = await serverProblem(mode.address, mode.fingerprint);
    if (!problem) {
      // a server that stops later is said by the page itself (the one-line banner); one that never answered, here
      try {
        await mainWindow.loadURL(`${mode.address}/`);
        return;
      } catch {
        problem = msg.serverNotFound;
      }
    }
  }
  await showModePage(mode.mode === 'client');
}

/** The app's own page; with `modeOnly`, just the choice of what this PC is (a desk whose server did not answer). */
async function showModePage(modeOnly = true): Promise<void> {
  if (!mainWindow) return;
  const hash = modeOnly ? MODE_PAGE : undefined;
  if (devServerUrl) await mainWindow.loadURL(hash ? `${devServerUrl}#${hash}` : devServerUrl);
  else await mainWindow.loadFile(rendererIndex, hash ? { hash } : {});
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
  const modeDir = app.getPath('userData');
  mode = await readDesktopMode(modeDir);
  lockDown();
  const trusted = (e: IpcMainInvokeEvent): boolean => isAppUrl(e.senderFrame?.url ?? '', rendererIndex, devServerUrl);
  wireDesktopMode(modeDir, (): DesktopModeState => ({ mode, problem }), trusted);
  if (mode.mode === 'client') {
    pinServer(mode); // no data here: the window shows the server's pages
    Menu.setApplicationMenu(Menu.buildFromTemplate([{ label: 'دیدار', submenu: [
      { label: 'این رایانه: سرور یا میز…', click: () => void showModePage() },
      { label: 'بازخوانی', role: 'reload' },
      { label: 'خروج', role: 'quit' },
    ] }]));
  } else {
    // the window opens at once and shows that it is loading; a folder that cannot be opened is explained on the page
    const location = storeFromArgs(process.argv);
    // the server's certificate is kept beside the data, or in the app's folder when the data is in a database
    const dataDir = location.dataDir ?? defaultDataDir();
    let status: ServerStatus = LOCAL_ONLY;
    backend = openInBackground({ ...location, server: () => status });
    backend.ready.catch((e: unknown) => console.error('Didar could not open its data folder:', e));
    wireIpc(backend.dispatchAs, backend.watch, trusted);
    if (mode.mode === 'server') {
      try {
        const served = await serveOfficeNetwork(backend, dataDir, mode.port, path.dirname(rendererIndex));
        office = served.shell;
        status = served.status;
      } catch (e) {
        problem = (e as NodeJS.ErrnoException).code === 'EADDRINUSE' ? msg.portInUse(mode.port) : msg.unexpected;
        console.error('Didar could not serve the office network:', e);
      }
    }
  }
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
  void (office?.close() ?? Promise.resolve()).then(() => backend?.close()).catch(() => undefined).finally(() => {
    closed = true;
    app.quit();
  });
});

void start();
