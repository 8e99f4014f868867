// Incremental attachment: a new case joins the group whose mean vector it resembles most, scored with the
// run's vocabulary, without re-running the clustering; rerunNeed says when the clustering must run again.
import { vectorize, type Vector } from './features';
import { conflictTest, isOfficeCase, isPlainText, runCluster, type GroupingInput, type GroupingRun } from './engine';
import { DEFAULT_CLUSTER, hintShare, hintWeight, problemAdjustment, type ClusterOptions, type ConflictTest } from './cluster';
import { countProfile, dominantProfile, problemTerms, type ProblemProfile, type ProblemTerms } from './problem-lexicon';

export type Attachment = { group: number; score: number };

export class Attacher {
  /** feature → [group, weight of the feature in the group's normalised mean vector]. */
  private readonly index = new Map<number, [number, number][]>();
  private readonly hints: Map<string, number>[];
  private readonly sizes: number[];
  private readonly profiles: ProblemProfile[];
  private readonly conflict: ConflictTest;
  /** The least score to join: the second pass's cut of the run (see runCluster). */
  private readonly threshold: number;

  /** `options`: the clustering the run was made with (its cut, bonuses and penalty). */
  constructor(
    private readonly run: GroupingRun, departments: readonly (string | undefined)[],
    private readonly options: ClusterOptions = DEFAULT_CLUSTER,
  ) {
    this.threshold = runCluster(options, run.elsewhere).centroidThreshold;
    const sums: Map<number, number>[] = run.groups.map(() => new Map());
    const problems: Map<number, number>[] = run.groups.map(() => new Map());
    this.hints = run.groups.map(() => new Map());
    this.sizes = run.groups.map((g) => g.caseIds.length);
    this.conflict = conflictTest(run.lexicon);
    run.labels.forEach((g, i) => {
      add(sums[g]!, run.vectors[i]!);
      countProfile(problems[g]!, run.profiles[i]!, 1);
      const d = departments[i]?.trim();
      if (d) this.hints[g]!.set(d, (this.hints[g]!.get(d) ?? 0) + 1);
    });
    this.profiles = problems.map((p, g) => dominantProfile(p, this.sizes[g]!, options.profileShare));
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
  attach(c: GroupingInput): Attachment | null {
    const t = problemTerms(c.text, this.run.places, this.run.lexicon);
    return this.attachTerms(t, vectorize({ ...t, plain: isPlainText(t.profile, isOfficeCase(c), this.run.elsewhere) }, this.run.model), c.department);
  }

  /** The same, for a case already analysed and vectorised. */
  attachTerms(t: ProblemTerms, v: Vector, department: string | undefined): Attachment | null {
    const score = new Map<number, number>();
    for (let i = 0; i < v.idx.length; i++) {
      for (const [g, w] of this.index.get(v.idx[i]!) ?? []) score.set(g, (score.get(g) ?? 0) + v.val[i]! * w);
    }
    let best: Attachment | null = null;
    const d = department?.trim();
    const own = new Map(d ? [[d, 1]] : []);
    for (const [g, s0] of score) {
      const problem = problemAdjustment(this.conflict(t.profile, this.profiles[g]!), this.options);
      const s = s0 + hintWeight(t.profile, this.profiles[g]!, this.options) * hintShare(own, 1, this.hints[g]!, this.sizes[g]!) + problem;
      if (s >= this.threshold && (!best || s > best.score)) best = { group: g, score: s };
    }
    return best;
  }
}

function add(into: Map<number, number>, v: Vector): void {
  for (let i = 0; i < v.idx.length; i++) into.set(v.idx[i]!, (into.get(v.idx[i]!) ?? 0) + v.val[i]!);
}

/** Up to this many cases a run takes a second or two: the board waits for a new run rather than show a stale one. */
export const WAIT_FOR_RUN_UP_TO = 5000;
/** Above it, cases attached since the run stand in for a new one until they are this share of the run's cases. */
export const STALE_SHARE = 0.1;

/**
 * Whether a run of `runCases` cases, with `since` cases attached after it, must be redone: attaching only
 * joins existing groups, so new cases of one problem never pair up in it (a fresh office would see no
 * groups at all). A small store is grouped again at once; a large one in the background.
 */
export function rerunNeed(runCases: number, since: number): 'none' | 'wait' | 'background' {
  if (since === 0) return 'none';
  if (runCases < WAIT_FOR_RUN_UP_TO) return 'wait';
  return since >= STALE_SHARE * runCases ? 'background' : 'none';
}
