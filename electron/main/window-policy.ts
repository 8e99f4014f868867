// Security settings of the app window, kept free of Electron imports so tests can check them.
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

/** The renderer's own page (file:// in production, the dev server in development). */
export function isAppUrl(url: string, rendererIndex: string, devServerUrl?: string): boolean {
  if (devServerUrl && url.startsWith(devServerUrl)) return true;
  const own = pathToFileURL(rendererIndex).href;
  return url === own || url.startsWith(`${own}#`) || url.startsWith(`${own}?`);
}

/** Only the app page itself and the PDFs it makes (blob:) may be shown; everything else is refused. */
export function isAllowedNavigation(url: string, rendererIndex: string, devServerUrl?: string): boolean {
  return isAppUrl(url, rendererIndex, devServerUrl);
}
