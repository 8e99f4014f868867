// Starts the web shell from the command line: `npm start -- --web [--port N] [--data DIR | --db URL] [--no-open]`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DidarError } from '../../shared/errors';
import { defaultOperator, openInBackground } from '../backend';
import { storeLocation } from '../backend/data-dir';
import { displayName } from '../backend/store/pg/connection';
import { startWebShell } from './server';

export const RENDERER_BUILD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/renderer');

export async function runWebShell(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      web: { type: 'boolean' },
      port: { type: 'string' },
      data: { type: 'string' },
      db: { type: 'string' },
      token: { type: 'string' },
      'no-open': { type: 'boolean' },
      static: { type: 'string' },
    },
    strict: true,
  });
  if (values.data && values.db) throw new DidarError('bad-args', 'یا پوشه داده (--data) را بدهید یا پایگاه داده (--db) را، نه هر دو.');
  const at = storeLocation(values);
  const dataDir = at.databaseUrl !== undefined ? displayName(at.databaseUrl) : at.dataDir;
  // the page is served at once and shows that it is loading while the cases are read
  const opened = openInBackground(at);
  opened.ready.catch((e: unknown) => explainFailure(e, dataDir));
  // a script token only when given: it is never served in the page, and acts for whoever started the server
  const token = values.token ?? process.env.DIDAR_TOKEN;
  const shell = await startWebShell({
    dispatchAs: opened.dispatchAs,
    staticDir: values.static ? path.resolve(values.static) : RENDERER_BUILD_DIR,
    ...(values.port ? { port: Number(values.port) } : {}),
    ...(token ? { token, scriptOperator: defaultOperator() } : {}),
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

/** Says on the console why the data folder or database could not be opened; the page says it to the clerk. */
function explainFailure(e: unknown, dataDir: string): void {
  if (e instanceof DidarError) console.error(`دیدار باز نشد: ${e.message}\nDidar could not open its data folder (${e.code}): ${dataDir}`);
  else console.error(`Didar could not open its data folder: ${dataDir}`, e);
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => console.log(`Open ${url} in your browser.`));
  child.unref();
}
