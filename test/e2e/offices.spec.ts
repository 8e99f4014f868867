// Two offices on one Didar, clicked through in Chromium: the province's administrator makes an account for the
// Sari governorate; its clerk signs in, opens the governorate's own meeting day, records a case and sees it, and
// sees none of the province's; the province sees both offices and runs the report for Sari alone.
import { expect, type Browser, type Page } from '@playwright/test';
import { fillIntake, savedCode } from './intake';
import { shot, signIn, test } from './web-fixture';

const SARI_CLERK = { username: 'sari.clerk', displayName: 'کارمند فرمانداری ساری', password: 'گذرواژه موقت فرمانداری ساری' };

async function deskPage(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await page.goto(url);
  return page;
}

/** Records the case filled in and returns its code as the desk shows it (Persian digits). */
async function record(page: Page, nationalId: string, text: string): Promise<string> {
  await fillIntake(page, { nationalId, text });
  await page.getByRole('button', { name: /ثبت و صدور کد رهگیری/ }).click();
  const code = await savedCode(page);
  expect(code).toMatch(/^[۰-۹]{10}$/);
  return code;
}

test("a county governorate's clerk records and sees their own cases; the province sees both and reports on one", async ({ page, didar, browser }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(didar.url);

  // the province's administrator gives the new account the Sari governorate
  await page.getByRole('button', { name: 'حساب‌ها', exact: true }).click();
  await page.getByLabel('نام و نام خانوادگی').fill(SARI_CLERK.displayName);
  await page.getByLabel('نام کاربری').fill(SARI_CLERK.username);
  await page.getByLabel('گذرواژه نخست (به خود شخص بدهید)').fill(SARI_CLERK.password);
  await page.locator('#ac-office').selectOption({ label: 'فرمانداری ساری' });
  const roles = page.locator('fieldset.roles').first();
  for (const box of await roles.getByRole('checkbox').all()) if (await box.isChecked()) await box.uncheck();
  for (const r of [/پذیرش و ثبت/, /بازرسی و پیگیری/, /دفتر استاندار/, /مدیر سامانه/]) await roles.getByRole('checkbox', { name: r }).check();
  await page.getByRole('button', { name: 'ساخت حساب' }).click();
  await expect(page.getByRole('status')).toContainText(`حساب «${SARI_CLERK.displayName}» ساخته شد.`);
  await expect(page.getByTestId('accounts').getByRole('row', { name: new RegExp(SARI_CLERK.displayName) })).toContainText('فرمانداری ساری');
  await page.screenshot({ path: shot('140-accounts-office'), fullPage: true });

  // the province records a case at its own day in the centre
  await page.getByRole('button', { name: 'میز ملاقات', exact: true }).click();
  await page.getByRole('button', { name: 'گشایش روز ملاقات' }).click();
  const provinceCode = await record(page, '2401179445', 'روستای ورسک هیچ سرویس مینی‌بوس به مرکز شهرستان ندارد.');

  // the Sari clerk: the governorate's own day, its own case
  const sari = await deskPage(browser, didar.url);
  await signIn(sari, SARI_CLERK);
  await expect(sari.getByTestId('office')).toHaveText('فرمانداری ساری');
  // its administrator keeps the governorate's accounts; the settings are the province's, so no tab for them
  await expect(sari.getByRole('button', { name: 'حساب‌ها', exact: true })).toBeVisible();
  await expect(sari.getByRole('button', { name: 'تنظیمات', exact: true })).toHaveCount(0);
  await expect(sari.getByTestId('day-office')).toHaveText('در فرمانداری ساری');
  await sari.screenshot({ path: shot('141-county-open-day'), fullPage: true });
  await sari.getByRole('button', { name: 'گشایش روز ملاقات' }).click();
  const sariCode = await record(sari, '0018692631', 'خیابان محله ما در ساری آسفالت ندارد و در زمستان گل می‌شود.');
  expect(sariCode).not.toBe(provinceCode);
  await sari.screenshot({ path: shot('142-county-recorded'), fullPage: true });
  // its worklist holds its case and not the province's
  await sari.getByRole('button', { name: 'پیگیری', exact: true }).click();
  await expect(sari.getByRole('row', { name: new RegExp(sariCode) })).toBeVisible();
  await expect(sari.getByRole('row', { name: new RegExp(provinceCode) })).toHaveCount(0);
  await sari.screenshot({ path: shot('143-county-worklist'), fullPage: true });

  // the province sees both offices
  await page.getByRole('button', { name: 'پیگیری', exact: true }).click();
  await expect(page.getByRole('row', { name: new RegExp(sariCode) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(provinceCode) })).toBeVisible();
  // two days of one date, told apart by where they were held; choosing Sari's lists only its case
  const dayFilter = page.getByRole('combobox', { name: 'روز ملاقات' });
  await expect.poll(async () => (await dayFilter.locator('option').allTextContents()).slice(1).map((o) => o.split(' — ')[1]).sort())
    .toEqual(['فرمانداری ساری', 'مرکز استان'].sort());
  await dayFilter.selectOption({ label: (await dayFilter.locator('option', { hasText: 'فرمانداری ساری' }).textContent())! });
  await expect(page.getByRole('row', { name: new RegExp(sariCode) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(provinceCode) })).toHaveCount(0);
  await page.screenshot({ path: shot('144-province-worklist-day-of-county'), fullPage: true });

  // and runs the report for Sari's governorate alone
  await page.getByRole('button', { name: 'گزارش‌ها', exact: true }).click();
  await page.getByRole('button', { name: 'نمایش' }).click();
  const table = page.getByTestId('department-scorecard');
  const row = table.locator('tbody tr').filter({ hasText: 'حمل و نقل' });
  await expect(row.locator('td').nth(2)).toHaveText('۲');
  await page.locator('#report-office').selectOption({ label: 'فرمانداری ساری' });
  await expect(row.locator('td').nth(2)).toHaveText('۱');
  await row.locator('td').nth(2).getByRole('button').click();
  await expect(page.getByTestId('drill-down').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('drill-down')).toContainText(sariCode);
  const county = page.getByTestId('county-scorecard').locator('tbody tr').filter({ hasText: 'ساری' });
  await expect(county).toBeVisible();
  await page.screenshot({ path: shot('144-province-report-for-sari'), fullPage: true });

  // the county's own reports say whose they are, and have no office to choose
  await sari.getByRole('button', { name: 'گزارش‌ها', exact: true }).click();
  await expect(sari.getByTestId('report-office')).toHaveText('گزارش پرونده‌های فرمانداری ساری');
  await expect(sari.locator('#report-office')).toHaveCount(0);
});
