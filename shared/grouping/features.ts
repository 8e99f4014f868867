// TF-IDF vectors over four blocks of features: stems, adjacent stem pairs, character n-grams of stems and
// the problems the lexicon recognises. Each block is normalised on its own, so similarity =
// Σ weight·cosine(block) / Σ weight: stems carry the topic, pairs separate «وام ازدواج» from «وام ودیعه»,
// n-grams forgive typos and inflections the stemmer missed, problems join «خاموشی» and «قطعی برق».

export type BlockWeights = {
  word: number;
  pair: number;
  char: number;
  /** The lexicon's objects a text names (a child also as its parent). */
  concept: number;
  /** The lexicon's problems: an object with what is wrong with it («قبض گاز» · «هزینه زیاد»). */
  problem: number;
  /** Stems that name no object of the lexicon: what is said about the object. */
  rest: number;
}

export type FeatureOptions = {
  weights: BlockWeights;
  charMin: number;
  charMax: number;
  /** Features seen in fewer documents than this compare nothing and are dropped. */
  minDf: number;
  /** IDF is raised to this power: above 1, rare (specific) words weigh more against common ones. */
  idfPower: number;
}

export const DEFAULT_FEATURES: FeatureOptions = {
  weights: { word: 1, pair: 0, char: 0.5, concept: 0.5, problem: 0.5, rest: 0 },
  charMin: 3,
  charMax: 5,
  minDf: 2,
  idfPower: 1,
};

/** A sparse vector: feature ids ascending, with their weights. L2 norm 1 unless empty. */
export type Vector = {
  idx: Int32Array;
  val: Float32Array;
}

const BLOCKS = ['word', 'pair', 'char', 'concept', 'rest', 'problem'] as const;
type Block = (typeof BLOCKS)[number];

/** What a model needs to vectorise a new case the same way (attachment, suggestions at intake). */
export type FeatureModel = {
  options: FeatureOptions;
  /** Documents counted: the office's cases, the run's and those recorded since (see observe). */
  docCount: number;
  /** Stems, pairs and problem tags by name. */
  vocab: Map<string, number>;
  /** Character n-grams by hash bucket (-1: not in the vocabulary); no strings kept for them. */
  charVocab: Int32Array;
  /** Document frequency of each feature, kept up to date as cases are recorded. */
  df: Float32Array;
  /** IDF at the time of the run: the run's own vectors are weighted with it. */
  idf: Float32Array;
  block: Uint8Array;
}

/**
 * A document: its content stems, its problem tags and the stems that name no object. A `plain` document is
 * text from elsewhere (see isPlainText in engine.ts): compared as plain text, every word of it counting,
 * those no other text has too (see fitVectors).
 */
export type Doc = { stems: readonly string[]; tags: readonly string[]; rest?: readonly string[]; plain?: boolean };

/** Document frequencies from outside the documents being fitted (the office's other cases). */
export type Background = { docs: number; df: ReadonlyMap<string, number> };

/** N-grams are hashed into this many buckets: a few collisions cost nothing, a map of millions of strings does. */
const CHAR_BUCKETS = 1 << 20;

/** FNV-1a hash of a string, as a bucket of the n-gram table. */
function charBucket(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (CHAR_BUCKETS - 1);
}

/** Features of one document: key → count, keys prefixed by block initial. */
export function documentFeatures({ stems, tags, rest }: Doc, options: FeatureOptions): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const t of tags) counts.set('k' + t, 1);
  if (options.weights.rest > 0) for (const s of rest ?? []) add('r' + s);
  for (let i = 0; i < stems.length; i++) {
    const s = stems[i]!;
    const next = stems[i + 1];
    add('w' + s);
    if (next !== undefined && next !== s) add('p' + s + ' ' + next);
    const padded = '<' + s + '>';
    for (let n = options.charMin; n <= options.charMax; n++) {
      for (let j = 0; j + n <= padded.length; j++) add('c' + padded.slice(j, j + n));
    }
  }
  return counts;
}

