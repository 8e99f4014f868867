// `didar bench` at a small size runs in the suite (the 100,000-case run has its own command): every figure
// the issue asks for is printed as a number, and the generated data folder is removed afterwards. On the
// PostgreSQL run it is given --db: the same figures on the database under `postgres`, its schema dropped after.
import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { STORE, tempDir, tempStore } from '../helpers/backend';
import { didar, didarWith } from '../helpers/cli';
import { sql } from '../helpers/pg';

const KEYS = [
  'cases', 'loadMs', 'saveP50Ms', 'saveP95Ms', 'filterP95Ms', 'searchP95Ms', 'slipMs',
  'peakRssBeforeGroupingMb', 'groupMs', 'attachMs', 'suggestMs', 'scorecardMs', 'peakRssMb', 'diskMb', 'fsyncP95Ms',
];


describe('didar bench', () => {
  it('prints one JSON object with every measure on generated data and leaves no folder behind', async () => {
    // a temporary folder of its own: other benches on the machine make and remove theirs meanwhile
    const tmp = await tempDir('didar-bench-tmp-');
    const db = STORE === 'pg' ? await tempStore() : null;
    const r = await didarWith({ TMPDIR: tmp }, 'bench', '--cases', '400', ...(db ? ['--db', db] : []));
    expect(r.code, r.stderr).toBe(0);
    const { postgres, ...out } = JSON.parse(r.stdout) as Record<string, number> & { postgres?: Record<string, number> };
    for (const figures of db ? [out, postgres!] : [out]) {
      expect(Object.keys(figures).sort()).toEqual([...KEYS].sort());
      for (const k of KEYS) expect(Number.isFinite(figures[k]), k).toBe(true);
      expect(figures.cases).toBe(400);
      expect(figures.saveP95Ms).toBeGreaterThanOrEqual(figures.saveP50Ms!);
      expect(figures.peakRssMb).toBeGreaterThanOrEqual(figures.peakRssBeforeGroupingMb!);
      expect(figures.diskMb).toBeGreaterThan(0.5); // 400 generated cases, 300 recorded, their audit lines (rows)
    }
    if (db) expect(await sql(db, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'didar_bench_%'")).toEqual([]);
    expect((await fs.readdir(tmp)).filter((f) => f.startsWith('didar-'))).toEqual([]); // tsx keeps its own cache there
  }, 120_000);

  it('refuses a case count that is not a whole number, in Persian', async () => {
    const r = await didar('bench', '--cases', 'many');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/تعداد پرونده‌ها نادرست است/);
    expect(r.stdout).toBe('');
  });
});
