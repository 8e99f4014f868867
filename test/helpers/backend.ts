// Opens the real backend on a fresh store: a temporary data folder, or with DIDAR_TEST_STORE=pg a database of its
// own on the test cluster (see pg.ts). The suite runs once on each; the caller closes what it opens.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { Args, Method, Result } from '../../shared/api';
import type { Reply } from '../../shared/errors';
import { openBackend, type Backend, type BackendOptions } from '../../electron/backend';
import { checkDataDir, type CheckReport } from '../../electron/backend/store/check';
import { checkDatabase } from '../../electron/backend/store/pg/check';
import { isDatabaseUrl } from '../../electron/backend/store/pg/connection';
import { moveIn } from '../../electron/backend/store/pg/move-in';
import { auditOfDatabase, dumpDatabase, freshDatabaseUrl, type AuditRow } from './pg';

/** The store this run of the suite tests: the data folder (default) or PostgreSQL. */
export const STORE: 'file' | 'pg' = process.env.DIDAR_TEST_STORE === 'pg' ? 'pg' : 'file';

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

/** Where a new, empty store lives in this run: a temporary folder, or a database URL. */
export const tempStore = (): Promise<string> => (STORE === 'pg' ? freshDatabaseUrl() : tempDir());

/** The backend options for a store location (a folder or a database URL). */
export const locationOf = (at: string): BackendOptions => (isDatabaseUrl(at) ? { databaseUrl: at } : { dataDir: at });

/** The command line's options naming the same store. */
export const storeArgs = (at: string): string[] => (isDatabaseUrl(at) ? ['--db', at] : ['--data', at]);

/** `dataDir`: where the store lives (a folder, or a database URL), to open it again. */
export async function openTestBackend(dataDir?: string, now: () => Date = () => FIXED_NOW): Promise<Backend & { dataDir: string }> {
  const at = dataDir ?? (await tempStore());
  // on a database the certificate folder would be the app's own: this machine's real one
  const tlsHome = isDatabaseUrl(at) ? await tempDir('didar-tls-') : undefined;
  const b = await openBackend({ ...locationOf(at), operator: 'tester', now, ...(tlsHome && { tlsHome }) });
  return { ...b, dataDir: at };
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
 * A snapshot of a store, to prove that nothing changed: every file of a data folder except backups, or every
 * table of a database in a stable order. Given an open backend it first waits for writes already under way, so
 * an earlier call's write is not taken for this one's.
 */
export async function snapshot(target: string | (Backend & { dataDir: string })): Promise<Record<string, string>> {
  if (typeof target !== 'string') await target.store.settled();
  const dir = typeof target === 'string' ? target : target.dataDir;
  if (isDatabaseUrl(dir)) return dumpDatabase(dir);
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

export type { AuditRow };

/** The audit trail of a store, oldest first: the journal's lines of a data folder, or the audit table's rows. */
export async function auditTrail(at: string): Promise<AuditRow[]> {
  if (isDatabaseUrl(at)) return auditOfDatabase(at);
  const names = (await fs.readdir(path.join(at, 'audit')).catch(() => [] as string[])).filter((n) => n.endsWith('.jsonl')).sort();
  const text = (await Promise.all(names.map((n) => fs.readFile(path.join(at, 'audit', n), 'utf8')))).join('');
  return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditRow);
}

/**
 * A store holding what a data folder holds (a fixture, or a folder a test wrote): a copy of the folder, or a
 * database the folder was moved into with `didar migrate`'s own code.
 */
export async function storeWith(folder: string): Promise<string> {
  const dir = await tempDir();
  await fs.cp(folder, dir, { recursive: true });
  if (STORE === 'file') return dir;
  const url = await freshDatabaseUrl();
  await moveIn(dir, url, 'tester', () => FIXED_NOW);
  return url;
}

/** The integrity check of `didar check` on either store. */
export const checkStore = (at: string): Promise<CheckReport> => (isDatabaseUrl(at) ? checkDatabase(at) : checkDataDir(at));

/** Everything a store keeps, as bytes: every file of a folder (backups included), or every table's rows. */
export async function storedBytes(at: string): Promise<Buffer[]> {
  if (isDatabaseUrl(at)) return Object.values(await dumpDatabase(at)).map((t) => Buffer.from(t));
  const out: Buffer[] = [];
  for (const e of await fs.readdir(at, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(await fs.readFile(path.join(e.parentPath, e.name)));
  }
  return out;
}
