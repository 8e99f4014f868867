// Developer tool: leave-one-set-out cross-validation of the grouping engine's parameters.
//   npx tsx scripts/grouping-cv.ts [--extra FILE.json ...] [--grid narrow|small|full|wide|department] [--scores OUT.json] [--thin SHARE] [--resample K]
// For every labelled set in turn, the candidate parameters are scored on the other sets, the one with the
// best mean F1 is chosen, and its F1 on the held-out set is reported. Sets given with --extra are scored
// with the chosen defaults only (a check, never used to choose; text from elsewhere among them is cut at
// `plainThreshold`, which the grid leaves alone). --scores writes every candidate's score on
// every set, to study other ways of choosing without re-running the grid. --thin drops that share of the
// lexicon's words (the same ones every run): the lexicon was written reading these sets, and unseen text
// finds fewer of its words, so a change should also hold when the lexicon knows less. --resample scores each
// set as the mean over K runs on 90 % of its cases (the same cases every run): a case at a candidate's cut
// moves a group's score by 0.01–0.04, and a mean over resamples tells a change from such a case.
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_GROUPING, groupCases, type GroupingInput, type GroupingOptions } from '../shared/grouping/engine';
import { DEFAULT_LEXICON, type ProblemLexicon } from '../shared/grouping/problem-lexicon';
// @ts-expect-error -- the scorer is plain JavaScript without types
import { scoreFiles } from './tools/score-grouping.mjs';

type Labelled = GroupingInput & { group: string; invalid?: string };
type Set = { name: string; cases: Labelled[] };
type FeatureOverride = Partial<Omit<GroupingOptions['features'], 'weights'>> & { weights?: Partial<GroupingOptions['features']['weights']> };
type Override = { features?: FeatureOverride; cluster?: Partial<GroupingOptions['cluster']> };
type Score = { f1: number; precision: number; recall: number; found: number | null };

const FIXTURES = ['test/fixtures/sample/sample-cases.json', ...listDir('test/fixtures/grouping')];

function listDir(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f)) : [];
}

function load(file: string): Set {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { cases: Labelled[] };
  return { name: path.basename(file, '.json'), cases: data.cases.filter((c) => !c.invalid) };
}

/** The lexicon of every run: the shipped one, or a thinned copy (--thin). */
let lexicon: ProblemLexicon = DEFAULT_LEXICON;

/** A fixed point in [0, 1) for a key (FNV-1a): the same words dropped and the same cases left out every run. */
function fixedShare(key: string): number {
  let h = 2166136261;
  for (const ch of key) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) / 2 ** 32;
}

/** The lexicon less `share` of each entry's words (at least one kept), chosen by a fixed hash of the word. */
function thinned(lex: ProblemLexicon, share: number): ProblemLexicon {
  const keep = (name: string, w: string) => fixedShare(name + '|' + w) >= share;
  const thin = <T extends { name: string; words: string[] }>(e: T): T => {
    const words = e.words.filter((w) => keep(e.name, w));
    return { ...e, words: words.length ? words : e.words.slice(0, 1) };
  };
  return { objects: lex.objects.map(thin), defects: lex.defects.map(thin) };
}

export function optionsOf(o: Override): GroupingOptions {
  const d = DEFAULT_GROUPING;
  return {
    features: { ...d.features, ...o.features, weights: { ...d.features.weights, ...o.features?.weights } },
    cluster: { ...d.cluster, ...o.cluster },
    lexicon,
  };
}

/** Runs on 90 % of a set's cases each (--resample); 0: the whole set once. */
let resamples = 0;

/** Whether case `id` is in resample `k` (1-based): a fixed hash, so every candidate sees the same cases. */
function inResample(id: string, k: number): boolean {
  return fixedShare(`${id}#${k}`) >= 0.1;
}

function scoreCases(cases: Labelled[], o: Override): Score {
  const run = groupCases(cases, optionsOf(o));
  const { result } = scoreFiles({ cases }, { groups: run.groups });
  return { ...result.bcubed, found: result.recurringFound };
}

export function scoreSet(set: Set, o: Override): Score {
  if (resamples === 0) return scoreCases(set.cases, o);
  const runs = Array.from({ length: resamples }, (_, k) => scoreCases(set.cases.filter((c) => inResample(c.id, k + 1)), o));
  const mean = (f: (s: Score) => number) => runs.reduce((a, s) => a + f(s), 0) / runs.length;
  return { f1: mean((s) => s.f1), precision: mean((s) => s.precision), recall: mean((s) => s.recall), found: mean((s) => s.found ?? 0) };
}

/**
 * The sample's own test (test/integration/grouping-quality.file.test.ts) must keep passing: when the sample is
 * among the sets parameters are chosen on, only parameters that meet its bar are candidates.
 */
const SAMPLE = 'sample-cases';
const meetsSampleBar = (s: Score) => s.f1 >= 0.85 && (s.found ?? 0) >= 0.8;

/**
 * Candidate parameters: the cut (first pass, second pass), how far neighbours' words are borrowed, the weight
 * of the department hint, of the problem lexicon's tags and of stem pairs.
 */
