import { describe, expect, it } from 'vitest';
import { agglomerate, DEFAULT_CLUSTER, hintWeight, type Graph, type Item } from '../../shared/grouping/cluster';
import { EMPTY_PROFILE, UNRELATED, type ProblemProfile } from '../../shared/grouping/problem-lexicon';

// Two cases of one department whose words meet at a cosine of 0.35: below the cut alone, above it with the
// bonus the department earns when the lexicon reads no problem in one of them.
const READ: ProblemProfile = Int32Array.of(0, 0);
const unit = (x: number, y: number) => ({ idx: Int32Array.of(0, 1), val: Float32Array.of(x, y) });
const pair = (a: ProblemProfile, b: ProblemProfile): Item[] => [
  { vector: unit(1, 0), weight: 1, hints: new Map([[7, 1]]), profile: a },
  { vector: unit(0.35, Math.sqrt(1 - 0.35 ** 2)), weight: 1, hints: new Map([[7, 1]]), profile: b },
];
const graph: Graph = [{ to: Int32Array.of(1), sim: Float32Array.of(0.35) }, { to: Int32Array.of(0), sim: Float32Array.of(0.35) }];
const merged = (items: Item[]) => {
  const labels = agglomerate(items, items.map((x) => x.vector), graph, DEFAULT_CLUSTER, 'average', 0.5, () => true, () => UNRELATED);
  return labels[0] === labels[1];
};

describe("the department's weight", () => {
  it('is larger where the lexicon reads no problem in one of the two', () => {
    expect(hintWeight(READ, READ, DEFAULT_CLUSTER)).toBe(DEFAULT_CLUSTER.hintBonus);
    expect(hintWeight(EMPTY_PROFILE, READ, DEFAULT_CLUSTER)).toBe(DEFAULT_CLUSTER.unreadHintBonus);
    expect(DEFAULT_CLUSTER.unreadHintBonus).toBeGreaterThan(DEFAULT_CLUSTER.hintBonus);
  });

  it('joins two unread texts of one department that their words alone leave apart, not two read ones', () => {
    expect(merged(pair(EMPTY_PROFILE, READ))).toBe(true);
    expect(merged(pair(READ, READ))).toBe(false);
  });
});
