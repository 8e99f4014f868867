// A throwaway PostgreSQL 15 cluster for the tests: initdb in a temporary folder, a free port, its unix socket in
// that folder, fsync on (durability is what the tests are about). initdb refuses to run as root, and the tests run
// as root on CI: the folder is then given to the unprivileged `nobody` and the server runs as that user.
import { execFile } from 'node:child_process';
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../electron/cli/bench-server';

const run = promisify(execFile);

/**
 * Debian's PostgreSQL programs: PG_BIN if given, else version 15's folder (the package postgresql-15), else the
 * newest version installed (the package postgresql on a later Debian).
 */
export const PG_BIN = process.env.PG_BIN ?? debianBin();

function debianBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = fsSync.existsSync(root) ? fsSync.readdirSync(root).filter((v) => fsSync.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  const pick = versions.includes('15') ? '15' : versions.sort((a, b) => Number(b) - Number(a))[0] ?? '15';
  return path.join(root, pick, 'bin');
}
const SERVER_USER = 'nobody';
/** The cluster's superuser (a role name, not an OS account: trust authentication on the socket only). */
export const PG_SUPERUSER = 'didar';

/** `crash()`: the server stopped as by a power cut (immediate mode: no checkpoint, WAL not yet written is lost) and started again. */
export type Cluster = { dir: string; port: number; url: string; stop: () => Promise<void>; crash: () => Promise<void> };

const isRoot = (): boolean => process.getuid?.() === 0;

/** Runs one of PostgreSQL's programs, as `nobody` when we are root. */
function pg(program: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  const bin = path.join(PG_BIN, program);
  return isRoot() ? run('runuser', ['-u', SERVER_USER, '--', bin, ...args], { cwd: '/' }) : run(bin, args);
}


/** Starts a new cluster; `stop()` shuts it down (fast mode) and removes its folder. */
export async function startCluster(): Promise<Cluster> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'didar-pg-'));
  const data = path.join(dir, 'data');
  if (isRoot()) await run('chown', [SERVER_USER, dir]);
  let started = false;
  const stop = async (): Promise<void> => {
    if (started) await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
    started = false;
    await fs.rm(dir, { recursive: true, force: true });
  };
  try {
    // --no-sync only for initdb's own files (a throwaway cluster); the server runs with fsync on
    await pg('initdb', ['-D', data, '-A', 'trust', '-U', PG_SUPERUSER, '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions']);
    const port = await freePort();
    const options = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses=''", '-c fsync=on', '-c max_connections=200', '-c shared_buffers=256MB'].join(' ');
    const start = () => pg('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
    await start();
    started = true;
    const crash = async (): Promise<void> => {
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      await start();
    };
    return { dir, port, url: `postgres://${PG_SUPERUSER}@localhost:${port}/postgres?host=${encodeURIComponent(dir)}`, stop, crash };
  } catch (e) {
    const log = await fs.readFile(path.join(dir, 'server.log'), 'utf8').catch(() => '');
    await stop();
    throw new Error(`PostgreSQL test cluster did not start (${PG_BIN}): ${(e as Error).message}\n${log}`, { cause: e });
  }
}
