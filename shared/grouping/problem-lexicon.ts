// The lexicon of problems: objects (what: «برق», «وام ازدواج») and defects (what is wrong: «قطع و حذف»,
// «هزینه زیاد»), each with the words citizens use for it. The shipped list is data
// (shared/defaults/problem-lexicon.json); the office adds its own entries in Settings.
import type { DeepReadonly } from '../readonly';
import { z } from 'zod';
import { lineField } from '../domain';
import { msg } from '../messages';
import shipped from '../defaults/problem-lexicon.json' with { type: 'json' };
import { joinBoundMorphemes, matchKey, normalizeForGrouping, textWords, type Word } from './text';

export type LexiconObject = {
  name: string;
  /** A broader object («برق» for «قبض برق»): a child and its parent, or two children, are one object with facets. */
  parent?: string;
  /** Children of this object are different problems whatever their defects («وام ازدواج» / «وام ودیعه مسکن»). */
  distinctChildren?: boolean;
  department?: string;
  category?: string;
  words: string[];
};

/**
 * A defect; defects of one family can name the same problem (a cut and a weak supply), of two families never.
 * A defect of several families is compatible with each (damage is what happened, and goes with a broken
 * thing as with a claim not paid).
 */
export type LexiconDefect = {
  name: string;
  family?: string | string[];
  /**
   * Something asked of an office (a renewal, a duplicate, a transfer): a negated verb after its words says it
   * is not given («پروانه رو تمدید نمی‌کنن»), where after any other defect it denies it («قطع نمیشه»).
   */
  request?: boolean;
  words: string[];
};

export type ProblemLexicon = { objects: LexiconObject[]; defects: LexiconDefect[] };

/** The families a defect belongs to: those it names, or a family of its own. */
export function defectFamilies(d: Pick<LexiconDefect, 'name' | 'family'>): string[] {
  return [d.family ?? d.name].flat();
}

export const DEFAULT_LEXICON: ProblemLexicon = shipped;

/** One entry the office adds in Settings: a new object or defect, or more words for a shipped one of that name. */
export const LexiconEntrySchema = z.object({
  kind: z.enum(['object', 'defect']),
  name: lineField(60),
  parent: z.string().max(60).optional(),
  distinctChildren: z.boolean().optional(),
  family: z.string().max(60).optional(),
  request: z.boolean().optional(),
  words: z.array(lineField(80)).min(1, { error: msg.lexiconWordsRequired }).max(200),
}).strict();
export type LexiconEntry = z.infer<typeof LexiconEntrySchema>;

/** The shipped lexicon with the office's entries: words added to an entry of the same kind and name, or new entries. */
export function mergeLexicon(base: ProblemLexicon, extra: readonly DeepReadonly<LexiconEntry>[]): ProblemLexicon {
  const objects = base.objects.map((o) => ({ ...o, words: [...o.words] }));
  const defects = base.defects.map((d) => ({ ...d, words: [...d.words] }));
  for (const e of extra) {
    const found = (e.kind === 'object' ? objects : defects).find((x) => x.name === e.name);
    if (found) found.words = [...new Set([...found.words, ...e.words])];
    else if (e.kind === 'object') {
      objects.push({ name: e.name, words: [...e.words], ...(e.parent ? { parent: e.parent } : {}), ...(e.distinctChildren ? { distinctChildren: true } : {}) });
    } else defects.push({ name: e.name, words: [...e.words], ...(e.family ? { family: e.family } : {}), ...(e.request ? { request: true } : {}) });
  }
  return { objects, defects };
}

/** A lexicon phrase as matching keys, and what it names. */
type Phrase = { keys: string[]; id: number };

/** A lexicon ready to match token keys: phrases by their first key, longest first. */
export type CompiledLexicon = {
  objects: string[];
  defects: string[];
  /** Index of each object's parent, or -1. */
  parent: Int32Array;
  /** Per object: whether its children are different problems. */
  distinct: Uint8Array;
  /** Per defect: the bits of the defects of its family (itself included). */
  family: Int32Array;
  /** Per defect: whether it is something asked (`LexiconDefect.request`). */
  request: Uint8Array;
  /** Per object: the department and category it usually belongs to ('' when none is given). */
  department: string[];
  category: string[];
  objectPhrases: Map<string, Phrase[]>;
  defectPhrases: Map<string, Phrase[]>;
};

