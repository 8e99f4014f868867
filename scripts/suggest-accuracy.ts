// Developer tool: leave-one-out accuracy of the department suggested at intake, on the labelled sets.
//   npx tsx scripts/suggest-accuracy.ts [FILE.json ...]
// Each case is suggested from all the others (itself left out of the neighbours); a hit is the case's own
// department first (top-1) or among the three suggested (top-3). Cases without a department are skipped.
import fs from 'node:fs';
import path from 'node:path';
import { groupCases, type GroupingInput } from '../shared/grouping/engine';
import { Suggester } from '../shared/grouping/suggest';
import { lexiconPrior } from '../shared/grouping/problem-lexicon';

type Labelled = GroupingInput & { category?: string; invalid?: string };

const files = process.argv.slice(2).length ? process.argv.slice(2)
  : ['test/fixtures/sample/sample-cases.json', ...fs.readdirSync('test/fixtures/grouping').filter((f) => f.endsWith('.json')).sort().map((f) => path.join('test/fixtures/grouping', f))];
let all = 0;
let top1All = 0;
let top3All = 0;
console.log('| set | cases with a department | top-1 | top-3 | no suggestion |');
console.log('|---|---|---|---|---|');
for (const file of files) {
  const cases: Labelled[] = JSON.parse(fs.readFileSync(file, 'utf8')).cases.filter((c: Labelled) => !c.invalid);
  const run = groupCases(cases);
  const s = new Suggester(run.model);
  cases.forEach((c, i) => s.add(run.vectors[i]!, c.department ?? '', c.category ?? ''));
  let n = 0;
  let top1 = 0;
  let top3 = 0;
  let none = 0;
  cases.forEach((c, i) => {
    if (!c.department) return;
    n++;
    const prior = process.env.NO_PRIOR ? {} : lexiconPrior(run.profiles[i]!, run.lexicon);
    const got = s.suggest(run.vectors[i]!, i, prior).departments.map((d) => d.name);
    if (got.length === 0) none++;
    if (got[0] === c.department) top1++;
    if (got.includes(c.department)) top3++;
  });
  all += n;
  top1All += top1;
  top3All += top3;
  const pct = (x: number) => `${((100 * x) / n).toFixed(1)}%`;
  console.log(`| ${path.basename(file, '.json')} | ${n} | ${pct(top1)} | ${pct(top3)} | ${none} |`);
}
console.log(`| all | ${all} | ${((100 * top1All) / all).toFixed(1)}% | ${((100 * top3All) / all).toFixed(1)}% | |`);
