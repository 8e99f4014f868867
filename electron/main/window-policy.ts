// Security settings and checks of the app window, kept free of Electron imports so tests can check them.
import { pathToFileURL } from 'node:url';

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: false,
  // Chromium's PDF viewer shows the tracking slip; no other plugin exists in Electron.
  plugins: true,
} as const;

/** The origin of a URL, or null when it is not one (or has none, like file: and blob:). */
function originOf(url: string): string | null {
  try {
    const o = new URL(url).origin;
    return o === 'null' ? null : o;
  } catch {
    return null;
  }
}

/**
 * The development server's URL (electron-vite's ELECTRON_RENDERER_URL), honoured only in an unpackaged app and
 * only when it is an http(s) URL of this machine: a packaged Didar always loads its own files.
 */
export function devServerUrl(envUrl: string | undefined, isPackaged: boolean): string | undefined {
  if (isPackaged || !envUrl) return undefined;
  try {
    const u = new URL(envUrl);
    const loopback = u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]';
    return (u.protocol === 'http:' || u.protocol === 'https:') && loopback ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The renderer's own page: the file in production; in development, a URL of exactly the dev server's origin. */
export function isAppUrl(url: string, rendererIndex: string, devServer?: string): boolean {
  if (devServer) {
    const origin = originOf(devServer);
    if (origin !== null && originOf(url) === origin) return true;
  }
  const own = pathToFileURL(rendererIndex).href;
  return url === own || url.startsWith(`${own}#`) || url.startsWith(`${own}?`);
}

/** Only the app page itself may be shown; everything else is refused. */
export function isAllowedNavigation(url: string, rendererIndex: string, devServer?: string): boolean {
  return isAppUrl(url, rendererIndex, devServer);
}

/** The handler of will-navigate and will-redirect alike: a page other than the app's is not loaded. */
export function navigationGuard(rendererIndex: string, devServer?: string): (e: { preventDefault(): void }, url: string) => void {
  return (e, url) => {
    if (!isAllowedNavigation(url, rendererIndex, devServer)) e.preventDefault();
  };
}

/** The page asks for no permission (camera, notifications, clipboard…): every check and request is denied. */
export const denyPermissionCheck = (): boolean => false;
export const denyPermissionRequest = (_contents: unknown, _permission: string, done: (granted: boolean) => void): void => done(false);
