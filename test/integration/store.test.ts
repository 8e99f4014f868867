// The store as every service sees it, on either store: restarts keep what was saved, concurrent saves get
// distinct codes, the audit trail names who did what, and bad input changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { parseTrackingCode, verhoeffValid } from '../../shared/tracking-code';
import { issueText, nationalId, rng } from '../../electron/backend/bench/generate';
import { auditTrail, checkStore, ok, openTestBackend, openToday, send, snapshot, validCitizen } from '../helpers/backend';

const open: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});
async function start(dir?: string) {
  const b = await openTestBackend(dir);
  open.push(b);
  return b;
}

describe('store', () => {
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
    const report = await checkStore(b.dataDir);
    expect(report).toMatchObject({ ok: true, cases: 500, problems: [], warnings: [] });
    // the next code continues the sequence
    const next = await ok(again, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست بعدی' });
    expect(parseTrackingCode(next.code).sequence).toBe(501);
  });

  it('reads back many meeting days exactly as they were (a folder decodes its 20 day files on a second thread)', async () => {
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
    const audit = await auditTrail(b.dataDir);
    expect(audit.map((a) => a.action)).toEqual(['meetingDay/open', 'case/record', 'case/cancel']);
    expect(audit[2]).toMatchObject({ by: 'tester', at: '2026-11-23T06:30:00.000Z', entity: 'case', id: c.id, changes: [{ before: { status: 'recorded' }, after: { status: 'cancelled' } }] });
  });
});

describe('the meeting-day list', () => {
  it('counts each day\'s cases without the cancelled ones and its queue entries still waiting, also inside a unit of work', async () => {
    const b = await start();
    const day = await openToday(b);
    const other = await ok(b, 'meetingDay/open', { date: '1405/09/01', place: { kind: 'center' }, host: 'معاون استاندار' });
    const record = (dayId: string, text: string) => ok(b, 'case/record', { meetingDayId: dayId, citizen: validCitizen, text, confirmed: true });
    const [c1] = [await record(day.id, 'یک'), await record(day.id, 'دو'), await record(day.id, 'سه'), await record(other.id, 'چهار')];
    await ok(b, 'case/cancel', { id: c1.id, reason: 'دو بار ثبت شد' });
    for (const name of ['علی رضایی', 'مریم احمدی', 'حسن کریمی']) await ok(b, 'queue/arrive', { meetingDayId: day.id, name });
    await ok(b, 'queue/callNext', { meetingDayId: day.id });
    const list = await ok(b, 'meetingDay/list', {});
    expect(list.map((d) => [d.id, d.caseCount, d.waiting])).toEqual([[day.id, 2, 2], [other.id, 1, 0]]);
    // a unit of work counts its own changes too
    const inside = await b.store.mutate({ operator: 'tester' }, 'test/count', async (t) => {
      const c = (await t.getCase(c1.id))!;
      await t.putCase({ ...c, status: 'recorded' });
      return t.meetingDayCounts();
    });
    expect(inside.get(day.id)).toEqual({ cases: 3, waiting: 2 });
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
