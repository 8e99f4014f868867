// One process owns a data folder at a time: a lock file made with O_EXCL holding the owner's pid, host and start
// time, touched every few seconds while held. A lock left by a process that no longer runs on this host is taken
// over, by one process only: the takeover happens inside a guard directory that only one process can create.
// A lock from another computer, or of a pid now used by another program, is explained; `didar unlock` clears it
// once it has checked that no Didar still holds the folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DidarError } from '../../../shared/errors';
import { formatInstant } from '../../../shared/jalali';
import { msg } from '../../../shared/messages';
import { asWriteError } from './durable-file';

export const LOCK_FILE = 'didar.lock';
const GUARD = `${LOCK_FILE}.takeover`;
/** How often a held lock is touched, and how recent a touch shows that its holder runs (clocks may differ a little). */
export const LOCK_REFRESH_MS = 10_000;
export const LOCK_FRESH_MS = 60_000;
/** A guard left by a process that died inside the takeover (a millisecond's work) is removed after this long. */
const GUARD_STALE_MS = 10_000;
const ATTEMPTS = 50;

type LockInfo = { pid: number; host: string; startedAt: string };

const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function acquireLock(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  const me: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (tryCreate(file, me, dir)) return holding(file);
    const owner = readLock(file);
    if (owner === 'missing') continue; // released meanwhile: try again
    if (owner !== 'unreadable' && isAlive(owner)) throw lockedError(dir, owner, file);
    if (!takeOver(dir, file, owner)) sleep(5 + Math.random() * 20); // another process is taking it over
  }
  throw new DidarError('data-locked', msg.dataLocked(dir, 0, '?', ''), undefined, `${dir}: could not take the lock after ${ATTEMPTS} attempts`);
}

/** File systems without hard links (FAT drives, some shares): the lock is created in place there. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EXDEV', 'EMLINK', 'ENOSYS']);

/**
 * Creates the lock file if none exists: true when this process now holds it. The file appears whole (written
 * aside, then hard-linked, which fails if the name exists), so nobody ever reads a half-written lock.
 */
function tryCreate(file: string, me: LockInfo, dir: string): boolean {
  const text = JSON.stringify(me);
  const tmp = path.join(dir, `.${LOCK_FILE}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    fs.writeFileSync(tmp, text, { flag: 'wx' });
    try {
      fs.linkSync(tmp, file);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST' || code === 'ENOENT') return false; // taken, or our temp file was cleared: look again
    if (!NO_LINKS.has(code)) throw asWriteError(e, dir);
  }
  try {
    fs.writeFileSync(file, text, { flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw asWriteError(e, dir);
    return false;
  }
}

/** The release of a held lock; the lock is touched meanwhile so that `didar unlock` sees its holder runs. */
function holding(file: string): () => void {
  const timer = setInterval(() => {
    const now = new Date();
    fs.utimes(file, now, now, () => undefined);
  }, LOCK_REFRESH_MS);
  timer.unref();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    clearInterval(timer);
    fs.rmSync(file, { force: true });
  };
}

/**
 * Removes a stale lock inside the guard, after checking under the guard that it is still the one judged stale:
 * only a guard holder removes a lock, so two processes can never both remove it and both create their own.
 * False when another process holds the guard.
 */
function takeOver(dir: string, file: string, judged: LockInfo | 'unreadable'): boolean {
  const guard = path.join(dir, GUARD);
  try {
    fs.mkdirSync(guard);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw asWriteError(e, dir);
    const age = Date.now() - (fs.statSync(guard, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > GUARD_STALE_MS) fs.rmSync(guard, { recursive: true, force: true });
    return false;
  }
  try {
    const now = readLock(file);
    const same = now !== 'missing' && JSON.stringify(now) === JSON.stringify(judged);
    if (same) fs.rmSync(file, { force: true });
  } catch (e) {
    throw asWriteError(e, dir);
  } finally {
    fs.rmSync(guard, { recursive: true, force: true });
  }
  return true;
}

function readLock(file: string): LockInfo | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw e;
  }
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    return typeof v.pid === 'number' && typeof v.host === 'string' ? { pid: v.pid, host: v.host, startedAt: String(v.startedAt ?? '') } : 'unreadable';
  } catch {
    return 'unreadable'; // half-written lock of a crashed start
  }
}

function pidRuns(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Another computer's lock cannot be checked from here: it counts as held. */
function isAlive(owner: LockInfo): boolean {
  return owner.host !== os.hostname() || pidRuns(owner.pid);
}

/** Whether the holder touched the lock lately (a running Didar does every LOCK_REFRESH_MS). */
function touchedLately(file: string): boolean {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  return !!st && Date.now() - st.mtimeMs < LOCK_FRESH_MS;
}

function lockedError(dir: string, owner: LockInfo, file: string): DidarError {
  const here = owner.host === os.hostname();
  // a pid that runs but has not touched the lock for a minute is another program that got the pid after a crash
  const stale = !touchedLately(file);
  const since = Number.isNaN(Date.parse(owner.startedAt)) ? '' : formatInstant(owner.startedAt);
  const fa = here && !stale ? msg.dataLocked(dir, owner.pid, owner.host, since) : msg.dataLockedElsewhere(dir, owner.pid, owner.host, since, here);
  return new DidarError('data-locked', fa, undefined,
    `${dir} is locked by process ${owner.pid} on ${owner.host} since ${owner.startedAt || '?'}${stale ? ' (not touched for a minute)' : ''}; if no Didar uses it, run: didar unlock --data ${dir}`);
}

export type UnlockResult = { removed: boolean; owner: LockInfo | null };

/**
 * `didar unlock`: removes the folder's lock after checking that no Didar holds it: on this computer its process
 * has ended or is not touching the lock (a reused pid); on another computer it has not been touched for a minute.
 */
export function unlockDataDir(dir: string): UnlockResult {
  const file = path.join(dir, LOCK_FILE);
  const owner = readLock(file);
  if (owner === 'missing') return { removed: false, owner: null };
  if (owner !== 'unreadable') {
    const here = owner.host === os.hostname();
    if (here && owner.pid === process.pid) throw lockedError(dir, owner, file);
    const runs = here ? pidRuns(owner.pid) && touchedLately(file) : touchedLately(file);
    if (runs) {
      throw new DidarError('data-locked', msg.unlockRefused(dir, owner.pid, owner.host), undefined,
        `${dir}: Didar (process ${owner.pid} on ${owner.host}) still holds the folder: it touched the lock less than a minute ago. Close it first.`);
    }
  }
  try {
    fs.rmSync(file, { force: true });
    fs.rmSync(path.join(dir, GUARD), { recursive: true, force: true });
  } catch (e) {
    throw asWriteError(e, dir);
  }
  return { removed: true, owner: owner === 'unreadable' ? null : owner };
}