/** A word or phrase of the lexicon as the keys of its tokens (the same folding, joining and stemming as case texts). */
export function phraseKeys(phrase: string): string[] {
  return joinBoundMorphemes(normalizeForGrouping(phrase).split(' ').filter(Boolean)).map(matchKey);
}

/** Defects are bits of a 32-bit mask: at most this many (Settings refuses more new ones). */
export const MAX_DEFECTS = 31;

/** How many defects the office's entries add to the shipped ones (entries naming a shipped defect add none). */
export function newDefects(extra: readonly LexiconEntry[], base: ProblemLexicon = DEFAULT_LEXICON): number {
  const known = new Set(base.defects.map((d) => d.name));
  return new Set(extra.filter((e) => e.kind === 'defect' && !known.has(e.name)).map((e) => e.name)).size;
}

/** The last lexicon compiled: a run, a title and a background of one office compile the same one (60–80 ms cold). */
let lastCompiled: { key: string; lex: CompiledLexicon } | null = null;

/** The lexicon ready to match; the result is shared and must not be changed. */
export function compileLexicon(lex: ProblemLexicon): CompiledLexicon {
  const key = JSON.stringify(lex);
  if (lastCompiled?.key !== key) lastCompiled = { key, lex: compileFresh(lex) };
  return lastCompiled.lex;
}

function compileFresh(lex: ProblemLexicon): CompiledLexicon {
  const defectList = lex.defects.slice(0, MAX_DEFECTS);
  const objects = lex.objects.map((o) => o.name);
  const index = new Map(objects.map((n, i) => [n, i]));
  const parent = Int32Array.from(lex.objects, (o) => (o.parent ? index.get(o.parent) ?? -1 : -1));
  const distinct = Uint8Array.from(lex.objects, (o) => (o.distinctChildren ? 1 : 0));
  const build = (entries: readonly { words: readonly string[] }[]): Map<string, Phrase[]> => {
    const m = new Map<string, Phrase[]>();
    entries.forEach((e, id) => {
      // A word written with ZWNJ is also matched typed with a space («حق‌التدریس», «حق التدریس»).
      for (const w of e.words.flatMap((x) => (x.includes('\u200c') ? [x, x.replace(/\u200c/g, ' ')] : [x]))) {
        const keys = phraseKeys(w);
        if (keys.length === 0) continue;
        let list = m.get(keys[0]!);
        if (!list) m.set(keys[0]!, (list = []));
        if (!list.some((p) => p.id === id && p.keys.join(' ') === keys.join(' '))) list.push({ keys, id });
      }
    });
    for (const list of m.values()) list.sort((a, b) => b.keys.length - a.keys.length);
    return m;
  };
  const familiesOf = defectList.map(defectFamilies);
  const family = Int32Array.from(familiesOf, (fs) => familiesOf.reduce((m, gs, i) => (gs.some((g) => fs.includes(g)) ? m | (1 << i) : m), 0));
  return {
    objects, defects: defectList.map((d) => d.name), parent, distinct, family,
    request: Uint8Array.from(defectList, (d) => (d.request ? 1 : 0)),
    department: lex.objects.map((o) => o.department ?? ''), category: lex.objects.map((o) => o.category ?? ''),
    objectPhrases: build(lex.objects), defectPhrases: build(defectList),
  };
}

/** A defect named further than this many words from every object is about none of them. */
const DEFECT_REACH = 6;
/** The main object's reach is longer: a letter names its subject once and tells what is wrong further on. */
const MAIN_REACH = 12;

/** Words of a phrase may stand this many tokens apart («وام برای ازدواج», «برق روستا مدام می‌رود»). */
const GAP = 2;

/**
 * A word of a text as the lexicon sees it: its match key, whether a phrase may skip it (a filler word), and
 * its key without a spoken possessive («ازدواجم», «سندش»), tried when the word itself matches nothing.
 */
export type LexToken = { key: string; filler: boolean; alt?: string };

/** The spoken copula the stemmer leaves on: «جاده خاکیه», «خیلی کهنه‌ست» (the road is unpaved, it is very old). */
function spoken(word: string): string | undefined {
  if (word.length >= 5 && word.endsWith('یه')) return matchKey(word.slice(0, -1));
  return word.length >= 6 && word.endsWith('ست') ? matchKey(word.slice(0, -2)) : undefined;
}

