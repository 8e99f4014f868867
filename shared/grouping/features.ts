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
  vocab: Map<string, number>;
  idf: Float32Array;
  block: Uint8Array;
}

/** Features of one document: key → count, keys prefixed by block initial. */
export function documentFeatures(stems: readonly string[], options: FeatureOptions): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  for (let i = 0; i < stems.length; i++) {
    const s = stems[i];
    add('w' + s);
    if (i + 1 < stems.length && stems[i + 1] !== s) add('p' + s + ' ' + stems[i + 1]);
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
  const perDoc = docs.map((stems) => documentFeatures(stems, options));
  const df = new Map<string, number>();
  perDoc.forEach((counts, d) => {
    const w = weights?.[d] ?? 1;
    for (const k of counts.keys()) df.set(k, (df.get(k) ?? 0) + w);
  });
  const vocab = new Map<string, number>();
  const idfList: number[] = [];
  const blockList: number[] = [];
  const n = weights ? weights.reduce((a, b) => a + b, 0) : docs.length;
  for (const [k, d] of df) {
    if (d < options.minDf) continue;
    vocab.set(k, vocab.size);
    idfList.push(Math.log((n + 1) / (d + 0.5)));
    blockList.push(blockIndex(k));
  }
  const model: FeatureModel = {
    options,
    docCount: n,
    vocab,
    idf: Float32Array.from(idfList),
    block: Uint8Array.from(blockList),
  };
  return { model, vectors: perDoc.map((counts) => weigh(counts, model)) };
}

/** A new document's vector under a frozen model; unseen features are ignored. */
export function vectorize(stems: readonly string[], model: FeatureModel): Vector {
  return weigh(documentFeatures(stems, model.options), model);
}

function weigh(counts: Map<string, number>, model: FeatureModel): Vector {
  const entries: [number, number][] = [];
  for (const [k, c] of counts) {
    const id = model.vocab.get(k);
    if (id !== undefined) entries.push([id, c]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  const ids = entries.map((e) => e[0]);
  const val = new Float32Array(ids.length);
  const blockNorm = [0, 0, 0];
  for (let i = 0; i < ids.length; i++) {
    const w = (1 + Math.log(entries[i][1])) * model.idf[ids[i]];
    val[i] = w;
    blockNorm[model.block[ids[i]]] += w * w;
  }
  const weights = model.options.weights;
  const present = BLOCKS.map((b: Block, i) => (blockNorm[i] > 0 ? weights[b] : 0));
  const total = present.reduce((a, b) => a + b, 0);
  const scale = BLOCKS.map((_, i) => (blockNorm[i] > 0 ? Math.sqrt(present[i] / total / blockNorm[i]) : 0));
  for (let i = 0; i < ids.length; i++) val[i] *= scale[model.block[ids[i]]];
  return { idx: Int32Array.from(ids), val };
}

/** Dot product of two sparse vectors (cosine, as both are unit length). */
export function dot(a: Vector, b: Vector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  const ai = a.idx;
  const bi = b.idx;
  while (i < ai.length && j < bi.length) {
    const x = ai[i];
    const y = bi[j];
    if (x === y) s += a.val[i++] * b.val[j++];
    else if (x < y) i++;
    else j++;
  }
  return s;
}
