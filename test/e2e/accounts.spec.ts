// A signed-in person in a role behind every call, clicked through in Chromium: the first start asks for the
// administrator, who makes a clerk and an inspection officer; the clerk sees no follow-up or settings and records
// a case; the officer refers it; the case's history names both. A role taken away mid-session refuses the call.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { openInBackground } from '../../electron/backend';
import { startWebShell } from '../../electron/web/server';
import { choose, fillIntake, savedCode } from './intake';
import { RENDERER_DIR, shot, signIn } from './web-fixture';

const ADMIN = { username: 'admin', displayName: 'مدیر سامانه استانداری', password: 'گذرواژه بلند مدیر سامانه' };
const CLERK = { username: 'zahra', displayName: 'زهرا کریمی', password: 'گذرواژه موقت زهرا کریمی' };
const OFFICER = { username: 'reza', displayName: 'رضا احمدی', password: 'گذرواژه موقت رضا احمدی' };
const NEW_CLERK_PASSWORD = 'گذرواژه خود زهرا در میز پذیرش';

/** A browser of its own for each person, as at separate desks. */
async function deskPage(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await page.goto(url);
  return page;
}

async function addAccount(page: Page, who: typeof CLERK, role: string): Promise<void> {
  await page.getByLabel('نام و نام خانوادگی').fill(who.displayName);
  await page.getByLabel('نام کاربری').fill(who.username);
  await page.getByLabel('گذرواژه نخست (به خود شخص بدهید)').fill(who.password);
  const roles = page.locator('fieldset.roles').first();
  for (const box of await roles.getByRole('checkbox').all()) if (await box.isChecked()) await box.uncheck();
  await roles.getByRole('checkbox', { name: new RegExp(role) }).check();
  await page.getByRole('button', { name: 'ساخت حساب' }).click();
  await expect(page.getByRole('status')).toContainText(`حساب «${who.displayName}» ساخته شد.`);
}

