// Worker threads that draw PDFs or group cases work for someone who can wait a moment; the backend's own
// thread answers every desk. On a PC with two cores they would otherwise take turns with it as equals.
import fs from 'node:fs';
import os from 'node:os';

/** How much nicer than the thread that started it a background thread is (nice values go up to 19). */
export const BACKGROUND_NICENESS = 10;
const NICEST = 19;

/**
 * Lowers the scheduling priority of the calling thread only, from the one it started with (Linux: a thread's own id through /proc/thread-self;
 * setpriority on it leaves the rest of the process alone). Elsewhere nothing is changed: there the call would
 * lower the whole process.
 */
export function runInBackground(): void {
  if (process.platform !== 'linux') return;
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').at(-1));
    if (Number.isInteger(tid) && tid !== process.pid) os.setPriority(tid, Math.min(NICEST, os.getPriority(tid) + BACKGROUND_NICENESS));
  } catch {
    // no /proc, or not allowed: the thread keeps its priority, which is only slower for the desks
  }
}
