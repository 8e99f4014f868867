// Finding a choice (a department, a county) by what a clerk types: Persian letters folded (ي/ی, ك/ک, آ/ا),
// ZWNJ and spaces optional, anywhere in the name, so «بانک» finds «شورای هماهنگی بانک‌ها».
import { foldForSearch } from './persian-text';

const compact = (s: string): string => foldForSearch(s).replace(/\s+/g, '');

/** How well `item` answers `query`: 0 the same name, 1 its start, 2 the start of one of its words, 3 inside it; null no match. */
export function matchRank(item: string, query: string): number | null {
  const q = foldForSearch(query);
  if (!q) return 3;
  const f = foldForSearch(item);
  const cq = compact(query);
  const cf = compact(item);
  if (f === q || cf === cq) return 0;
  if (f.startsWith(q) || cf.startsWith(cq)) return 1;
  if (f.split(' ').some((w) => w.startsWith(q))) return 2;
  return cf.includes(cq) ? 3 : null;
}

/** The items matching `query`, best first (the list's own order among equals); every item for an empty query. */
export function matchChoices(items: readonly string[], query: string): string[] {
  return items
    .map((item, i) => ({ item, i, rank: matchRank(item, query) }))
    .filter((x): x is { item: string; i: number; rank: number } => x.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.item);
}
