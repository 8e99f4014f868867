// TF-IDF vectors over three blocks of features: stems, adjacent stem pairs and character n-grams of
// stems. Each block is normalised on its own, so similarity = Σ weight·cosine(block) / Σ weight:
// stems carry the topic, pairs separate «وام ازدواج» from «وام ودیعه», n-grams forgive typos and
// inflections the stemmer missed.

export type BlockWeights = {
  word: number;
  pair: number;
  char: number;
}

export type FeatureOptions = {
  weights: BlockWeights;
  charMin: number;
  charMax: number;
  /** Features seen in fewer documents than this compare nothing and are dropped. */
  minDf: number;
}

export const DEFAULT_FEATURES: FeatureOptions = {
  weights: { word: 1, pair: 0.5, char: 0.5 },
  charMin: 3,
  charMax: 5,
  minDf: 2,
};

/** A sparse vector: feature ids ascending, with their weights. L2 norm 1 unless empty. */
export type Vector = {
  idx: Int32Array;
  val: Float32Array;
}

const BLOCKS = ['word', 'pair', 'char'] as const;
type Block = (typeof BLOCKS)[number];

/** What a frozen model needs to vectorise a new case the same way (incremental attachment). */
export type FeatureModel = {
  options: FeatureOptions;
  docCount: number;
  /** Stems and pairs by name (group titles show them). */
  vocab: Map<string, number>;
  /** Character n-grams by hash bucket (-1: not in the vocabulary); no strings kept for them. */
  charVocab: Int32Array;
  idf: Float32Array;
  block: Uint8Array;
}

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
export function documentFeatures(stems: readonly string[], options: FeatureOptions): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
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
  return key[0] === 'w' ? 0 : key[0] === 'p' ? 1 : 2;
}

/** Learns the vocabulary and IDF from the documents and returns the model with every vector. */
export function fitVectors(
  docs: readonly (readonly string[])[],
  options: FeatureOptions = DEFAULT_FEATURES,
  weights?: readonly number[],
): { model: FeatureModel; vectors: Vector[] } {
  // Stems and pairs are interned as they come; n-grams go to hash buckets (ids from CHAR_BUCKETS up
  // are word or pair keys). No document keeps a map of strings: memory at 100,000 cases.
  const keyIds = new Map<string, number>();
  const keys: string[] = [];
  const df: number[] = new Array<number>(CHAR_BUCKETS).fill(0);
  const perDoc = docs.map((stems, d) => {
    const counts = documentFeatures(stems, options);
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
      ids[i] = id;
      cs[i++] = c;
    }
    return { ids, cs };
  });
  keyIds.clear();
  const remap = new Int32Array(df.length).fill(-1);
  const vocab = new Map<string, number>();
  const idfList: number[] = [];
  const blockList: number[] = [];
  const n = weights ? weights.reduce((a, b) => a + b, 0) : docs.length;
  const keep = (id: number, block: number): number => {
    const d = df[id]!;
    if (d < options.minDf) return -1;
    remap[id] = idfList.length;
    idfList.push(Math.log((n + 1) / (d + 0.5)));
    blockList.push(block);
    return remap[id]!;
  };
  for (let b = 0; b < CHAR_BUCKETS; b++) if (df[b]! > 0) keep(b, 2);
  keys.forEach((k, i) => {
    const v = keep(CHAR_BUCKETS + i, blockIndex(k));
    if (v >= 0) vocab.set(k, v);
  });
  const charVocab = Int32Array.from(remap.subarray(0, CHAR_BUCKETS));
  const model: FeatureModel = { options, docCount: n, vocab, charVocab, idf: Float32Array.from(idfList), block: Uint8Array.from(blockList) };
  const vectors = perDoc.map(({ ids, cs }) => {
    const entries: [number, number][] = [];
    ids.forEach((id, i) => {
      const v = remap[id]!;
      if (v >= 0) entries.push([v, cs[i]!]);
    });
    return weigh(entries, model);
  });
  return { model, vectors };
}

/** A new document's vector under a frozen model; unseen features are ignored. */
export function vectorize(stems: readonly string[], model: FeatureModel): Vector {
  const entries: [number, number][] = [];
  for (const [k, c] of documentFeatures(stems, model.options)) {
    const id = k[0] === 'c' ? model.charVocab[charBucket(k)]! : model.vocab.get(k) ?? -1;
    if (id >= 0) entries.push([id, c]);
  }
  return weigh(entries, model);
}

/** Sublinear TF × IDF, each block scaled so that its share of the unit vector is its weight. */
function weigh(entries: [number, number][], model: FeatureModel): Vector {
  entries.sort((a, b) => a[0] - b[0]);
  const ids = Int32Array.from(entries, (e) => e[0]);
  const val = new Float32Array(ids.length);
  const blockNorm = [0, 0, 0];
  entries.forEach(([id, c], i) => {
    const w = (1 + Math.log(c)) * model.idf[id]!;
    val[i] = w;
    blockNorm[model.block[id]!]! += w * w;
  });
  const weights = model.options.weights;
  const present = BLOCKS.map((b: Block, i) => (blockNorm[i]! > 0 ? weights[b] : 0));
  const total = present.reduce((a, b) => a + b, 0);
  const scale = BLOCKS.map((_, i) => (blockNorm[i]! > 0 ? Math.sqrt(present[i]! / total / blockNorm[i]!) : 0));
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
