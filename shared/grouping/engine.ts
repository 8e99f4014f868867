// The grouping engine: cases in, groups of the same problem out, each with a readable title.
// Pure (no Node APIs): the backend runs it in a worker thread, tests and the CLI call it directly.
import { placeSet } from './text';
import { BLOCK, DEFAULT_FEATURES, documentFrequencies, fitVectors, type Background, type FeatureModel, type FeatureOptions, type Vector } from './features';
import { agglomerate, coreGraph, DEFAULT_CLUSTER, expandItems, neighborGraph, type ClusterOptions, type ConflictTest, type Item } from './cluster';
import {
  compileLexicon, DEFAULT_LEXICON, problemRelation, problemTerms, type CompiledLexicon, type ProblemLexicon, type ProblemProfile,
} from './problem-lexicon';
import { groupTitle } from './title';
import { MAZANDARAN_COUNTIES } from '../defaults';

export type GroupingInput = {
  id: string;
  text: string;
  county?: string;
  department?: string;
  date?: string;
  /** A case the office recorded (the app's own): never text from elsewhere, even before it has a department. */
  office?: boolean;
}

export type GroupingOptions = {
  features: FeatureOptions;
  cluster: ClusterOptions;
  /** Extra place names to mask besides the cases' own counties (villages, districts). */
  places?: readonly string[];
  /** The problem lexicon: the shipped one with the office's entries (default: the shipped one). */
  lexicon?: ProblemLexicon;
  /** Document frequencies of the office's other cases: IDF from the whole history, not only this batch. */
  background?: Background;
}

export const DEFAULT_GROUPING: GroupingOptions = { features: DEFAULT_FEATURES, cluster: DEFAULT_CLUSTER };

export type GroupOutput = {
  caseIds: string[];
  title: string;
}

/** A fitted run: kept so that new cases can be attached to its groups, and suggestions made, without a re-run. */
export type GroupingRun = {
  groups: GroupOutput[];
  model: FeatureModel;
  places: Set<string>;
  lexicon: CompiledLexicon;
  /** Per case (cases with the same terms share one vector and one profile). */
  vectors: Vector[];
  profiles: ProblemProfile[];
  hintIds: Map<string, number>;
  labels: Int32Array;
  /** The run's texts that are no office's case came from elsewhere (see isPlainText). */
  elsewhere: boolean;
}

/** A case of an office: recorded in the app, or filed under a department. */
export function isOfficeCase(c: Pick<GroupingInput, 'office' | 'department'>): boolean {
  return Boolean(c.office || c.department?.trim());
}

/**
 * Text from elsewhere (a question imported from a portal, a file of another domain given to `didar group`)
 * is compared as plain text (Doc.plain, Item.plain), as a plain TF-IDF would: what one question says that
 * no other does tells two of one frame apart. A text that is no office's case is plain when the lexicon
 * reads no problem in it, or when it comes with texts of which most read none (`elsewhere`): then a
 * question the lexicon reads an object in is still a question («تخم مرغ آب‌پز چند کالری دارد» names
 * poultry). A file of meeting-day cases without departments reads an object in nearly every text, and
 * its cases are compared as the office's.
 */
export function isPlainText(profile: ProblemProfile, office: boolean, elsewhere: boolean): boolean {
  return !office && (elsewhere || profile.length === 0);
}

/** The clustering a run uses: a batch of text from elsewhere is cut at its own threshold in both passes. */
export function runCluster(cluster: ClusterOptions, elsewhere: boolean): ClusterOptions {
  return elsewhere ? { ...cluster, threshold: cluster.plainThreshold, centroidThreshold: cluster.plainThreshold } : cluster;
}

/** Texts that are no office's case come from elsewhere when the lexicon reads a problem in fewer than this share. */
const ELSEWHERE_SHARE = 0.5;

/** The problem rule of a run's lexicon. */
export function conflictTest(lexicon: CompiledLexicon): ConflictTest {
  return (a, b) => problemRelation(a, b, lexicon);
}

/**
 * Builds a run case by case: only a case's terms are kept once it is added, so a caller can feed 100,000
 * cases in chunks without all their texts in memory at once. `places` are the counties to mask besides
 * the province's own (every county of the cases, given up front because masking happens as cases arrive).
 */
export class GroupingBuilder {
  private readonly places: Set<string>;
  private readonly lexicon: CompiledLexicon;
  private readonly ids: string[] = [];
  // Cases with the same terms are one item with a weight: repeated wordings cost nothing extra.
  private readonly itemOf: number[] = [];
  private readonly itemKeys = new Map<string, number>();
  // `outside`: no case of the wording is an office's.
  private readonly itemDocs: { stems: string[]; tags: string[]; rest: string[]; outside: boolean }[] = [];
  private readonly itemProfiles: ProblemProfile[] = [];
  private readonly hintIds = new Map<string, number>();
  private readonly itemHints: Map<number, number>[] = [];
  private readonly weights: number[] = [];

  constructor(counties: Iterable<string>, private readonly options: GroupingOptions = DEFAULT_GROUPING) {
    this.places = placeSet([...MAZANDARAN_COUNTIES, ...(options.places ?? []), ...counties]);
    this.lexicon = compileLexicon(options.lexicon ?? DEFAULT_LEXICON);
  }

