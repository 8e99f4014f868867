// File store only: `didar check` on a damaged or missing data folder, the folder's backup and restore, the
// meeting day's own file. (Import, check and case on both stores: import-cli.test.ts.)
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend';
import { snapshot, tempDir } from '../helpers/backend';
import { didar, SAMPLE } from '../helpers/cli';

describe('didar check, backup and restore of a data folder', () => {
  it('writes one file per meeting day', async () => {
    const dir = await tempDir();
    expect((await didar('import', '--data', dir, SAMPLE)).code).toBe(0);
    expect(await fs.readdir(path.join(dir, 'days'))).toHaveLength(8);
  });

  it('check fails naming the broken file and what is wrong', async () => {
    const dir = await tempDir();
    await didar('import', '--data', dir, SAMPLE);
    const days = await fs.readdir(path.join(dir, 'days'));
    await fs.writeFile(path.join(dir, 'days', days[0]!), '{"schemaVersion":1,"day":');
    const r = await didar('check', '--data', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`days/${days[0]}`);
    expect(r.stderr).toContain('does not parse as JSON');
  });

  it('backup then restore gives the same cases; a used folder, a broken file and a locked folder are refused', async () => {
    const dir = await tempDir();
    await didar('import', '--data', dir, SAMPLE);
    const file = path.join(await tempDir(), 'b.json.gz');
    const b = await didar('backup', '--data', dir, '--out', file);
    expect(b.code).toBe(0);
    expect(JSON.parse(b.stdout).files).toBe(12); // meta, counters, journal.json, 8 meeting days, one month of audit
    const target = path.join(await tempDir(), 'restored');
    expect((await didar('restore', '--data', target, file)).code).toBe(0);
    const days = (d: string) => snapshot(d).then((s) => Object.fromEntries(Object.entries(s).filter(([k]) => k.startsWith('days/'))));
    expect(await days(target)).toEqual(await days(dir));
    expect(JSON.parse((await didar('check', '--data', target)).stdout)).toMatchObject({ ok: true, cases: 160 });
    const again = await didar('restore', '--data', target, file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    const broken = path.join(path.dirname(file), 'broken.json.gz');
    await fs.writeFile(broken, 'not a backup');
    const r = await didar('restore', '--data', path.join(path.dirname(file), 'x'), broken);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('خوانده نشد');
    const open = await openBackend({ dataDir: target });
    try {
      const locked = await didar('restore', '--data', target, file, '--force');
      expect(locked.code).toBe(1);
      expect(locked.stderr).toContain('در اختیار برنامه دیگری است');
    } finally {
      await open.close();
    }
    expect((await didar('restore', '--data', target, file, '--force')).code).toBe(0);
  });

  it('check fails on a missing folder and --help lists the commands', async () => {
    const r = await didar('check', '--data', '/nonexistent/didar');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('data folder does not exist');
    const help = await didar('--help');
    expect(help.stdout).toMatch(/didar check[\s\S]*didar import[\s\S]*didar slip/);
  });
});
