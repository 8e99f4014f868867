// The desk forgives a busy clerk: the same case twice asks first, a typing mistake is corrected with its history,
// the same arrival twice asks first, and an answer cannot be dated in the future.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import type { Case } from '../../shared/domain';
import { auditTrail, ok, openTestBackend, openToday, send, snapshot, tempDir, validCitizen } from '../helpers/backend';
import { findWord, pdfWords, readsRightToLeft } from '../helpers/pdf-words';

const open: Backend[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function setup() {
  const b = await openTestBackend();
  open.push(b);
  const day = await openToday(b);
  const draft = {
    meetingDayId: day.id, citizen: validCitizen, text: 'وام ازدواج پس از شش ماه پرداخت نشده است',
    order: { type: 'act' as const, leadDepartment: 'شورای هماهنگی بانک‌ها', deadlineDays: 10, text: '' },
  };
  return { b, day, draft };
}

describe('the same case twice', () => {
  it('asks before a second case of the same citizen with the same request on the same day', async () => {
    const { b, draft } = await setup();
    const first = await ok(b, 'case/record', draft);
    const before = await snapshot(b);
    // the same words, typed with other spacing and Arabic letter forms
    const again = await send(b, 'case/record', { ...draft, text: ' وام  ازدواج پس از شش ماه پرداخت نشده است ' });
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.error.code).toBe('needs-confirmation');
    expect(again.error.message).toContain('پرونده دوم ساخته شود؟');
    expect(again.error.message.replace(/[\u2068\u2069]/g, '')).toContain(first.code.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d))));
    expect(await snapshot(b)).toEqual(before);
    const second = await ok(b, 'case/record', { ...draft, confirmed: true });
    expect(second.code).not.toBe(first.code);
    // another request of the same citizen is not asked about
    await ok(b, 'case/record', { ...draft, text: 'کود اوره به تعاونی نرسیده است' });
    expect(await b.store.countCases()).toBe(3);
  });

  it('asks before the same national ID arrives twice in one day', async () => {
    const { b, day } = await setup();
    const first = await ok(b, 'queue/arrive', { meetingDayId: day.id, name: 'زهرا کریمی', nationalId: '0018692631' });
    const again = await send(b, 'queue/arrive', { meetingDayId: day.id, name: 'زهرا کریمی', nationalId: '۰۰۱۸۶۹۲۶۳۱' });
    expect(again.ok || again.error.code).toBe('needs-confirmation');
    expect(await ok(b, 'queue/list', { meetingDayId: day.id })).toHaveLength(1);
    const second = await ok(b, 'queue/arrive', { meetingDayId: day.id, name: 'زهرا کریمی', nationalId: '0018692631', confirmed: true });
    expect(second.number).toBe(first.number + 1);
    // arrivals without a national ID are never taken for the same person
    await ok(b, 'queue/arrive', { meetingDayId: day.id, name: 'حسین نظری', nationalId: '' });
    await ok(b, 'queue/arrive', { meetingDayId: day.id, name: 'حسین نظری', nationalId: '' });
  });
});

