// Full-text search over every case without a per-case loop: the folded texts of ~2,000 cases are joined
// into one string per block, and each search word is found with native indexOf over those blocks.
const BLOCK_SIZE = 2000;
const SEPARATOR = '\u0001'; // never in folded text, so no match spans two cases

type Block = { ids: string[]; texts: string[]; joined: string | null; offsets: number[] };

export class SearchBlocks {
  private blocks: Block[] = [];
  private where = new Map<string, { block: Block; slot: number }>();

  set(id: string, text: string): void {
    const at = this.where.get(id);
    if (at) {
      at.block.texts[at.slot] = text;
      at.block.joined = null;
      return;
    }
    let last = this.blocks.at(-1);
    if (!last || last.ids.length >= BLOCK_SIZE) this.blocks.push((last = { ids: [], texts: [], joined: null, offsets: [] }));
    this.where.set(id, { block: last, slot: last.ids.length });
    last.ids.push(id);
    last.texts.push(text);
    last.joined = null;
  }

  has(id: string): boolean {
    return this.where.has(id);
  }

  delete(id: string): void {
    this.set(id, '');
  }

  text(id: string): string {
    const at = this.where.get(id);
    return at ? at.block.texts[at.slot]! : '';
  }

  private joined(b: Block): string {
    if (b.joined === null) {
      b.offsets = [];
      let pos = 0;
      for (const t of b.texts) {
        b.offsets.push(pos);
        pos += t.length + 1;
      }
      b.joined = b.texts.join(SEPARATOR);
    }
    return b.joined;
  }

  /** Ids of the cases whose text contains every word (words already folded, without spaces). */
  matching(words: string[]): Set<string> {
    const [first, ...rest] = [...words].sort((a, b) => b.length - a.length); // longest is usually rarest
    const found = new Set<string>();
    if (first === undefined) return found;
    for (const b of this.blocks) {
      const s = this.joined(b);
      for (let p = s.indexOf(first); p >= 0; p = s.indexOf(first, p + 1)) {
        const slot = slotAt(b.offsets, p);
        found.add(b.ids[slot]!);
        p = (b.offsets[slot + 1] ?? s.length) - 1; // next case
      }
    }
    if (!rest.length) return found;
    return new Set([...found].filter((id) => rest.every((w) => this.text(id).includes(w))));
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
