// Group titles a person would write: the core phrase of one of the group's most central cases, quoted in the
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
/** The title is the best phrase of this many of the group's most central cases. */
const CANDIDATE_CASES = 3;
/**
 * A word naming the group's object or problem counts this share of that tag's weight: objects and problems
 * are two blocks of the vector, each about as heavy as the stems would make them together.
 */
const TAG_SHARE = Math.SQRT1_2;
/** A title never runs across the end of a sentence, a colon or a comma («قطعه، با بشکه آب» is two phrases). */
const PHRASE_END = /[.!?؟؛:;،,\n]/;
/**
 * A title never runs into a relative clause («کمک هزینه نگهداری دخترم که معلول ذهنیه»), a reason, a «but»
 * or what the problem causes («قطعی مکرر برق باعث خرابی پمپ»: the problem is the first phrase).
 */
const CLAUSE_WORDS = new Set(['که', 'چون', 'چونکه', 'زیرا', 'اما', 'ولی', 'باعث']);
/**
 * A word that ends in an ezafe bound to the next word («گاوهای روستا», «خانه‌ی ما») never ends a title: the
 * phrase it heads goes on («واکسن تب برفکی گاوهای» says whose only with the next word).
 */
const EZAFE_END = /(?:.{2,}ها|\u200c)ی$/;

type TitleModel = { model: FeatureModel; places: ReadonlySet<string>; lexicon: CompiledLexicon };

/**
 * The title of a group, given its cases' vectors: the core phrase of one of its most central cases. `textOf(k)` is
 * the text of the case whose vector is `vectors[k]` (undefined when the text is not at hand).
 */
export function groupTitle(vectors: readonly Vector[], textOf: (k: number) => string | undefined, run: TitleModel): string {
  if (vectors.length === 0) return '';
  const centroid = new Map<number, number>();
  for (const v of vectors) {
    for (let j = 0; j < v.idx.length; j++) centroid.set(v.idx[j]!, (centroid.get(v.idx[j]!) ?? 0) + v.val[j]!);
  }
  const step = Math.max(1, Math.floor(vectors.length / MEDOID_SAMPLE));
  const central: { k: number; s: number }[] = [];
  for (let k = 0; k < vectors.length; k += step) if (textOf(k)) central.push({ k, s: dotVectorSum(vectors[k]!, centroid) });
  central.sort((a, b) => b.s - a.s);
  const weight = (key: string): number => {
    const id = run.model.vocab.get(key);
    return id === undefined ? 0 : centroid.get(id) ?? 0;
  };
  // The phrase that weighs most among the most central cases: one case's best words may be a side remark.
  let best = { phrase: '', value: -Infinity };
  for (const { k } of central.slice(0, CANDIDATE_CASES)) {
    const p = corePhrase(textOf(k)!, weight, run.places, run.lexicon);
    if (p.value > best.value) best = p;
  }
  return best.phrase;
}

/**
 * The best run of at most MAX_WORDS words of `text`: it starts and ends with a content word, holds no name
 * or place, and has the largest weight (stems, stem pairs and the problems their words name, by
 * `weight`), a little less for each filler word inside. Falls back to the text's first words when none of
 * them weighs anything.
 */
function corePhrase(text: string, weight: (featureKey: string) => number, places: ReadonlySet<string>, lexicon: CompiledLexicon): { phrase: string; value: number } {
  const words = joinWords(splitWords(text));
  const kept = new Set<Word>(maskWords(words, places));
  const stems = words.map((w) => (kept.has(w) && w.text.length >= 2 && !isGeneric(w.text) ? stem(w.text) : ''));
  const score = stems.map((s) => (s && !isGeneric(s) ? weight('w' + s) : 0));
  // A word naming the group's object or what is wrong with it counts that problem's weight too. A title
  // never starts inside such a phrase («نهاده دامی» is not cut to «دامی»).
  const noStart = new Set<number>();
  for (const m of problemWords(lexTokens(words, stems), lexicon)) {
    const w = TAG_SHARE * Math.max(0, ...m.tags.map((t) => weight('k' + t)));
    for (const i of m.words) if (stems[i]) score[i]! += w;
    const first = Math.min(...m.words);
    const last = Math.max(...m.words);
    for (let i = first + 1; i <= last; i++) noStart.add(i);
  }
  // A stem pair adds to its second word (pairs skip the filler words between them, as the features do).
  let prev = '';
  stems.forEach((s, i) => {
    if (!s || isGeneric(s)) return;
    if (prev) score[i]! += weight(`p${prev} ${s}`);
    prev = s;
  });
  const top = Math.max(0, ...score);
  if (top <= 0) return { phrase: quote(text, words.filter((w) => kept.has(w)).slice(0, MAX_WORDS)), value: 0 };
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
    if (score[i]! <= 0 || noStart.has(i)) continue;
    let value = 0;
    const seen = new Set<string>();
    for (let j = i; j < words.length && j < i + MAX_WORDS; j++) {
      // A number may stand inside a title («حریم ۶۰ متری دریا»), a name or a place may not.
      const number = /^\d+$/.test(words[j]!.text);
      if ((!kept.has(words[j]!) && !number) || CLAUSE_WORDS.has(words[j]!.text) || (j > i && endsBefore(j))) break;
      // A word said twice counts once («صندوق بیمه کشاورزی بیمه» is no better a title for its second «بیمه»).
      const again = seen.has(stems[j]!);
      if (stems[j]) seen.add(stems[j]!);
      // A number between words is part of the phrase it stands in, not filler.
      value += score[j]! > 0 && !again ? score[j]! - cost : number ? 0 : -filler;
      const open = EZAFE_END.test(words[j]!.text) && j + 1 < words.length && !endsBefore(j + 1);
      if (score[j]! > 0 && !again && !open && value > bestValue) [bestFrom, bestTo, bestValue] = [i, j, value];
    }
  }
  return { phrase: quote(text, words.slice(bestFrom, bestTo + 1)), value: bestValue };
}

/** The original text of a run of words: Persian letters and digits, one space, no bracket left open. */
function quote(text: string, words: readonly Word[]): string {
  if (words.length === 0) return '';
  const s = toPersianDigits(normalizeLetters(text.slice(words[0]!.start, words[words.length - 1]!.end))).replace(/\s+/g, ' ').trim();
  const open = (s.match(/[(«[]/g) ?? []).length;
  const closed = (s.match(/[)»\]]/g) ?? []).length;
  return open === closed ? s : s.replace(/[()«»[\]]/g, '').replace(/\s+/g, ' ').trim();
}
