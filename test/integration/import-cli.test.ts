import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend';
import { snapshot, tempDir } from '../helpers/backend';
import { didar, SAMPLE } from '../helpers/cli';

describe('didar import and check', () => {
  it('imports exactly the 160 valid sample rows and rejects the 4 invalid ones with reasons', async () => {
    const dir = await tempDir();
    const r = await didar('import', '--data', dir, SAMPLE);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { imported: { id: string; code: string }[]; rejected: { id: string; reason: string }[] };
    expect(out.imported).toHaveLength(160);
    expect(new Set(out.imported.map((i) => i.code)).size).toBe(160);
    expect(out.rejected.map((x) => x.id).sort()).toEqual(['x001', 'x002', 'x003', 'x004']);
    expect(out.rejected.find((x) => x.id === 'x001')!.reason).toMatch(/^citizen\.nationalId: رقم آخر کد ملی \(رقم کنترل\)/);
    expect(out.rejected.find((x) => x.id === 'x004')!.reason).toMatch(/^text: /);
    // 8 meeting days, one file each
    expect(await fs.readdir(path.join(dir, 'days'))).toHaveLength(8);

    const check = await didar('check', '--data', dir);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, cases: 160, meetingDays: 8, problems: [], warnings: [] });

    // importing the same file again adds nothing
    const before = await snapshot(dir);
    const again = JSON.parse((await didar('import', '--data', dir, SAMPLE)).stdout) as { imported: { existing?: boolean }[] };
    expect(again.imported.every((i) => i.existing)).toBe(true);
    const after = await snapshot(dir);
    expect(Object.keys(after).filter((k) => k.startsWith('days/'))).toEqual(Object.keys(before).filter((k) => k.startsWith('days/')));
    for (const k of Object.keys(before).filter((k) => k.startsWith('days/'))) expect(after[k]).toBe(before[k]);
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

  it('didar case prints status, deadline and history; a mistyped code is invalid; a wrong national ID reveals nothing', async () => {
    const dir = await tempDir();
    const out = JSON.parse((await didar('import', '--data', dir, SAMPLE)).stdout) as { imported: { id: string; code: string }[] };
    const code = out.imported.find((i) => i.id === 's003')!.code;
    const r = await didar('case', '--data', dir, '--code', code, '--national-id', '0018692631');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c).toMatchObject({ code, status: 'recorded', department: 'شرکت توزیع برق', meetingDate: '1405/05/06' });
    expect(c.deadline.dueDate).toMatch(/^1405\/05\/\d\d$/);
    expect(c.history.map((h: { action: string }) => h.action)).toEqual(['recorded', 'order']);
    const typo = code.slice(0, 9) + String((Number(code[9]) + 1) % 10);
    const bad = await didar('case', '--data', dir, '--code', typo);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('کد رهگیری نامعتبر است');
    const wrong = await didar('case', '--data', dir, '--code', code, '--national-id', '2401179445');
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).not.toContain('شرکت توزیع برق');
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
