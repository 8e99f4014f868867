// Clustering of case vectors in two passes over a sparse neighbour graph:
//  1. average linkage (mean pairwise cosine) joins near-identical wordings into tight cores;
//  2. centroid linkage (cosine of the groups' mean vectors) joins cores that name the same problem:
//     each case's own wording averages out and the words the cases share remain.
// Neither chains unrelated cases the way single linkage does. A shared department adds a bonus (a hint,
// not a wall), two groups that each own a word the other lacks are kept apart (the veto), and so are two
// that name different problems of one object (the lexicon's conflict).
import { dot, type Vector } from './features';
import { MaxHeap } from './heap';
import { CONFLICT, countProfile, defectsNamed, dominantProfile, EMPTY_PROFILE, SAME_PROBLEM, type ProblemProfile, type ProblemRelation } from './problem-lexicon';

export type ClusterOptions = {
  /** First pass: groups merge while their mean pairwise similarity is at least this. */
  threshold: number;
  /** Second pass: groups whose mean vectors have at least this cosine merge (1 = no second pass). */
  centroidThreshold: number;
  /**
   * Both passes' cut for a batch of text from elsewhere (GroupingRun.elsewhere): its near misses share nearly
   * every word with the question they miss, so it merges only what is nearly the same (docs/grouping.md).
   */
  plainThreshold: number;
  /** Added to the similarity of two cases or groups with the same hint (department). */
  hintBonus: number;
  /**
   * The same, when the lexicon reads no problem in one of the two (in a group: none that most of its cases
   * name): the words of an unread text are its wording, and its department is then the better sign of its
   * problem (a power cut told as «شمع روشن می‌کنیم»).
   */
  unreadHintBonus: number;
  /** Taken from the similarity of two cases or groups whose problems conflict (1 or more: never merged). */
  conflictPenalty: number;
  /** Added when the lexicon finds the same main object in both, and more when they share a kind of defect. */
  objectBonus: number;
  defectBonus: number;
  /** A group's problem is what at least this share of its cases names. */
  profileShare: number;
  /** Neighbours kept per case in the candidate graph. */
  neighbors: number;
  /** At most this many entries of one feature's posting list are scanned per case (a window around it). */
  postingCap: number;
  /** Weight of a case's nearest neighbours blended into its vector before linkage (0 = none). */
  expansion: number;
  /** Neighbours blended in, and the features an expanded vector keeps. */
  expansionNeighbors: number;
  /** Only neighbours at least this similar are blended in (an isolated case stays itself). */
  expansionFloor: number;
  expansionKeep: number;
  /**
   * Two groups are different problems sharing vocabulary («وام ازدواج» / «وام ودیعه») when each has a
   * stem in at least `cover` of its cases and in at most `leak` of the other's; groups of `minSize`+.
   * Likewise when each has a defect in at least `defectCover` of its cases and the other names that defect's
   * family at most `leak` times per case («قبض گاز» too high / a village with no gas, whatever words they
   * share): the lexicon finds a defect in only some of a group's texts, so its cover is lower.
   */
  veto: { cover: number; leak: number; minSize: number; defectCover: number };
  /**
   * A stale merge whose fresh score is within this of the best waiting one is taken at once. The first
   * pass only forms tight cores, where the order matters little and exactness costs much on large data.
   */
  tolerance: Record<Linkage, number>;
  /** Candidates of a case come from its strongest stems and pairs only. */
  candidateFeatures: number;
}

export const DEFAULT_CLUSTER: ClusterOptions = {
  threshold: 0.5,
  centroidThreshold: 0.5,
  plainThreshold: 0.65,
  hintBonus: 0.1,
  unreadHintBonus: 0.3,
  conflictPenalty: 0.3,
  objectBonus: 0,
  defectBonus: 0,
  profileShare: 0.5,
  neighbors: 12,
  postingCap: 200,
  expansion: 0.3,
  expansionNeighbors: 6,
  expansionFloor: 0,
  expansionKeep: 160,
  veto: { cover: 0.7, leak: 0.1, minSize: 3, defectCover: 0.4 },
  tolerance: { average: 0.1, centroid: 0.01 },
  candidateFeatures: 24,
};

