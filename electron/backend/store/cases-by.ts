// Cases looked up by one of their fields (tracking code, national ID). Built on first use, not at start-up:
// at 100,000 cases each map costs some 70 ms that a clerk opening the app should not wait for.
// A case whose key is undefined (no tracking code yet) is not in the map.
import type { Case } from '../../../shared/domain';

const NONE: readonly Case[] = Object.freeze([]);

export class CasesBy {
  private map: Map<string, Case[]> | null = null;

  constructor(
    private readonly key: (c: Case) => string | undefined,
    private readonly all: () => Iterable<Case>,
  ) {}

  private built(): Map<string, Case[]> {
    if (!this.map) {
      this.map = new Map();
      for (const c of this.all()) this.putIn(this.map, c);
    }
    return this.map;
  }

  private putIn(map: Map<string, Case[]>, c: Case): void {
    const k = this.key(c);
    if (k === undefined) return;
    const list = map.get(k);
    if (!list) map.set(k, [c]);
    else {
      const i = list.findIndex((x) => x.id === c.id);
      if (i < 0) list.push(c);
      else list[i] = c;
    }
  }

  get(k: string): readonly Case[] {
    return this.built().get(k) ?? NONE;
  }

  /** A new or changed case; `prev` is its earlier version, whose key may differ. */
  put(prev: Case | undefined, c: Case): void {
    if (!this.map) return;
    if (prev && this.key(prev) !== this.key(c)) this.remove(prev);
    this.putIn(this.map, c);
  }

  remove(c: Case): void {
    const k = this.key(c);
    const list = k === undefined ? undefined : this.map?.get(k);
    const i = list?.findIndex((x) => x.id === c.id) ?? -1;
    if (i < 0) return;
    if (list!.length === 1) this.map!.delete(k!);
    else list!.splice(i, 1);
  }
}