/** The lexicon's tokens of a text's masked words (`stems`: '' for a generic word). */
export function lexTokens(words: readonly Word[], stems: readonly string[]): LexToken[] {
  return words.map((w, i) => {
    const key = matchKey(w.text);
    // The spoken object marker after a possessive goes first («مستمری‌مو», «سندمونو»); a plural possessive
    // is stripped even from a short word («گازشون», «آبمون»), which the stemmer leaves whole.
    const bare = w.text.length >= 5 && /[مشتن]و$/.test(w.text) ? w.text.slice(0, -1) : w.text;
    const plural = /(مون|مان|شون|شان|تون|تان)$/.test(bare) && bare.length >= 5 ? bare.slice(0, -3) : '';
    const alt = plural ? matchKey(plural) : bare.length >= 4 && /[مش]$/.test(bare) ? matchKey(bare.slice(0, -1)) : bare !== w.text ? matchKey(bare) : spoken(w.text) ?? key;
    return alt === key ? { key, filler: !stems[i] } : { key, filler: !stems[i], alt };
  });
}

/**
 * Occurrences of a kind's phrases in the tokens, each token used once: the longest phrase wins, then the
 * one with fewest filler words skipped («وام برای ازدواج» skips «برای»; content words are never skipped).
 */
type Occurrence = { id: number; at: number; words: number[] };

type Match = { id: number; at: number[]; skipped: number; length: number };

/** The best phrase of `list` starting at token i. */
function bestAt(tokens: readonly LexToken[], used: Uint8Array, i: number, list: readonly Phrase[]): Match | null {
  let best: Match | null = null;
  for (const p of list) {
    if (best && p.keys.length < best.length) break;
    const at = [i];
    let skipped = 0;
    let j = i;
    for (let k = 1; k < p.keys.length; k++) {
      let next = -1;
      for (let step = 1; step <= GAP + 1 && j + step < tokens.length; step++) {
        const t = tokens[j + step]!;
        if (!used[j + step] && (t.key === p.keys[k] || t.alt === p.keys[k])) {
          next = j + step;
          break;
        }
        if (!t.filler) break;
      }
      if (next < 0) break;
      skipped += next - j - 1;
      at.push((j = next));
    }
    if (at.length < p.keys.length) continue;
    if (!best || skipped < best.skipped) best = { id: p.id, at, skipped, length: p.keys.length };
  }
  return best;
}

function occurrences(tokens: readonly LexToken[], phrases: Map<string, Phrase[]>): Occurrence[] {
  const used = new Uint8Array(tokens.length);
  const found: Occurrence[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const t = tokens[i]!;
    const best = bestAt(tokens, used, i, phrases.get(t.key) ?? []) ?? (t.alt ? bestAt(tokens, used, i, phrases.get(t.alt) ?? []) : null);
    if (!best) continue;
    for (const x of best.at) used[x] = 1;
    found.push({ id: best.id, at: i, words: best.at });
  }
  return found;
}

/** A negated «to become / to do» right after a defect's words says it is not so («قطع نمیشه، ولی ضعیفه»). */
const NEGATED_AUX = new Set(['نمی‌شود', 'نمیشه', 'نشده', 'نشد', 'نمی‌شد', 'نمی‌شوند', 'نمیشن', 'نمی‌کند', 'نمیکنه', 'نکرده'].map((w) => phraseKeys(w)[0]!));

/** Bare verbs of absence: they say the word before them is missing, whatever that word is. */
const ABSENCE = new Set(['ندارد', 'نداریم', 'ندارند', 'نداره', 'ندارن', 'نیست', 'نیس'].map((w) => phraseKeys(w)[0]!));

/**
 * The defects a text names, less those it denies, and less a bare «ندارد / نیست» whose missing thing is no
 * object («گاز نداریم» is no gas; «آسفالت سالم نداره», «حاضر نیست» say nothing of a supply).
 */
function defectOccurrences(tokens: readonly LexToken[], lex: CompiledLexicon, objectWords: ReadonlySet<number>): Occurrence[] {
  const namesObject = (at: number): boolean => {
    for (let i = at - 1; i >= 0 && i >= at - 1 - GAP; i--) {
      if (objectWords.has(i)) return true;
      if (!tokens[i]!.filler) return false;
    }
    return false;
  };
  return occurrences(tokens, lex.defectPhrases).filter((d) => (lex.request[d.id] || !NEGATED_AUX.has(tokens[d.words[d.words.length - 1]! + 1]?.key ?? ''))
    && !(d.words.length === 1 && ABSENCE.has(tokens[d.at]!.key) && !namesObject(d.at)));
}

const wordsOf = (occ: readonly Occurrence[]): Set<number> => new Set(occ.flatMap((o) => o.words));