/** A distinct text to cluster: its vector, how many cases share it, their hints (department ids), its problems. */
export type Item = {
  vector: Vector;
  weight: number;
  hints: Map<number, number>;
  profile: ProblemProfile;
  /** Text from elsewhere (see isPlainText in engine.ts): it borrows no neighbour's words. */
  plain?: boolean;
}

/** How two problem profiles relate (the lexicon's rule, given by the engine). */
export type ConflictTest = (a: ProblemProfile, b: ProblemProfile) => ProblemRelation;

/** The department's bonus between two problems (see `unreadHintBonus`). */
export function hintWeight(a: ProblemProfile, b: ProblemProfile, options: ClusterOptions): number {
  return a.length === 0 || b.length === 0 ? options.unreadHintBonus : options.hintBonus;
}

/** What the lexicon's verdict on two problems adds to their similarity. */
export function problemAdjustment(relation: ProblemRelation, options: ClusterOptions): number {
  if (relation === CONFLICT) return -options.conflictPenalty;
  if (relation <= 0) return 0;
  return options.objectBonus + (relation === SAME_PROBLEM ? options.defectBonus : 0);
}

export type Graph = { to: Int32Array; sim: Float32Array }[];

type Sum = Map<number, number>;

export function dotVectorSum(v: Vector, s: Sum): number {
  let t = 0;
  for (let i = 0; i < v.idx.length; i++) {
    const y = s.get(v.idx[i]!);
    if (y !== undefined) t += v.val[i]! * y;
  }
  return t;
}

function dotSums(a: Sum, b: Sum): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [k, x] of small) {
    const y = large.get(k);
    if (y !== undefined) s += x * y;
  }
  return s;
}

/**
 * The share of case pairs of two groups with the same hint; a pair where either department is unknown
 * counts UNKNOWN_HINT of a match.
 */
export function hintShare<K>(a: ReadonlyMap<K, number>, sizeA: number, b: ReadonlyMap<K, number>, sizeB: number): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let same = 0;
  for (const [h, c] of small) same += c * (large.get(h) ?? 0);
  let knownA = 0;
  let knownB = 0;
  for (const c of a.values()) knownA += c;
  for (const c of b.values()) knownB += c;
  const unknownPairs = sizeA * sizeB - knownA * knownB;
  return (same + UNKNOWN_HINT * unknownPairs) / (sizeA * sizeB);
}

/** An unknown department earns no bonus: text without departments merges on its words alone. */
const UNKNOWN_HINT = 0;

/** Similarity of two items: cosine plus the hint bonus for the share of their cases with the same hint, less the conflict penalty. */
export function itemSimilarity(a: Item, b: Item, options: ClusterOptions, conflict: ConflictTest): number {
  return dot(a.vector, b.vector) + options.hintBonus * hintShare(a.hints, a.weight, b.hints, b.weight)
    + problemAdjustment(conflict(a.profile, b.profile), options);
}

/** Scratch space of topK, reused: allocating per case would churn gigabytes at 100,000 cases. */
let scratch = new Float64Array(1024);
let values = new Float64Array(1024);

/** The k largest of `ids` by `score` (in no particular order), found by quickselect, not a full sort. */
function topK(ids: readonly number[], score: (id: number) => number, k: number): number[] {
  if (ids.length <= k) return [...ids];
  if (values.length < ids.length) {
    values = new Float64Array(ids.length * 2);
    scratch = new Float64Array(ids.length * 2);
  }
  for (let i = 0; i < ids.length; i++) scratch[i] = values[i] = score(ids[i]!);
  const cut = kthLargest(scratch.subarray(0, ids.length), k);
  const out: number[] = [];
  for (let i = 0; i < ids.length && out.length < k; i++) if (values[i]! > cut) out.push(ids[i]!);
  for (let i = 0; i < ids.length && out.length < k; i++) if (values[i] === cut) out.push(ids[i]!);
  return out;
}

/** The k-th largest value (1-based); reorders `xs`. */
function kthLargest(xs: Float64Array, k: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = xs[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i]! > pivot) i++;
      while (xs[j]! < pivot) j--;
      if (i <= j) {
        const t = xs[i]!;
        xs[i++] = xs[j]!;
        xs[j--] = t;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return xs[target]!;
  }
  return xs[target]!;
}

/**
 * Each item's most similar items. Candidates come from an inverted index over the candidate features
 * (stems and pairs), scored by accumulating their shared weights; a long posting list is scanned only in
 * a window around the item, so common words cost a bounded amount. The best are then scored exactly.
 */