  add(c: GroupingInput): void {
    const ci = this.ids.length;
    this.ids.push(c.id);
    const t = problemTerms(c.text, this.places, this.lexicon);
    // A text with no content words (only numbers or names) says nothing about its problem: alone.
    const key = t.stems.length || t.tags.length ? `${t.stems.join(' ')}\u0001${t.tags.join(' ')}` : `\u0000${ci}`;
    let item = this.itemKeys.get(key);
    if (item === undefined) {
      this.itemKeys.set(key, (item = this.itemDocs.length));
      this.itemDocs.push({ stems: t.stems, tags: t.tags, rest: t.rest, outside: true });
      this.itemProfiles.push(t.profile);
      this.itemHints.push(new Map());
      this.weights.push(0);
    }
    this.itemOf.push(item);
    this.weights[item]!++;
    // One office case among a wording's cases makes the wording the office's.
    if (isOfficeCase(c)) this.itemDocs[item]!.outside = false;
    const h = hintId(this.hintIds, c.department);
    const hints = this.itemHints[item]!;
    if (h >= 0) hints.set(h, (hints.get(h) ?? 0) + 1);
  }

  /** Clusters the cases; titles come from `textOf` (a case's text by its index), or are left empty for the caller. */
  finish(textOf?: (caseIndex: number) => string | undefined): GroupingRun {
    const { options, weights, itemHints, itemProfiles } = this;
    const itemOf = Int32Array.from(this.itemOf);
    const elsewhere = fromElsewhere(this.itemDocs, itemProfiles, weights);
    const docs = this.itemDocs.map((d, i) => ({ ...d, plain: isPlainText(itemProfiles[i]!, !d.outside, elsewhere) }));
    const { model, vectors } = fitVectors(docs, options.features, weights, options.background);
    const items: Item[] = vectors.map((vector, i) => ({ vector, weight: weights[i]!, hints: itemHints[i]!, profile: itemProfiles[i]!, plain: docs[i]!.plain }));
    const cluster = runCluster(options.cluster, elsewhere);
    const conflict = conflictTest(this.lexicon);
    const isCandidate = (id: number) => model.block[id] !== BLOCK.char;
    const isStem = (id: number) => model.block[id] === BLOCK.word;
    const graph = neighborGraph(items, isCandidate, cluster, conflict);
    const expanded = expandItems(items, graph, cluster, model.idf.length);
    const cores = agglomerate(expanded, vectors, graph, cluster, 'average', cluster.threshold, isStem, conflict);
    // Near-identical wordings fill each other's neighbour lists; the cores look for their own neighbours.
    const itemLabels = cluster.centroidThreshold < 1
      ? agglomerate(expanded, vectors, coreGraph(expanded, cores, isCandidate, cluster, conflict), cluster, 'centroid', cluster.centroidThreshold, isStem, conflict, cores, this.lexicon.family)
      : cores;
    const labels = Int32Array.from(itemOf, (item) => itemLabels[item]!);
    const members: number[][] = [];
    labels.forEach((g, i) => (members[g] ??= []).push(i));
    const run: GroupingRun = {
      groups: members.map((idx) => ({ caseIds: idx.map((i) => this.ids[i]!), title: '' })),
      model, places: this.places, lexicon: this.lexicon,
      vectors: Array.from(itemOf, (item) => vectors[item]!),
      profiles: Array.from(itemOf, (item) => itemProfiles[item]!),
      hintIds: this.hintIds, labels, elsewhere,
    };
    if (textOf) run.groups.forEach((g, i) => (g.title = runGroupTitle(run, members[i]!, textOf)));
    return run;
  }
}

/** Whether the texts that are no office's case came from elsewhere: the lexicon reads a problem in few of them. */
function fromElsewhere(docs: readonly { outside: boolean }[], profiles: readonly ProblemProfile[], weights: readonly number[]): boolean {
  let outside = 0;
  let read = 0;
  docs.forEach((d, i) => {
    if (!d.outside) return;
    outside += weights[i]!;
    if (profiles[i]!.length) read += weights[i]!;
  });
  return outside > 0 && read < ELSEWHERE_SHARE * outside;
}

/** The title of a run's group of cases `members` (case indices); `textOf` gives a case's text by its index. */
export function runGroupTitle(run: GroupingRun, members: readonly number[], textOf: (caseIndex: number) => string | undefined): string {
  return groupTitle(members.map((i) => run.vectors[i]!), (k) => textOf(members[k]!), run);
}

/**
 * The office's other cases as document frequencies, to weigh the words of a batch by the whole history
 * (a word common in the office's cases weighs little even where the batch has it rarely).
 */
export function historyBackground(texts: Iterable<string>, counties: Iterable<string>, options: GroupingOptions = DEFAULT_GROUPING): Background {
  const places = placeSet([...MAZANDARAN_COUNTIES, ...(options.places ?? []), ...counties]);
  const lexicon = compileLexicon(options.lexicon ?? DEFAULT_LEXICON);
  return documentFrequencies((function* terms() {
    for (const t of texts) yield problemTerms(t, places, lexicon);
  })(), options.features);
}

export function groupCases(cases: readonly GroupingInput[], options: GroupingOptions = DEFAULT_GROUPING): GroupingRun {
  const builder = new GroupingBuilder(cases.map((c) => c.county ?? ''), options);
  for (const c of cases) builder.add(c);
  return builder.finish((i) => cases[i]?.text);
}

function hintId(ids: Map<string, number>, department: string | undefined): number {
  const key = (department ?? '').trim();
  if (!key) return -1;
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
}
