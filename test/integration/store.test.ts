import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend';
import { checkDataDir } from '../../electron/backend/store/check';
import { parseTrackingCode, verhoeffValid } from '../../shared/tracking-code';
import { issueText, nationalId, rng } from '../../electron/backend/bench/generate';
import { ok, openTestBackend, openToday, send, snapshot, tempDir, validCitizen } from '../helpers/backend';

const open: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});
async function start(dir?: string) {
  const b = await openTestBackend(dir);
  open.push(b);
  return b;
}

describe('file store', () => {
  it('keeps a recorded case across a restart, normalised', async () => {
    const b = await start();
    const day = await openToday(b);
    const c = await ok(b, 'case/record', {
      meetingDayId: day.id,
      citizen: { ...validCitizen, nationalId: '۲۴۰۱۱۷۹۴۴۵', firstName: 'علي' },
      text: '  قطعي برق   روستا  ',
    });
    expect(c.code).toMatch(/^05\d{8}$/);
    expect(verhoeffValid(c.code)).toBe(true);
    await b.close();
    open.pop();

    const again = await start(b.dataDir);
    const list = await ok(again, 'case/listForDay', { meetingDayId: day.id });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      code: c.code,
      text: 'قطعی برق روستا',
      citizen: { nationalId: '2401179445', mobile: '09121234567', firstName: 'علی' },
    });
    expect((await ok(again, 'meetingDay/current', {}))?.id).toBe(day.id);
    expect(await ok(again, 'case/byCode', { code: c.code })).toMatchObject({ id: c.id });
  });

  it('splits data so that a save rewrites only its meeting day', async () => {
    const b = await start();
    const d1 = await openToday(b);
    const d2 = await ok(b, 'meetingDay/open', { date: '1405/09/03', place: { kind: 'county', county: 'آمل' }, host: 'معاون استاندار' });
    await ok(b, 'case/record', { meetingDayId: d1.id, citizen: validCitizen, text: 'درخواست نخست' });
    await b.store.settled();
    const files = await fs.readdir(path.join(b.dataDir, 'days'));
    expect(files).toHaveLength(2);
    const other = files.find((f) => f.includes(d2.id))!;
    const before = await fs.stat(path.join(b.dataDir, 'days', other));
    await ok(b, 'case/record', { meetingDayId: d1.id, citizen: validCitizen, text: 'درخواست دوم' });
    await b.store.settled();
    const after = await fs.stat(path.join(b.dataDir, 'days', other));
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  it('refuses a second process on the same data folder with a clear message', async () => {
    const b = await start();
    await expect(openBackend({ dataDir: b.dataDir })).rejects.toMatchObject({ code: 'data-locked', message: expect.stringContaining('در اختیار برنامه دیگری است') });
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 'didar.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), startedAt: '' }));
    const b = await start(dir);
    expect(await ok(b, 'meetingDay/list', {})).toEqual([]);
  });

  it('never overwrites a corrupt file: start-up fails naming it and the file is kept', async () => {
    const b = await start();
    const day = await openToday(b);
    await b.store.settled();
    await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست' });
    await b.close(); // the day file's snapshot written a second time: the first is kept in backups/
    open.pop();
    const dayFile = path.join(b.dataDir, 'days', (await fs.readdir(path.join(b.dataDir, 'days')))[0]!);
    const broken = '{"schemaVersion":1,"day":{"id":';
    await fs.writeFile(dayFile, broken);
    const err = await openBackend({ dataDir: b.dataDir }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'corrupt-file', message: expect.stringContaining(path.basename(dayFile)) });
    expect(await fs.readFile(dayFile, 'utf8')).toBe(broken);
    // the lock was released, and a backup of the last good version exists
    await expect(fs.access(path.join(b.dataDir, 'didar.lock'))).rejects.toThrow();
    const backups = await fs.readdir(path.join(b.dataDir, 'backups', `days__${path.basename(dayFile)}`));
    expect(backups.length).toBeGreaterThan(0);
  });

  it('a day file that cannot be read: start-up names it in Persian and changes nothing', async () => {
    const b = await start();
    await openToday(b);
    await b.close();
    open.pop();
    await fs.mkdir(path.join(b.dataDir, 'days', 'md-14050902-zz.json')); // not readable as a file (EISDIR)
    const before = await snapshot(b.dataDir);
    const err = await openBackend({ dataDir: b.dataDir }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'read-failed', message: expect.stringContaining('md-14050902-zz.json') });
    expect((err as Error).message).toContain('خوانده نشد');
    expect(await snapshot(b.dataDir)).toEqual(before);
    await expect(fs.readdir(b.dataDir)).resolves.not.toContain('didar.lock');
  });

  it('refuses a file written by a newer Didar', async () => {
    const b = await start();
    await b.close();
    open.pop();
    await fs.writeFile(path.join(b.dataDir, 'settings.json'), JSON.stringify({ schemaVersion: 99, settings: {} }));
    await expect(openBackend({ dataDir: b.dataDir })).rejects.toMatchObject({ code: 'newer-schema' });
  });

  it('gives 500 concurrent saves 500 distinct valid codes, all stored', async () => {
    const b = await start();
    const day = await openToday(b);
    const saves = Array.from({ length: 500 }, (_, i) =>
      ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: `درخواست شماره ${i}` }));
    const cases = await Promise.all(saves);
    const codes = new Set(cases.map((c) => c.code));
    expect(codes.size).toBe(500);
    expect([...codes].every(verhoeffValid)).toBe(true);
    await b.close();
    open.pop();
    const again = await start(b.dataDir);
    const stored = await ok(again, 'case/listForDay', { meetingDayId: day.id });
    expect(new Set(stored.map((c) => c.code))).toEqual(codes);
    const report = await checkDataDir(b.dataDir);
    expect(report).toMatchObject({ ok: true, cases: 500, problems: [], warnings: [] });
    // the next code continues the sequence
    const next = await ok(again, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست بعدی' });
    expect(parseTrackingCode(next.code).sequence).toBe(501);
  });

  it('reads back a folder of many meeting days (decoded on a second thread) exactly as it was', async () => {
    const b = await start();
    const r = rng(11);
    const other = nationalId(r);
    const recorded = [];
    for (let d = 1; d <= 20; d++) {
      const day = await ok(b, 'meetingDay/open', { date: `1405/08/${String(d).padStart(2, '0')}`, place: { kind: 'center' }, host: 'استاندار' });
      recorded.push(await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: `درخواست روز ${d}`, order: { type: 'act', leadDepartment: 'اداره کل راه و شهرسازی', deadlineDays: 1 + ((d * 7) % 30) } }));
      recorded.push(await ok(b, 'case/record', { meetingDayId: day.id, citizen: { ...validCitizen, nationalId: d % 2 ? other : nationalId(r) }, text: issueText(r) }));
    }
    const query = { sort: 'due', offset: 0, limit: 100 } as const;
    const worklist = await ok(b, 'worklist/query', query);
    const byDue = (w: { dueDate?: string; code: string }) => `${w.dueDate ?? '9999'}|${w.code}`;
    expect(worklist.total).toBe(40);
    expect(worklist.items.map(byDue)).toEqual(worklist.items.map(byDue).sort());
    expect(new Set(worklist.items.map((w) => w.dueDate)).size).toBeGreaterThan(5);
    await b.close();
    open.pop();

    const again = await start(b.dataDir);
    expect((await fs.readdir(path.join(b.dataDir, 'days'))).length).toBeGreaterThanOrEqual(20);
    for (const c of recorded) expect(await ok(again, 'case/byCode', { code: c.code })).toEqual(c);
    expect((await ok(again, 'citizen/lookup', { nationalId: validCitizen.nationalId })).cases).toHaveLength(20);
    expect((await ok(again, 'citizen/lookup', { nationalId: other })).cases).toHaveLength(10);
    expect(await ok(again, 'worklist/query', query)).toEqual(worklist);
  });

  it('records every change in the audit trail with who and when', async () => {
    const b = await start();
    const day = await openToday(b);
    const c = await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست' });
    await ok(b, 'case/cancel', { id: c.id, reason: 'ثبت تکراری' });
    const audit = (await fs.readFile(path.join(b.dataDir, 'audit', '1405-09.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(audit.map((a) => a.action)).toEqual(['meetingDay/open', 'case/record', 'case/cancel']);
    expect(audit[2]).toMatchObject({ by: 'tester', at: '2026-11-23T06:30:00.000Z', entity: 'case', id: c.id, changes: [{ before: { status: 'recorded' }, after: { status: 'cancelled' } }] });
  });
});

describe('bad input changes nothing', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['a wrong national ID', { citizen: { ...validCitizen, nationalId: '2401179446' } }, 'citizen.nationalId', 'رقم کنترل'],
    ['an empty issue', { text: '   ' }, 'text', 'شرح درخواست خالی است'],
    ['a 5,000-character issue', { text: 'الف'.repeat(1700) }, 'text', 'حداکثر'],
    ['a 10-digit mobile', { citizen: { ...validCitizen, mobile: '0911234567' } }, 'citizen.mobile', 'شماره همراه نادرست است'],
    ['a number for a name', { citizen: { ...validCitizen, firstName: 42 } }, 'citizen.firstName', 'این بخش را پر کنید'],
  ];
  it.each(cases)('%s gets a Persian message on its field', async (_what, patch, field, message) => {
    const b = await start();
    const day = await openToday(b);
    const before = await snapshot(b);
    const r = await send(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست', ...patch } as never);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('bad-args');
    expect(r.error.fields?.[field]).toContain(message);
    expect(await snapshot(b)).toEqual(before);
  });

  it('an unknown method or a case for an unknown day changes nothing', async () => {
    const b = await start();
    const before = await snapshot(b);
    expect(await b.dispatch('case/delete', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await send(b, 'case/record', { meetingDayId: 'md-nope', citizen: validCitizen, text: 'درخواست' }))
      .toMatchObject({ ok: false, error: { code: 'not-found', message: 'روز ملاقات پیدا نشد.' } });
    expect(await snapshot(b)).toEqual(before);
  });
});