/**
 * What a text says is wrong with what, as pairs (object, defect bits): first the text's main object, then
 * the other objects it mentions, each with the defects named near it. Compact because a run keeps one per
 * distinct text.
 */
export type ProblemProfile = Int32Array;

export const EMPTY_PROFILE: ProblemProfile = new Int32Array(0);

/**
 * The objects and defects a text names. The main object is the one named most often (a parent's mentions
 * count for its child: «وام ازدواج … این وام»), the earliest on a tie: complaints name their subject first
 * and come back to it, while a consequence («پمپ آب کار نمی‌کند») is named once, later.
 */
export function matchProblems(tokens: readonly LexToken[], lex: CompiledLexicon): ProblemProfile {
  const objs = occurrences(tokens, lex.objectPhrases);
  if (objs.length === 0) return EMPTY_PROFILE;
  const count = new Map<number, number>();
  const first = new Map<number, number>();
  for (const o of objs) {
    count.set(o.id, (count.get(o.id) ?? 0) + 1);
    if (!first.has(o.id)) first.set(o.id, o.at);
  }
  const score = (o: number): number => count.get(o)! + (lex.parent[o]! >= 0 ? count.get(lex.parent[o]!) ?? 0 : 0);
  let main = objs[0]!.id;
  for (const o of count.keys()) {
    if (score(o) > score(main) || (score(o) === score(main) && first.get(o)! < first.get(main)!)) main = o;
  }
  // A defect is about the main object when that is named close to it, else about the nearest object close
  // enough («کود اوره در تعاونی توزیع نشده» is about the fertiliser, not the cooperative).
  const masks = new Map<number, number>();
  const isMain = (o: number): boolean => o === main || o === lex.parent[main];
  for (const d of defectOccurrences(tokens, lex, wordsOf(objs))) {
    let near: { id: number; at: number } | null = null;
    for (const o of objs) {
      const dist = Math.abs(o.at - d.at);
      if (dist > (isMain(o.id) ? MAIN_REACH : DEFECT_REACH)) continue;
      if (!near || (isMain(o.id) && !isMain(near.id)) || (isMain(o.id) === isMain(near.id) && dist < Math.abs(near.at - d.at))) near = o;
    }
    if (!near) continue;
    const owner = isMain(near.id) ? main : near.id;
    masks.set(owner, (masks.get(owner) ?? 0) | (1 << d.id));
  }
  const others = [...count.keys()].filter((o) => o !== main);
  const out = new Int32Array(2 + 2 * others.length);
  out[0] = main;
  out[1] = masks.get(main) ?? 0;
  others.forEach((o, i) => {
    out[2 + 2 * i] = o;
    out[3 + 2 * i] = masks.get(o) ?? 0;
  });
  return out;
}

/**
 * Which words of a text name an object or a defect, as the feature tags they make: a title favours the
 * words that name the group's problem.
 */
export function problemWords(tokens: readonly LexToken[], lex: CompiledLexicon): { words: number[]; tags: string[] }[] {
  const objs = occurrences(tokens, lex.objectPhrases);
  const names = objs.map((o) => lex.objects[o.id]!);
  return [
    ...objs.map((o) => ({ words: o.words, tags: [`o${lex.objects[o.id]}`] })),
    ...defectOccurrences(tokens, lex, wordsOf(objs)).map((d) => ({ words: d.words, tags: names.map((o) => `x${o}|${lex.defects[d.id]}`) })),
  ];
}

/** The profile as feature tags: each object alone (a child also as its parent), and each object with each of its defects. */
export function profileTags(profile: ProblemProfile, lex: CompiledLexicon): string[] {
  const tags: string[] = [];
  for (let i = 0; i < profile.length; i += 2) {
    const o = lex.objects[profile[i]!]!;
    const mask = profile[i + 1]!;
    tags.push(`o${o}`);
    const up = lex.parent[profile[i]!]!;
    if (up >= 0) tags.push(`o${lex.objects[up]}`);
    for (let d = 0; d < lex.defects.length; d++) if (mask & (1 << d)) tags.push(`x${o}|${lex.defects[d]}`);
  }
  return tags;
}

/**
 * What the grouping compares of a case: its content stems, the problems it names as tags, and the stems that
 * name no object (what the text says about its object: «ضامن کارمند», «سهمیه نرسیده»).
 */
export type ProblemTerms = { stems: string[]; tags: string[]; profile: ProblemProfile; rest: string[] };

