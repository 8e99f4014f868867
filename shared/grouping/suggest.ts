// Help at intake: the responsible department and the category of the office's most similar recorded cases,
// in the grouping's own representation (the run's vectors), found through an inverted index of their words
// and problems. Offline and pure: the backend keeps one per grouping run and adds each case recorded since.
import { BLOCK, dot, type FeatureModel, type Vector } from './features';

export type Ranked = { name: string; share: number };

export type Suggestion = {
  /** Best first, at most three, with the share of the neighbours' similarity that names them. */
  departments: Ranked[];
  categories: Ranked[];
  /** How many recorded cases the suggestion rests on, and how many of them were filed under a department, a category. */
  neighbours: number;
  voters: { departments: number; categories: number };
};

export const NO_SUGGESTION: Suggestion = { departments: [], categories: [], neighbours: 0, voters: { departments: 0, categories: 0 } };

/** Neighbours that vote, the least similarity that counts, and how far the index is read. */
const K = 10;
const MIN_SIMILARITY = 0.15;
const QUERY_FEATURES = 12;
/** Of a long posting list only the most recent cases are read: today's routing is what the clerk needs. */
const POSTING_WINDOW = 4000;
const SHORTLIST = 80;
/** The weight of the lexicon's department for the text's main object, in similarity units. */
const PRIOR = 0.2;

/** A growable list of case indices. */
type Posting = { ids: Int32Array; n: number };

export class Suggester {
  private readonly postings = new Map<number, Posting>();
  private readonly vectors: Vector[] = [];
  private readonly department: number[] = [];
  private readonly category: number[] = [];
  private readonly names: string[] = [''];
  private readonly nameIds = new Map<string, number>([['', 0]]);
  private scores = new Float32Array(1024);

  constructor(private readonly model: FeatureModel) {}

  get size(): number {
    return this.vectors.length;
  }

  /** Records a case: its vector (the run's or one made with vectorize) and what it was filed under. */
  add(vector: Vector, department: string, category: string): void {
    const id = this.vectors.length;
    this.vectors.push(vector);
    this.department.push(this.nameId(department));
    this.category.push(this.nameId(category));
    for (let i = 0; i < vector.idx.length; i++) {
      const f = vector.idx[i]!;
      if (!this.indexed(f)) continue;
      let p = this.postings.get(f);
      if (!p) this.postings.set(f, (p = { ids: new Int32Array(4), n: 0 }));
      if (p.n === p.ids.length) {
        const grown = new Int32Array(p.n * 2);
        grown.set(p.ids);
        p.ids = grown;
      }
      p.ids[p.n++] = id;
    }
  }

  /**
   * The departments and categories of the cases most similar to `vector`; `exclude` leaves one case out.
   * `prior` is what the lexicon says of the text's main object, counted as one more neighbour of weight
   * PRIOR (it decides alone when the office has no similar case yet).
   */
  suggest(vector: Vector, exclude = -1, prior: { department?: string; category?: string } = {}): Suggestion {
    const n = this.vectors.length;
    if (this.scores.length < n) this.scores = new Float32Array(n * 2);
    const scores = this.scores;
    const touched: number[] = [];
    const strongest = [...vector.idx.keys()].filter((i) => this.indexed(vector.idx[i]!))
      .sort((a, b) => vector.val[b]! - vector.val[a]!).slice(0, QUERY_FEATURES);
    for (const i of strongest) {
      const p = this.postings.get(vector.idx[i]!);
      if (!p) continue;
      const w = vector.val[i]!;
      for (let j = Math.max(0, p.n - POSTING_WINDOW); j < p.n; j++) {
        const c = p.ids[j]!;
        if (c === exclude) continue;
        if (scores[c] === 0) touched.push(c);
        scores[c]! += w;
      }
    }
    const shortlist = touched.sort((a, b) => scores[b]! - scores[a]!).slice(0, SHORTLIST);
    for (const c of touched) scores[c] = 0;
    const near = shortlist.map((c) => [c, dot(vector, this.vectors[c]!)] as const)
      .filter(([, s]) => s >= MIN_SIMILARITY).sort((a, b) => b[1] - a[1]).slice(0, K);
    const departments = this.rank(near, this.department, prior.department);
    const categories = this.rank(near, this.category, prior.category);
    return {
      departments: departments.ranked,
      categories: categories.ranked,
      neighbours: near.length,
      voters: { departments: departments.voters, categories: categories.voters },
    };
  }

  /** The names the neighbours were filed under, best first, and how many neighbours were filed under one. */
  private rank(near: readonly (readonly [number, number])[], label: readonly number[], prior: string | undefined): { ranked: Ranked[]; voters: number } {
    const votes = new Map<number, number>();
    let total = 0;
    let voters = 0;
    if (prior) {
      votes.set(this.nameId(prior), PRIOR);
      total += PRIOR;
    }
    for (const [c, s] of near) {
      const l = label[c]!;
      if (l === 0) continue;
      votes.set(l, (votes.get(l) ?? 0) + s);
      total += s;
      voters++;
    }
    const ranked = [...votes].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([l, v]) => ({ name: this.names[l]!, share: v / total }));
    return { ranked, voters };
  }

  /** Stems, pairs and problems are indexed; character n-grams match too loosely to find neighbours by. */
  private indexed(f: number): boolean {
    return this.model.block[f] !== BLOCK.char;
  }

  private nameId(name: string): number {
    const key = name.trim();
    let id = this.nameIds.get(key);
    if (id === undefined) {
      this.nameIds.set(key, (id = this.names.length));
      this.names.push(key);
    }
    return id;
  }
}
