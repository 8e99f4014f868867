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

/**
 * Builds a run case by case: only a case's terms are kept once it is added, so a caller can feed 100,000
 * cases in chunks without all their texts in memory at once. `places` are the counties to mask besides
 * the province's own (every county of the cases, given up front because masking happens as cases arrive).
 */
export class GroupingBuilder {
  private readonly places: Set<string>;
  private readonly surfaces = new Map<string, Map<string, number>>();
  private readonly ids: string[] = [];
  // Cases with the same terms are one item with a weight: repeated wordings cost nothing extra.
  private readonly itemOf: number[] = [];
  private readonly itemKeys = new Map<string, number>();
  private readonly itemStems: string[][] = [];
  private readonly hintIds = new Map<string, number>();
  private readonly itemHints: Map<number, number>[] = [];
  private readonly weights: number[] = [];

  constructor(counties: Iterable<string>, private readonly options: GroupingOptions = DEFAULT_GROUPING) {
    this.places = placeSet([...MAZANDARAN_COUNTIES, ...(options.places ?? []), ...counties]);
  }

  add(c: GroupingInput): void {
    const ci = this.ids.length;
    this.ids.push(c.id);
    const t = contentTerms(c.text, this.places);
    t.stems.forEach((s, i) => {
      let m = this.surfaces.get(s);
      if (!m) this.surfaces.set(s, (m = new Map()));
      const surface = t.surfaces[i]!;
      m.set(surface, (m.get(surface) ?? 0) + 1);
    });
    // A text with no content words (only numbers or names) says nothing about its problem: alone.
    const key = t.stems.length ? t.stems.join(' ') : `\u0000${ci}`;
    let item = this.itemKeys.get(key);
    if (item === undefined) {
      this.itemKeys.set(key, (item = this.itemStems.length));
      this.itemStems.push(t.stems);
      this.itemHints.push(new Map());
      this.weights.push(0);
    }
    this.itemOf.push(item);
    this.weights[item]!++;
    const h = hintId(this.hintIds, c.department);
    const hints = this.itemHints[item]!;
    if (h >= 0) hints.set(h, (hints.get(h) ?? 0) + 1);
  }

  finish(): GroupingRun {
    const { options, weights, itemHints, surfaces } = this;
    const itemOf = Int32Array.from(this.itemOf);
    const { model, vectors } = fitVectors(this.itemStems, options.features, weights);
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
      caseIds: idx.map((i) => this.ids[i]!),
      title: groupTitle(idx.map((i) => vectors[itemOf[i]!]!), model, surfaces),
    }));
    return { groups, model, places: this.places, vectors: Array.from(itemOf, (item) => vectors[item]!), hintIds: this.hintIds, labels, surfaces };
  }
}

export function groupCases(cases: readonly GroupingInput[], options: GroupingOptions = DEFAULT_GROUPING): GroupingRun {
  const builder = new GroupingBuilder(cases.map((c) => c.county ?? ''), options);
  for (const c of cases) builder.add(c);
  return builder.finish();
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
