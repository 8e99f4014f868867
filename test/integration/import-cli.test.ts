// `didar import`, `check` and `case` on either store (--data DIR or --db URL).
import { describe, expect, it } from 'vitest';
import { snapshot, storeArgs, tempStore } from '../helpers/backend';
import { didar, SAMPLE } from '../helpers/cli';

describe('didar import and check', () => {
  it('imports exactly the 160 valid sample rows and rejects the 4 invalid ones with reasons', async () => {
    const dir = await tempStore();
    const r = await didar('import', ...storeArgs(dir), SAMPLE);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { imported: { id: string; code: string }[]; rejected: { id: string; reason: string }[] };
    expect(out.imported).toHaveLength(160);
    expect(new Set(out.imported.map((i) => i.code)).size).toBe(160);
    expect(out.rejected.map((x) => x.id).sort()).toEqual(['x001', 'x002', 'x003', 'x004']);
    expect(out.rejected.find((x) => x.id === 'x001')!.reason).toMatch(/^citizen\.nationalId: رقم آخر کد ملی \(رقم کنترل\)/);
    expect(out.rejected.find((x) => x.id === 'x004')!.reason).toMatch(/^text: /);
    const check = await didar('check', ...storeArgs(dir));
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, cases: 160, meetingDays: 8, problems: [], warnings: [] });

    // importing the same file again adds nothing
    const before = await snapshot(dir);
    const again = JSON.parse((await didar('import', ...storeArgs(dir), SAMPLE)).stdout) as { imported: { existing?: boolean }[] };
    expect(again.imported.every((i) => i.existing)).toBe(true);
    const after = await snapshot(dir);
    // the data as it was (a folder's day files, a database's tables but the audit trail's import event)
    const data = (s: Record<string, string>) => Object.fromEntries(Object.entries(s).filter(([k]) => k.startsWith('days/') || !/^(audit|journal\.json|counters|meta)/.test(k)));
    expect(data(after)).toEqual(data(before));
  });

  it('didar case prints status, deadline and history; a mistyped code is invalid; a wrong national ID reveals nothing', async () => {
    const dir = await tempStore();
    const out = JSON.parse((await didar('import', ...storeArgs(dir), SAMPLE)).stdout) as { imported: { id: string; code: string }[] };
    const code = out.imported.find((i) => i.id === 's003')!.code;
    const r = await didar('case', ...storeArgs(dir), '--code', code, '--national-id', '0018692631');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c).toMatchObject({ code, status: 'recorded', department: 'شرکت توزیع برق', meetingDate: '1405/05/06' });
    expect(c.deadline.dueDate).toMatch(/^1405\/05\/\d\d$/);
    expect(c.history.map((h: { action: string }) => h.action)).toEqual(['recorded', 'order']);
    const typo = code.slice(0, 9) + String((Number(code[9]) + 1) % 10);
    const bad = await didar('case', ...storeArgs(dir), '--code', typo);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('کد رهگیری نامعتبر است');
    const wrong = await didar('case', ...storeArgs(dir), '--code', code, '--national-id', '2401179445');
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).not.toContain('شرکت توزیع برق');
  });
});
