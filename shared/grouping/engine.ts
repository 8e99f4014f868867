// The grouping engine: cases in, groups of the same problem out, each with a readable title.
// Pure (no Node APIs): the backend runs it in a worker thread, tests and the CLI call it directly.
import { contentTerms, placeSet } from './text';
import { DEFAULT_FEATURES, fitVectors, type FeatureModel, type FeatureOptions, type Vector } from './features';
import { agglomerate, coreGraph, DEFAULT_CLUSTER, expandItems, neighborGraph, type ClusterOptions, type Item } from './cluster';
import { MAZANDARAN_COUNTIES } from '../defaults';

export type GroupingInput = {
  id: string;
  text: string;
  county?: string;
  department?: string;
  date?: string;
}

export type GroupingOptions = {
  features: FeatureOptions;
  cluster: ClusterOptions;
  /** Extra place names to mask besides the cases' own counties (villages, districts). */
  places?: readonly string[];
}

export const DEFAULT_GROUPING: GroupingOptions = { features: DEFAULT_FEATURES, cluster: DEFAULT_CLUSTER };

export type GroupOutput = {
  caseIds: string[];
  title: string;
}

/** A fitted run: kept so that new cases can be attached to its groups without a re-run. */
export type GroupingRun = {
  groups: GroupOutput[];
  model: FeatureModel;
  places: Set<string>;
  /** Per case (cases with the same terms share one vector). */
  vectors: Vector[];
  hintIds: Map<string, number>;
  labels: Int32Array;
  surfaces: Map<string, Map<string, number>>;
}

export function groupCases(cases: readonly GroupingInput[], options: GroupingOptions = DEFAULT_GROUPING): GroupingRun {
  const places = placeSet([...MAZANDARAN_COUNTIES, ...(options.places ?? []), ...cases.map((c) => c.county ?? '')]);
  const surfaces = new Map<string, Map<string, number>>();
  // Cases with the same terms are one item with a weight: repeated wordings cost nothing extra.
  const itemOf = new Int32Array(cases.length);
  const itemKeys = new Map<string, number>();
  const itemStems: string[][] = [];
  const hintIds = new Map<string, number>();
  const itemHints: Map<number, number>[] = [];
  const weights: number[] = [];
  cases.forEach((c, ci) => {
    const t = contentTerms(c.text, places);
    t.stems.forEach((s, i) => {
      let m = surfaces.get(s);
      if (!m) surfaces.set(s, (m = new Map()));
      const surface = t.surfaces[i]!;
      m.set(surface, (m.get(surface) ?? 0) + 1);
    });
    // A text with no content words (only numbers or names) says nothing about its problem: alone.
    const key = t.stems.length ? t.stems.join(' ') : `\u0000${ci}`;
    let item = itemKeys.get(key);
    if (item === undefined) {
      itemKeys.set(key, (item = itemStems.length));
      itemStems.push(t.stems);
      itemHints.push(new Map());
      weights.push(0);
    }
    itemOf[ci] = item;
    weights[item]!++;
    const h = hintId(hintIds, c.department);
    const hints = itemHints[item]!;
    if (h >= 0) hints.set(h, (hints.get(h) ?? 0) + 1);
  });
  const { model, vectors } = fitVectors(itemStems, options.features, weights);
  const items: Item[] = vectors.map((vector, i) => ({ vector, weight: weights[i]!, hints: itemHints[i]! }));
  const cluster = options.cluster;
  const isCandidate = (id: number) => model.block[id]! < 2;
  const isStem = (id: number) => model.block[id] === 0;
  const graph = neighborGraph(items, isCandidate, cluster);
  const expanded = expandItems(items, graph, cluster, model.idf.length);
  const cores = agglomerate(expanded, vectors, graph, cluster, 'average', cluster.threshold, isStem);
  // Near-identical wordings fill each other's neighbour lists; the cores look for their own neighbours.
  const itemLabels = cluster.centroidThreshold < 1
    ? agglomerate(expanded, vectors, coreGraph(expanded, cores, isCandidate, cluster), cluster, 'centroid', cluster.centroidThreshold, isStem, cores)
    : cores;
  const labels = Int32Array.from(itemOf, (item) => itemLabels[item]!);
  const members: number[][] = [];
  labels.forEach((g, i) => (members[g] ??= []).push(i));
  const groups = members.map((idx) => ({
    caseIds: idx.map((i) => cases[i]!.id),
    title: groupTitle(idx.map((i) => vectors[itemOf[i]!]!), model, surfaces),
  }));
  return { groups, model, places, vectors: Array.from(itemOf, (item) => vectors[item]!), hintIds, labels, surfaces };
}

function hintId(ids: Map<string, number>, department: string | undefined): number {
  const key = (department ?? '').trim();
  if (!key) return -1;
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
}

/**
 * The group's characteristic words: stems and pairs with the highest mean weight in its cases,
 * shown as the commonest word each stem came from; a pair hides the stems it contains.
 */
export function groupTitle(vectors: readonly Vector[], model: FeatureModel, surfaces: Map<string, Map<string, number>>, words = 3): string {
  const score = new Map<number, number>();
  for (const v of vectors) {
    for (let i = 0; i < v.idx.length; i++) {
      const id = v.idx[i]!;
      if (model.block[id]! < 2) score.set(id, (score.get(id) ?? 0) + v.val[i]!);
    }
  }
  const keyOf = new Map<number, string>();
  for (const id of score.keys()) keyOf.set(id, '');
  for (const [k, id] of model.vocab) if (keyOf.has(id)) keyOf.set(id, k);
  const ranked = [...score].sort((a, b) => b[1] - a[1]).map(([id]) => keyOf.get(id)!);
  const surface = (stem: string) => {
    const m = surfaces.get(stem);
    return m ? [...m].sort((a, b) => b[1] - a[1])[0]![0] : stem;
  };
  const used = new Set<string>();
  const parts: string[] = [];
  for (const key of ranked) {
    if (parts.length >= words) break;
    const stemsOf = key.slice(1).split(' ');
    if (stemsOf.some((s) => used.has(s))) continue;
    stemsOf.forEach((s) => used.add(s));
    parts.push(stemsOf.map(surface).join(' '));
  }
  return parts.join('، ');
}
