// The circular's DOCX says what its PDF says: «پیش‌نویس» on a draft, the counts by county and by department, and
// the annex's true page count in the letter head of both.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { importCases } from '../../electron/backend/services/import';
import { ok, openTestBackend, tempDir } from '../helpers/backend';
import { SAMPLE } from '../helpers/cli';
import { pageCount, pdfWords, readsRightToLeft } from '../helpers/pdf-words';

describe('circular DOCX and PDF', async () => {
  const b = await openTestBackend();
  afterAll(() => b.close());
  await importCases(b.ctx, JSON.parse(fs.readFileSync(SAMPLE, 'utf8')));
  const ids = (await b.store.scanCases({})).slice(0, 90).map((c) => c.id);
  const circular = await ok(b, 'circular/draft', { caseIds: ids, problem: 'کمبود کود شیمیایی در تعاونی‌ها' });
  const dir = await tempDir();
  const pdf = await ok(b, 'circular/file', { id: circular.id, format: 'pdf' });
  const pdfFile = path.join(dir, 'circular.pdf');
  fs.writeFileSync(pdfFile, Buffer.from(pdf.base64, 'base64'));
  const docx = await ok(b, 'circular/file', { id: circular.id, format: 'docx' });
  const xml = await (await JSZip.loadAsync(Buffer.from(docx.base64, 'base64'))).file('word/document.xml')!.async('string');
  const docxText = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');

  it('counts the annex pages of the PDF in the letter head of both', () => {
    const letterPages = [...Array(pageCount(pdfFile)).keys()].findIndex((i) => readsRightToLeft(pdfWords(pdfFile, i + 1), 'پیوست: فهرست درخواست‌های شهروندان'));
    const annexPages = pageCount(pdfFile) - letterPages;
    expect(annexPages).toBeGreaterThan(1); // 90 cases do not fit one page
    const head = `پیوست: ${String(annexPages).replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)))} برگ`;
    expect(readsRightToLeft(pdfWords(pdfFile, 1), head)).toBe(true);
    expect(docxText).toContain(head);
  });

  it('marks a draft and carries the counts by county and by department, like the PDF', () => {
    const first = pdfWords(pdfFile, 1);
    expect(readsRightToLeft(first, 'پیش‌نویس — هنوز صادر نشده است')).toBe(true);
    expect(docxText).toContain('پیش‌نویس — هنوز صادر نشده است');
    for (const title of ['تعداد به تفکیک شهرستان', 'تعداد به تفکیک دستگاه']) expect(docxText).toContain(title);
    expect(xml.match(/<w:tbl>/g)?.length).toBe(3); // two count tables and the annex
    expect(docxText).toContain('۰۵۰۰۰۰۰۰۱۲'); // codes in Persian digits, as in the PDF
  });
});
