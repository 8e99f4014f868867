import { describe, expect, it } from 'vitest';
import { agglomerate, DEFAULT_CLUSTER, type Graph, type Item } from '../../shared/grouping/cluster';
import { UNRELATED, type ProblemProfile } from '../../shared/grouping/problem-lexicon';

// Two cores of five cases with the same words and the same object (0); two cases of each name a defect,
// of two families (defect 0 alone, defect 1 alone). Their dominant profiles name the object only.
const OBJECT = 0;
const profile = (defect: number | null): ProblemProfile => Int32Array.of(OBJECT, defect === null ? 0 : 1 << defect);
const item = (p: ProblemProfile): Item => ({ vector: { idx: Int32Array.of(0), val: Float32Array.of(1) }, weight: 1, hints: new Map(), profile: p });
const core = (defect: number) => [item(profile(defect)), item(profile(defect)), item(profile(null)), item(profile(null)), item(profile(null))];
const items = [...core(0), ...core(1)];
const cores = Int32Array.from(items, (_, i) => (i < 5 ? 0 : 5));
const graph: Graph = items.map((_, i) => ({ to: Int32Array.of(i < 5 ? 5 : 0), sim: Float32Array.of(1) }));
const centroid = (family?: Int32Array) => agglomerate(items, items.map((x) => x.vector), graph, DEFAULT_CLUSTER, 'centroid', 0.5, () => true, () => UNRELATED, cores, family);

describe('the veto on defects', () => {
  it('keeps apart two groups of one object when each names a defect of a family the other never names', () => {
    const apart = centroid(Int32Array.of(0b01, 0b10));
    expect(new Set(apart.slice(0, 5)).size).toBe(1);
    expect(new Set(apart.slice(5)).size).toBe(1);
    expect(apart[0]).not.toBe(apart[5]);
  });

  it('merges them when the two defects are of one family, when no lexicon tells, or when too few cases name them', () => {
    for (const labels of [centroid(Int32Array.of(0b11, 0b11)), centroid()]) expect(new Set(labels).size).toBe(1);
    const fewer = [...items];
    fewer[1] = item(profile(null));
    fewer[6] = item(profile(null));
    const labels = agglomerate(fewer, fewer.map((x) => x.vector), graph, DEFAULT_CLUSTER, 'centroid', 0.5, () => true, () => UNRELATED, cores, Int32Array.of(0b01, 0b10));
    expect(new Set(labels).size).toBe(1);
  });
});