function blockIndex(key: string): number {
  return key[0] === 'w' ? 0 : key[0] === 'p' ? 1 : key[0] === 'k' ? (key[1] === 'x' ? 5 : 3) : key[0] === 'r' ? 4 : 2;
}

/** Block of a feature id: 0 stems, 1 pairs, 2 n-grams, 3 objects, 4 stems naming no object, 5 problems (object · defect). */
export const BLOCK = { word: 0, pair: 1, char: 2, concept: 3, rest: 4, problem: 5 } as const;

const idfOf = (docs: number, df: number): number => Math.log((docs + 1) / (df + 0.5));

/** Document frequencies of stems, pairs and problems in documents outside a batch (n-grams are not kept). */
export function documentFrequencies(docs: Iterable<Doc>, options: FeatureOptions): Background {
  const df = new Map<string, number>();
  let n = 0;
  for (const doc of docs) {
    n++;
    for (const k of documentFeatures(doc, options).keys()) if (k[0] !== 'c') df.set(k, (df.get(k) ?? 0) + 1);
  }
  return { docs: n, df };
}

/** Learns the vocabulary and IDF from the documents and returns the model with every vector. */
export function fitVectors(
  docs: readonly Doc[],
  options: FeatureOptions = DEFAULT_FEATURES,
  weights?: readonly number[],
  background?: Background,
): { model: FeatureModel; vectors: Vector[] } {
  // Stems and pairs are interned as they come; n-grams go to hash buckets (ids from CHAR_BUCKETS up
  // are word or pair keys). No document keeps a map of strings: memory at 100,000 cases.
  const keyIds = new Map<string, number>();
  const keys: string[] = [];
  const df: number[] = new Array<number>(CHAR_BUCKETS).fill(0);
  // How much of a feature's frequency comes from plain documents (few in an office: a map, not an array).
  const plainDf = new Map<number, number>();
  const perDoc = docs.map((doc, d) => {
    const counts = documentFeatures(doc, options);
    const ids = new Int32Array(counts.size);
    const cs = new Float32Array(counts.size);
    const w = weights?.[d] ?? 1;
    let i = 0;
    for (const [k, c] of counts) {
      let id: number;
      if (k[0] === 'c') id = charBucket(k);
      else {
        let known = keyIds.get(k);
        if (known === undefined) {
          keyIds.set(k, (known = CHAR_BUCKETS + keys.length));
          keys.push(k);
          df.push(0);
        }
        id = known;
      }
      df[id]! += w;
      if (doc.plain) plainDf.set(id, (plainDf.get(id) ?? 0) + w);
      ids[i] = id;
      cs[i++] = c;
    }
    return { ids, cs };
  });
  keyIds.clear();
  const remap = new Int32Array(df.length).fill(-1);
  const vocab = new Map<string, number>();
  const dfList: number[] = [];
  const blockList: number[] = [];
  const n = (weights ? weights.reduce((a, b) => a + b, 0) : docs.length) + (background?.docs ?? 0);
  // A feature of one document compares nothing and is dropped, except in plain documents: there what one
  // text says that no other says is what tells two questions of one frame apart («… برای پوست» / «… ریزش مو»).
  const anyPlain = plainDf.size > 0;
  const keep = (id: number, block: number, extra: number): number => {
    const d = df[id]!;
    if (d < options.minDf && !(anyPlain && plainDf.get(id) === d)) return -1;
    remap[id] = dfList.length;
    dfList.push(d + extra);
    blockList.push(block);
    return remap[id]!;
  };
  for (let b = 0; b < CHAR_BUCKETS; b++) if (df[b]! > 0) keep(b, BLOCK.char, 0);
  keys.forEach((k, i) => {
    const v = keep(CHAR_BUCKETS + i, blockIndex(k), background?.df.get(k) ?? 0);
    if (v >= 0) vocab.set(k, v);
  });
  const charVocab = Int32Array.from(remap.subarray(0, CHAR_BUCKETS));
  const dfs = Float32Array.from(dfList);
  const model: FeatureModel = {
    options, docCount: n, vocab, charVocab, df: dfs, idf: dfs.map((d) => idfOf(n, d)), block: Uint8Array.from(blockList),
  };
  const vectors = perDoc.map(({ ids, cs }) => {
    const entries: [number, number][] = [];
    ids.forEach((id, i) => {
      const v = remap[id]!;
      if (v >= 0) entries.push([v, cs[i]!]);
    });
    return weigh(entries, model, (id) => model.idf[id]!);
  });
  return { model, vectors };
}

