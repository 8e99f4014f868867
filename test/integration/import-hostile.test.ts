// Crafted import files: each case is re-validated as if typed; a bad row is rejected on its own with a reason,
// the rest imported, the folder still opens, and no import raises a tracking-code counter past its valid codes.
import { describe, expect, it } from 'vitest';
import { exportAll } from '../../electron/backend/services/export';
import { importCases } from '../../electron/backend/services/import';
import type { DidarExport } from '../../shared/export-format';
import { makeTrackingCode, parseTrackingCode } from '../../shared/tracking-code';
import { checkStore, ok, openForTest as start, openToday, validCitizen } from '../helpers/backend';

/** An export of a folder with five cases, the first referred and extended (history, deadline, notices). */
async function anExport(): Promise<DidarExport> {
  const b = await start();
  const day = await openToday(b);
  const order = { type: 'act' as const, leadDepartment: 'جهاد کشاورزی', deadlineDays: 10, text: 'بررسی شود' };
  const ids = [];
  for (let i = 0; i < 5; i++) ids.push((await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: `درخواست ${i}`, order })).id);
  await ok(b, 'case/refer', { ids: [ids[0]!] });
  await ok(b, 'case/extend', { ids: [ids[0]!], days: 5, reason: 'بازدید' });
  return structuredClone(await exportAll(b.ctx));
}

type Row = Record<string, unknown>;
const rows = (e: DidarExport) => e.cases as unknown as Row[];

describe('import of a crafted didar export', () => {
  it('rejects the case with history [null] and status pwned; strips U+202E and BEL from the next; the folder opens', async () => {
    const e = await anExport();
    Object.assign(rows(e)[0]!, { history: [null], status: 'pwned', text: '\u202Eevil\u0007 text' });
    Object.assign(rows(e)[1]!, { text: 'جاده\u202E خراب\u0007 است', citizen: { ...(rows(e)[1]!.citizen as Row), firstName: '\u2067علی\u0000' } });
    (rows(e)[2]!.history as Row[]).push({ at: '2026-11-23T06:30:00.000Z', by: 'x', action: 'hacked' });
    const b = await start();
    const summary = await importCases(b.ctx, e);
    expect(summary.rejected).toEqual([
      { id: '#1', reason: expect.stringMatching(/^status: /) },
      { id: '#3', reason: expect.stringMatching(/^history\.\d+\.action: /) },
    ]);
    expect(summary.imported).toHaveLength(3);
    const clean = await ok(b, 'case/get', { id: String(rows(e)[1]!.id) });
    expect(clean.text).toBe('جاده خراب است');
    expect(clean.citizen.firstName).toBe('علی');
    await b.close();
    const again = await start(b.dataDir); // the folder opens, and check agrees
    expect((await ok(again, 'worklist/query', { limit: 10 })).total).toBe(3);
    expect((await checkStore(b.dataDir)).problems).toEqual([]);
  });

  it('codes that fail their check digit, name another year, are absurdly high or collide are rejected; the counter follows the valid ones', async () => {
    const e = await anExport();
    const [r0, r1, r2, r3, r4] = rows(e);
    r0!.code = '0599999990'; // right shape, wrong check digit
    r1!.code = makeTrackingCode(1404, 7); // a valid code of another year than its meeting day
    r2!.code = makeTrackingCode(1405, 9_999_999); // valid, but would use up the year's codes
    r3!.code = String(r4!.code); // the same code twice in one file
    const b = await start();
    const summary = await importCases(b.ctx, e);
    expect(summary.rejected.map((r) => r.id)).toEqual(['#1', '#2', '#3', r4!.id]);
    expect(summary.rejected[0]!.reason).toBe('code: کد رهگیری نامعتبر است');
    expect(summary.rejected[1]!.reason).toMatch(/^code: سال کد رهگیری/);
    expect(summary.rejected[2]!.reason).toMatch(/^code: شماره کد رهگیری بیش از حد بزرگ/);
    expect(summary.rejected[3]!.reason).toMatch(/^code: کد رهگیری .* از آن پرونده دیگری است/);
    expect(summary.imported.map((i) => i.code)).toEqual([r3!.code]);
    // the next case gets the code after the highest valid one imported, not an exhausted year
    const day = (await ok(b, 'meetingDay/list', {}))[0]!;
    const next = await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست تازه' });
    expect(parseTrackingCode(next.code).sequence).toBe(parseTrackingCode(String(r3!.code)).sequence + 1);
  });

  it('a second row with the same id is rejected, the first kept', async () => {
    const e = await anExport();
    rows(e).push({ ...rows(e)[0]!, code: makeTrackingCode(1405, 50) });
    const b = await start();
    const summary = await importCases(b.ctx, e);
    expect(summary.imported).toHaveLength(5);
    expect(summary.rejected).toEqual([{ id: rows(e)[0]!.id, reason: 'id: این شناسه در همین فایل پیش‌تر آمده است.' }]);
  });
});

describe('import of sample-format rows', () => {
  const row = (id: string, order: string) => ({
    id, text: 'جاده روستا خراب است', county: 'ساری', department: 'راهداری', date: '1405/08/20', order,
    citizen: { firstName: 'علی', lastName: 'رضایی', nationalId: '2401179445', mobile: '09121234567' },
  });

  it('an absurd deadline in the order text rejects that row only; a repeated id is rejected once', async () => {
    const b = await start();
    const summary = await importCases(b.ctx, { cases: [row('r1', 'ظرف ۱۰ روز بررسی شود'), row('r2', 'ظرف 99999999999 روز بررسی شود'), row('r3', 'ظرف ۴۰۰ روز کاری'), row('r1', 'ظرف ۱۰ روز')] });
    expect(summary.imported.map((i) => i.id)).toEqual(['r1']);
    expect(summary.rejected).toEqual([
      { id: 'r2', reason: 'order: مهلت باید بین ۱ تا ۳۶۵ روز کاری باشد.' },
      { id: 'r3', reason: 'order: مهلت باید بین ۱ تا ۳۶۵ روز کاری باشد.' },
      { id: 'r1', reason: 'id: این شناسه در همین فایل پیش‌تر آمده است.' },
    ]);
    expect((await ok(b, 'worklist/query', { limit: 10 })).total).toBe(1);
  });
});
