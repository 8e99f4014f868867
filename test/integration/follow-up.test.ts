import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { makeTrackingCode } from '../../shared/tracking-code';
import { ok, openTestBackend, send, snapshot, validCitizen } from '../helpers/backend';

const open: Backend[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

/** A backend whose clock the test moves: the meeting day is Sunday 1405/09/01. */
async function setup() {
  let now = new Date('2026-11-22T06:30:00Z');
  const b = await openTestBackend(undefined, () => now);
  open.push(b);
  const day = await ok(b, 'meetingDay/open', { date: '1405/09/01', place: { kind: 'center' }, host: 'استاندار' });
  const record = (over: Record<string, unknown> = {}) => ok(b, 'case/record', {
    meetingDayId: day.id, citizen: validCitizen, text: 'قطعی برق روستای ورسک هر شب تکرار می‌شود',
    order: { type: 'investigate', leadDepartment: 'شرکت توزیع برق', deadlineDays: 10, text: 'بررسی شود' },
    confirmed: true, // the same request again on purpose
    ...over,
  } as never);
  const setNow = (iso: string) => { now = new Date(iso); };
  return { b, day, record, setNow };
}

describe('follow-up', () => {
  it('walks a case from referral to closing with a complete history and notices', async () => {
    const { b, record, setNow } = await setup();
    const c = await record();
    expect(c.deadline?.dueDate).toBe('1405/09/15');
    const [referred] = (await ok(b, 'case/refer', { ids: [c.id] })).cases;
    expect(referred!.status).toBe('referred');
    await ok(b, 'case/start', { id: c.id });
    setNow('2026-11-24T06:30:00Z'); // 1405/09/03
    await ok(b, 'case/pause', { id: c.id, reason: 'نقشه ملک لازم است' });
    setNow('2026-11-29T06:30:00Z'); // 1405/09/08
    const resumed = await ok(b, 'case/resume', { id: c.id });
    expect(resumed.deadline?.dueDate).toBe('1405/09/18'); // 3 working days paused
    await ok(b, 'case/extend', { ids: [c.id], days: 2, reason: 'نیاز به بازدید میدانی' });
    setNow('2026-12-11T06:30:00Z'); // 1405/09/20
    await ok(b, 'case/answer', { id: c.id, letterNo: '۱۲۳/ب', date: '1405/09/20', text: 'ترانسفورماتور روستا تعویض شد.' });
    const closed = await ok(b, 'case/close', { id: c.id, outcome: 'solved', note: 'مشکل برطرف شد' });
    expect(closed.outcome?.kind).toBe('solved');
    await ok(b, 'case/satisfaction', { id: c.id, level: 'satisfied', note: '' });
    const final = await ok(b, 'case/get', { id: c.id });
    expect(final.history.map((h) => h.action)).toEqual([
      'recorded', 'order', 'referred', 'in-progress', 'paused', 'resumed', 'extended', 'answered', 'closed', 'satisfaction',
    ]);
    expect(final.history.every((h) => h.by === 'tester' && h.at)).toBe(true);
    expect(final.notices.map((n) => n.kind)).toEqual(['referred', 'paused', 'extended', 'answered', 'closed']);
    expect(final.notices.every((n) => n.text.includes('۰۵'))).toBe(true); // the code, in Persian digits
  });

  it('refuses illegal transitions and changes nothing', async () => {
    const { b, record } = await setup();
    const c = await record();
    const before = await snapshot(b);
    for (const [method, args] of [
      ['case/close', { id: c.id, outcome: 'solved', note: '' }],
      ['case/answer', { id: c.id, letterNo: '1', date: '1405/09/02', text: 'پاسخ' }],
      ['case/reopen', { id: c.id, reason: 'دوباره' }],
      ['case/satisfaction', { id: c.id, level: 'satisfied', note: '' }],
      ['case/resume', { id: c.id }],
    ] as const) {
      const r = await send(b, method, args as never);
      expect(r.ok, method).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/مجاز نیست|متوقف نیست|پس از پاسخ/);
    }
    expect(await snapshot(b)).toEqual(before);
    await ok(b, 'case/cancel', { id: c.id, reason: 'ثبت اشتباه' });
    const r = await send(b, 'case/refer', { ids: [c.id] });
    expect(r.ok).toBe(false);
  });

  it('re-routing keeps the history and restarts the deadline from today', async () => {
    const { b, record, setNow } = await setup();
    const c = await record();
    await ok(b, 'case/refer', { ids: [c.id] });
    setNow('2026-12-01T06:30:00Z'); // 1405/09/10
    const [r] = await ok(b, 'case/reroute', { ids: [c.id], department: 'شرکت برق منطقه‌ای', reason: 'خط فشار قوی در حوزه برق منطقه‌ای است' });
    expect(r!.order?.leadDepartment).toBe('شرکت برق منطقه‌ای');
    expect(r!.deadline?.start).toBe('1405/09/10');
    expect(r!.referrals.map((x) => x.department)).toEqual(['شرکت توزیع برق', 'شرکت برق منطقه‌ای']);
    expect(r!.history.at(-1)).toMatchObject({ action: 'rerouted', note: expect.stringContaining('خط فشار قوی') });
  });

  it('closing as a duplicate needs the other case\'s valid code', async () => {
    const { b, record, setNow } = await setup();
    const first = await record();
    const second = await record();
    await ok(b, 'case/refer', { ids: [second.id] });
    setNow('2026-11-26T06:30:00Z'); // 1405/09/05
    await ok(b, 'case/answer', { id: second.id, letterNo: '9', date: '1405/09/05', text: 'همان درخواست قبلی است' });
    const bad = await send(b, 'case/close', { id: second.id, outcome: 'duplicate', note: '', duplicateOf: second.code });
    expect(bad.ok).toBe(false);
    const good = await ok(b, 'case/close', { id: second.id, outcome: 'duplicate', note: '', duplicateOf: first.code });
    expect(good.outcome).toMatchObject({ kind: 'duplicate', duplicateOf: first.code });
  });

  it('worklist filters, sorts by deadline and searches Persian-aware', async () => {
    const { b, record, setNow } = await setup();
    const a = await record({ text: 'مي‌خواهم وام ودیعه مسکن بگیرم' });
    const c2 = await record({ text: 'کود اوره در تعاونی نیست', order: { type: 'act', leadDepartment: 'جهاد کشاورزی', deadlineDays: 3, text: '' } });
    await record({ text: 'کود اوره هنوز نرسیده', citizen: { ...validCitizen, county: 'آمل' } });
    const q = (args: Record<string, unknown>) => ok(b, 'worklist/query', args as never);
    expect((await q({ q: 'میخواهم' })).items.map((i) => i.id)).toEqual([a.id]); // Arabic yeh, ZWNJ dropped
    expect((await q({ q: 'می خواهم' })).items.map((i) => i.id)).toEqual([a.id]);
    expect((await q({ q: 'كود' })).total).toBe(2); // Arabic kaf
    expect((await q({ q: a.code.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!) })).items[0]?.id).toBe(a.id);
    expect((await q({ q: '2401179445' })).total).toBe(3); // national ID
    expect((await q({ county: 'آمل' })).total).toBe(1);
    expect((await q({ department: 'جهاد کشاورزی' })).items.map((i) => i.id)).toEqual([c2.id]);
    expect((await q({ orderType: 'act' })).total).toBe(1);
    const sorted = await q({ sort: 'due' });
    expect(sorted.items[0]!.id).toBe(c2.id); // 3 working days: due first
    setNow('2026-12-07T06:30:00Z'); // 1405/09/16: c2 (due 09/04) and the others (due 09/15) overdue
    const overdue = await q({ overdue: true });
    expect(overdue.total).toBe(3);
    expect(overdue.items[0]!.overdueDays).toBeGreaterThan(overdue.items[2]!.overdueDays);
  });

  it('citizen lookup: wrong code is invalid, wrong identity reveals nothing', async () => {
    const { b, record } = await setup();
    const c = await record();
    const typo = c.code.slice(0, 3) + ((Number(c.code[3]) + 1) % 10) + c.code.slice(4);
    const bad = await send(b, 'lookup/status', { code: typo, nationalId: validCitizen.nationalId });
    expect(bad).toMatchObject({ ok: false, error: { message: 'کد رهگیری نامعتبر است' } });
    const wrongId = await send(b, 'lookup/status', { code: c.code, nationalId: '0018692631' });
    const unknown = await send(b, 'lookup/status', { code: makeTrackingCode(1405, 999_999), nationalId: validCitizen.nationalId });
    expect(wrongId.ok).toBe(false);
    if (!wrongId.ok) {
      expect(wrongId.error.message).toContain('پیدا نشد');
      expect(JSON.stringify(wrongId)).not.toContain('ورسک');
    }
    expect(unknown.ok).toBe(false);
    const good = await ok(b, 'lookup/status', { code: c.code, mobileLast4: '۴۵۶۷' });
    expect(good).toMatchObject({ code: c.code, status: 'ثبت‌شده', department: 'شرکت توزیع برق' });
    expect(JSON.stringify(good)).not.toContain(validCitizen.nationalId);
  });

  it('exports pending notices as CSV with BOM, and marks them only once the file is saved', async () => {
    const { b, record } = await setup();
    const c = await record();
    await ok(b, 'case/refer', { ids: [c.id] });
    expect(await ok(b, 'notices/list', { pending: true })).toHaveLength(1);
    const e = await ok(b, 'notices/export', {});
    const csv = Buffer.from(e.base64, 'base64').toString('utf8');
    expect(csv.startsWith('\uFEFFmobile,text,code')).toBe(true);
    expect(csv).toContain('"09121234567"');
    expect(csv).toContain('ارجاع شد');
    expect(e.count).toBe(1);
    // not saved yet: still pending (a failed save loses no message)
    expect(await ok(b, 'notices/list', { pending: true })).toHaveLength(1);
    expect(await ok(b, 'notices/markExported', { notices: e.notices })).toEqual({ count: 1 });
    expect(await ok(b, 'notices/list', { pending: true })).toHaveLength(0);
    expect((await ok(b, 'notices/list', { pending: false }))[0]!.exportedAt).toBeTruthy();
    // marking again changes nothing
    expect(await ok(b, 'notices/markExported', { notices: e.notices })).toEqual({ count: 0 });
  });

  it('names the office in every message, flags one superseded by a later message, skips one by hand', async () => {
    const { b, record, setNow } = await setup();
    await ok(b, 'settings/update', { officeName: 'فرمانداری ویژه ساری' });
    const c = await record();
    await ok(b, 'case/refer', { ids: [c.id] });
    setNow('2026-11-23T06:30:00Z');
    await ok(b, 'case/extend', { ids: [c.id], days: 3, reason: 'بازدید میدانی' });
    const rows = await ok(b, 'notices/list', { pending: true });
    expect(rows.map((r) => r.text.endsWith('فرمانداری ویژه ساری'))).toEqual([true, true]);
    expect(rows.map((r) => r.superseded)).toEqual([true, false]);
    expect(await ok(b, 'notices/skip', { caseId: c.id, noticeId: rows[0]!.noticeId })).toEqual({ count: 1 });
    const after = await ok(b, 'notices/list', { pending: true });
    expect(after.map((r) => r.noticeId)).toEqual([rows[1]!.noticeId]);
    const e = await ok(b, 'notices/export', {});
    expect(e.count).toBe(1);
    expect((await ok(b, 'notices/list', { pending: false })).find((r) => r.noticeId === rows[0]!.noticeId)?.skippedAt).toBeTruthy();
  });

  it('a message with the tracking code at registration, when the settings ask for it', async () => {
    const { b, record } = await setup();
    expect((await record()).notices).toEqual([]);
    await ok(b, 'settings/update', { noticeOnRecord: true });
    const c = await record({ text: 'درخواست دیگر' });
    expect(c.notices).toHaveLength(1);
    expect(c.notices[0]).toMatchObject({ kind: 'recorded', mobile: '09121234567' });
    expect(c.notices[0]!.text).toContain('ثبت شد');
    expect(c.notices[0]!.text.replace(/[^۰-۹]/g, '')).toContain(c.code.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d))));
  });
});

