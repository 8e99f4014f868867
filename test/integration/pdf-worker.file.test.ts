// The PDF worker: documents drawn off the backend's thread, a worker that dies answered in Persian and
// replaced, and a document's page-number footer (data, not a function) drawn on every page.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { msg } from '../../shared/messages';
import { slipDocument } from '../../shared/pdf/slip-document';
import { tableDocument } from '../../shared/pdf/table-document';
import type { DocDefinition } from '../../shared/pdf/pdfmake-types';
import { BACKGROUND_NICENESS } from '../../electron/backend/background-thread';
import { PdfWorker } from '../../electron/backend/pdf/pdf-worker';
import { renderTablePdf } from '../../electron/backend/pdf/table-pdf';
import { pageCount, pdfWords, readsRightToLeft } from '../helpers/pdf-words';
import { tempDir } from '../helpers/backend';

async function write(name: string, pdf: Buffer): Promise<string> {
  const file = path.join(await tempDir('didar-pdf-worker-'), name);
  await fs.writeFile(file, pdf);
  return file;
}

const slip = (code: string): DocDefinition => slipDocument({
  officeName: 'استانداری مازندران', governor: 'استاندار', code, citizenName: 'کاظم اسماعیلی', nationalIdMasked: '001*****31',
  meetingDate: 'سه‌شنبه ۶ مرداد ۱۴۰۵', place: 'مرکز استان', issue: 'قطعی برق در ساعات شب', order: 'بازرسی استانداری بررسی کند.',
  orderType: 'بررسی و گزارش', department: 'شرکت توزیع برق', dueDate: '', followUpPhone: '011-33300000', followUpAddress: '',
  duplicate: false, printedAt: '۱۴۰۵/۰۹/۰۲ ۱۰:۳۰', layout: 'a5',
});

const table = (rows: number) => ({
  title: 'فهرست پرونده‌ها', subtitle: 'همه پرونده‌ها', headers: ['کد رهگیری', 'نام', 'خلاصه درخواست'],
  rows: Array.from({ length: rows }, (_, i) => [String(500000000 + i), `شهروند ${i}`, 'قطعی برق در ساعات شب باعث شده پمپ آب منازل کار نکند']),
});

describe('PDF worker', () => {
  // a heap that holds a slip but not a report of tens of thousands of rows
  const small = new PdfWorker({ maxOldGenerationSizeMb: 96 });
  afterAll(() => small.close());

  it('answers a document too large for its heap in Persian, and a fresh worker draws the documents queued behind it', async () => {
    const tooLarge = small.render(tableDocument(table(40_000), { officeName: 'استانداری', officeUnit: 'دفتر', widths: [80, 120, '*'] }));
    const next = small.render(slip('0500000031'));
    await expect(tooLarge).rejects.toMatchObject({ code: 'internal', message: msg.pdfTooLarge });
    const file = await write('after.pdf', await next);
    expect(readsRightToLeft(pdfWords(file), 'رسید پیگیری')).toBe(true);
    expect(pdfWords(file).map((w) => w.text)).toContain('۰۵۰۰۰۰۰۰۳۱');
  });

  it('answers a document it cannot take (a function in it) in Persian and goes on', async () => {
    const bad = { ...slip('0500000032'), footer: (() => "x") as never };
    await expect(small.render(bad)).rejects.toMatchObject({ code: 'internal', message: msg.pdfFailed });
    const file = await write('good.pdf', await small.render(slip('0500000033')));
    expect(pdfWords(file).map((w) => w.text)).toContain('۰۵۰۰۰۰۰۰۳۳');
  });

  it('numbers the pages of a report «صفحه ۱ از N» right to left, from the footer given as data', async () => {
    const file = await write('table.pdf', await renderTablePdf(table(120), { officeName: 'استانداری', officeUnit: 'دفتر', widths: [80, 120, '*'] }));
    const pages = pageCount(file);
    expect(pages).toBeGreaterThan(1);
    const fa = (n: number): string => String(n).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    expect(readsRightToLeft(pdfWords(file, 1), `صفحه ۱ از ${fa(pages)}`)).toBe(true);
    expect(readsRightToLeft(pdfWords(file, pages), `صفحه ${fa(pages)} از ${fa(pages)}`)).toBe(true);
  });

  it('draws below the priority of the thread that answers the desks (Linux), which keeps its own', async () => {
    const niceOf = async (tid: string): Promise<number> => {
      const stat = await fs.readFile(`/proc/self/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]); // field 19 of stat: nice
    };
    const before = new Set(await fs.readdir('/proc/self/task'));
    const main = await niceOf(String(process.pid)); // 0, or more under `nice`
    const worker = new PdfWorker();
    try {
      await worker.render(slip('0500000032'));
      const fresh = (await fs.readdir('/proc/self/task')).filter((t) => !before.has(t));
      const nices = await Promise.all(fresh.map(niceOf));
      expect(nices).toContain(Math.min(19, main + BACKGROUND_NICENESS));
      expect(await niceOf(String(process.pid))).toBe(main);
    } finally {
      await worker.close();
    }
  });
});