export function problemTerms(text: string, places: ReadonlySet<string>, lex: CompiledLexicon): ProblemTerms {
  const { words, stems } = textWords(text, places);
  const tokens = lexTokens(words, stems);
  const profile = matchProblems(tokens, lex);
  const objectWords = new Set(occurrences(tokens, lex.objectPhrases).flatMap((o) => o.words));
  return { stems: stems.filter(Boolean), tags: profileTags(profile, lex), profile, rest: stems.filter((s, i) => s && !objectWords.has(i)) };
}

/**
 * Two profiles that name different problems: two children of a parent whose children are different problems
 * («وام ازدواج» / «وام ودیعه»), or one object (itself, its parent or a sibling: facets of one object) with
 * defects of different families only («قبض گاز» too high / a village with no gas).
 */
export function profilesConflict(a: ProblemProfile, b: ProblemProfile, lex: CompiledLexicon): boolean {
  return problemRelation(a, b, lex) === CONFLICT;
}

/** How two profiles relate: different problems, nothing known, one object, one object with one kind of defect. */
export const CONFLICT = -1;
export const UNRELATED = 0;
export const SAME_OBJECT = 1;
export const SAME_PROBLEM = 2;
export type ProblemRelation = typeof CONFLICT | typeof UNRELATED | typeof SAME_OBJECT | typeof SAME_PROBLEM;

export function problemRelation(a: ProblemProfile, b: ProblemProfile, lex: CompiledLexicon): ProblemRelation {
  if (a.length === 0 || b.length === 0) return UNRELATED;
  const x = a[0]!;
  const y = b[0]!;
  const px = lex.parent[x]!;
  const py = lex.parent[y]!;
  const siblings = x !== y && px >= 0 && px === py;
  if (siblings && lex.distinct[px]) return CONFLICT;
  if (!(x === y || px === y || py === x || siblings)) return UNRELATED;
  const ma = a[1]!;
  const mb = b[1]!;
  if (ma === 0 || mb === 0) return SAME_OBJECT;
  return (widen(ma, lex) & mb) === 0 ? CONFLICT : SAME_PROBLEM;
}

/** A defect mask with every defect of the same families. */
function widen(mask: number, lex: CompiledLexicon): number {
  let m = 0;
  for (let d = 0; d < lex.family.length; d++) if (mask & (1 << d)) m |= lex.family[d]!;
  return m;
}

/**
 * The profile most of a group's cases share: the main object of at least `share` of the cases, with the
 * defects at least `share` of those cases name. `counts` maps object·32+defect (31: the main object itself)
 * to a number of cases.
 */
export function dominantProfile(counts: ReadonlyMap<number, number>, size: number, share: number): ProblemProfile {
  let main = -1;
  let n = 0;
  for (const [k, c] of counts) if ((k & 31) === 31 && c > n) [main, n] = [k >> 5, c];
  if (main < 0 || n < share * size) return EMPTY_PROFILE;
  let mask = 0;
  for (let d = 0; d < 31; d++) if ((counts.get((main << 5) | d) ?? 0) >= share * n) mask |= 1 << d;
  return Int32Array.of(main, mask);
}

/** Adds a case's main problem to group counts (see dominantProfile), `weight` cases at once. */
export function countProfile(counts: Map<number, number>, p: ProblemProfile, weight: number): void {
  if (p.length === 0) return;
  const o = p[0]!;
  const mask = p[1]!;
  counts.set((o << 5) | 31, (counts.get((o << 5) | 31) ?? 0) + weight);
  for (let d = 0; d < 31; d++) if (mask & (1 << d)) counts.set((o << 5) | d, (counts.get((o << 5) | d) ?? 0) + weight);
}

/** From group counts (see countProfile): in how many cases each defect is named, of whatever object, into `out`. */
export function defectsNamed(counts: ReadonlyMap<number, number>, out: Float64Array): Float64Array {
  out.fill(0);
  for (const [k, c] of counts) if ((k & 31) !== 31) out[k & 31]! += c;
  return out;
}

/** The department and category the lexicon gives the main object of a profile (its parent's when it has none). */
export function lexiconPrior(p: ProblemProfile, lex: CompiledLexicon): { department?: string; category?: string } {
  if (p.length === 0) return {};
  const at = (xs: readonly string[]): string | undefined => xs[p[0]!] || (lex.parent[p[0]!]! >= 0 ? xs[lex.parent[p[0]!]!] : '') || undefined;
  const department = at(lex.department);
  const category = at(lex.category);
  return { ...(department ? { department } : {}), ...(category ? { category } : {}) };
}
