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

  it('counts the defects of a group as it grows: a core that reaches the cover by a merge is kept apart', () => {
    // Core A names defect 0 in one case of five (below the cover); C, two more cases naming it, is closer to A
    // than B is and merges first: A+C names it in three of seven, and B stays apart.
    const near = { idx: Int32Array.of(0, 1), val: Float32Array.of(0.8, 0.6) };
    const a = [item(profile(0)), item(profile(null)), item(profile(null)), item(profile(null)), item(profile(null))].map((x) => ({ ...x, vector: near }));
    const c = [item(profile(0)), item(profile(0))].map((x) => ({ ...x, vector: near }));
    const all = [...a, ...c, ...core(1)];
    const start = Int32Array.from(all, (_, i) => (i < 5 ? 0 : i < 7 ? 5 : 7));
    const edges: Graph = all.map((_, i) => (i === 0 ? { to: Int32Array.of(5, 7), sim: Float32Array.of(1, 0.8) } : { to: Int32Array.of(0), sim: Float32Array.of(1) }));
    const labels = agglomerate(all, all.map((x) => x.vector), edges, DEFAULT_CLUSTER, 'centroid', 0.5, () => true, () => UNRELATED, start, Int32Array.of(0b01, 0b10));
    expect(labels[0]).toBe(labels[5]);
    expect(labels[0]).not.toBe(labels[7]);
  });
});
