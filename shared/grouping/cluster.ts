// Clustering of case vectors in two passes over a sparse neighbour graph:
//  1. average linkage (mean pairwise cosine) joins near-identical wordings into tight cores;
//  2. centroid linkage (cosine of the groups' mean vectors) joins cores that name the same problem:
//     each case's own wording averages out and the words the cases share remain.
// Neither chains unrelated cases the way single linkage does. A shared department adds a bonus (a hint,
// not a wall), and two groups that each own a word the other lacks are kept apart (the veto).
import { dot, type Vector } from './features';
import { MaxHeap } from './heap';

export type ClusterOptions = {
  /** First pass: groups merge while their mean pairwise similarity is at least this. */
  threshold: number;
  /** Second pass: groups whose mean vectors have at least this cosine merge (1 = no second pass). */
  centroidThreshold: number;
  /** Added to the similarity of two cases with the same hint (department). */
  hintBonus: number;
  /** Neighbours kept per case in the candidate graph. */
  neighbors: number;
  /** At most this many entries of one feature's posting list are scanned per case (a window around it). */
  postingCap: number;
  /** Weight of a case's nearest neighbours blended into its vector before linkage (0 = none). */
  expansion: number;
  /** Neighbours blended in, and the features an expanded vector keeps. */
  expansionNeighbors: number;
  expansionKeep: number;
  /**
   * Two groups are different problems sharing vocabulary («وام ازدواج» / «وام ودیعه») when each has a
   * stem in at least `cover` of its cases and in at most `leak` of the other's; groups of `minSize`+.
   */
  veto: { cover: number; leak: number; minSize: number };
  /** A stale merge whose fresh score is within this of the best waiting one is taken at once. */
  tolerance: number;
}

export const DEFAULT_CLUSTER: ClusterOptions = {
  threshold: 0.5,
  centroidThreshold: 0.4,
  hintBonus: 0.15,
  neighbors: 12,
  postingCap: 400,
  expansion: 0.6,
  expansionNeighbors: 6,
  expansionKeep: 160,
  veto: { cover: 0.7, leak: 0.1, minSize: 3 },
  tolerance: 0.01,
};

/** A distinct text to cluster: its vector, how many cases share it, and their hints (department ids). */
export type Item = {
  vector: Vector;
  weight: number;
  hints: Map<number, number>;
}

export type Graph = { to: Int32Array; sim: Float32Array }[];

type Sum = Map<number, number>;

