// The worklist pages with «بیشتر» past 500 cases, and the list on screen (its filter) and the governor's office
// escalation list go to A4 (a right-to-left table read back from the PDF) and to XLSX.
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { seedDataDir } from '../../electron/backend/bench/generate';
import { toPersianDigits } from '../../shared/persian-text';
import { lineOf, pageCount, pdfWords, readsRightToLeft, sameWord } from '../helpers/pdf-words';
import { choose } from './intake';
import { download, expect, shot, test } from './web-fixture';

test('«بیشتر» pages through 600 cases; the filtered list and the escalation list print to A4 and export to XLSX', async ({ page, didar }) => {
  await seedDataDir(didar.dataDir, 600, 400);
  await page.goto(await didar.restart());
  await page.getByRole('button', { name: 'پیگیری', exact: true }).click();
  const total = page.getByTestId('worklist-total');
  await expect(total).toHaveText('۵۰ از ۶۰۰ پرونده');
  for (let shown = 100; shown <= 600; shown += 50) {
    await page.getByRole('button', { name: 'بیشتر' }).click();
    await expect(total).toHaveText(shown < 600 ? `${toPersianDigits(shown)} از ۶۰۰ پرونده` : '۶۰۰ پرونده');
  }
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('worklist').locator('tbody tr')).toHaveCount(600);
  await expect(page.getByRole('button', { name: 'بیشتر' })).toHaveCount(0);

  // The list as filtered, on paper
  await choose(page, 'شهرستان', 'بابل');
  await expect(total).not.toContainText('۶۰۰');
  const babol = (await didar.backend.store.scanCases({})).filter((c) => c.county === 'بابل');
  await expect(total).toContainText(`${toPersianDigits(babol.length)} پرونده`);
  const pdf = await download(page, page.getByRole('button', { name: 'چاپ فهرست (PDF)' }), 'worklist.pdf');
  const words = pdfWords(pdf);
  expect(readsRightToLeft(words, 'فهرست پیگیری پرونده‌ها')).toBe(true);
  expect(readsRightToLeft(words, 'شهرستان: بابل')).toBe(true);
  expect(readsRightToLeft(words, `${toPersianDigits(babol.length)} پرونده، تهیه‌شده در`)).toBe(true);
  // the header row reads right to left, «ردیف» rightmost
  const header = lineOf(words, words.find((w) => sameWord(w.text, 'ردیف'))!);
  expect(sameWord(header[0]!.text, 'ردیف')).toBe(true);
  expect(readsRightToLeft(header, 'ردیف کد رهگیری مراجع شهرستان دستگاه مسئول نوع دستور روز ملاقات مهلت روز تأخیر وضعیت خلاصه درخواست')).toBe(true);
  // the first row: its number rightmost, then its tracking code in Persian digits written left to right
  const firstCode = toPersianDigits(babol.sort((a, b) => a.deadline!.dueDate.localeCompare(b.deadline!.dueDate) || a.code.localeCompare(b.code))[0]!.code);
  const codeWord = words.find((w) => w.text === firstCode);
  expect(codeWord).toBeDefined();
  const row = lineOf(words, codeWord!);
  expect(row[0]!.text).toBe('۱');
  expect(row[1]!.text).toBe(firstCode);
  expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.89 x 595\.28/); // A4 landscape
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, shot('80-worklist-pdf').replace(/\.png$/, '')]);

  const xlsx = await download(page, page.getByRole('button', { name: 'خروجی اکسل' }), 'worklist.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.worksheets[0]!;
  expect(ws.views[0]?.rightToLeft).toBe(true);
  expect(String(ws.getCell('A1').value)).toContain('شهرستان: بابل');
  expect(String(ws.getCell('A1').value)).not.toMatch(/[0-9]/); // the title row in Persian digits
  expect(ws.getRow(2).values).toContain('کد رهگیری');
  expect(ws.rowCount).toBe(2 + babol.length);
  expect(ws.getCell('B3').value).toMatch(/^05\d{8}$/); // codes kept as text, leading zero and all

  // The escalation list for the governor's office
  await page.getByLabel('فهرست تأخیر برای دفتر استاندار').check();
  await expect(total).toHaveText('۶۰۰ پرونده');
  for (const w of [1366, 1024]) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.screenshot({ path: shot(`81-escalation-list-${w}`) });
  }
  const esc = await download(page, page.getByRole('button', { name: 'چاپ فهرست (PDF)' }), 'escalation.pdf');
  const escWords = pdfWords(esc);
  expect(readsRightToLeft(escWords, 'فهرست تأخیر برای دفتر استاندار')).toBe(true);
  expect(readsRightToLeft(escWords, 'پرونده‌هایی که بیش از ۵ روز کاری از مهلت گذشته‌اند')).toBe(true);
  expect(pageCount(esc)).toBeGreaterThan(10);
  // the header repeats on later pages
  expect(pdfWords(esc, 2).some((w) => sameWord(w.text, 'ردیف'))).toBe(true);
  const escXlsx = await download(page, page.getByRole('button', { name: 'خروجی اکسل' }), 'escalation.xlsx');
  const wb2 = new ExcelJS.Workbook();
  await wb2.xlsx.readFile(escXlsx);
  expect(wb2.worksheets[0]!.rowCount).toBe(602);
});
