// A meeting day split across stations on one server, one browser signing in at each station in turn:
// reception records the citizen before the order, the governor's table gives the order, the inspection desk
// gives the code and prints the slip. A station the account's roles do not allow is refused at sign-in.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { formatJalali, jalaliOf } from '../../shared/jalali';
import { STATION_LABEL } from '../../shared/labels';
import { msg } from '../../shared/messages';
import { toPersianDigits } from '../../shared/persian-text';
import type { Args, Method, Result } from '../../shared/api';
import type { Backend } from '../../electron/backend';
import { choose } from './intake';
import { download, expect, shot, test } from './web-fixture';

const PASSWORD = 'گذرواژه ایستگاه‌ها برای آزمون';
const PEOPLE = {
  reception: { username: 'reception.zahra', displayName: 'زهرا پذیرش', roles: ['clerk'] },
  table: { username: 'table.ali', displayName: 'علی دفتر استاندار', roles: ['office'] },
  inspection: { username: 'inspection.reza', displayName: 'رضا بازرسی', roles: ['inspector'] },
} as const;
const CITIZEN = { firstName: 'مرتضی', lastName: 'یوسفی', nationalId: '2401179445', mobile: '09121234567', county: 'سوادکوه', locality: 'ورسک' };
const ISSUE = 'جاده روستای ورسک خاکی است و زمستان‌ها بسته می‌شود؛ دانش‌آموزان به مدرسه نمی‌رسند.';

/** A call straight to the backend that must succeed (the setting-up of the day). */
async function ok<M extends Method>(b: Backend, m: M, a: Args<M>): Promise<Result<M>> {
  const r = await b.dispatch(m, a);
  if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
  return r.value as Result<M>;
}

async function signInAt(page: Page, who: { username: string }, station: string): Promise<void> {
  await page.getByLabel('نام کاربری').fill(who.username);
  await page.getByLabel('گذرواژه', { exact: true }).fill(PASSWORD);
  await page.getByLabel('ایستگاه این میز').selectOption({ label: station });
  await page.getByRole('button', { name: 'ورود', exact: true }).click();
}

