// Attempts per key in a sliding time window: the citizen's status lookup counts failed guesses per tracking code,
// sign-in its wrong passwords per account and per address. The clock is passed in, so tests can move it.

import { DidarError } from '../../shared/errors';

export type AttemptLimitOptions = {
  /** Attempts allowed per key within the window. */
  max: number;
  windowMs: number;
  now: () => number;
  /** Keys remembered at most (oldest forgotten first), so that many keys cannot fill the memory. */
  maxKeys?: number;
};

export class AttemptLimit {
  private readonly attempts = new Map<string, number[]>();

  constructor(private readonly o: AttemptLimitOptions) {}

  /** The attempts of `key` still inside the window (older ones dropped). */
  private recent(key: string): number[] {
    const since = this.o.now() - this.o.windowMs;
    const list = (this.attempts.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.attempts.set(key, list);
    else this.attempts.delete(key);
    return list;
  }

  /** 0 when `key` may try now; else the milliseconds until its oldest attempt leaves the window. */
  waitMs(key: string): number {
    const list = this.recent(key);
    return list.length < this.o.max ? 0 : list[list.length - this.o.max]! + this.o.windowMs - this.o.now();
  }

  /** Refuses `key` while it has no attempt left, with `message` saying for how many minutes. */
  refuseWhileLocked(key: string, message: (minutes: number) => string): void {
    const wait = this.waitMs(key);
    if (wait > 0) throw new DidarError('too-many-attempts', message(Math.ceil(wait / 60_000)));
  }

  /** Counts one attempt of `key`. */
  count(key: string): void {
    const list = this.recent(key);
    this.attempts.delete(key); // re-inserted last: the map stays in order of last use
    this.attempts.set(key, [...list, this.o.now()]);
    const maxKeys = this.o.maxKeys ?? 10_000;
    for (const k of this.attempts.keys()) {
      if (this.attempts.size <= maxKeys) break;
      this.attempts.delete(k);
    }
  }

  /** Takes back `key`'s latest attempt (counted before it was known to be right). */
  forgiveLast(key: string): void {
    const list = this.recent(key);
    if (list.length > 1) this.attempts.set(key, list.slice(0, -1));
    else this.attempts.delete(key);
  }

  /** Forgets `key`'s attempts (after a success, where the caller wants that). */
  clear(key: string): void {
    this.attempts.delete(key);
  }
}
