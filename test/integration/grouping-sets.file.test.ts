// The grouping engine's quality on the ten labelled sets written independently of the sample
// (test/fixtures/grouping/), end to end through `didar group`, with the shipped defaults: the parameters
// chosen by cross-validation on all the sets (docs/grouping.md). Each set is held just below what they reach.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SCORER = path.resolve('scripts/tools/score-grouping.mjs');

/**
 * Just below the B-cubed F1 and the precision the shipped defaults reach on each set. Where a set's own
 * leave-one-set-out fold chooses other parameters it scores lower there (docs/grouping.md, «Ten sets»).
 */
const BARS: { set: string; f1: number; precision: number }[] = [
  { set: 'small-groups', f1: 0.81, precision: 0.80 },
  { set: 'large-groups', f1: 0.82, precision: 0.90 },
  { set: 'confusable', f1: 0.80, precision: 0.72 },
  { set: 'general-requests', f1: 0.83, precision: 0.77 },
  { set: 'near-miss', f1: 0.83, precision: 0.77 },
  // Scored before anyone read it (docs/grouping.md): the figure of a confusable set the engine had not seen.
  // Its errors were read on 2026-12-06 (culled livestock, exemptions, a bridge asked for): no longer unseen.
  { set: 'confusable-pairs', f1: 0.81, precision: 0.78 },
  // Also scored before it was read: one problem in many words, where the engine is below the department alone.
  // Its errors were read on 2026-12-05 and the lexicon took colloquial words from them: no longer unseen.
  { set: 'many-phrasings', f1: 0.66, precision: 0.80 },
  // A third, written as one meeting day's intake might look; scored before it was read.
  { set: 'office-day', f1: 0.77, precision: 0.76 },
  // A fourth, across many offices (13 of 18 groups outside power, gas, water and roads); scored before it was read.
  { set: 'mixed-offices', f1: 0.77, precision: 0.82 },
  // An eleventh, one problem in many ways across offices; scored before it was read, below the department alone.
  { set: 'one-day-many-ways', f1: 0.61, precision: 0.70 },
  // A twelfth, across 38 offices with ten confusable pairs; scored before it was read (0.747, P 0.694), then
  // its errors read: the telephone, absent from the lexicon, was added.
  { set: 'new-offices', f1: 0.76, precision: 0.71 },
];

/** Groups a labelled file through `didar group`; its groups, its score, and the score of leaving every case alone. */
function groupAndScore(file: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'didar-sets-'));
  try {
    const out = path.join(dir, 'groups.json');
    execFileSync('node', ['bin/didar.mjs', 'group', '--in', file, '--out', out], { encoding: 'utf8' });
    const groups: { caseIds: string[]; title: string }[] = JSON.parse(fs.readFileSync(out, 'utf8')).groups;
    const input: { id: string }[] = JSON.parse(fs.readFileSync(file, 'utf8')).cases;
    const score = JSON.parse(execFileSync('node', [SCORER, '--gold', file, '--pred', out, '--json'], { encoding: 'utf8' }));
    // Every case alone: precision 1 and recall the mean of 1/|group|.
    fs.writeFileSync(path.join(dir, 'alone.json'), JSON.stringify({ groups: input.map((c) => ({ caseIds: [c.id] })) }));
    const none = JSON.parse(execFileSync('node', [SCORER, '--gold', file, '--pred', path.join(dir, 'alone.json'), '--json'], { encoding: 'utf8' }));
    console.log(`${path.basename(file)}: F1 ${score.bcubed.f1.toFixed(3)} (P ${score.bcubed.precision.toFixed(3)}, R ${score.bcubed.recall.toFixed(3)}), every case alone ${none.bcubed.f1.toFixed(3)}`);
    return { groups, input, f1: score.bcubed.f1 as number, precision: score.bcubed.precision as number, alone: none.bcubed.f1 as number };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('grouping quality on the labelled sets', () => {
  for (const bar of BARS) {
    it(`groups «${bar.set}» with B-cubed F1 ≥ ${bar.f1}, every case exactly once, better than leaving every case alone`, () => {
      const { groups, input, f1, precision, alone } = groupAndScore(path.resolve(`test/fixtures/grouping/${bar.set}.json`));
      expect(groups.flatMap((g) => g.caseIds).sort()).toEqual(input.map((c) => c.id).sort());
      expect(f1).toBeGreaterThanOrEqual(bar.f1);
      expect(precision).toBeGreaterThanOrEqual(bar.precision);
      expect(f1).toBeGreaterThan(alone);
      // Titles are phrases of the cases' own texts.
      for (const g of groups.filter((x) => x.caseIds.length > 1)) expect(g.title.length).toBeGreaterThan(0);
    }, 60_000);
  }

  // Text from elsewhere (test/fixtures/plain-text/): compared as plain text, its questions of one frame stay
  // apart (precision 0.53 before, when they borrowed each other's words; 0.75 while a question the lexicon
  // reads an object in was taken for an office's case; 0.81 at the office's cut). At the cut for such text
  // (`plainThreshold`, docs/grouping.md) it passes leaving every question alone (0.751) at last.
  it('groups everyday questions from elsewhere with B-cubed F1 ≥ 0.77 and precision ≥ 0.93, better than leaving every question alone', () => {
    const { f1, precision, alone } = groupAndScore(path.resolve('test/fixtures/plain-text/everyday-questions.json'));
    expect(f1).toBeGreaterThanOrEqual(0.77);
    expect(precision).toBeGreaterThanOrEqual(0.93);
    expect(f1).toBeGreaterThan(alone);
  }, 60_000);

  // Requests to an assistant by intent: one intent in many words meets less as plain text (0.392 before, 0.297
  // at the office's cut, 0.283 at the cut for such text, precision 0.60 → 0.98); held there, above leaving every
  // request alone (0.264).
  it('groups assistant requests by intent with B-cubed F1 ≥ 0.28, better than leaving every request alone', () => {
    const { f1, precision, alone } = groupAndScore(path.resolve('test/fixtures/plain-text/assistant-intents.json'));
    expect(f1).toBeGreaterThanOrEqual(0.28);
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(f1).toBeGreaterThan(alone);
  }, 60_000);
});
