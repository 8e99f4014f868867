// `didar bench --desks N [--citizens M] [--db URL]`: N desks of the office network, each a client over HTTPS
// on 127.0.0.1 signed in with its own account, through one meeting day of M citizens (500 by default) on a real
// server process with a temporary data folder (or a schema of its own in the database). Prints one JSON object:
// p50/p95 of each kind of call, and what was read back from the store afterwards (lost, duplicateCodes,
// savedTwice, auditGaps: all must be 0).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { formatJalali, todayJalali } from '../../shared/jalali';
import type { MeetingDay } from '../../shared/domain';
import { openBackend } from '../backend';
import type { StoreLocation } from '../backend/data-dir';
import { DeskClient, type CallRecord } from './bench-client';
import { checkDay } from './bench-check';
import { citizensOfDay, Hall, runDay, type DayLog } from './bench-day';
import { freePort, startServerProcess, type ServerProcess } from './bench-server';
import { percentile, round } from './bench-stats';

export const DEFAULT_CITIZENS = 500;

/** A store made ready for the day: the desks' accounts (intake and follow-up) and the meeting day open. */
export type DayFolder = { at: StoreLocation; day: MeetingDay; desks: readonly string[]; password: string };

export async function prepareDay(at: StoreLocation, desks: number): Promise<DayFolder> {
  const backend = await openBackend({ ...at, operator: 'bench' });
  const password = `desk-${randomUUID()}`;
  const names = Array.from({ length: desks }, (_, i) => `desk-${i + 1}`);
  try {
    const value = async (method: string, args: unknown): Promise<unknown> => {
      const r = await backend.dispatch(method, args);
      if (!r.ok) throw new Error(`${method} refused while preparing the day: ${r.error.code} ${r.error.message}`);
      return r.value;
    };
    for (const username of names) await value('accounts/create', { username, displayName: username, roles: ['clerk', 'inspector', 'office'], password });
    const day = (await value('meetingDay/open', { date: formatJalali(todayJalali()), place: { kind: 'center' }, host: 'استاندار' })) as MeetingDay;
    return { at, day, desks: names, password };
  } finally {
    await backend.close();
  }
}

/** Signs every desk in to the server, each with its own account (`via`: a port on the way, in tests). */
export async function signInDesks(server: Pick<ServerProcess, 'port' | 'ca'>, folder: DayFolder, via?: number): Promise<{ username: string; client: DeskClient }[]> {
  return Promise.all(folder.desks.map(async (username) => {
    const client = new DeskClient({ port: server.port, ca: server.ca, ...(via ? { via } : {}) }, username);
    await client.signIn(username, folder.password);
    return { username, client };
  }));
}

/** p50/p95 and count of each kind of call, from first attempt to answer (retries included). */
export function callFigures(calls: readonly CallRecord[]): Record<string, { count: number; p50Ms: number; p95Ms: number }> {
  const by = new Map<string, number[]>();
  for (const c of calls) (by.get(c.method) ?? by.set(c.method, []).get(c.method)!).push(c.ms);
  return Object.fromEntries([...by].sort(([a], [b]) => a.localeCompare(b)).map(([m, ms]) => [m, { count: ms.length, p50Ms: round(percentile(ms, 50)), p95Ms: round(percentile(ms, 95)) }]));
}

/**
 * How long a change took to reach the other desks' streams: from the moment its own desk had the answer to
 * each other desk's notice of it; and how many notices of the desks' changes a desk never got.
 */
export function noticeFigures(log: DayLog, keyOfSeq: ReadonlyMap<number, string>): { noticeP95Ms: number; noticesMissed: number } {
  const answered = new Map<string, CallRecord>();
  for (const c of log.calls) if (c.key) answered.set(c.key, c);
  const lags: number[] = [];
  let missed = 0;
  for (const [desk, seen] of log.notices) {
    const got = new Set(seen.map((n) => n.seq));
    for (const [seq] of keyOfSeq) if (!got.has(seq)) missed++;
    for (const n of seen) {
      const call = answered.get(keyOfSeq.get(n.seq) ?? '');
      if (call && call.desk !== desk) lags.push(n.at - call.at);
    }
  }
  return { noticeP95Ms: round(percentile(lags, 95)), noticesMissed: missed };
}

/** `databaseUrl`: the day on PostgreSQL (a schema the caller made for it) instead of a temporary data folder. */
export type DesksBench = { desks: number; citizens: number; thinkMs: number; keep: boolean; databaseUrl?: string };

/** What one day measured, and what went wrong in it (null when nothing did). */
export type DayMeasured = { result: Record<string, unknown>; failure: string | null };

export async function benchDesks({ desks, citizens, thinkMs, keep, databaseUrl }: DesksBench): Promise<DayMeasured> {
  // the server's certificate is kept here, and the data too unless it is in the database
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'didar-bench-desks-'));
  const at: StoreLocation = databaseUrl ? { databaseUrl } : { dataDir: dir };
  let server: ServerProcess | null = null;
  try {
    const folder = await prepareDay(at, desks);
    server = await startServerProcess(dir, await freePort(), databaseUrl);
    const clients = await signInDesks(server, folder);
    const cpu0 = await server.cpuMs();
    // this process's own delays (10 desks in one program) add to every figure: measured, to read them against
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const own0 = process.cpuUsage();
    const t0 = performance.now();
    const log = await runDay({ desks: clients, hall: new Hall(folder.day.id, folder.day.date), citizens: citizensOfDay(citizens), thinkMs });
    const wallMs = performance.now() - t0;
    loop.disable();
    const own = process.cpuUsage(own0);
    const cpu1 = await server.cpuMs();
    for (const c of clients) c.client.close();
    await server.stop();
    server = null;
    const check = await checkDay(at, folder.day.id, log, folder.desks);
    const calls = callFigures(log.calls);
    const result = {
      desks, citizens, thinkMs, store: databaseUrl ? 'postgres' : 'folder', cases: check.cases, wallMs: round(wallMs),
      callsPerSecond: round(log.calls.length / (wallMs / 1000)),
      ...(cpu0 !== null && cpu1 !== null ? { serverCpuMs: cpu1 - cpu0 } : {}),
      recordP50Ms: calls['case/record']?.p50Ms ?? 0,
      recordP95Ms: calls['case/record']?.p95Ms ?? 0,
      calls,
      ...noticeFigures(log, check.keyOfSeq),
      desksCpuMs: Math.round((own.user + own.system) / 1000),
      deskLoopDelayP99Ms: round(loop.percentile(99) / 1e6),
      retries: log.calls.reduce((n, c) => n + c.attempts - 1, 0),
      refused: log.refused,
      lost: check.lost, duplicateCodes: check.duplicateCodes, savedTwice: check.savedTwice, auditGaps: check.auditGaps,
    };
    const lines = [...check.problems, ...Object.entries(log.refused).map(([k, n]) => `refused ${n}× ${k}`)];
    const failed = lines.length > 0 || check.cases !== citizens;
    return { result, failure: failed ? `the day ended with ${check.cases} of ${citizens} cases; ${lines.slice(0, 20).join('; ')}` : null };
  } finally {
    await server?.kill();
    if (!keep) await fs.rm(dir, { recursive: true, force: true });
  }
}
