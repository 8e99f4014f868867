// Group commit for one file: saves that arrive while a write is in flight share the next write,
// so many concurrent saves cost a few durable writes instead of one each, and writes never overlap.
export class WriteQueue {
  private inFlight: Promise<void> | null = null;
  private waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];

  constructor(private readonly writeOnce: () => Promise<void>) {}

  /** Resolves once a write that started after this call has reached the disk. */
  flush(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (!this.inFlight) this.run();
    });
  }

  /** Resolves when nothing is being written or waiting (errors were already given to the savers). */
  async idle(): Promise<void> {
    while (this.inFlight) await this.inFlight.catch(() => undefined);
  }

  private run(): void {
    const batch = this.waiters;
    this.waiters = [];
    this.inFlight = this.writeOnce().then(
      () => batch.forEach((w) => w.resolve()),
      (e: unknown) => batch.forEach((w) => w.reject(e)),
    ).finally(() => {
      this.inFlight = null;
      if (this.waiters.length) this.run();
    });
  }
}