test('first start, accounts, roles: the clerk records, the officer refers, the history names both; a role taken away refuses the call', async ({ browser }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'didar-accounts-'));
  const opened = openInBackground({ dataDir });
  const shell = await startWebShell({ dispatchAs: opened.dispatchAs, staticDir: RENDERER_DIR });
  try {
    // first start: nothing but the administrator's account can be made
    const admin = await deskPage(browser, shell.url);
    await expect(admin.getByRole('heading', { name: 'نخستین راه‌اندازی: حساب مدیر سامانه' })).toBeVisible();
    await admin.getByLabel('نام و نام خانوادگی').fill(ADMIN.displayName);
    await admin.getByLabel('نام کاربری').fill(ADMIN.username);
    await admin.getByLabel('گذرواژه', { exact: true }).fill('کوتاه');
    await admin.getByLabel('تکرار گذرواژه تازه').fill('کوتاه');
    await admin.getByRole('button', { name: 'ساخت حساب و ورود' }).click();
    await expect(admin.locator('#su-pass-error')).toContainText('دست‌کم ۱۲ نویسه');
    await admin.getByLabel('گذرواژه', { exact: true }).fill(ADMIN.password);
    await admin.getByLabel('تکرار گذرواژه تازه').fill(ADMIN.password);
    await admin.screenshot({ path: shot('70-first-start') });
    await admin.getByRole('button', { name: 'ساخت حساب و ورود' }).click();
    // the administrator sees accounts and settings, not the desk
    await expect(admin.getByTestId('signed-in')).toContainText(ADMIN.displayName);
    await expect(admin.getByRole('button', { name: 'حساب‌ها', exact: true })).toBeVisible();
    await expect(admin.getByRole('button', { name: 'میز ملاقات', exact: true })).toHaveCount(0);
    await addAccount(admin, CLERK, 'پذیرش و ثبت');
    await addAccount(admin, OFFICER, 'بازرسی و پیگیری');
    await expect(admin.getByTestId('accounts')).toContainText(CLERK.displayName);
    await expect(admin.getByTestId('accounts')).toContainText('بازرسی و پیگیری');
    await admin.screenshot({ path: shot('71-accounts'), fullPage: true });

    // the clerk signs in, is asked nothing more (a first password given by the administrator is theirs to change)
    const clerk = await deskPage(browser, shell.url);
    await expect(clerk.getByRole('heading', { name: 'ورود به دیدار' })).toBeVisible();
    await clerk.getByLabel('نام کاربری').fill(CLERK.username);
    await clerk.getByLabel('گذرواژه', { exact: true }).fill('گذرواژه نادرست است اینجا');
    await clerk.getByRole('button', { name: 'ورود', exact: true }).click();
    await expect(clerk.getByRole('alert')).toHaveText('نام کاربری یا گذرواژه درست نیست.');
    await clerk.screenshot({ path: shot('72-sign-in-refused') });
    await signIn(clerk, CLERK);
    for (const hidden of ['پیگیری', 'تنظیمات', 'حساب‌ها', 'بخشنامه‌ها', 'گزارش‌ها']) {
      await expect(clerk.getByRole('button', { name: hidden, exact: true })).toHaveCount(0);
    }
    // the clerk changes the first password to one of their own
    await clerk.getByRole('button', { name: 'تغییر گذرواژه' }).click();
    await clerk.getByLabel('گذرواژه کنونی').fill(CLERK.password);
    await clerk.getByLabel('گذرواژه تازه', { exact: true }).fill(NEW_CLERK_PASSWORD);
    await clerk.getByLabel('تکرار گذرواژه تازه').fill(NEW_CLERK_PASSWORD);
    await clerk.getByRole('button', { name: 'ذخیره گذرواژه تازه' }).click();
    await expect(clerk.getByRole('dialog')).toHaveCount(0);
    // the clerk opens the day and records a case
    await clerk.getByRole('button', { name: 'گشایش روز ملاقات' }).click();
    await fillIntake(clerk, { nationalId: '2401179445' });
    await clerk.getByRole('button', { name: /ثبت و صدور کد رهگیری/ }).click();
    const code = await savedCode(clerk);
    expect(code).toMatch(/^[۰-۹]{10}$/);
    await clerk.screenshot({ path: shot('73-clerk-desk'), fullPage: true });

    // the officer refers it from the worklist
    const officer = await deskPage(browser, shell.url);
    await signIn(officer, OFFICER);
    await expect(officer.getByRole('button', { name: 'میز ملاقات', exact: true })).toHaveCount(0);
    await officer.getByRole('button', { name: 'پیگیری', exact: true }).click();
    await officer.getByRole('row', { name: new RegExp(code) }).getByRole('checkbox').check();
    await officer.getByRole('button', { name: 'ارجاع و نامه' }).click();
    await officer.getByRole('button', { name: 'تأیید ارجاع' }).click();
    await expect(officer.getByRole('dialog', { name: 'نامه‌های ارجاع', exact: true })).toBeVisible();
    await officer.keyboard.press('Escape');
    await expect(officer.getByRole('row', { name: new RegExp(code) })).toContainText('ارجاع‌شده');
    await officer.getByRole('row', { name: new RegExp(code) }).locator('td').nth(2).click();
    const history = officer.getByTestId('history');
    await expect(history).toContainText(CLERK.displayName);
    await expect(history).toContainText(OFFICER.displayName);
    await expect(history.locator('li').filter({ hasText: 'ثبت پرونده' })).toContainText(CLERK.displayName);
    await expect(history.locator('li').filter({ hasText: 'ارجاع به دستگاه' })).toContainText(OFFICER.displayName);
    await officer.screenshot({ path: shot('74-history-names-both'), fullPage: true });

    // the administrator takes the clerk's role away: the clerk's next call is refused, and nothing is saved
    await admin.getByRole('row', { name: new RegExp(CLERK.displayName) }).getByRole('button', { name: 'ویرایش' }).click();
    const edit = admin.getByRole('dialog');
    await edit.getByRole('checkbox', { name: /پذیرش و ثبت/ }).uncheck();
    await edit.getByRole('checkbox', { name: /مشاهده‌گر/ }).check();
    await edit.getByRole('button', { name: 'ذخیره' }).click();
    await expect(admin.getByRole('row', { name: new RegExp(CLERK.displayName) })).toContainText('مشاهده‌گر');
    await clerk.getByRole('button', { name: 'مراجع بعد' }).click();
    await fillIntake(clerk, { nationalId: '0018692631', text: 'درخواست دوم پس از تغییر نقش' });
    await clerk.getByRole('button', { name: /ثبت و صدور کد رهگیری/ }).click();
    await expect(clerk.getByRole('alert').filter({ hasText: 'در نقش شما مجاز نیست' }).last()).toBeVisible();
    await clerk.screenshot({ path: shot('75-refused-action'), fullPage: true });
    const b = await opened.ready;
    expect((await b.store.scanCases({})).map((c) => c.text)).not.toContain('درخواست دوم پس از تغییر نقش');
    await choose(clerk, 'شهرستان', 'سوادکوه'); // the form is still there, as typed
  } finally {
    await shell.close();
    await opened.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
