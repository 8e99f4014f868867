// The office network's server as its own process, for the multi-desk bench and the server-fault tests: the
// same start as `npm start -- --serve` (runWebShell, HTTPS with the certificate made in the data folder)
// without building the pages first. It can be stopped as an operator would (SIGTERM) or killed (SIGKILL).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fingerprintOf, TLS_DIR } from '../backend/server/certificate';
import { fail } from './index';

/** The command line's entry, for the child processes of the benches. */
export const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/didar.mjs');
const START_TIMEOUT_MS = 60_000;

/**
 * `didar bench-server --data DIR [--db URL] --port N`: the server in server mode, no browser opened. With --db
 * the data is in the database and DIR holds only the server's certificate (as the PC's own data folder would).
 */
export async function benchServerCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, db: { type: 'string' }, port: { type: 'string' } }, strict: true });
  if (!values.data || !values.port) return fail('پوشه داده و درگاه را بدهید.', 'usage: didar bench-server --data DIR [--db URL] --port N', 2);
  const { runWebShell } = await import('../web/main');
  if (values.db) process.env.DIDAR_DATA_DIR = values.data;
  await runWebShell(['--serve', '--no-open', ...(values.db ? ['--db', values.db] : ['--data', values.data]), '--port', values.port]);
  return process.exitCode === undefined ? 0 : Number(process.exitCode);
}

export type ServerProcess = {
  port: number;
  /** The certificate the server printed the fingerprint of: the only one its desks trust. */
  ca: string;
  fingerprint: string;
  pid: number;
  /** When it was listening (performance.now() of this process). */
  startedAt: number;
  /** The server's own CPU time so far (user + system, ms), where the system tells it (Linux). */
  cpuMs: () => Promise<number | null>;
  /** As an operator stops it: it closes the data folder and exits. */
  stop: () => Promise<void>;
  /** As a power cut: nothing is closed or written. */
  kill: () => Promise<void>;
};

/** A port nobody listens on now (the server keeps it across restarts, as desks bookmark its address). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts the server on a data folder (or a database, with its certificate in `dataDir`) and port; resolves once
 * it listens and has printed its fingerprint.
 */
export async function startServerProcess(dataDir: string, port: number, databaseUrl?: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, [CLI, 'bench-server', '--data', dataDir, ...(databaseUrl ? ['--db', databaseUrl] : []), '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ? null : code)));
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  const printed = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start in ${START_TIMEOUT_MS} ms: ${stderr}`)), START_TIMEOUT_MS);
    child.stdout!.setEncoding('utf8').on('data', (t: string) => {
      out += t;
      const m = /fingerprint: ([0-9A-F:]{95})/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it listened: ${stderr}`));
    });
  });
  const ca = await fs.readFile(path.join(dataDir, TLS_DIR, 'server-cert.pem'), 'utf8');
  if (fingerprintOf(ca) !== printed) throw new Error('the certificate in the data folder is not the one the server printed');
  return {
    port, ca, fingerprint: printed, pid: child.pid!, startedAt: performance.now(),
    cpuMs: () => cpuOf(child.pid!),
    stop: () => signal(child, exited, 'SIGTERM'),
    kill: () => signal(child, exited, 'SIGKILL'),
  };
}

async function signal(child: ChildProcess, exited: Promise<number | null>, sig: NodeJS.Signals): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill(sig);
  const code = await exited;
  if (sig === 'SIGTERM' && code !== 0) throw new Error(`the server exited with ${code} when stopped`);
}

/** utime + stime of a process from /proc (clock ticks of 10 ms on Linux); null elsewhere. */
async function cpuOf(pid: number): Promise<number | null> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!stat) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
