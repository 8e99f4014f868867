import fs from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { ok, openTestBackend, send, snapshot, tempDir, validCitizen } from '../helpers/backend';
import { findWord, lineOf, pdfWords, readsRightToLeft } from '../helpers/pdf-words';

const open: Backend[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function setup() {
  const b = await openTestBackend();
  open.push(b);
  const day = await ok(b, 'meetingDay/open', { date: '1405/09/02', place: { kind: 'center' }, host: 'استاندار' });
  const cases = [];
  for (const [county, dept] of [['ساری', 'جهاد کشاورزی'], ['آمل', 'جهاد کشاورزی'], ['بابل', 'اداره کل تعاون روستایی']] as const) {
    cases.push(await ok(b, 'case/record', {
      meetingDayId: day.id, citizen: { ...validCitizen, county }, text: 'کود اوره در تعاونی روستا توزیع نشده است',
      order: { type: 'act', leadDepartment: dept, deadlineDays: 10, text: '' },
      confirmed: true, // one citizen bringing the same request three times stands in for three citizens
    }));
  }
  return { b, cases };
}

describe('circulars', () => {
  it('draft → approved → issued: numbered, dated, linked cases get history and a notice', async () => {
    const { b, cases } = await setup();
    const draft = await ok(b, 'circular/draft', { caseIds: cases.map((c) => c.id), problem: 'کمبود کود اوره در تعاونی‌ها' });
    expect(draft.status).toBe('draft');
    expect(draft.addressees).toEqual(['جهاد کشاورزی', 'اداره کل تعاون روستایی']);
    expect(draft.body).toContain('۳ نفر');
    expect(draft.body).toContain('ساری (۱)');
    const edited = await ok(b, 'circular/update', { id: draft.id, instruction: 'ظرف ده روز کاری سهمیه کود تعاونی‌ها تأمین شود.' });
    expect(edited.instruction).toContain('ده روز');
    expect((await send(b, 'circular/issue', { id: draft.id, number: '1405/1', date: '1405/09/02' })).ok).toBe(false); // not approved yet
    await ok(b, 'circular/approve', { id: draft.id });
    const before = await snapshot(b);
    expect((await send(b, 'circular/update', { id: draft.id, title: 'عنوان دیگر' })).ok).toBe(false); // only drafts are edited
    expect(await snapshot(b)).toEqual(before);
    // the number is asked, the year's next one suggested; a date after today is refused
    const suggested = await ok(b, 'circular/nextNumber', {});
    expect(suggested).toEqual({ number: '1405/1', date: '1405/09/02' });
    const future = await send(b, 'circular/issue', { id: draft.id, number: '1405/1', date: '1405/09/03' });
    expect(!future.ok && future.error.fields?.date).toBe('تاریخ صدور نمی‌تواند بعد از امروز باشد.');
    expect(await snapshot(b)).toEqual(before);
    const issued = await ok(b, 'circular/issue', { id: draft.id, number: '۱۴۰۵/۱', date: '۱۴۰۵/۰۹/۰۱' });
    expect(issued).toMatchObject({ status: 'issued', number: '1405/1', issuedOn: '1405/09/01' });
    expect((await ok(b, 'circular/nextNumber', {})).number).toBe('1405/2');
    for (const c of cases) {
      const k = await ok(b, 'case/get', { id: c.id });
      expect(k.history.at(-1)).toMatchObject({ action: 'circular', ref: expect.stringContaining('1405/1') });
      expect(k.notices.at(-1)).toMatchObject({ kind: 'circular', text: expect.stringContaining('بخشنامه') });
    }
  });

  it('a number already given to another circular is refused; a number from the office register is kept as typed', async () => {
    const { b, cases } = await setup();
    const draft = (problem: string) => ok(b, 'circular/draft', { caseIds: cases.map((c) => c.id), problem });
    const one = await draft('کمبود کود اوره');
    const two = await draft('توزیع نابرابر کود');
    for (const c of [one, two]) await ok(b, 'circular/approve', { id: c.id });
    await ok(b, 'circular/issue', { id: one.id, number: '1405/ب/245', date: '1405/09/02' });
    const taken = await send(b, 'circular/issue', { id: two.id, number: '۱۴۰۵/ب/۲۴۵', date: '1405/09/02' });
    expect(!taken.ok && taken.error.code).toBe('conflict');
    expect((await ok(b, 'circular/get', { id: two.id })).status).toBe('approved');
    // a number not from the year's sequence leaves the suggestion where it was
    expect((await ok(b, 'circular/nextNumber', {})).number).toBe('1405/1');
  });

  it('exports a right-to-left PDF and a DOCX with bidi paragraphs', async () => {
    const { b, cases } = await setup();
    const c = await ok(b, 'circular/draft', { caseIds: cases.map((x) => x.id), problem: 'کمبود کود اوره در تعاونی‌ها' });
    const dir = await tempDir();
    const pdf = await ok(b, 'circular/file', { id: c.id, format: 'pdf' });
    const pdfFile = path.join(dir, pdf.fileName);
    await fs.writeFile(pdfFile, Buffer.from(pdf.base64, 'base64'));
    const words = pdfWords(pdfFile);
    expect(readsRightToLeft(words, 'بسمه تعالی')).toBe(true);
    expect(readsRightToLeft(words, 'با سلام و احترام')).toBe(true);
    expect(findWord(words, 'بخشنامه')).toBeDefined();
    const annex = pdfWords(pdfFile, 2);
    const header = lineOf(annex, findWord(annex, 'ردیف')!);
    expect(header[0]!.text).toMatch(/ردیف|فیدر/); // first column rightmost
    const docx = await ok(b, 'circular/file', { id: c.id, format: 'docx' });
    const xml = await (await JSZip.loadAsync(Buffer.from(docx.base64, 'base64'))).file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:bidi/>');
    expect(xml).toContain('<w:rtl/>');
    expect(xml).toContain('<w:bidiVisual/>');
    expect(xml).toContain('با سلام و احترام');
  });
});