function grid(kind: string): Override[] {
  const out: Override[] = [];
  if (kind === 'narrow') {
    // For exploring: only what the wide grid's folds chose differently (the cut, the objects' weight, the rest block).
    for (const centroidThreshold of [0.45, 0.5, 0.55]) for (const concept of [0.25, 0.5]) for (const rest of [0, 0.5]) {
      out.push({ features: { weights: { rest, concept, problem: 0.5 } }, cluster: { centroidThreshold } });
    }
    return out;
  }
  if (kind === 'department') {
    // How much the department weighs where the lexicon reads a problem in both and where in one only, with the cut.
    for (const centroidThreshold of [0.45, 0.5, 0.55]) for (const hintBonus of [0.05, 0.1, 0.2]) for (const unreadHintBonus of [0.3, 0.4, 0.5]) {
      out.push({ cluster: { centroidThreshold, hintBonus, unreadHintBonus } });
    }
    return out;
  }
  if (kind === 'wide') {
    // The full grid's neighbourhood, with the lexicon's two blocks (objects, problems) weighted apart.
    for (const centroidThreshold of [0.45, 0.5, 0.55]) for (const expansion of [0.15, 0.3]) for (const hintBonus of [0.05, 0.1, 0.2])
      for (const [concept, problem] of [[0.5, 0.5], [0.25, 0.5], [0.5, 1]] as const) for (const rest of [0, 0.5]) for (const conflictPenalty of [0.1, 0.3]) {
        out.push({ features: { weights: { rest, concept, problem } }, cluster: { centroidThreshold, expansion, hintBonus, conflictPenalty } });
      }
    return out;
  }
  const full = kind === 'full';
  for (const centroidThreshold of [0.45, 0.5, 0.55]) for (const expansion of [0.3, 0.6]) for (const hintBonus of [0.1, 0.2])
    for (const rest of full ? [0, 0.5, 1] : [0.5]) for (const objectBonus of full ? [0, 0.1] : [0]) for (const conflictPenalty of full ? [0.1, 0.3] : [0.1]) {
      out.push({ features: { weights: { rest } }, cluster: { centroidThreshold, expansion, hintBonus, objectBonus, defectBonus: objectBonus, conflictPenalty } });
    }
  return out;
}

const key = (o: Override) => JSON.stringify(o);
const f3 = (x: number) => x.toFixed(3);

function main(): void {
  const args = process.argv.slice(2);
  const extra: string[] = [];
  let kind = 'small';
  let scoresFile = '';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--extra') extra.push(args[++i]!);
    else if (args[i] === '--grid') kind = args[++i]!;
    else if (args[i] === '--scores') scoresFile = args[++i]!;
    else if (args[i] === '--thin') lexicon = thinned(DEFAULT_LEXICON, Number(args[++i]));
    else if (args[i] === '--resample') resamples = Number(args[++i]);
  }
  const sets = FIXTURES.map(load);
  const candidates = grid(kind);
  // scores[c][s]: candidate c on set s.
  const scores = candidates.map((o) => sets.map((s) => scoreSet(s, o)));
  console.log(`${sets.length} sets, ${candidates.length} candidates`);
  if (scoresFile) fs.writeFileSync(scoresFile, JSON.stringify({ sets: sets.map((s) => s.name), candidates, scores }));
  const rows: string[] = [];
  for (let held = 0; held < sets.length; held++) {
    let best = 0;
    let bestMean = -1;
    const sampleAt = sets.findIndex((s) => s.name === SAMPLE);
    scores.forEach((row, c) => {
      if (sampleAt >= 0 && sampleAt !== held && !meetsSampleBar(row[sampleAt]!)) return;
      const others = row.filter((_, s) => s !== held);
      const mean = others.reduce((a, b) => a + b.f1, 0) / others.length;
      if (mean > bestMean + 1e-9) [best, bestMean] = [c, mean];
    });
    const h = scores[best]![held]!;
    rows.push(`| ${sets[held]!.name} | ${f3(h.f1)} (P ${f3(h.precision)}, R ${f3(h.recall)}) | ${f3(bestMean)} | \`${key(candidates[best]!)}\` |`);
  }
  console.log('| held-out set | F1 with parameters chosen on the others | mean F1 on the others | chosen |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(r);
  // The shipped defaults: the candidate chosen on all the sets.
  let all = 0;
  let allMean = -1;
  scores.forEach((row, c) => {
    const at = sets.findIndex((s) => s.name === SAMPLE);
    if (at >= 0 && !meetsSampleBar(row[at]!)) return;
    const mean = row.reduce((a, b) => a + b.f1, 0) / row.length;
    if (mean > allMean + 1e-9) [all, allMean] = [c, mean];
  });
  console.log(`\nchosen on all ${sets.length} sets (mean F1 ${f3(allMean)}): \`${key(candidates[all]!)}\``);
  const defaults = sets.map((s) => scoreSet(s, {}));
  console.log('\ndefaults:', sets.map((s, i) => `${s.name} ${f3(defaults[i]!.f1)} (P ${f3(defaults[i]!.precision)}, R ${f3(defaults[i]!.recall)})`).join('; '));
  for (const file of extra) {
    const s = load(file);
    const r = scoreSet(s, {});
    console.log(`extra ${s.name}: F1 ${f3(r.f1)} (P ${f3(r.precision)}, R ${f3(r.recall)})`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
