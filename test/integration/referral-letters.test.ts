// Referral letters: seen before anything changes, then numbered from the year's letter sequence, which never
// restarts (not on another referral the same day, not after a restart); each case's history keeps its number.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { ok, openTestBackend, openToday, snapshot, tempDir, validCitizen } from '../helpers/backend';
import { findWord, pdfWords, readsRightToLeft } from '../helpers/pdf-words';

const open: Backend[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function backendWithCases(dir?: string) {
  const b = await openTestBackend(dir);
  open.push(b);
  const day = (await ok(b, 'meetingDay/list', {}))[0] ?? await openToday(b);
  const record = (text: string, leadDepartment: string) => ok(b, 'case/record', {
    meetingDayId: day.id, citizen: validCitizen, text, order: { type: 'act', leadDepartment, deadlineDays: 10, text: '' },
  });
  return { b, record };
}

/** The document written to a temporary folder (the store may be a database, not a folder). */
const pdfOf = async (file: { fileName: string; base64: string }): Promise<string> => {
  const p = path.join(await tempDir(), file.fileName);
  fs.writeFileSync(p, Buffer.from(file.base64, 'base64'));
  return p;
};

describe('referral letters', () => {
  it('a preview shows the letters and changes nothing; referring numbers them without ever restarting', async () => {
    const { b, record } = await backendWithCases();
    const a = await record('کود اوره به تعاونی نرسیده است', 'جهاد کشاورزی');
    const c = await record('برق روستا هر شب قطع می‌شود', 'شرکت توزیع برق');
    const before = await snapshot(b);
    const preview = await ok(b, 'case/referPreview', { ids: [a.id, c.id] });
    expect(preview.letters.map((l) => l.code).sort()).toEqual(['جهاد کشاورزی', 'شرکت توزیع برق']);
    expect(await snapshot(b)).toEqual(before);
    const words = pdfWords(await pdfOf(preview.letters[0]!));
    expect(readsRightToLeft(words, 'پس از تأیید ارجاع')).toBe(true);

    const first = await ok(b, 'case/refer', { ids: [a.id] });
    const second = await ok(b, 'case/refer', { ids: [c.id] });
    expect(first.letters[0]!.fileName).toBe('didar-referral-1405-1.pdf');
    expect(second.letters[0]!.fileName).toBe('didar-referral-1405-2.pdf');
    expect(first.cases[0]!.history.at(-1)).toMatchObject({ action: 'referred', ref: '1405/1' });
    expect(second.cases[0]!.referrals.at(-1)).toMatchObject({ department: 'شرکت توزیع برق', letterNo: '1405/2' });
    // the number is on the letter, in Persian digits, left to right
    expect(findWord(pdfWords(await pdfOf(second.letters[0]!)), '۱۴۰۵/۲')).toBeDefined();

    // after a restart the sequence goes on
    const dir = b.dataDir;
    await open.pop()!.close();
    const { b: again, record: recordAgain } = await backendWithCases(dir);
    const d = await recordAgain('جاده روستا آسفالت نشده است', 'اداره کل راهداری');
    const e = await recordAgain('گاز روستا وصل نشده است', 'شرکت گاز استان');
    const third = await ok(again, 'case/refer', { ids: [d.id, e.id] });
    expect(third.letters.map((l) => l.fileName).sort()).toEqual(['didar-referral-1405-3.pdf', 'didar-referral-1405-4.pdf']);
    const refs = third.cases.map((k) => k.history.at(-1)!.ref).sort();
    expect(refs).toEqual(['1405/3', '1405/4']);
  });

  it('refuses the whole referral when one case cannot be referred, and gives out no number', async () => {
    const { b, record } = await backendWithCases();
    const a = await record('کود اوره به تعاونی نرسیده است', 'جهاد کشاورزی');
    const c = await record('برق روستا هر شب قطع می‌شود', 'شرکت توزیع برق');
    await ok(b, 'case/cancel', { id: c.id, reason: 'ثبت اشتباه' });
    const r = await b.dispatch('case/refer', { ids: [a.id, c.id] });
    expect(r.ok).toBe(false);
    expect((await ok(b, 'case/get', { id: a.id })).status).toBe('recorded');
    const ok1 = await ok(b, 'case/refer', { ids: [a.id] });
    expect(ok1.letters[0]!.fileName).toBe('didar-referral-1405-1.pdf');
  });

  it('referrals made at once each get their own number, on their own letter; a refused one gives out none', async () => {
    const { b, record } = await backendWithCases();
    const departments = ['جهاد کشاورزی', 'شرکت توزیع برق', 'شرکت گاز استان'];
    const cases = [];
    for (let i = 0; i < 6; i++) cases.push(await record(`مشکل شماره ${i + 1} روستا حل نشده است`, departments[i % 3]!));
    await ok(b, 'case/cancel', { id: cases[2]!.id, reason: 'ثبت اشتباه' });
    // every referral draws its letters before its unit of work, with the number it expects: all expect the same
    const replies = await Promise.all(cases.map((c) => b.dispatch('case/refer', { ids: [c.id] })));
    expect(replies.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'ok', 'conflict', 'ok', 'ok', 'ok']);
    const numbers: string[] = [];
    for (const r of replies) {
      if (!r.ok) continue;
      const { cases: [c], letters: [letter] } = r.value as { cases: { id: string; referrals: { letterNo?: string }[] }[]; letters: { fileName: string; base64: string }[] };
      const n = c!.referrals.at(-1)!.letterNo!;
      numbers.push(n);
      expect(letter!.fileName).toBe(`didar-referral-${n.replace('/', '-')}.pdf`);
      expect(findWord(pdfWords(await pdfOf(letter!)), n.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!))).toBeDefined();
      expect((await ok(b, 'case/get', { id: c!.id })).referrals).toHaveLength(1);
    }
    expect(numbers.sort((x, y) => Number(x.split('/')[1]) - Number(y.split('/')[1]))).toEqual(['1405/1', '1405/2', '1405/3', '1405/4', '1405/5']);
    const next = await record('جاده روستا آسفالت نشده است', 'اداره کل راهداری');
    expect((await ok(b, 'case/refer', { ids: [next.id] })).letters[0]!.fileName).toBe('didar-referral-1405-6.pdf');
  });
});
