// Starts the web shell from the command line: `npm start -- --web [--port N] [--data DIR] [--no-open]`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DidarError } from '../../shared/errors';
import { openBackend } from '../backend';
import type { Dispatch } from '../backend/dispatch';
import { defaultDataDir } from '../backend/data-dir';
import { startWebShell } from './server';

export const RENDERER_BUILD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/renderer');

export async function runWebShell(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      web: { type: 'boolean' },
      port: { type: 'string' },
      data: { type: 'string' },
      token: { type: 'string' },
      'no-open': { type: 'boolean' },
      static: { type: 'string' },
    },
    strict: true,
  });
  const dataDir = values.data ? path.resolve(values.data) : defaultDataDir();
  const opened = await openOrExplain(dataDir);
  const shell = await startWebShell({
    dispatch: opened.dispatch,
    staticDir: values.static ? path.resolve(values.static) : RENDERER_BUILD_DIR,
    ...(values.port ? { port: Number(values.port) } : {}),
    ...(values.token ? { token: values.token } : {}),
  });
  console.log(`Didar web shell: ${shell.url}  (data: ${dataDir})`);
  if (!values['no-open']) openBrowser(shell.url);
  const stop = async (): Promise<void> => {
    await shell.close();
    await opened.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/**
 * The data folder's backend, or — when it cannot be opened (a broken file, another Didar using it) — a
 * stand-in that answers every call with the reason, so the page tells the clerk what is wrong and what to do.
 */
export async function openOrExplain(dataDir: string): Promise<{ dispatch: Dispatch; close: () => Promise<void> }> {
  try {
    return await openBackend({ dataDir });
  } catch (e) {
    if (!(e instanceof DidarError)) throw e;
    console.error(`دیدار باز نشد: ${e.message}\nDidar could not open its data folder (${e.code}): ${dataDir}`);
    const error = { code: e.code, message: e.message };
    return { dispatch: async () => ({ ok: false, error }), close: async () => undefined };
  }
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => console.log(`Open ${url} in your browser.`));
  child.unref();
}