describe('correcting a case', () => {
  it('keeps the code and records every changed field before and after, with the reason', async () => {
    const { b, draft } = await setup();
    const c = await ok(b, 'case/record', draft);
    await ok(b, 'slip/pdf', { caseId: c.id });
    const fixed = await ok(b, 'case/correct', {
      id: c.id, reason: 'نام خانوادگی و شهرستان اشتباه تایپ شده بود',
      citizen: { ...validCitizen, lastName: 'یوسفی‌نژاد', county: 'قائم‌شهر', address: 'خیابان بابل، کوچه ۱۲' },
      text: draft.text, category: 'وام و تسهیلات', department: 'اداره کل تعاون، کار و رفاه اجتماعی',
    });
    expect(fixed.code).toBe(c.code);
    expect(fixed.county).toBe('قائم‌شهر');
    expect(fixed.order?.leadDepartment).toBe('اداره کل تعاون، کار و رفاه اجتماعی');
    expect(fixed.departments).toEqual(['اداره کل تعاون، کار و رفاه اجتماعی']);
    const h = fixed.history.at(-1)!;
    expect(h).toMatchObject({ action: 'corrected', note: 'نام خانوادگی و شهرستان اشتباه تایپ شده بود', by: 'tester' });
    expect(h.changes).toEqual([
      { field: 'citizen.lastName', before: 'یوسفی', after: 'یوسفی‌نژاد' },
      { field: 'citizen.county', before: 'سوادکوه', after: 'قائم‌شهر' },
      { field: 'citizen.address', before: '', after: 'خیابان بابل، کوچه ۱۲' },
      { field: 'category', before: '', after: 'وام و تسهیلات' },
      { field: 'department', before: 'شورای هماهنگی بانک‌ها', after: 'اداره کل تعاون، کار و رفاه اجتماعی' },
    ]);
    // stored, and the audit keeps the before and after too
    expect((await ok(b, 'case/byCode', { code: c.code })).citizen.lastName).toBe('یوسفی‌نژاد');
    const line = (await auditTrail(b.dataDir)).find((a) => a.action === 'case/correct')!.changes[0]! as { before: Case; after: Case };
    expect([line.before.citizen.lastName, line.after.citizen.lastName]).toEqual(['یوسفی', 'یوسفی‌نژاد']);

    // the slip printed after the correction is the duplicate, with the new data
    const slip = await ok(b, 'slip/pdf', { caseId: c.id });
    expect(slip.duplicate).toBe(true);
    const file = path.join(await tempDir(), 'slip.pdf');
    fs.writeFileSync(file, Buffer.from(slip.base64, 'base64'));
    const words = pdfWords(file);
    expect(findWord(words, 'المثنی')).toBeDefined();
    // pdftotext splits a word at its ZWNJ: «یوسفی‌نژاد» reads as two words, right to left
    expect(readsRightToLeft(words, 'مرتضی یوسفی نژاد')).toBe(true);
    expect(readsRightToLeft(words, 'اداره کل تعاون، کار و رفاه اجتماعی')).toBe(true);
  });

  it('changes the department only before referral, refuses an empty reason and a correction that changes nothing', async () => {
    const { b, draft } = await setup();
    const c = await ok(b, 'case/record', draft);
    const noReason = await send(b, 'case/correct', { id: c.id, reason: '', text: 'متن تازه' });
    expect(!noReason.ok && noReason.error.fields?.reason).toBeTruthy();
    const same = await send(b, 'case/correct', { id: c.id, reason: 'بازبینی', text: draft.text });
    expect(!same.ok && same.error.message).toBe('چیزی تغییر نکرده است.');
    await ok(b, 'case/refer', { ids: [c.id] });
    const before = await snapshot(b);
    const late = await send(b, 'case/correct', { id: c.id, reason: 'دستگاه اشتباه', department: 'فرمانداری' });
    expect(!late.ok && late.error.fields?.department).toContain('تغییر دستگاه مسئول');
    expect(await snapshot(b)).toEqual(before);
    // the text can still be corrected after referral
    const fixed = await ok(b, 'case/correct', { id: c.id, reason: 'غلط تایپی', text: 'وام ازدواج پس از هفت ماه پرداخت نشده است' });
    expect(fixed.history.at(-1)?.changes).toEqual([{ field: 'text', before: draft.text, after: 'وام ازدواج پس از هفت ماه پرداخت نشده است' }]);
  });

  it('moves the pending messages of a corrected mobile number, not the ones already sent', async () => {
    const { b, draft } = await setup();
    const c = await ok(b, 'case/record', draft);
    await ok(b, 'case/refer', { ids: [c.id] });
    const fixed = await ok(b, 'case/correct', { id: c.id, reason: 'شماره اشتباه', citizen: { ...validCitizen, mobile: '09351112233' } });
    expect(fixed.notices.map((n) => n.mobile)).toEqual(['09351112233']);
  });
});

describe('department answers', () => {
  it('refuses an answer dated after today and keeps the case as it was', async () => {
    const { b, draft } = await setup();
    const c = await ok(b, 'case/record', draft);
    await ok(b, 'case/refer', { ids: [c.id] });
    const before = await snapshot(b);
    const r = await send(b, 'case/answer', { id: c.id, letterNo: '۱۲/ب', date: '1405/09/03', text: 'پرداخت شد' });
    expect(!r.ok && r.error.fields?.date).toBe('تاریخ نامه دستگاه نمی‌تواند بعد از امروز باشد.');
    expect(await snapshot(b)).toEqual(before);
    await ok(b, 'case/answer', { id: c.id, letterNo: '۱۲/ب', date: '1405/09/02', text: 'پرداخت شد' });
  });
});
