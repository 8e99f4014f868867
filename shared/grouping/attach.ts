// Incremental attachment: a new case joins the group whose mean vector it resembles most, scored with the
// run's frozen vocabulary, without re-running the clustering. The office re-runs when many cases arrived.
import { contentTerms } from './text';
import { vectorize, type Vector } from './features';
import type { GroupingInput, GroupingRun } from './engine';
import { hintShare } from './cluster';

export class Attacher {
  /** feature → [group, weight of the feature in the group's normalised mean vector]. */
  private readonly index = new Map<number, [number, number][]>();
  private readonly hints: Map<string, number>[];
  private readonly sizes: number[];

  constructor(private readonly run: GroupingRun, private readonly threshold: number, private readonly hintBonus: number, departments: readonly (string | undefined)[]) {
    const sums: Map<number, number>[] = run.groups.map(() => new Map());
    this.hints = run.groups.map(() => new Map());
    this.sizes = run.groups.map((g) => g.caseIds.length);
    run.labels.forEach((g, i) => {
      add(sums[g]!, run.vectors[i]!);
      const d = departments[i]?.trim();
      if (d) this.hints[g]!.set(d, (this.hints[g]!.get(d) ?? 0) + 1);
    });
    sums.forEach((sum, g) => {
      if (this.sizes[g]! < 2) return; // a lone case is not a group to join
      let norm = 0;
      for (const x of sum.values()) norm += x * x;
      norm = Math.sqrt(norm) || 1;
      for (const [f, x] of sum) {
        let p = this.index.get(f);
        if (!p) this.index.set(f, (p = []));
        p.push([g, x / norm]);
      }
    });
  }

  /** The group the case belongs to (index into run.groups) and its score, or null when none is close enough. */
  attach(c: GroupingInput): { group: number; score: number } | null {
    const v = vectorize(contentTerms(c.text, this.run.places).stems, this.run.model);
    const score = new Map<number, number>();
    for (let i = 0; i < v.idx.length; i++) {
      for (const [g, w] of this.index.get(v.idx[i]!) ?? []) score.set(g, (score.get(g) ?? 0) + v.val[i]! * w);
    }
    let best: { group: number; score: number } | null = null;
    const d = c.department?.trim();
    const own = new Map(d ? [[d, 1]] : []);
    for (const [g, s0] of score) {
      const s = s0 + this.hintBonus * hintShare(own, 1, this.hints[g]!, this.sizes[g]!);
      if (s >= this.threshold && (!best || s > best.score)) best = { group: g, score: s };
    }
    return best;
  }
}

function add(into: Map<number, number>, v: Vector): void {
  for (let i = 0; i < v.idx.length; i++) into.set(v.idx[i]!, (into.get(v.idx[i]!) ?? 0) + v.val[i]!);
}
