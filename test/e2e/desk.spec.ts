import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { defaultHolidays } from '../../shared/defaults';
import { formatJalaliLong, jalaliOf } from '../../shared/jalali';
import { addWorkingDays, calendarFrom } from '../../shared/working-days';
import { choose, fillIntake, savedCode } from './intake';
import { download, expect, shot, test } from './web-fixture';

test('meeting-day desk: queue, intake with order, slip, reprint «المثنی»', async ({ page, didar }) => {
  await page.goto(didar.url);
  await page.getByLabel('محل ملاقات').selectOption('county');
  await choose(page, 'شهرستان', 'آمل');
  await page.getByRole('button', { name: 'گشایش روز ملاقات' }).click();
  await expect(page.getByText('سفر شهرستانی: آمل')).toBeVisible();

  // Two arrivals; call the first with F2
  for (const [name, nid] of [['زهرا کریمی', '0018692631'], ['حسین نظری', '']] as const) {
    await page.getByPlaceholder('نام مراجع').fill(name);
    await page.getByPlaceholder('کد ملی (اختیاری)').fill(nid);
    await page.getByRole('button', { name: 'ثبت ورود' }).click();
    await expect(page.locator('.queue-list')).toContainText(name);
  }
  await page.keyboard.press('F2');
  await expect(page.locator('.queue-item.called')).toContainText('زهرا کریمی');
  await expect(page.getByLabel('نام', { exact: true })).toHaveValue('زهرا');
  await expect(page.getByLabel('کد ملی', { exact: true })).toHaveValue('0018692631');
  await expect(page.getByText('کد ملی درست است')).toBeVisible();

  // Mobile in +98 form, issue, order with a computed answer date
  await page.getByLabel('تلفن همراه').fill('+98 912 332 4146');
  await expect(page.locator('.field-hint').filter({ hasText: '۰۹۱۲۳۳۲۴۱۴۶' })).toBeVisible();
  await choose(page, 'شهرستان', 'آمل');
  await page.getByLabel('شهر یا روستا').fill('چمستان');
  await page.getByLabel('شرح درخواست').fill('برق روستای چمستان هر شب (حدود ۴ ساعت) قطع می‌شود و پمپ آب کار نمی‌کند.');
  await choose(page, 'موضوع', 'آب، برق و گاز', 'برق');
  await page.getByLabel('نوع دستور').selectOption('act');
  await choose(page, 'دستگاه مسئول', 'شرکت توزیع برق', 'توزیع برق');
  await page.getByLabel('مهلت (روز کاری)').fill('۱۰');
  await expect(page.getByText(/^تاریخ پاسخ: /)).toBeVisible();
  await page.getByRole('button', { name: 'موضوع با قید فوریت رسیدگی شود.' }).click();
  await page.getByPlaceholder('نام مدرک').fill('قبض برق');
  await page.getByPlaceholder('نام مدرک').press('Enter');
  await page.screenshot({ path: shot('10-intake-form'), fullPage: true });

  await page.getByLabel('شرح درخواست').press('Control+Enter');
  const code = await savedCode(page);
  expect(code).toMatch(/^[۰-۹]{10}$/);
  await expect(page.locator('.queue-list')).not.toContainText('زهرا کریمی'); // seen: leaves the queue
  await expect(page.getByTestId('day-cases')).toContainText('شرکت توزیع برق');

  // Print: the slip opens; a second print is a logged reprint marked «المثنی»
  await page.getByRole('button', { name: /چاپ رسید/ }).first().click();
  await expect(page.getByTestId('slip-frame')).toBeVisible();
  await expect(page.getByTestId('duplicate-note')).toHaveCount(0);
  const pdf = await download(page, page.getByRole('link', { name: 'ذخیره PDF' }), 'slip.pdf');
  expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain(code);
  expect(text).not.toContain('المثنی');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, shot('11-slip').replace(/\.png$/, '')]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'چاپ المثنی' }).click();
  await expect(page.getByTestId('duplicate-note')).toBeVisible();
  const pdf2 = await download(page, page.getByRole('link', { name: 'ذخیره PDF' }), 'slip-duplicate.pdf');
  expect(execFileSync('pdftotext', [pdf2, '-'], { encoding: 'utf8' })).toContain('المثنی');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf2, shot('12-slip-duplicate').replace(/\.png$/, '')]);
  await page.keyboard.press('Escape');

  // The reprint is in the case history
  await page.getByRole('button', { name: 'جزئیات' }).click();
  await expect(page.locator('ol.history')).toContainText('چاپ المثنی');
  await page.screenshot({ path: shot('13-case-details'), fullPage: true });
  await page.keyboard.press('Escape');

  // Same citizen again: earlier case shown, warning for an open case with the same department
  await page.getByRole('button', { name: 'مراجع بعد' }).click();
  await page.getByLabel('کد ملی', { exact: true }).fill('۰۰۱۸۶۹۲۶۳۱');
  await expect(page.getByTestId('citizen-history')).toContainText(code);
  await expect(page.getByLabel('نام خانوادگی')).toHaveValue('کریمی');
  await choose(page, 'دستگاه مسئول', 'شرکت توزیع برق', 'توزیع برق');
  await expect(page.getByTestId('same-department-warning')).toBeVisible();
  await page.screenshot({ path: shot('14-earlier-cases-warning'), fullPage: true });

  // Mark the second arrival absent
  await page.getByRole('button', { name: 'غایب' }).click();
  await expect(page.locator('.queue-item.absent')).toContainText('حسین نظری');
});

