// The governor's office reads the department scorecard for a Jalali period and drills down to the cases.
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { toAsciiDigits } from '../../shared/persian-text';
import { dispatchOk, download, expect, importSample, shot, test } from './web-fixture';

test('department scorecard: choose a period, read the table, drill down to the cases', async ({ page, didar }) => {
  await importSample(didar);
  // Two of جهاد کشاورزی's cases answered, so its median has cases behind it.
  const call = (method: string, args: unknown) => dispatchOk(didar, method, args);
  const agri = (await call('worklist/query', { department: 'جهاد کشاورزی', limit: 2 }) as { items: { id: string }[] }).items;
  await call('case/refer', { ids: agri.map((c) => c.id) });
  for (const c of agri) await call('case/answer', { id: c.id, letterNo: '۱۲۳/ج', date: '1405/09/05', text: 'بررسی شد و کود تحویل تعاونی شد.' });
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(didar.url);
  await page.getByRole('button', { name: 'گزارش‌ها' }).click();

  // The end-of-day summary of the latest meeting day, and its PDF.
  const summary = page.getByTestId('day-summary');
  await expect(summary).toContainText('شهروندان دیدارشده: ۲۳');
  await expect(summary.getByTestId('day-orders').locator('tbody tr')).toHaveCount(23);
  await summary.screenshot({ path: shot('51-day-summary') });
  const pdf = await download(page, summary.getByRole('button', { name: 'PDF برای استاندار' }), 'day.pdf');
  expect(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })).toContain('۰۵۰۰۰۰۰۰۱۲');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, shot('52-day-summary-pdf').replace(/\.png$/, '')]);
  await page.getByLabel('دوره').selectOption('year');
  await page.getByLabel('سال').fill('۱۴۰۵');
  await page.getByRole('button', { name: 'نمایش' }).click();
  await expect(page.getByTestId('report-range')).toHaveText('از ۱۴۰۵/۰۱/۰۱ تا ۱۴۰۵/۱۲/۲۹');
  const table = page.getByTestId('department-scorecard');
  await expect(table).toContainText('جهاد کشاورزی');
  // a department that answered nothing is not ranked first at 0%: «بدون پاسخ»
  const silent = table.locator('tbody tr').filter({ hasText: 'بنیاد مسکن' });
  await expect(silent.locator('td').first()).toHaveText('بدون پاسخ');
  await expect(table.locator('tbody tr').first().locator('td').first()).toHaveText('۱');
  const first = table.locator('tbody tr').first();
  const count = (await first.locator('td').nth(2).textContent())!.trim();
  await first.locator('td').nth(2).getByRole('button').click();
  const drill = page.getByTestId('drill-down');
  await expect(drill.locator('tbody tr')).toHaveCount(Number(toAsciiDigits(count)));
  // the code reads left to right inside a cell that stays right-aligned under its header, in Persian digits
  const codeCell = drill.locator('tbody tr').first().locator('td').first();
  expect(await codeCell.evaluate((td) => getComputedStyle(td).direction)).toBe('rtl');
  await expect(codeCell.locator('bdi[dir="ltr"]')).toHaveText(/^[۰-۹]{10}$/);
  // The median opens the answered cases it is computed over.
  const agriRow = table.locator('tbody tr').filter({ hasText: 'جهاد کشاورزی' });
  await expect(agriRow.locator('td').nth(3)).toHaveText('۲');
  await agriRow.locator('td').nth(5).getByRole('button').click();
  await expect(drill.locator('h3')).toContainText('میانه روز کاری تا پاسخ');
  await expect(drill.locator('tbody tr')).toHaveCount(2);
  await table.screenshot({ path: shot('56-department-scorecard-table') });
  await expect(page.getByRole('img', { name: 'درخواست‌ها در هر ماه' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'پاسخ به‌موقع دستگاه‌های رتبه‌دار (٪)' })).toBeVisible();
  await page.screenshot({ path: shot('50-department-scorecard'), fullPage: true });
  await page.locator('.charts').screenshot({ path: shot('53-report-charts') });
  const counties = page.getByTestId('county-scorecard');
  await expect(counties).toContainText('ساری');
  await expect(page.getByRole('img', { name: 'مراجعه به مرکز استان در هر ۱۰۰ هزار نفر' })).toBeVisible();
  await page.locator('section[aria-labelledby="counties-title"]').screenshot({ path: shot('54-county-scorecard') });
  // Printed, the tabs, buttons and period picker give way to the tables and charts.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByRole('img', { name: 'درخواست‌ها در هر ماه' })).toBeVisible();
  await page.screenshot({ path: shot('55-reports-print'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  const file = await download(page, page.getByRole('button', { name: 'خروجی اکسل' }).first(), 'departments.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets[0]!.views[0]?.rightToLeft).toBe(true);
  expect(wb.worksheets[0]!.getCell('B2').value).toBe('دستگاه');

  // A month with fewer cases, then a custom range in Persian digits.
  await page.getByLabel('دوره').selectOption('range');
  await page.getByLabel('از تاریخ').fill('۱۴۰۵/۰۸/۰۱');
  await page.getByLabel('تا تاریخ').fill('۱۴۰۵/۰۸/۳۰');
  await page.getByRole('button', { name: 'نمایش' }).click();
  await expect(page.getByTestId('report-range')).toHaveText('از ۱۴۰۵/۰۸/۰۱ تا ۱۴۰۵/۰۸/۳۰');
});