export function neighborGraph(items: readonly Item[], isCandidateFeature: (id: number) => boolean, options: ClusterOptions, conflict: ConflictTest): Graph {
  const n = items.length;
  const docs = new Map<number, number[]>();
  const vals = new Map<number, number[]>();
  items.forEach((it, d) => {
    const v = it.vector;
    for (let i = 0; i < v.idx.length; i++) {
      const f = v.idx[i]!;
      if (!isCandidateFeature(f)) continue;
      let p = docs.get(f);
      let pv = vals.get(f);
      if (!p || !pv) {
        docs.set(f, (p = []));
        vals.set(f, (pv = []));
      }
      p.push(d);
      pv.push(v.val[i]!);
    }
  });
  const acc = new Float64Array(n);
  const touched: number[] = [];
  const shortlist = options.neighbors * 3;
  const graph: Graph = [];
  const byAcc = (e: number) => acc[e]!;
  for (let d = 0; d < n; d++) {
    const it = items[d]!;
    const v = it.vector;
    for (const i of strongest(v, isCandidateFeature, options.candidateFeatures)) {
      const p = docs.get(v.idx[i]!);
      const pv = vals.get(v.idx[i]!);
      if (!p || !pv) continue;
      let from = 0;
      let to = p.length;
      if (p.length > options.postingCap) {
        const at = lowerBound(p, d);
        from = Math.max(0, Math.min(at - (options.postingCap >> 1), p.length - options.postingCap));
        to = from + options.postingCap;
      }
      const w = v.val[i]!;
      for (let j = from; j < to; j++) {
        const e = p[j]!;
        if (e === d) continue;
        if (acc[e] === 0) touched.push(e);
        acc[e]! += w * pv[j]!;
      }
    }
    const scored = topK(touched, byAcc, shortlist).map((e) => [e, itemSimilarity(it, items[e]!, options, conflict)] as const);
    for (const e of touched) acc[e] = 0;
    touched.length = 0;
    scored.sort((a, b) => b[1] - a[1]);
    const top = scored.slice(0, options.neighbors);
    graph.push({ to: Int32Array.from(top, (t) => t[0]), sim: Float32Array.from(top, (t) => t[1]) });
  }
  return graph;
}

/** Positions of a vector's k largest candidate features. */
function strongest(v: Vector, isCandidate: (id: number) => boolean, k: number): number[] {
  const at: number[] = [];
  for (let i = 0; i < v.idx.length; i++) if (isCandidate(v.idx[i]!)) at.push(i);
  return topK(at, (i) => v.val[i]!, k);
}

function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Each item's vector plus its nearest neighbours' (weighted by similarity), renormalised and cut to its
 * strongest features: short texts naming one problem in different words («خاموشی», «قطعی برق») meet.
 * Plain text stays itself: borrowing the words of questions of one frame or one topic would join them all
 * («چه ویتامینی برای پوست …» and «کمبود کدام ویتامین …»).
 */
export function expandItems(items: readonly Item[], graph: Graph, options: ClusterOptions, features: number): Item[] {
  if (options.expansion <= 0) return [...items];
  const acc = new Float64Array(features);
  const touched: number[] = [];
  const byAcc = (f: number) => acc[f]!;
  return items.map((it, d) => {
    if (it.plain) return it;
    const add = (u: Vector, w: number) => {
      for (let j = 0; j < u.idx.length; j++) {
        const f = u.idx[j]!;
        if (acc[f] === 0) touched.push(f);
        acc[f]! += w * u.val[j]!;
      }
    };
    add(it.vector, 1);
    const g = graph[d]!;
    const k = Math.min(g.to.length, options.expansionNeighbors);
    for (let i = 0; i < k; i++) if (g.sim[i]! >= options.expansionFloor) add(items[g.to[i]!]!.vector, options.expansion * Math.max(0, g.sim[i]!));
    const vector = strongestUnit(touched, byAcc, options.expansionKeep);
    for (const f of touched) acc[f] = 0;
    touched.length = 0;
    return { ...it, vector };
  });
}

/**
 * The neighbour graph of the cores of a first pass, at item level: each core's mean vector (its strongest
 * features) looks for the most similar other cores, and the edge joins the cores' first items.
 */