test('settings: office name, 80 mm receipt layout and Thursday rule reach the slip and the answer date', async ({ page, didar }) => {
  await page.goto(didar.url);
  await page.getByRole('button', { name: 'تنظیمات' }).click();
  await page.getByLabel('نام دستگاه (سربرگ رسید)').fill('فرمانداری ویژه ساری');
  await page.getByLabel('قالب رسید').selectOption('receipt80');
  await page.getByLabel('پنجشنبه تعطیل است').uncheck();
  await page.getByRole('button', { name: 'ذخیره تنظیمات' }).click();
  await expect(page.getByRole('status')).toHaveText('تنظیمات ذخیره شد.');
  // a second save keeps the previous settings file: the automatic backup is shown with its time
  await page.getByRole('button', { name: 'ذخیره تنظیمات' }).click();
  await expect(page.getByTestId('last-backup')).toContainText(/۱۴[۰-۹]{2}\/[۰-۹]{2}\/[۰-۹]{2}/);
  await page.screenshot({ path: shot('15-settings'), fullPage: true });
  // The data folder and the backup command read left to right inside the Persian lines (a monospace font would break the Persian words' joining).
  const backupBox = page.locator('fieldset', { has: page.getByTestId('last-backup') });
  await expect(backupBox.getByTestId('backup-command')).toHaveText('didar backup --data پوشه --out فایل');
  await backupBox.screenshot({ path: shot('15-settings-backup') });

  // A bad holiday line is refused with a Persian message and nothing changes
  await page.getByLabel(/تعطیلات رسمی/).fill('2026/11/23 روز اشتباه');
  await page.getByRole('button', { name: 'ذخیره تنظیمات' }).click();
  await expect(page.getByText('تاریخ شمسی نادرست است؛ مانند ۱۴۰۵/۰۹/۰۳.')).toBeVisible();
  expect((await didar.backend.handlers['settings/get'](didar.backend.ctx, {})).holidays.length).toBeGreaterThan(40);

  await page.reload();
  await expect(page.locator('.office')).toHaveText('فرمانداری ویژه ساری');
  await page.getByRole('button', { name: 'میز ملاقات' }).click();
  await page.getByRole('button', { name: 'گشایش روز ملاقات' }).click();
  await fillIntake(page, { nationalId: '2401179445' });
  // with Thursday a working day, 10 working days end earlier than with it off
  const today = jalaliOf(new Date());
  const expected = formatJalaliLong(addWorkingDays(today, 10, calendarFrom(defaultHolidays(), false)));
  expect(expected).not.toBe(formatJalaliLong(addWorkingDays(today, 10, calendarFrom(defaultHolidays(), true))));
  await expect(page.getByText(`تاریخ پاسخ: ${expected}`)).toBeVisible();
  await page.getByRole('button', { name: /ثبت و صدور کد رهگیری/ }).click();
  await page.getByRole('button', { name: /چاپ رسید/ }).first().click();
  const pdf = await download(page, page.getByRole('link', { name: 'ذخیره PDF' }), 'receipt.pdf');
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+226\.7\d x/); // 80 mm wide
  expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('ساری');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, shot('16-slip-receipt80').replace(/\.png$/, '')]);
});
