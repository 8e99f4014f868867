// `didar bench` at a small size runs in the suite (the 100,000-case run has its own command): every figure
// the issue asks for is printed as a number, and the generated data folder is removed afterwards.
import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { didar, didarWith } from '../helpers/cli';
import { tempDir } from '../helpers/backend';

const KEYS = [
  'cases', 'loadMs', 'saveP50Ms', 'saveP95Ms', 'filterP95Ms', 'searchP95Ms', 'slipMs',
  'peakRssBeforeGroupingMb', 'groupMs', 'attachMs', 'suggestMs', 'scorecardMs', 'peakRssMb', 'diskMb', 'fsyncP95Ms',
];


describe('didar bench', () => {
  it('prints one JSON object with every measure on generated data and leaves no folder behind', async () => {
    // a temporary folder of its own: other benches on the machine make and remove theirs meanwhile
    const tmp = await tempDir('didar-bench-tmp-');
    const r = await didarWith({ TMPDIR: tmp }, 'bench', '--cases', '400');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, number>;
    expect(Object.keys(out).sort()).toEqual([...KEYS].sort());
    for (const k of KEYS) expect(Number.isFinite(out[k]), k).toBe(true);
    expect(out.cases).toBe(400);
    expect(out.saveP95Ms).toBeGreaterThanOrEqual(out.saveP50Ms!);
    expect(out.peakRssMb).toBeGreaterThanOrEqual(out.peakRssBeforeGroupingMb!);
    expect(out.diskMb).toBeGreaterThan(0.5); // 400 generated cases, 300 recorded, their audit lines
    expect((await fs.readdir(tmp)).filter((f) => f.startsWith('didar-'))).toEqual([]); // tsx keeps its own cache there
  }, 120_000);

  it('refuses a case count that is not a whole number, in Persian', async () => {
    const r = await didar('bench', '--cases', 'many');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/تعداد پرونده‌ها نادرست است/);
    expect(r.stdout).toBe('');
  });
});
