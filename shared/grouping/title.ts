// Group titles a person would write: the core phrase of the group's most central case, quoted in the
// citizen's own spelling («قطعی برق در ساعات شب», not a list of stems).
import { normalizeLetters, toPersianDigits } from '../persian-text';
import { dotVectorSum } from './cluster';
import type { FeatureModel, Vector } from './features';
import { lexTokens, problemWords, type CompiledLexicon } from './problem-lexicon';
import { isGeneric, joinWords, maskWords, splitWords, stem, type Word } from './text';

/** A title is at most this many words. */
const MAX_WORDS = 6;
/** Large groups look for their central case among this many of their cases (spread over the group). */
const MEDOID_SAMPLE = 2000;
/**
 * A word naming the group's object or problem counts this share of that tag's weight: objects and problems
 * are two blocks of the vector, each about as heavy as the stems would make them together.
 */
const TAG_SHARE = Math.SQRT1_2;
/** A title never runs across the end of a sentence, a colon or a comma («قطعه، با بشکه آب» is two phrases). */
const PHRASE_END = /[.!?؟؛:;،,\n]/;
/** A title never runs into a relative clause («کمک هزینه نگهداری دخترم که معلول ذهنیه»). */
const CLAUSE_WORDS = new Set(['که']);
/**
 * A word that ends in an ezafe bound to the next word («گاوهای روستا», «خانه‌ی ما») never ends a title: the
 * phrase it heads goes on («واکسن تب برفکی گاوهای» says whose only with the next word).
 */
const EZAFE_END = /(?:.{2,}ها|\u200c)ی$/;

type TitleModel = { model: FeatureModel; places: ReadonlySet<string>; lexicon: CompiledLexicon };

/**
 * The title of a group, given its cases' vectors: the core phrase of its most central case. `textOf(k)` is
 * the text of the case whose vector is `vectors[k]` (undefined when the text is not at hand).
 */
export function groupTitle(vectors: readonly Vector[], textOf: (k: number) => string | undefined, run: TitleModel): string {
  if (vectors.length === 0) return '';
  const centroid = new Map<number, number>();
  for (const v of vectors) {
    for (let j = 0; j < v.idx.length; j++) centroid.set(v.idx[j]!, (centroid.get(v.idx[j]!) ?? 0) + v.val[j]!);
  }
  const step = Math.max(1, Math.floor(vectors.length / MEDOID_SAMPLE));
  let best = -1;
  let bestScore = -Infinity;
  for (let k = 0; k < vectors.length; k += step) {
    const s = dotVectorSum(vectors[k]!, centroid);
    if (s > bestScore && textOf(k)) [best, bestScore] = [k, s];
  }
  const text = best >= 0 ? textOf(best) : undefined;
  if (!text) return '';
  const weight = (key: string): number => {
    const id = run.model.vocab.get(key);
    return id === undefined ? 0 : centroid.get(id) ?? 0;
  };
  return corePhrase(text, weight, run.places, run.lexicon);
}

/**
 * The best run of at most MAX_WORDS words of `text`: it starts and ends with a content word, holds no name
 * or place, and has the largest weight (stems, stem pairs and the problems their words name, by
 * `weight`), a little less for each filler word inside. Falls back to the text's first words when none of
 * them weighs anything.
 */
export function corePhrase(text: string, weight: (featureKey: string) => number, places: ReadonlySet<string>, lexicon: CompiledLexicon): string {
  const words = joinWords(splitWords(text));
  const kept = new Set<Word>(maskWords(words, places));
  const stems = words.map((w) => (kept.has(w) && w.text.length >= 2 && !isGeneric(w.text) ? stem(w.text) : ''));
  const score = stems.map((s) => (s && !isGeneric(s) ? weight('w' + s) : 0));
  // A word naming the group's object or what is wrong with it counts that problem's weight too.
  for (const m of problemWords(lexTokens(words, stems), lexicon)) {
    const w = TAG_SHARE * Math.max(0, ...m.tags.map((t) => weight('k' + t)));
    for (const i of m.words) if (stems[i]) score[i]! += w;
  }
  // A stem pair adds to its second word (pairs skip the filler words between them, as the features do).
  let prev = '';
  stems.forEach((s, i) => {
    if (!s || isGeneric(s)) return;
    if (prev) score[i]! += weight(`p${prev} ${s}`);
    prev = s;
  });
  const top = Math.max(0, ...score);
  if (top <= 0) return quote(text, words.filter((w) => kept.has(w)).slice(0, MAX_WORDS));
  // Where the weights say nothing about length the best single word alone wins; a word is worth its
  // weight less a share of the strongest word's, a filler word inside costs a little.
  // Each word costs a little, so a short phrase of the strongest words beats a long one of weak words.
  const cost = 0.2 * top;
  const filler = 0.12 * top;
  const endsBefore = (j: number): boolean => PHRASE_END.test(text.slice(words[j - 1]!.end, words[j]!.start));
  let bestFrom = 0;
  let bestTo = 0;
  let bestValue = -Infinity;
  for (let i = 0; i < words.length; i++) {
    if (score[i]! <= 0) continue;
    let value = 0;
    for (let j = i; j < words.length && j < i + MAX_WORDS; j++) {
      // A number may stand inside a title («حریم ۶۰ متری دریا»), a name or a place may not.
      const number = /^\d+$/.test(words[j]!.text);
      if ((!kept.has(words[j]!) && !number) || CLAUSE_WORDS.has(words[j]!.text) || (j > i && endsBefore(j))) break;
      // A number between words is part of the phrase it stands in, not filler.
      value += score[j]! > 0 ? score[j]! - cost : number ? 0 : -filler;
      const open = EZAFE_END.test(words[j]!.text) && j + 1 < words.length && !endsBefore(j + 1);
      if (score[j]! > 0 && !open && value > bestValue) [bestFrom, bestTo, bestValue] = [i, j, value];
    }
  }
  return quote(text, words.slice(bestFrom, bestTo + 1));
}

/** The original text of a run of words: Persian letters and digits, one space, no bracket left open. */
function quote(text: string, words: readonly Word[]): string {
  if (words.length === 0) return '';
  const s = toPersianDigits(normalizeLetters(text.slice(words[0]!.start, words[words.length - 1]!.end))).replace(/\s+/g, ' ').trim();
  const open = (s.match(/[(«[]/g) ?? []).length;
  const closed = (s.match(/[)»\]]/g) ?? []).length;
  return open === closed ? s : s.replace(/[()«»[\]]/g, '').replace(/\s+/g, ' ').trim();
}