/** Features of a document known to the model, as (id, count); `unknown` is told of the others. */
function knownFeatures(doc: Doc, model: FeatureModel, unknown?: (key: string, count: number) => void): [number, number][] {
  const entries: [number, number][] = [];
  for (const [k, c] of documentFeatures(doc, model.options)) {
    const id = k[0] === 'c' ? model.charVocab[charBucket(k)]! : model.vocab.get(k) ?? -1;
    if (id >= 0) entries.push([id, c]);
    else unknown?.(k, c);
  }
  return entries;
}

/**
 * A new document's vector under the model's current document frequencies. Unseen features compare nothing;
 * a plain document's count in its length all the same, as its words do in a run (see fitVectors).
 */
export function vectorize(doc: Doc, model: FeatureModel): Vector {
  const unseen = BLOCKS.map(() => 0);
  const entries = knownFeatures(doc, model, doc.plain
    ? (k, c) => (unseen[blockIndex(k)]! += termWeight(c, idfOf(model.docCount, 1), model.options) ** 2)
    : undefined);
  return weigh(entries, model, (id) => idfOf(model.docCount, model.df[id]!), unseen);
}

/** Counts a newly recorded document in the model's frequencies (its vocabulary stays that of the run). */
export function observe(doc: Doc, model: FeatureModel): void {
  model.docCount++;
  for (const [id] of knownFeatures(doc, model)) model.df[id]!++;
}

/** Sublinear TF × IDF. */
function termWeight(count: number, idf: number, options: FeatureOptions): number {
  return (1 + Math.log(count)) * Math.max(0, idf) ** options.idfPower;
}

/**
 * Each block scaled so that its share of the unit vector is its weight. `unseen` is each block's squared
 * length of features left out of the vector: they shorten what the others weigh (the vector is then shorter than 1).
 */
function weigh(entries: [number, number][], model: FeatureModel, idf: (id: number) => number, unseen?: readonly number[]): Vector {
  entries.sort((a, b) => a[0] - b[0]);
  const ids = Int32Array.from(entries, (e) => e[0]);
  const val = new Float32Array(ids.length);
  const blockNorm = BLOCKS.map((_, b) => unseen?.[b] ?? 0);
  entries.forEach(([id, c], i) => {
    const w = termWeight(c, idf(id), model.options);
    val[i] = w;
    blockNorm[model.block[id]!]! += w * w;
  });
  const weights = model.options.weights;
  const present = BLOCKS.map((b: Block, i) => (blockNorm[i]! > 0 ? weights[b] : 0));
  const total = present.reduce((a, b) => a + b, 0);
  const scale = BLOCKS.map((_, i) => (blockNorm[i]! > 0 && total > 0 ? Math.sqrt(present[i]! / total / blockNorm[i]!) : 0));
  for (let i = 0; i < ids.length; i++) val[i]! *= scale[model.block[ids[i]!]!]!;
  return { idx: ids, val };
}

/** Dot product of two sparse vectors (cosine, as both are unit length). */
export function dot(a: Vector, b: Vector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  const ai = a.idx;
  const bi = b.idx;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) s += a.val[i++]! * b.val[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return s;
}
