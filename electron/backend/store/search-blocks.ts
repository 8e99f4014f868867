// Full-text search over every case without a per-case loop: the folded texts of ~2,000 cases are joined
// into one string per block, and each search word is found with native indexOf over those blocks.
const BLOCK_SIZE = 2000;
const SEPARATOR = '\u0001'; // never in folded text, so no match spans two cases

/** A block keeps its texts either joined (for searching) or split (while being changed), not both. */
type Block = { ids: string[]; texts: string[] | null; joined: string | null; offsets: number[] };

export class SearchBlocks {
  private blocks: Block[] = [];
  private where = new Map<string, { block: Block; slot: number }>();

  private textsOf(b: Block): string[] {
    if (!b.texts) {
      b.texts = b.joined!.split(SEPARATOR);
      b.joined = null;
    }
    return b.texts;
  }

  set(id: string, text: string): void {
    const at = this.where.get(id);
    if (at) {
      this.textsOf(at.block)[at.slot] = text;
      return;
    }
    let last = this.blocks.at(-1);
    if (!last || last.ids.length >= BLOCK_SIZE) {
      if (last) this.joined(last); // a full block is joined at once: per-case strings never pile up
      this.blocks.push((last = { ids: [], texts: [], joined: null, offsets: [] }));
    }
    this.where.set(id, { block: last, slot: last.ids.length });
    last.ids.push(id);
    this.textsOf(last).push(text);
  }

  /** Joins every block: one string per block instead of one per case, a fraction of the memory. */
  compact(): void {
    for (const b of this.blocks) this.joined(b);
  }

  has(id: string): boolean {
    return this.where.has(id);
  }

  delete(id: string): void {
    this.set(id, '');
  }

  private joined(b: Block): string {
    if (b.joined === null) {
      const texts = b.texts ?? [];
      b.offsets = [];
      let pos = 0;
      for (const t of texts) {
        b.offsets.push(pos);
        pos += t.length + 1;
      }
      b.joined = texts.join(SEPARATOR);
      b.texts = null;
    }
    return b.joined;
  }

  /** Ids of the cases whose text contains every word (words already folded, without spaces). */
  matching(words: string[]): string[] {
    const [first, ...rest] = [...words].sort((a, b) => b.length - a.length); // the longest is usually rarest
    const found: string[] = [];
    if (first === undefined) return found;
    for (const b of this.blocks) {
      const s = this.joined(b);
      for (let p = s.indexOf(first); p >= 0; p = s.indexOf(first, p + 1)) {
        const slot = slotAt(b.offsets, p);
        const end = (b.offsets[slot + 1] ?? s.length + 1) - 1;
        if (rest.length) {
          const text = s.slice(b.offsets[slot]!, end); // a sliced string: no copy
          if (!rest.every((w) => text.includes(w))) {
            p = end;
            continue;
          }
        }
        found.push(b.ids[slot]!);
        p = end; // on to the next case
      }
    }
    return found;
  }
}

/** The case whose text starts at or before `pos` (binary search over the start offsets). */
function slotAt(offsets: number[], pos: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (offsets[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