export function dotVectorSum(v: Vector, s: Sum): number {
  let t = 0;
  for (let i = 0; i < v.idx.length; i++) {
    const y = s.get(v.idx[i]);
    if (y !== undefined) t += v.val[i] * y;
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

function sharedHints(a: Map<number, number>, b: Map<number, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [h, c] of small) s += c * (large.get(h) ?? 0);
  return s;
}

/** Similarity of two items: cosine plus the hint bonus for the share of their cases with the same hint. */
export function itemSimilarity(a: Item, b: Item, bonus: number): number {
  return dot(a.vector, b.vector) + (bonus * sharedHints(a.hints, b.hints)) / (a.weight * b.weight);
}

/**
 * Each item's most similar items. Candidates come from an inverted index over the candidate features
 * (stems and pairs), scored by accumulating their shared weights; a long posting list is scanned only in
 * a window around the item, so common words cost a bounded amount. The best are then scored exactly.
 */
export function neighborGraph(items: readonly Item[], isCandidateFeature: (id: number) => boolean, options: ClusterOptions): Graph {
  const n = items.length;
  const docs = new Map<number, number[]>();
  const vals = new Map<number, number[]>();
  items.forEach((it, d) => {
    const v = it.vector;
    for (let i = 0; i < v.idx.length; i++) {
      const f = v.idx[i];
      if (!isCandidateFeature(f)) continue;
      let p = docs.get(f);
      if (!p) {
        docs.set(f, (p = []));
        vals.set(f, []);
      }
      p.push(d);
      vals.get(f)!.push(v.val[i]);
    }
  });
  const acc = new Float64Array(n);
  const touched: number[] = [];
  const shortlist = options.neighbors * 3;
  const graph: Graph = [];
  for (let d = 0; d < n; d++) {
    const v = items[d].vector;
    for (let i = 0; i < v.idx.length; i++) {
      const p = docs.get(v.idx[i]);
      if (!p) continue;
      const pv = vals.get(v.idx[i])!;
      let from = 0;
      let to = p.length;
      if (p.length > options.postingCap) {
        const at = lowerBound(p, d);
        from = Math.max(0, Math.min(at - (options.postingCap >> 1), p.length - options.postingCap));
        to = from + options.postingCap;
      }
      const w = v.val[i];
      for (let j = from; j < to; j++) {
        const e = p[j];
        if (e === d) continue;
        if (acc[e] === 0) touched.push(e);
        acc[e] += w * pv[j];
      }
    }
    touched.sort((a, b) => acc[b] - acc[a]);
    const scored = touched.slice(0, shortlist).map((e) => [e, itemSimilarity(items[d], items[e], options.hintBonus)] as const);
    for (const e of touched) acc[e] = 0;
    touched.length = 0;
    scored.sort((a, b) => b[1] - a[1]);
    const top = scored.slice(0, options.neighbors);
    graph.push({ to: Int32Array.from(top.map((t) => t[0])), sim: Float32Array.from(top.map((t) => t[1])) });
  }
  return graph;
}

function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Each item's vector plus its nearest neighbours' (weighted by similarity), renormalised and cut to its
 * strongest features: short texts naming one problem in different words («خاموشی», «قطعی برق») meet.
 */
export function expandItems(items: readonly Item[], graph: Graph, options: ClusterOptions): Item[] {
  if (options.expansion <= 0) return [...items];
  return items.map((it, d) => {
    const acc: Sum = new Map();
    const add = (u: Vector, w: number) => {
      for (let j = 0; j < u.idx.length; j++) acc.set(u.idx[j], (acc.get(u.idx[j]) ?? 0) + w * u.val[j]);
    };
    add(it.vector, 1);
    const g = graph[d];
    const k = Math.min(g.to.length, options.expansionNeighbors);
    for (let i = 0; i < k; i++) add(items[g.to[i]].vector, options.expansion * Math.max(0, g.sim[i]));
    const kept = [...acc].sort((a, b) => b[1] - a[1]).slice(0, options.expansionKeep).sort((a, b) => a[0] - b[0]);
    let norm = 0;
    for (const [, x] of kept) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return { ...it, vector: { idx: Int32Array.from(kept.map((e) => e[0])), val: Float32Array.from(kept.map((e) => e[1] / norm)) } };
  });
}

export type Linkage = 'average' | 'centroid';

type Group = {
  /** Cases in the group (items weighted by their counts). */
  size: number;
  sum: Sum;
  /** |sum|², for centroid linkage. */
  norm2: number;
  /** In how many of the group's cases each stem occurs (for the veto). */
  df: Map<number, number>;
  hints: Map<number, number>;
  adj: Set<number>;
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
  start?: Int32Array,
): Int32Array {
  const n = items.length;
  const owner = start ?? Int32Array.from({ length: n }, (_, i) => i);
  const groups: (Group | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    const it = items[i];
    const g = (groups[owner[i]] ??= { size: 0, sum: new Map(), norm2: 0, df: new Map(), hints: new Map(), adj: new Set(), version: 0 });
    g.size += it.weight;
    const v = it.vector;
    for (let j = 0; j < v.idx.length; j++) g.sum.set(v.idx[j], (g.sum.get(v.idx[j]) ?? 0) + it.weight * v.val[j]);
    for (const f of raw[i].idx) if (isStem(f)) g.df.set(f, (g.df.get(f) ?? 0) + it.weight);
    for (const [h, c] of it.hints) g.hints.set(h, (g.hints.get(h) ?? 0) + c);
  }
  for (const g of groups) if (g) g.norm2 = dotSums(g.sum, g.sum);
  graph.forEach((g, i) => g.to.forEach((j) => {
    const a = owner[i];
    const b = owner[j];
    if (a === b) return;
    groups[a]!.adj.add(b);
    groups[b]!.adj.add(a);
  }));
  const { cover, leak, minSize } = options.veto;
  const owns = (a: Group, b: Group): boolean => {
    for (const [f, c] of a.df) if (c >= cover * a.size && (b.df.get(f) ?? 0) <= leak * b.size) return true;
    return false;
  };
  const linkage = (a: Group, b: Group): number => {
    if (mode === 'centroid' && a.size >= minSize && b.size >= minSize && owns(a, b) && owns(b, a)) return -1;
    const hint = (options.hintBonus * sharedHints(a.hints, b.hints)) / (a.size * b.size);
    const d = dotSums(a.sum, b.sum);
    return hint + (mode === 'average' ? d / (a.size * b.size) : d / Math.sqrt(a.norm2 * b.norm2 || 1));
  };
  type Entry = [number, number, number, number];
  const heap = new MaxHeap<Entry>();
  for (let i = 0; i < n; i++) {
    const gi = groups[i];
    if (!gi) continue;
    for (const j of gi.adj) {
      if (j <= i) continue;
      const s = linkage(gi, groups[j]!);
      if (s >= threshold) heap.push(s, [i, j, gi.version, groups[j]!.version]);
    }
  }
  const parent = Int32Array.from({ length: n }, (_, i) => i); // over group ids
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
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
      if (s < heap.peekKey() - options.tolerance) {
        heap.push(s, [a, b, ga.version, gb.version]);
        continue;
      }
    } else if (score < threshold) continue;
    // Merge the smaller group into the larger one.
    const [keep, drop, gk, gd] = ga.size >= gb.size ? [a, b, ga, gb] : [b, a, gb, ga];
    gk.norm2 += gd.norm2 + 2 * dotSums(gk.sum, gd.sum);
    for (const [k, v] of gd.sum) gk.sum.set(k, (gk.sum.get(k) ?? 0) + v);
    for (const [k, v] of gd.df) gk.df.set(k, (gk.df.get(k) ?? 0) + v);
    for (const [k, v] of gd.hints) gk.hints.set(k, (gk.hints.get(k) ?? 0) + v);
    gk.size += gd.size;
    gk.version++;
    parent[drop] = keep;
    groups[drop] = null;
    gk.adj.delete(drop);
    // The dropped group's neighbours become the kept group's, queued optimistically and rescored when due.
    for (const c of gd.adj) {
      const rc = root(c);
      if (rc === keep || gk.adj.has(rc)) continue;
      gk.adj.add(rc);
      heap.push(score, [keep, rc, -1, -1]);
    }
  }
  const label = new Int32Array(n);
  const ids = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const r = root(owner[i]);
    let id = ids.get(r);
    if (id === undefined) ids.set(r, (id = ids.size));
    label[i] = id;
  }
  return label;
}