export function coreGraph(
  items: readonly Item[], cores: Int32Array, isCandidateFeature: (id: number) => boolean, options: ClusterOptions, conflict: ConflictTest,
): Graph {
  const sums: Map<number, number>[] = [];
  const weight: number[] = [];
  const hints: Map<number, number>[] = [];
  const problems: Map<number, number>[] = [];
  const first: number[] = [];
  items.forEach((it, i) => {
    const c = cores[i]!;
    if (!sums[c]) {
      sums[c] = new Map();
      weight[c] = 0;
      hints[c] = new Map();
      problems[c] = new Map();
      first[c] = i;
    }
    countProfile(problems[c]!, it.profile, it.weight);
    const s = sums[c];
    const v = it.vector;
    for (let j = 0; j < v.idx.length; j++) s.set(v.idx[j]!, (s.get(v.idx[j]!) ?? 0) + it.weight * v.val[j]!);
    weight[c]! += it.weight;
    const h = hints[c]!;
    for (const [k, n] of it.hints) h.set(k, (h.get(k) ?? 0) + n);
  });
  const coreItems: Item[] = sums.map((s, c) => ({
    vector: strongestUnit([...s.keys()], (f) => s.get(f)!, options.expansionKeep), weight: weight[c]!, hints: hints[c]!,
    profile: dominantProfile(problems[c]!, weight[c]!, options.profileShare),
  }));
  const between = neighborGraph(coreItems, isCandidateFeature, options, conflict);
  const graph: Graph = items.map(() => ({ to: new Int32Array(0), sim: new Float32Array(0) }));
  between.forEach((g, c) => {
    graph[first[c]!] = { to: Int32Array.from(g.to, (d) => first[d]!), sim: g.sim };
  });
  return graph;
}

/** The `keep` strongest of the features `ids` (weights from `value`) as a unit vector, ids ascending. */
function strongestUnit(ids: readonly number[], value: (id: number) => number, keep: number): Vector {
  const kept = topK(ids, value, keep).sort((a, b) => a - b);
  const val = Float32Array.from(kept, value);
  let norm = 0;
  for (const x of val) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < val.length; i++) val[i]! /= norm;
  return { idx: Int32Array.from(kept), val };
}

export type Linkage = 'average' | 'centroid';

/** Sums and stem counts of a large group are cut to their strongest entries: the rest barely moves a cosine. */
const SUM_CAP = 600;
const SUM_KEEP = 400;

type Group = {
  /** Cases in the group (items weighted by their counts). */
  size: number;
  /** A lone item keeps its vector; a Map is made when it first absorbs another group. */
  vec: Vector | null;
  sum: Sum | null;
  /** |sum|², for centroid linkage. */
  norm2: number;
  /** In how many of the group's cases each stem occurs (for the veto); made on demand. */
  df: Map<number, number> | null;
  item: number;
  hints: Map<number, number>;
  /** Problem counts of the group's cases (see dominantProfile); made on demand, like df. */
  problems: Map<number, number> | null;
  /** The dominant profile and the version it was computed at. */
  profile: ProblemProfile;
  profileAt: number;
  /** In how many of the group's cases each defect is named (for the veto on defects), and at which version. */
  defects: Float64Array | null;
  defectsAt: number;
  version: number;
}

/**
 * Clusters the items starting from `start` (a group per item, or each item alone) and returns a group
 * number per item (from 0). Best-first merging with a lazy heap: an entry made stale by a merge is
 * rescored when it comes up, so a large group does not rescore all its neighbours after every merge.
 */
