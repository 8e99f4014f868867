// Persian text → terms for grouping: normalisation, masking of names/places/numbers, light stemming.
// Pure and deterministic: the same text always gives the same terms, in the renderer or a worker.
import { foldForSearch } from '../persian-text';
import { STOPWORDS, MASK_NEXT, MI_WORDS, PREFIXES, SUFFIXES, FINAL_LETTERS, BOUND_AFTER, BOUND_BEFORE } from './lexicon';

/**
 * Letters, digits, ZWNJ and diacritics unified (foldForSearch), punctuation turned into spaces.
 * «سهميه‌ كود» and «سهمیه کود» give the same string.
 */
export function normalizeForGrouping(text: string): string {
  return foldForSearch(text)
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits on spaces and re-attaches bound morphemes a clerk typed apart («می گوید», «خانه ها»). */
export function joinBoundMorphemes(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (BOUND_BEFORE.has(t) && i + 1 < tokens.length) {
      out.push(t + tokens[++i]!);
    } else if (BOUND_AFTER.has(t) && out.length > 0) {
      out[out.length - 1] += t;
    } else {
      out.push(t);
    }
  }
  return out;
}

/**
 * Names, places and numbers say where and who, not what the problem is: the word after «روستای»,
 * «آقای», …, every token with a digit, and the given place names (folded) are removed.
 */
export function maskTokens(tokens: readonly string[], places: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (/\d/.test(t) || places.has(t)) continue;
    if (i + 1 < tokens.length && places.has(t + tokens[i + 1]!)) {
      i++;
      continue;
    }
    out.push(t);
    if (MASK_NEXT.has(t)) i++;
  }
  return out;
}

/** Strips the commonest inflection so «کشاورزان», «کشاورزا» and «کشاورزی‌ها» meet at «کشاورز». */
export function stem(word: string): string {
  let w = word;
  const root = (x: string) => x.replace(/(ها|های|ی|ه)$/, '');
  if (!MI_WORDS.has(word) && !MI_WORDS.has(root(word))) for (const p of PREFIXES) {
    if (w.startsWith(p) && w.length - p.length >= 3) {
      w = w.slice(p.length);
      break;
    }
  }
  for (let round = 0; round < 2; round++) {
    const s = SUFFIXES.find((x) => w.endsWith(x) && w.length - x.length >= 3);
    if (!s) break;
    w = w.slice(0, -s.length);
  }
  const last = FINAL_LETTERS.find((x) => w.endsWith(x) && w.length > 3);
  return last ? w.slice(0, -last.length) : w;
}

/** Folded place names (counties, villages) as single tokens, also with their inner spaces removed. */
export function placeSet(names: Iterable<string>): Set<string> {
  const set = new Set<string>();
  for (const n of names) {
    const folded = normalizeForGrouping(n);
    if (!folded) continue;
    set.add(folded.replace(/ /g, ''));
    if (!folded.includes(' ')) set.add(stem(folded));
  }
  return set;
}

export type ContentTerms = {
  /** Content stems in text order: what the grouping compares. */
  stems: string[];
  /** The word each stem came from, for readable group titles. */
  surfaces: string[];
}

export function contentTerms(text: string, places: ReadonlySet<string> = new Set()): ContentTerms {
  const tokens = joinBoundMorphemes(normalizeForGrouping(text).split(' ').filter(Boolean));
  const stems: string[] = [];
  const surfaces: string[] = [];
  for (const t of maskTokens(tokens, places)) {
    if (STOPWORDS.has(t) || t.length < 2) continue;
    const s = stem(t);
    if (STOPWORDS.has(s) || s.length < 2) continue;
    stems.push(s);
    surfaces.push(t);
  }
  return { stems, surfaces };
}
