// Opens the real backend on a fresh temporary data folder (closed and removed by the caller's cleanup).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { Args, Method, Result } from '../../shared/api';
import type { Reply } from '../../shared/errors';
import { openBackend, type Backend } from '../../electron/backend';

const made: string[] = [];
// Registered in the suite of each test file that imports this helper.
afterAll(async () => {
  await Promise.all(made.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

export async function tempDir(prefix = 'didar-test-'): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** 2026-11-23 10:00 in Tehran: Monday 1405/09/02. */
export const FIXED_NOW = new Date('2026-11-23T06:30:00Z');

export async function openTestBackend(dataDir?: string, now: () => Date = () => FIXED_NOW): Promise<Backend & { dataDir: string }> {
  const dir = dataDir ?? (await tempDir());
  const b = await openBackend({ dataDir: dir, operator: 'tester', now });
  return { ...b, dataDir: dir };
}

const opened: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});

/** openTestBackend, closed after the test that opened it (closing it earlier is fine). */
export async function openForTest(dataDir?: string, now?: () => Date): Promise<Backend & { dataDir: string }> {
  const b = await openTestBackend(dataDir, now);
  opened.push(b);
  return b;
}

/** Calls a method through dispatch (validation included) and returns the reply. */
export async function send<M extends Method>(b: Backend, method: M, args: Args<M>): Promise<Reply<Result<M>>> {
  return (await b.dispatch(method, args)) as Reply<Result<M>>;
}

export async function ok<M extends Method>(b: Backend, method: M, args: Args<M>): Promise<Result<M>> {
  const r = await send(b, method, args);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
  return r.value;
}

export const validCitizen = {
  firstName: 'مرتضی',
  lastName: 'یوسفی',
  nationalId: '2401179445',
  mobile: '+989121234567',
  county: 'سوادکوه',
  locality: 'ورسک',
};

export async function openToday(b: Backend) {
  return ok(b, 'meetingDay/open', { date: '1405/09/02', place: { kind: 'center' }, host: 'استاندار' });
}

/**
 * A snapshot of every file in a data folder except backups, to prove that nothing changed. Given an open
 * backend it first waits for writes already under way, so an earlier call's write is not taken for this one's.
 */
export async function snapshot(target: string | (Backend & { dataDir: string })): Promise<Record<string, string>> {
  if (typeof target !== 'string') await target.store.settled();
  const dir = typeof target === 'string' ? target : target.dataDir;
  const out: Record<string, string> = {};
  const walk = async (d: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (rel.startsWith('backups') || e.name === 'didar.lock') continue;
      if (e.isDirectory()) await walk(p);
      else out[rel] = await fs.readFile(p, 'utf8');
    }
  };
  await walk(dir);
  return out;
}
