// Persian text → terms for grouping: normalisation, masking of names/places/numbers, light stemming.
// Pure and deterministic: the same text always gives the same terms, in the renderer or a worker.
import { foldForSearch } from '../persian-text';
import { STOPWORDS, GENERIC, MASK_NEXT, MI_WORDS, PREFIXES, SUFFIXES, FINAL_LETTERS, FINAL_ALEF_WORDS, BOUND_AFTER, BOUND_BEFORE } from './lexicon';

const EZAFE_AFTER_HEH = /([هة])[\u200C\u200D][یي](?![\p{L}\p{N}])/gu;

/** The «آ» of «آفت» (a pest), kept through folding: folded, it is «افت» (a drop: «افت ولتاژ» read as pests). */
const PEST_ALEF = /(?<![\p{L}\p{M}\u200C])آ(?=فا?ت)/gu;
const KEPT_ALEF = '\uE000';

/**
 * foldForSearch, with the ezafe «ی» after a silent «ه» dropped: it is written after a ZWNJ («جاده‌ی ما»), and
 * folded away with the ZWNJ it would leave «جادهی», which never meets «جاده». «ه‌ای» stays: mostly it makes
 * an adjective («منطقه‌ای», «هفته‌ای»). The «آ» of «آفت» stays (PEST_ALEF).
 */
const fold = (s: string): string =>
  foldForSearch(s.replace(EZAFE_AFTER_HEH, '$1').replace(PEST_ALEF, KEPT_ALEF)).replaceAll(KEPT_ALEF, 'آ');

/**
 * Letters, digits, ZWNJ and diacritics unified (foldForSearch), punctuation turned into spaces.
 * «سهميه‌ كود» and «سهمیه کود» give the same string.
 */
export function normalizeForGrouping(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A word of a text, folded, with where it stands in the original (titles quote the citizen's own spelling). */
export type Word = { text: string; start: number; end: number };

/** Letters, digits, marks and the joiners that belong inside a word; anything else separates words. */
const WORD = /(?:\p{L}|\p{N}|\p{M}|\u200c|\u200d|\u0640)+/gu;

/** The words of a text, each folded as normalizeForGrouping folds the whole text. */
export function splitWords(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    for (const part of fold(m[0]).replace(/[^\p{L}\p{N}\s]+/gu, ' ').split(' ')) {
      if (part) out.push({ text: part, start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

/** Re-attaches bound morphemes a clerk typed apart («می گوید», «خانه ها»); the spans join too. */
export function joinWords(words: readonly Word[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (BOUND_BEFORE.has(w.text) && i + 1 < words.length) {
      const next = words[++i]!;
      out.push({ text: w.text + next.text, start: w.start, end: next.end });
    } else if (BOUND_AFTER.has(w.text) && out.length > 0) {
      const last = out[out.length - 1]!;
      out[out.length - 1] = { text: last.text + w.text, start: last.start, end: w.end };
    } else {
      out.push(w);
    }
  }
  return out;
}

const bare = (tokens: readonly string[]): Word[] => tokens.map((text) => ({ text, start: 0, end: 0 }));

/** Splits on spaces and re-attaches bound morphemes a clerk typed apart («می گوید», «خانه ها»). */
export function joinBoundMorphemes(tokens: readonly string[]): string[] {
  return joinWords(bare(tokens)).map((w) => w.text);
}

/**
 * Names, places and numbers say where and who, not what the problem is: the word after «روستای»,
 * «آقای», …, every token with a digit, and the given place names (folded) are removed.
 */
export function maskWords(words: readonly Word[], places: ReadonlySet<string>): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const t = words[i]!.text;
    if (/\d/.test(t) || places.has(t)) continue;
    if (i + 1 < words.length && places.has(t + words[i + 1]!.text)) {
      i++;
      continue;
    }
    out.push(words[i]!);
    // A function or generic word after «محله», «روستای», … is no name («برق محله مدام قطع میشه»).
    if (MASK_NEXT.has(t) && i + 1 < words.length && !isGeneric(words[i + 1]!.text)) i++;
  }
  return out;
}

export function maskTokens(tokens: readonly string[], places: ReadonlySet<string>): string[] {
  return maskWords(bare(tokens), places).map((w) => w.text);
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
  const prefixed = w !== word;
  if (FINAL_ALEF_WORDS.has(w)) return w;
  if (FINAL_ALEF_WORDS.has(root(w))) return root(w);
  for (let round = 0; round < 2; round++) {
    // «‌مند» makes nouns and adjectives («سالمند», «نیازمند»), not verbs: «سالمند» is not «سالم».
    const s = SUFFIXES.find((x) => w.endsWith(x) && w.length - x.length >= 3 && !(x === 'ند' && !prefixed && w.endsWith('مند')));
    if (!s) break;
    w = w.slice(0, -s.length);
  }
  const last = FINAL_LETTERS.find((x) => w.endsWith(x) && w.length > 3);
  return last ? w.slice(0, -last.length) : w;
}

/**
 * The key a word is matched by in the problem lexicon: its stem, marked when the verb is negative, so that
 * «نمی‌دهند» (they do not give) does not match «می‌دهند». The spoken third person plural («نکردن»,
 * «نمی‌کنن») meets the written one («نکردند», «نمی‌کنند»).
 */
export function matchKey(word: string): string {
  let key = stem(word);
  if (word.startsWith('ن') && key.length >= 4 && /[دت]ن$/.test(key)) key = key.slice(0, -1);
  else if (word.startsWith('می') || word.startsWith('نمی')) key = key.replace(/ند$/, 'ن');
  return (word.startsWith('نمی') ? '!' : '') + key;
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

/** A word that names nothing of the problem: a function word, intake boilerplate or request phrasing. */
export function isGeneric(word: string): boolean {
  return STOPWORDS.has(word) || GENERIC.has(word);
}

export type TextWords = {
  /** Every word after masking, for the lexicon (which reads «ندارد», «نمی‌دهند»). */
  words: Word[];
  /** Per word: its stem when it is a content word, '' when it is generic. */
  stems: string[];
};

/** The masked words of a text and which of them are content words. */
export function textWords(text: string, places: ReadonlySet<string> = new Set()): TextWords {
  const words = maskWords(joinWords(splitWords(text)), places);
  const stems = words.map(({ text: t }) => {
    if (t.length < 2 || isGeneric(t)) return '';
    const s = stem(t);
    return s.length < 2 || isGeneric(s) ? '' : s;
  });
  return { words, stems };
}

export type ContentTerms = {
  /** Content stems in text order: what the grouping compares. */
  stems: string[];
  /** The word each stem came from. */
  surfaces: string[];
};

export function contentTerms(text: string, places: ReadonlySet<string> = new Set()): ContentTerms {
  const { words, stems } = textWords(text, places);
  const out: ContentTerms = { stems: [], surfaces: [] };
  stems.forEach((s, i) => {
    if (!s) return;
    out.stems.push(s);
    out.surfaces.push(words[i]!.text);
  });
  return out;
}