test('stations on one server: reception → governor\'s table → inspection desk, each limited by role', async ({ page, didar }) => {
  const b = didar.backend;
  for (const p of Object.values(PEOPLE)) expect((await b.dispatch('accounts/create', { ...p, roles: [...p.roles], password: PASSWORD })).ok).toBe(true);
  const day = { value: await ok(b, 'meetingDay/open', { date: formatJalali(jalaliOf(new Date())), place: { kind: 'center' }, host: 'استاندار' }) };
  // an earlier case of the same citizen, which every station shows
  const earlier = { value: await ok(b, 'case/record', {
    meetingDayId: day.value.id, citizen: CITIZEN, text: 'آب آشامیدنی روستا قطع است', confirmed: false,
    order: { type: 'act', leadDepartment: 'آب و فاضلاب', deadlineDays: 10, text: 'رسیدگی شود' },
  }) };
  await page.context().clearCookies();
  await page.goto(didar.url);

  // a clerk may not sit at the governor's table: refused, the stations of the account named, no session left
  await signInAt(page, PEOPLE.reception, 'میز استاندار');
  await expect(page.getByRole('alert')).toHaveText(msg.stationNotAllowed(STATION_LABEL.table, [STATION_LABEL.desk, STATION_LABEL.reception]));
  await expect(page.getByTestId('signed-in')).toHaveCount(0);
  await page.screenshot({ path: shot('stations-0-refused'), fullPage: true });

  // reception: arrival with name and national ID, the earlier case shown, the issue recorded before the order
  await signInAt(page, PEOPLE.reception, 'پذیرش');
  await expect(page.getByTestId('station')).toHaveText('پذیرش');
  await expect(page.getByTestId('station-reception')).toBeVisible();
  await page.getByPlaceholder('نام مراجع').fill('مرتضی یوسفی');
  await page.getByPlaceholder('کد ملی (اختیاری)').fill(CITIZEN.nationalId);
  await page.getByRole('button', { name: 'ثبت ورود' }).click();
  await expect(page.getByLabel('کد ملی', { exact: true })).toHaveValue(CITIZEN.nationalId);
  await expect(page.getByTestId('citizen-history')).toContainText(toPersianDigits(earlier.value.code));
  await expect(page.getByLabel('تلفن همراه')).toHaveValue(CITIZEN.mobile); // from the earlier case
  await expect(page.getByRole('combobox', { name: 'دستگاه مسئول', exact: true })).toHaveCount(0); // the order is the table's
  await page.getByLabel('شرح درخواست').fill(ISSUE);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('saved-banner')).toContainText('در انتظار دستور استاندار');
  await expect(page.getByTestId('reception-pending')).toContainText('۱');
  await page.screenshot({ path: shot('stations-1-reception'), fullPage: true });
  const pending = (await b.store.listUncodedCases())[0]!;
  expect(pending).toMatchObject({ text: ISSUE, citizen: { nationalId: CITIZEN.nationalId } });
  expect(pending.code).toBeUndefined();
  await page.getByRole('button', { name: 'خروج' }).click();

  // the governor's table: F2 calls the citizen; their issue and earlier case; the order typed and saved by keyboard
  await signInAt(page, PEOPLE.table, 'میز استاندار');
  await expect(page.getByTestId('station-table')).toBeVisible();
  await page.keyboard.press('F2');
  const card = page.getByTestId('order-card');
  await expect(card.getByTestId('table-issue')).toHaveText(ISSUE.replace(/\d/g, (d) => toPersianDigits(d)));
  await expect(card.getByTestId('citizen-history')).toContainText(toPersianDigits(earlier.value.code));
  await expect(page.getByLabel('متن دستور')).toBeFocused();
  await page.keyboard.type('راه روستا در برنامه آسفالت امسال قرار گیرد.');
  await page.getByRole('button', { name: 'موضوع با قید فوریت رسیدگی شود.' }).click();
  await choose(page, 'دستگاه مسئول', 'راه و شهرسازی', 'راه و شهر');
  await page.getByLabel('نوع دستور').selectOption('act');
  await page.screenshot({ path: shot('stations-2-table'), fullPage: true });
  await page.getByLabel('مهلت (روز کاری)').focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('order-saved')).toContainText('دستور برای مرتضی یوسفی ثبت شد');
  await expect(page.getByTestId('table-pending')).toContainText('۰');
  const ordered = (await b.store.getCase(pending.id))!;
  expect(ordered.order).toMatchObject({ type: 'act', leadDepartment: 'راه و شهرسازی', text: 'راه روستا در برنامه آسفالت امسال قرار گیرد. موضوع با قید فوریت رسیدگی شود.' });
  expect(ordered.code).toBeUndefined();
  expect((await b.store.getQueue(day.value.id))[0]).toMatchObject({ status: 'seen', caseIds: [pending.id] });
  await page.getByRole('button', { name: 'خروج' }).click();

  // the inspection desk: the case waits for its code; one key gives it and opens the slip
  await signInAt(page, PEOPLE.inspection, 'میز بازرسی');
  await expect(page.getByTestId('station-inspection')).toBeVisible();
  await expect(page.getByTestId('inspection-count')).toHaveText('۱');
  const allocate = page.getByRole('button', { name: 'صدور کد و چاپ رسید' });
  await expect(allocate).toBeFocused();
  await page.screenshot({ path: shot('stations-3-inspection'), fullPage: true });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('slip-frame')).toBeVisible();
  const code = (await b.store.getCase(pending.id))!.code!;
  expect(code).toMatch(/^05\d{8}$/);
  expect(Number(code.slice(2, 9))).toBe(Number(earlier.value.code.slice(2, 9)) + 1);
  const pdf = await download(page, page.getByRole('link', { name: 'ذخیره PDF' }), 'station-slip.pdf');
  expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  expect(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })).toContain(toPersianDigits(code));
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, shot('stations-4-slip').replace(/\.png$/, '')]);
  await page.getByRole('button', { name: 'بستن (Esc)' }).click();
  await expect(page.getByTestId('inspection-coded')).toContainText(toPersianDigits(code));
  await expect(page.getByTestId('inspection-count')).toHaveText('۰');
  await page.screenshot({ path: shot('stations-5-inspection-done'), fullPage: true });
});
