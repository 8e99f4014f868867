// Units of work commit without waiting for the WAL to reach the disk (synchronous_commit off for their
// transaction), so the store's lock is free for the next unit at once; a unit is answered only after a flush
// that began after its COMMIT. One flush serves every unit that committed before it began (group commit):
// a small transaction that writes one WAL record and commits with synchronous_commit on, which flushes the
// WAL up to its own commit record, and so every commit before it. Nothing is answered before it is on disk.
import { Serial } from '../serial';

export class WalFlush {
  /** The flush under way, and the one that will start when it ends (for the commits it may not cover). */
  private current: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private readonly all = new Serial();

  constructor(private readonly flushOnce: () => Promise<void>) {}

  /** Resolves when everything committed before this call is on disk; rejects if the flush failed. */
  after(): Promise<void> {
    if (!this.current) return this.start();
    // the flush under way may have begun before the caller's COMMIT: the next one is certain to cover it
    this.queued ??= this.current.catch(() => undefined).then(() => {
      this.queued = null;
      return this.start();
    });
    return this.queued;
  }

  /** Resolves when no flush is under way or waiting. */
  idle(): Promise<void> {
    return this.all.idle();
  }

  private start(): Promise<void> {
    const flush: Promise<void> = this.all.run(this.flushOnce).finally(() => {
      if (this.current === flush) this.current = null;
    });
    this.current = flush;
    return flush;
  }
}
