import { choose, fillIntake } from './intake';
import { expect, shot, test } from './web-fixture';

const T = {
  openDay: 'گشایش روز ملاقات',
  nationalId: 'کد ملی',
  save: /ثبت و صدور کد رهگیری/,
};

test('a clerk opens the day, records a case, and finds it again after reload and restart', async ({ page, didar }) => {
  await page.goto(didar.url);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  // Today's Jalali date in the header, in Persian digits
  await expect(page.getByTestId('today')).toHaveText(/^(شنبه|یکشنبه|دوشنبه|سه‌شنبه|چهارشنبه|پنجشنبه|جمعه) [۰-۹]+ [آ-ی]+ ۱۴[۰-۹]{2}$/);
  // The bundled font is used, not a network one
  // (loaded first: on a cold start the face may still be on its way when the page is up)
  expect(await page.evaluate(async () => (await document.fonts.load('16px Vazirmatn')).length > 0 && document.fonts.check('16px Vazirmatn'))).toBe(true);

  await page.getByRole('button', { name: T.openDay }).click();
  await expect(page.getByRole('heading', { name: 'پذیرش مراجع' })).toBeVisible();

  // A wrong national ID: a live message, then the server's message on save, and nothing stored.
  await fillIntake(page, { nationalId: '2401179446', mobile: '۰۹۱۲۱۲۳۴۵۶۷' });
  await expect(page.locator('#nid-error')).toHaveText(/^رقم آخر کد ملی \(رقم کنترل\) با بقیه نمی‌خواند/);
  await page.getByRole('button', { name: T.save }).click();
  await expect(page.locator('#nid-error')).toContainText('رقم کنترل');
  await expect(page.getByLabel(T.nationalId, { exact: true })).toBeFocused(); // the cursor goes to the problem
  await page.screenshot({ path: shot('01-bad-national-id'), fullPage: true });
  await expect(page.getByTestId('day-cases')).toHaveCount(0);

  // Corrected, saved with Ctrl+Enter from the keyboard
  await page.getByLabel(T.nationalId, { exact: true }).fill('۲۴۰۱۱۷۹۴۴۵');
  await expect(page.getByText('کد ملی درست است')).toBeVisible();
  await page.getByLabel(T.nationalId, { exact: true }).press('Control+Enter');
  const code = page.getByTestId('saved-code');
  await expect(code).toHaveText(/^[۰-۹]{10}$/);
  const shownCode = (await code.textContent())!;
  await expect(page.getByTestId('day-cases')).toContainText(shownCode);
  await expect(page.getByTestId('day-cases')).toContainText('مرتضی یوسفی');
  await page.screenshot({ path: shot('02-case-recorded'), fullPage: true });

  await page.reload();
  await expect(page.getByTestId('day-cases')).toContainText(shownCode);

  // Close the app and open it again on the same data folder
  const url = await didar.restart();
  await page.goto(url);
  await expect(page.getByTestId('day-cases')).toContainText(shownCode);
  await expect(page.getByTestId('day-case-count')).toContainText('۱');
  await page.screenshot({ path: shot('03-after-restart'), fullPage: true });
});

test('an empty or oversized issue gets a Persian message and stores nothing', async ({ page, didar }) => {
  await page.goto(didar.url);
  await page.getByRole('button', { name: T.openDay }).click();
  await page.getByLabel(T.nationalId, { exact: true }).fill('0018692631');
  await page.getByLabel('نام', { exact: true }).fill('کاظم');
  await page.getByLabel('نام خانوادگی').fill('اسماعیلی');
  await page.getByLabel('تلفن همراه').fill('+989123324146');
  await choose(page, 'شهرستان', 'بهشهر');
  await choose(page, 'دستگاه مسئول', 'شرکت توزیع برق', 'توزیع برق');
  await page.getByRole('button', { name: T.save }).click();
  await expect(page.locator('#text-error')).toHaveText('شرح درخواست خالی است.');
  await page.getByLabel('شرح درخواست').fill('ب'.repeat(5000));
  await page.getByRole('button', { name: T.save }).click();
  await expect(page.locator('#text-error')).toHaveText('شرح درخواست حداکثر ۲۰۰۰ نویسه است.');
  await page.screenshot({ path: shot('04-oversized-issue'), fullPage: true });
  const days = await didar.backend.handlers['meetingDay/list'](didar.backend.ctx, {});
  expect(days[0]!.caseCount).toBe(0);
});
