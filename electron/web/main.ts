// Starts the web shell from the command line: `npm start -- --web [--port N] [--data DIR | --db URL] [--no-open]`,
// or the office network's server: `npm start -- --serve [--port N] [--data DIR | --db URL] [--no-open]` (HTTPS, sign-in).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ServerStatus } from '../../shared/api';
import { SERVER_PORT } from '../../shared/desktop-mode';
import { consoleLines, DidarError } from '../../shared/errors';
import { msg } from '../../shared/messages';
import { defaultOperator, openInBackground } from '../backend';
import { LOCAL_ONLY } from '../backend/context';
import { machineNames, serverStatusOf } from '../backend/server/addresses';
import { serverCertificate } from '../backend/server/certificate';
import { storeLocation, tlsHomeOf } from '../backend/data-dir';
import { displayName } from '../backend/store/pg/connection';
import { startWebShell, type WebShell } from './server';

export const RENDERER_BUILD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/renderer');

/** Starts the web shell; a wrong option or a port in use is said in two lines and sets the exit code. */
export async function runWebShell(argv: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        web: { type: 'boolean' },
        serve: { type: 'boolean' },
        port: { type: 'string' },
        data: { type: 'string' },
        db: { type: 'string' },
        token: { type: 'string' },
        'no-open': { type: 'boolean' },
        static: { type: 'string' },
        debug: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (e) {
    return refuse('گزینه‌های فرمان نادرست است.', `${(e as Error).message} (options: --serve, --port N, --data DIR | --db URL, --no-open)`, 2);
  }
  if (values.data && values.db) return refuse(msg.storeChoice, 'give --data DIR or --db URL, not both', 2);
  const port = values.port === undefined ? (values.serve ? SERVER_PORT : undefined) : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65_535)) {
    return refuse(msg.portInvalid, `--port must be a whole number from 0 to 65535 (0: any free port), not ${values.port}`, 2);
  }
  const at = storeLocation(values);
  const dataDir = at.databaseUrl !== undefined ? displayName(at.databaseUrl) : at.dataDir;
  const tlsHome = tlsHomeOf(at);
  let status: ServerStatus = LOCAL_ONLY;
  // the page is served at once and shows that it is loading while the cases are read
  const opened = openInBackground({ ...at, server: () => status });
  opened.ready.catch((e: unknown) => explainFailure(e, dataDir, values.debug ?? false));
  // a script token only when given: it is never served in the page, and acts for whoever started the server
  const token = values.token ?? process.env.DIDAR_TOKEN;
  const names = machineNames();
  let shell: WebShell;
  let certificate: Awaited<ReturnType<typeof serverCertificate>> | null;
  try {
    certificate = values.serve ? await serverCertificate(tlsHome, names) : null;
    shell = await startWebShell({
      dispatchAs: opened.dispatchAs,
      watch: opened.watch,
      staticDir: values.static ? path.resolve(values.static) : RENDERER_BUILD_DIR,
      ...(port !== undefined ? { port } : {}),
      ...(token ? { token, scriptOperator: defaultOperator() } : {}),
      ...(certificate ? { tls: { cert: certificate.cert, key: certificate.key, names } } : {}),
    });
  } catch (e) {
    await opened.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE' && port !== undefined) {
      return refuse(msg.portInUse(port), `port ${port} is in use by another program: give another with --port ${port + 1}, or --port 0 for any free port`, 1);
    }
    if (e instanceof DidarError) return refuse(e.message, e.english ?? e.code, 1);
    return refuse(msg.unexpected, `the web shell could not start: ${(e as Error).message}`, 1);
  }
  if (certificate) {
    status = serverStatusOf(certificate, names, shell.port);
    console.log(`سرور دیدار برای شبکه اداره / Didar server for the office network (data: ${dataDir}):`);
    for (const u of status.urls.length ? status.urls : [shell.url]) console.log(`  ${u}`);
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

function refuse(persian: string, english: string, code: number): void {
  process.stderr.write(consoleLines(persian, english));
  process.exitCode = code;
}

/** Says on the console why the data folder or database could not be opened; the page says it to the clerk. */
function explainFailure(e: unknown, dataDir: string, debug: boolean): void {
  if (e instanceof DidarError) {
    process.stderr.write(consoleLines(`دیدار باز نشد: ${e.message}`, `Didar could not open its data at ${dataDir} (${e.code}${e.english ? `: ${e.english}` : ''})`));
  } else {
    process.stderr.write(consoleLines(msg.openFailed(e instanceof Error ? e.message : String(e)), `Didar could not open its data at ${dataDir}: ${e instanceof Error ? e.message : String(e)}`));
    if (debug) console.error(e);
  }
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => console.log(`Open ${url} in your browser.`));
  child.unref();
}
