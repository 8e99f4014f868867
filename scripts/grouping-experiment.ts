// Developer tool: scores the grouping engine on a labelled file with option overrides.
//   npx tsx scripts/grouping-experiment.ts test/fixtures/sample/sample-cases.json '{"cluster":{"threshold":0.2}}'
// A file of text from elsewhere is cut at `plainThreshold` in both passes (runCluster in the engine): override that.
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { groupCases, DEFAULT_GROUPING } from '../shared/grouping/engine';

const [file, override = '{}'] = process.argv.slice(2);
const data = JSON.parse(readFileSync(file!, 'utf8'));
const cases = data.cases.filter((c: { invalid?: string }) => !c.invalid);
const o = JSON.parse(override);
const options = {
  features: { ...DEFAULT_GROUPING.features, ...o.features, weights: { ...DEFAULT_GROUPING.features.weights, ...o.features?.weights } },
  cluster: { ...DEFAULT_GROUPING.cluster, ...o.cluster },
};
const t0 = performance.now();
const run = groupCases(cases, options);
const ms = performance.now() - t0;
writeFileSync('/tmp/pred.json', JSON.stringify({ groups: run.groups }));
const out = JSON.parse(execFileSync('node', ['scripts/tools/score-grouping.mjs', '--gold', file!, '--pred', '/tmp/pred.json', '--json'], { encoding: 'utf8' }));
console.log(JSON.stringify({ f1: out.bcubed.f1.toFixed(3), p: out.bcubed.precision.toFixed(3), r: out.bcubed.recall.toFixed(3), found: out.recurringFound, groups: run.groups.length, ms: Math.round(ms) }));
if (process.env.SHOW) for (const g of run.groups.filter((g) => g.caseIds.length > 1)) console.log(g.caseIds.length, g.title, g.caseIds.map((id) => cases.find((c: { id: string }) => c.id === id).group).join(' '));
