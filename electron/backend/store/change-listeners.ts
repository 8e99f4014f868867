// Who hears of committed units of work (the live updates of the desks): one set for either store.
import type { ChangeNotice } from './store';

export class ChangeListeners {
  private readonly listeners = new Set<(c: ChangeNotice) => void>();

  add(listener: (c: ChangeNotice) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** A listener that throws is logged: the others still hear, and the unit stays committed. */
  notify(c: ChangeNotice): void {
    for (const l of this.listeners) {
      try {
        l(c);
      } catch (e) {
        console.error('[didar] change listener failed:', e);
      }
    }
  }
}
