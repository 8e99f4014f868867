// Runs tasks one at a time, in the order given: the units of work of one data folder.
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  private running = 0;

  run<T>(task: () => Promise<T>): Promise<T> {
    this.running++;
    const next = this.tail.then(task, task).finally(() => this.running--);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Whether a task is running or waiting. */
  get busy(): boolean {
    return this.running > 0;
  }

  /** Resolves when every task given so far has finished. */
  async idle(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.tail;
      await seen;
    } while (seen !== this.tail);
  }
}
