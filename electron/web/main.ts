// Starts the web shell from the command line: `npm start -- --web [--port N] [--data DIR] [--no-open]`, or the
// office network's server: `npm start -- --serve [--port N] [--data DIR] [--no-open]` (HTTPS, sign-in).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DidarError } from '../../shared/errors';
import type { ServerStatus } from '../../shared/api';
import { defaultOperator, openInBackground } from '../backend';
import { LOCAL_ONLY } from '../backend/context';
import { machineNames, networkAddresses } from '../backend/server/addresses';
import { serverCertificate } from '../backend/server/certificate';
import { defaultDataDir } from '../backend/data-dir';
import { startWebShell } from './server';

export const RENDERER_BUILD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/renderer');

/** In server mode desks bookmark the address, so the port stays the same unless given. */
export const SERVER_PORT = 8443;

export async function runWebShell(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      web: { type: 'boolean' },
      serve: { type: 'boolean' },
      port: { type: 'string' },
      data: { type: 'string' },
      token: { type: 'string' },
      'no-open': { type: 'boolean' },
      static: { type: 'string' },
    },
    strict: true,
  });
  const dataDir = values.data ? path.resolve(values.data) : defaultDataDir();
  let status: ServerStatus = LOCAL_ONLY;
  // the page is served at once and shows that it is loading while the cases are read
  const opened = openInBackground({ dataDir, server: () => status });
  opened.ready.catch((e: unknown) => explainFailure(e, dataDir));
  // a script token only when given: it is never served in the page, and acts for whoever started the server
  const token = values.token ?? process.env.DIDAR_TOKEN;
  const names = machineNames();
  const certificate = values.serve ? await serverCertificate(dataDir, names) : null;
  const shell = await startWebShell({
    dispatchAs: opened.dispatchAs,
    watch: opened.watch,
    staticDir: values.static ? path.resolve(values.static) : RENDERER_BUILD_DIR,
    port: values.port ? Number(values.port) : values.serve ? SERVER_PORT : 0,
    ...(token ? { token, scriptOperator: defaultOperator() } : {}),
    ...(certificate ? { tls: { cert: certificate.cert, key: certificate.key, names } } : {}),
  });
  if (certificate) {
    const urls = networkAddresses(names).map((a) => `https://${a}:${shell.port}/`);
    status = { mode: 'server', urls, fingerprint: certificate.fingerprint, certificate: certificate.source, validTo: certificate.validTo };
    console.log(`سرور دیدار برای شبکه اداره / Didar server for the office network (data: ${dataDir}):`);
    for (const u of urls.length ? urls : [shell.url]) console.log(`  ${u}`);
    console.log(`اثر انگشت گواهی / certificate SHA-256 fingerprint: ${certificate.fingerprint}`);
  } else {
    console.log(`Didar web shell: ${shell.url}  (data: ${dataDir})`);
  }
  if (!values['no-open']) openBrowser(certificate ? `https://127.0.0.1:${shell.port}/` : shell.url);
  const stop = async (): Promise<void> => {
    await shell.close();
    await opened.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/** Says on the console why the data folder could not be opened; the page says it to the clerk. */
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