describe('holiday table changes', () => {
  it('move the due dates of cases still awaiting their department, not of answered ones', async () => {
    const b = await openTestBackend(undefined, () => new Date('2026-11-22T06:30:00Z'));
    open.push(b);
    const day = await ok(b, 'meetingDay/open', { date: '1405/09/01', place: { kind: 'center' }, host: 'استاندار' });
    const rec = () => ok(b, 'case/record', {
      meetingDayId: day.id, citizen: validCitizen, text: 'درخواست', confirmed: true,
      order: { type: 'act', leadDepartment: 'فرمانداری', deadlineDays: 10, text: '' },
    });
    const waiting = await rec();
    const answered = await rec();
    await ok(b, 'case/refer', { ids: [answered.id] });
    await ok(b, 'case/answer', { id: answered.id, letterNo: '1', date: '1405/09/01', text: 'پاسخ' });
    expect(waiting.deadline?.dueDate).toBe('1405/09/15');
    const s = await ok(b, 'settings/get', {});
    await ok(b, 'settings/update', { holidays: [...s.holidays, { date: '1405/09/08', title: 'تعطیلی اعلام‌شده' }] });
    expect((await ok(b, 'case/get', { id: waiting.id })).deadline?.dueDate).toBe('1405/09/16');
    expect((await ok(b, 'case/get', { id: answered.id })).deadline?.dueDate).toBe('1405/09/15');
  });
});
