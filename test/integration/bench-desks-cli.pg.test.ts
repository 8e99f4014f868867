// `didar bench --desks N --db URL`: the same short day at two desks on the data folder and, beside it in the
// same run, on PostgreSQL (under `postgres`): both with every citizen's case, nothing lost, duplicated or
// unaudited (the database's audit table read back), and the run's schema dropped afterwards.
import { describe, expect, it } from 'vitest';
import { didarWith } from '../helpers/cli';
import { tempDir, tempStore } from '../helpers/backend';
import { sql } from '../helpers/pg';

describe('didar bench --desks on PostgreSQL', () => {
  it('runs the day on the folder and on the database, and reads both back clean', async () => {
    const db = await tempStore();
    const tmp = await tempDir('didar-bench-desks-tmp-');
    const r = await didarWith({ TMPDIR: tmp }, 'bench', '--desks', '2', '--citizens', '10', '--db', db);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { postgres, ...folder } = JSON.parse(r.stdout) as Record<string, unknown> & { postgres: Record<string, unknown> & { calls: Record<string, { count: number }> } };
    const clean = { desks: 2, citizens: 10, cases: 10, lost: 0, duplicateCodes: 0, savedTwice: 0, auditGaps: 0, noticesMissed: 0, refused: {} };
    expect(folder).toMatchObject({ ...clean, store: 'folder' });
    expect(postgres).toMatchObject({ ...clean, store: 'postgres' });
    expect(postgres.calls['case/record']!.count + postgres.calls['case/allocateCode']!.count).toBe(10);
    expect(await sql(db, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'didar_bench_%'")).toEqual([]);
  }, 240_000);
});
