// The quality bar of the grouping engine on the labelled sample set, measured by the shared scorer.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { SAMPLE } from '../helpers/cli';

const SCORER = path.resolve('scripts/tools/score-grouping.mjs');

// 0.94: the sample's leave-one-set-out F1 (docs/grouping.md), above the bar of 0.85.
it('groups the sample cases with B-cubed F1 ≥ 0.94 and finds ≥ 80% of the recurring groups (CLI end to end)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'didar-group-'));
  try {
    const out = path.join(dir, 'groups.json');
    execFileSync('node', ['bin/didar.mjs', 'group', '--in', SAMPLE, '--out', out], { encoding: 'utf8' });
    const groups: { caseIds: string[] }[] = JSON.parse(fs.readFileSync(out, 'utf8')).groups;
    const ids = groups.flatMap((g) => g.caseIds);
    const input: { id: string }[] = JSON.parse(fs.readFileSync(SAMPLE, 'utf8')).cases;
    expect(ids.sort()).toEqual(input.map((c) => c.id).sort());
    const score = JSON.parse(execFileSync('node', [SCORER, '--gold', SAMPLE, '--pred', out, '--json'], { encoding: 'utf8' }));
    console.log(`grouping quality: F1 ${score.bcubed.f1.toFixed(3)}, precision ${score.bcubed.precision.toFixed(3)}, recall ${score.bcubed.recall.toFixed(3)}, recurring found ${score.recurringFound.toFixed(3)}`);
    expect(score.bcubed.f1).toBeGreaterThanOrEqual(0.94);
    expect(score.recurringFound).toBeGreaterThanOrEqual(0.8);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

it('refuses an input that is not {cases:[...]} with a Persian message and writes nothing', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'didar-group-'));
  try {
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{"rows": 3}');
    const out = path.join(dir, 'out.json');
    let stderr = '';
    try {
      execFileSync('node', ['bin/didar.mjs', 'group', '--in', bad, '--out', out], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      stderr = String((e as { stderr: string }).stderr);
    }
    expect(stderr).toContain('ساختار فایل ورودی درست نیست');
    expect(fs.existsSync(out)).toBe(false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
