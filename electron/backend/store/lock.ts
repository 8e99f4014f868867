// One process owns a data folder at a time: a lock file made with O_EXCL holding the owner's pid and host.
// A lock left by a process that no longer runs on this host is taken over.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DidarError } from '../../../shared/errors';
import { msg } from '../../../shared/messages';
import { asWriteError } from './durable-file';

export const LOCK_FILE = 'didar.lock';

type LockInfo = { pid: number; host: string; startedAt: string };

export function acquireLock(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  const me: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        fs.rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw asWriteError(e, dir);
      const owner = readLock(file);
      if (owner && isAlive(owner)) throw new DidarError('data-locked', msg.dataLocked(dir, owner.pid, owner.host));
      try {
        fs.rmSync(file, { force: true }); // stale: its owner is gone
      } catch (err) {
        throw asWriteError(err, dir);
      }
    }
  }
  throw new DidarError('data-locked', msg.dataLocked(dir, 0, '?'));
}

function readLock(file: string): LockInfo | null {
  try {
    const v = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockInfo>;
    return typeof v.pid === 'number' && typeof v.host === 'string' ? (v as LockInfo) : null;
  } catch {
    return null; // half-written lock of a crashed start
  }
}

function isAlive(owner: LockInfo): boolean {
  if (owner.host !== os.hostname()) return true; // cannot tell on a network share: assume it is running
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