export function agglomerate(
  items: readonly Item[],
  raw: readonly Vector[],
  graph: Graph,
  options: ClusterOptions,
  mode: Linkage,
  threshold: number,
  isStem: (id: number) => boolean,
  conflict: ConflictTest,
  start?: Int32Array,
  /** Per defect, the bits of the defects of its family (the lexicon's): for the veto on defects. */
  defectFamily?: Int32Array,
): Int32Array {
  const n = items.length;
  const owner = start ?? Int32Array.from({ length: n }, (_, i) => i);
  const groups: (Group | null)[] = new Array<Group | null>(n).fill(null);
  const stemCounts = (i: number, into: Map<number, number>): void => {
    const w = items[i]!.weight;
    for (const f of raw[i]!.idx) if (isStem(f)) into.set(f, (into.get(f) ?? 0) + w);
  };
  const sumOf = (g: Group): Sum => {
    if (g.sum) return g.sum;
    const s: Sum = new Map();
    const v = g.vec!;
    const w = items[g.item]!.weight;
    for (let j = 0; j < v.idx.length; j++) s.set(v.idx[j]!, w * v.val[j]!);
    g.sum = s;
    g.vec = null;
    return s;
  };
  for (let i = 0; i < n; i++) {
    const it = items[i]!;
    const o = owner[i]!;
    const g = groups[o];
    if (!g) {
      groups[o] = {
        size: it.weight, vec: it.vector, sum: null, norm2: it.weight * it.weight * dot(it.vector, it.vector), df: null, item: i, hints: it.hints,
        problems: null, profile: it.profile, profileAt: 0, defects: null, defectsAt: -1, version: 0,
      };
      continue;
    }
    if (!g.problems) countProfile((g.problems = new Map()), items[g.item]!.profile, items[g.item]!.weight);
    countProfile(g.problems, it.profile, it.weight);
    g.profileAt = -1;
    const s = sumOf(g);
    const v = it.vector;
    for (let j = 0; j < v.idx.length; j++) s.set(v.idx[j]!, (s.get(v.idx[j]!) ?? 0) + it.weight * v.val[j]!);
    g.size += it.weight;
    if (g.hints === items[g.item]!.hints) g.hints = new Map(g.hints);
    for (const [h, c] of it.hints) g.hints.set(h, (g.hints.get(h) ?? 0) + c);
    if (!g.df) stemCounts(g.item, (g.df = new Map()));
    stemCounts(i, g.df);
  }
  for (const g of groups) if (g?.sum) g.norm2 = dotSums(g.sum, g.sum);
  const dfOf = (g: Group): Map<number, number> => {
    if (!g.df) stemCounts(g.item, (g.df = new Map()));
    return g.df;
  };
  const { cover, leak, minSize, defectCover } = options.veto;
  const owns = (a: Group, b: Group): boolean => {
    const db = dfOf(b);
    for (const [f, c] of dfOf(a)) if (c >= cover * a.size && (db.get(f) ?? 0) <= leak * b.size) return true;
    return false;
  };
  /** In how many of a group's cases each defect is named, of whatever object. */
  const defectCounts = (g: Group): Float64Array => {
    if (g.defects && g.defectsAt === g.version) return g.defects;
    let counts = g.problems;
    if (!counts) countProfile((counts = new Map()), items[g.item]!.profile, items[g.item]!.weight);
    g.defects = defectsNamed(counts, g.defects ?? new Float64Array(32));
    g.defectsAt = g.version;
    return g.defects;
  };
  /**
   * Whether `a` names a defect in `defectCover` of its cases that `b` names at most `leak` times per case of
   * its own family (a case of `b` naming two defects of that family counts twice: the veto only errs towards a merge).
   */
  const ownsDefect = (a: Group, b: Group, family: Int32Array): boolean => {
    const da = defectCounts(a);
    const db = defectCounts(b);
    for (let d = 0; d < family.length; d++) {
      if (da[d]! < defectCover * a.size) continue;
      let other = 0;
      for (let e = 0; e < family.length; e++) if (family[d]! & (1 << e)) other += db[e]!;
      if (other <= leak * b.size) return true;
    }
    return false;
  };
  const groupDot = (a: Group, b: Group): number => {
    if (a.vec && b.vec) return items[a.item]!.weight * items[b.item]!.weight * dot(a.vec, b.vec);
    if (a.vec) return items[a.item]!.weight * dotVectorSum(a.vec, b.sum!);
    if (b.vec) return items[b.item]!.weight * dotVectorSum(b.vec, a.sum!);
    return dotSums(a.sum!, b.sum!);
  };
  const profileOf = (g: Group): ProblemProfile => {
    if (g.profileAt !== g.version) {
      g.profile = g.problems ? dominantProfile(g.problems, g.size, options.profileShare) : EMPTY_PROFILE;
      g.profileAt = g.version;
    }
    return g.profile;
  };
  const linkage = (a: Group, b: Group): number => {
    if (mode === 'centroid' && a.size >= minSize && b.size >= minSize
      && ((owns(a, b) && owns(b, a)) || (defectFamily && ownsDefect(a, b, defectFamily) && ownsDefect(b, a, defectFamily)))) return -1;
    const [pa, pb] = [profileOf(a), profileOf(b)];
    const hint = hintWeight(pa, pb, options) * hintShare(a.hints, a.size, b.hints, b.size);
    const problem = problemAdjustment(conflict(pa, pb), options);
    const d = groupDot(a, b);
    return hint + problem + (mode === 'average' ? d / (a.size * b.size) : d / Math.sqrt(a.norm2 * b.norm2 || 1));
  };
  type Entry = [number, number, number, number];
  const heap = new MaxHeap<Entry>();
  // An edge seen from both ends is queued twice; the second copy is skipped when it comes up.
  graph.forEach((g, i) => g.to.forEach((j) => {
    const a = Math.min(owner[i]!, owner[j]!);
    const b = Math.max(owner[i]!, owner[j]!);
    if (a === b) return;
    const s = linkage(groups[a]!, groups[b]!);
    if (s >= threshold) heap.push(s, [a, b, groups[a]!.version, groups[b]!.version]);
  }));
  const parent = Int32Array.from({ length: n }, (_, i) => i); // over group ids
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  while (heap.size > 0) {
    const score = heap.peekKey();
    const [x, y, vx, vy] = heap.pop()!;
    const a = root(x);
    const b = root(y);
    if (a === b) continue;
    const ga = groups[a]!;
    const gb = groups[b]!;
    if (a !== x || b !== y || ga.version !== vx || gb.version !== vy) {
      const s = linkage(ga, gb);
      if (s < threshold) continue;
      if (s < heap.peekKey() - options.tolerance[mode]) {
        heap.push(s, [a, b, ga.version, gb.version]);
        continue;
      }
    } else if (score < threshold) continue;
    // Merge the smaller group into the larger one.
    const [keep, drop, gk, gd] = ga.size >= gb.size ? [a, b, ga, gb] : [b, a, gb, ga];
    const cross = groupDot(gk, gd);
    const dfk = dfOf(gk);
    for (const [k, v] of dfOf(gd)) dfk.set(k, (dfk.get(k) ?? 0) + v);
    const sk = sumOf(gk);
    if (gd.vec) {
      const w = items[gd.item]!.weight;
      for (let j = 0; j < gd.vec.idx.length; j++) sk.set(gd.vec.idx[j]!, (sk.get(gd.vec.idx[j]!) ?? 0) + w * gd.vec.val[j]!);
    } else for (const [k, v] of gd.sum!) sk.set(k, (sk.get(k) ?? 0) + v);
    gk.norm2 += gd.norm2 + 2 * cross;
    if (gk.hints === items[gk.item]!.hints) gk.hints = new Map(gk.hints);
    for (const [k, v] of gd.hints) gk.hints.set(k, (gk.hints.get(k) ?? 0) + v);
    if (!gk.problems) countProfile((gk.problems = new Map()), items[gk.item]!.profile, items[gk.item]!.weight);
    if (gd.problems) for (const [k, v] of gd.problems) gk.problems.set(k, (gk.problems.get(k) ?? 0) + v);
    else countProfile(gk.problems, items[gd.item]!.profile, items[gd.item]!.weight);
    gk.size += gd.size;
    if (sk.size > SUM_CAP) prune(gk, sk, dfk, leak);
    gk.version++;
    parent[drop] = keep;
    groups[drop] = null;
    // Entries of the dropped group stay in the heap: popped, they are rescored against the merged group
    // (root() maps them); pairs never close enough to be queued are not revisited.
  }
  const label = new Int32Array(n);
  const ids = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const r = root(owner[i]!);
    let id = ids.get(r);
    if (id === undefined) ids.set(r, (id = ids.size));
    label[i] = id;
  }
  return label;
}

/** Keeps a large group's strongest sum entries (norm recomputed) and the stems that matter to the veto. */
function prune(g: Group, sum: Sum, df: Map<number, number>, leak: number): void {
  const entries = [...sum].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, SUM_KEEP);
  sum.clear();
  let norm2 = 0;
  for (const [k, v] of entries) {
    sum.set(k, v);
    norm2 += v * v;
  }
  g.norm2 = norm2;
  for (const [k, c] of df) if (c <= leak * g.size) df.delete(k);
}
