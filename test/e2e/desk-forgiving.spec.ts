// The desk forgives a busy clerk: one case per save however often Enter is pressed, Enter moves between fields,
// a new national ID takes away what the previous one filled in, a half-typed intake survives screen switches and
// reloads, leaving unsaved work asks first, a saved case is corrected with its history, the queue warns of a
// second arrival.
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { readsRightToLeft, pdfWords } from '../helpers/pdf-words';
import { choose, savedCode } from './intake';
import { download, expect, shot, test, type Didar } from './web-fixture';

const T = { openDay: 'گشایش روز ملاقات', save: /ثبت و صدور کد رهگیری/ };

async function openDay(page: Page, didar: Didar): Promise<string> {
  await page.goto(didar.url);
  await page.getByRole('button', { name: T.openDay }).click();
  await expect(page.getByRole('heading', { name: 'پذیرش مراجع' })).toBeVisible();
  return (await didar.backend.store.listMeetingDays())[0]!.id;
}

const nid = (page: Page) => page.getByLabel('کد ملی', { exact: true });

test('a case is saved once; Enter goes to the next field; another national ID clears what the lookup filled', async ({ page, didar }) => {
  const dayId = await openDay(page, didar);
  // an earlier case of زهرا کریمی, so that her national ID fills in her details
  await didar.backend.handlers['case/record'](didar.backend.ctx, {
    meetingDayId: dayId, text: 'درخواست پیشین', category: '', departments: ['فرمانداری'], attachments: [], confirmed: false,
    citizen: { nationalId: '0018692631', firstName: 'زهرا', lastName: 'کریمی', mobile: '09123324146', county: 'آمل', locality: 'چمستان', address: 'کوچه ۵' },
  });
  await nid(page).fill('0018692631');
  await expect(page.getByLabel('نام', { exact: true })).toHaveValue('زهرا');
  await expect(page.getByRole('combobox', { name: 'شهرستان' })).toHaveValue('آمل');
  await expect(page.getByLabel('نشانی (اختیاری)')).toHaveValue('کوچه ۵');
  // a typo in the ID: another citizen, so her name, mobile, county and address go
  await nid(page).fill('2401179445');
  for (const label of ['نام', 'نام خانوادگی', 'تلفن همراه', 'شهر یا روستا', 'نشانی (اختیاری)']) await expect(page.getByLabel(label, { exact: true })).toHaveValue('');
  await expect(page.getByRole('combobox', { name: 'شهرستان' })).toHaveValue('');

  // Enter in a one-line field moves on and saves nothing
  await nid(page).press('Enter');
  await expect(page.getByLabel('نام', { exact: true })).toBeFocused();
  await page.keyboard.type('مرتضی');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('نام خانوادگی')).toBeFocused();
  await page.keyboard.type('یوسفی');
  await page.keyboard.press('Enter');
  await page.keyboard.type('09121234567');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'شهرستان' })).toBeFocused();
  expect(await didar.backend.store.countCases()).toBe(1);
  await choose(page, 'شهرستان', 'سوادکوه');
  await page.getByLabel('شرح درخواست').fill('وام ازدواج پسرم پس از شش ماه پرداخت نشده است.');
  await choose(page, 'دستگاه مسئول', 'شورای هماهنگی بانک‌ها', 'بانک');

  // Ctrl+Enter three times and a click: one case
  const text = page.getByLabel('شرح درخواست');
  await text.press('Control+Enter');
  await text.press('Control+Enter');
  await text.press('Control+Enter');
  const note = page.getByTestId('saved-banner');
  await expect(note).toHaveAttribute('role', 'status');
  await expect(note.getByTestId('saved-code')).toHaveText(/^[۰-۹]{10}$/);
  // beside the save button, which now says it is done
  await expect(page.locator('.save-row').getByTestId('saved-code')).toBeVisible();
  await expect(page.getByTestId('save-case')).toBeDisabled();
  await expect(page.getByTestId('save-case')).toContainText('ثبت شد');
  await expect(page.getByRole('button', { name: /چاپ رسید/ }).first()).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await page.getByTestId('save-case').click({ force: true });
  await expect(page.getByTestId('day-cases').locator('tbody tr')).toHaveCount(2);
  expect(await didar.backend.store.countCases()).toBe(2);
  for (const w of [1366, 1024]) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.locator('.save-row').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot(`70-saved-beside-button-${w}`) });
  }
  await page.setViewportSize({ width: 1366, height: 900 });

  // The same citizen with the same request again: asked first
  await page.getByRole('button', { name: /مراجع بعد/ }).click();
  await nid(page).fill('2401179445');
  await expect(page.getByLabel('نام', { exact: true })).toHaveValue('مرتضی');
  await page.getByLabel('شرح درخواست').fill('وام ازدواج پسرم پس از شش ماه پرداخت نشده است.');
  await choose(page, 'دستگاه مسئول', 'شورای هماهنگی بانک‌ها', 'بانک');
  await page.getByRole('button', { name: T.save }).click();
  const ask = page.getByRole('dialog', { name: 'پرونده تکراری؟' });
  await expect(ask).toContainText('همین شهروند امروز همین درخواست را با کد رهگیری');
  await page.screenshot({ path: shot('71-same-case-asked') });
  await ask.getByRole('button', { name: 'انصراف' }).click();
  expect(await didar.backend.store.countCases()).toBe(2);
  await expect(page.getByTestId('save-case')).toBeEnabled();
  await page.getByRole('button', { name: T.save }).click();
  await page.getByRole('dialog', { name: 'پرونده تکراری؟' }).getByRole('button', { name: 'بله، پرونده دوم ثبت شود' }).click();
  await expect(page.getByTestId('saved-code')).toBeVisible();
  expect(await didar.backend.store.countCases()).toBe(3);
});

test('a half-typed intake survives a screen switch and a reload; Alt+N and leaving Settings ask first', async ({ page, didar }) => {
  await openDay(page, didar);
  await nid(page).fill('2401179445');
  await page.getByLabel('نام', { exact: true }).fill('مرتضی');
  await choose(page, 'شهرستان', 'نکا');
  await page.getByLabel('شرح درخواست').fill('آب آشامیدنی روستا شش روز است قطع است.');

  await page.getByRole('button', { name: 'پیگیری', exact: true }).click();
  await expect(page.getByTestId('worklist-total')).toBeVisible();
  await page.getByRole('button', { name: 'میز ملاقات' }).click();
  await expect(page.getByLabel('شرح درخواست')).toHaveValue('آب آشامیدنی روستا شش روز است قطع است.');
  await expect(page.getByRole('combobox', { name: 'شهرستان' })).toHaveValue('نکا');

  await page.reload();
  await expect(page.getByLabel('شرح درخواست')).toHaveValue('آب آشامیدنی روستا شش روز است قطع است.');
  await expect(page.getByLabel('نام', { exact: true })).toHaveValue('مرتضی');
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await page.screenshot({ path: shot('72-draft-restored'), fullPage: true });

  // Alt+N asks; keeping the form keeps every field
  await page.getByLabel('شرح درخواست').press('Alt+n');
  const ask = page.getByRole('dialog', { name: 'فرم تازه' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'ادامه همین فرم' }).click();
  await expect(page.getByLabel('شرح درخواست')).toHaveValue('آب آشامیدنی روستا شش روز است قطع است.');
  await page.getByLabel('شرح درخواست').press('Alt+n');
  await page.getByRole('dialog', { name: 'فرم تازه' }).getByRole('button', { name: 'پاک کن و فرم تازه' }).click();
  await expect(page.getByLabel('شرح درخواست')).toHaveValue('');
  await page.reload();
  await expect(page.getByLabel('شرح درخواست')).toHaveValue('');
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
  // Spaces alone are no draft: nothing comes back and nothing asks.
  await page.getByLabel('شرح درخواست').fill('    ');
  await page.getByLabel('نام', { exact: true }).fill('  ');
  await page.reload();
  await expect(page.getByLabel('شرح درخواست')).toHaveValue('');
  await expect(page.getByText('۰ / ۲۰۰۰ نویسه')).toBeVisible();
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
  await page.getByLabel('شرح درخواست').fill('   ');
  await page.getByLabel('شرح درخواست').press('Alt+n');
  await expect(page.getByRole('dialog', { name: 'فرم تازه' })).toHaveCount(0);

  // Settings with an unsaved change: leaving asks
  await page.getByRole('button', { name: 'تنظیمات' }).click();
  await page.getByLabel('نام دستگاه (سربرگ رسید)').fill('فرمانداری ویژه ساری');
  await page.getByRole('button', { name: 'گزارش‌ها' }).click();
  const leave = page.getByRole('dialog', { name: 'تغییرات ذخیره نشده' });
  await expect(leave).toBeVisible();
  await page.screenshot({ path: shot('73-settings-unsaved') });
  await leave.getByRole('button', { name: 'ماندن و ذخیره' }).click();
  await expect(page.getByLabel('نام دستگاه (سربرگ رسید)')).toHaveValue('فرمانداری ویژه ساری');
  await page.getByRole('button', { name: 'ذخیره تنظیمات' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'تنظیمات ذخیره شد.' })).toBeVisible();
  await page.getByRole('button', { name: 'گزارش‌ها' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('day-summary')).toBeVisible();
});

test('a saved case is corrected: same code, the history shows before and after, the next slip is «المثنی» with the new data', async ({ page, didar }) => {
  await openDay(page, didar);
  await nid(page).fill('2401179445');
  await page.getByLabel('نام', { exact: true }).fill('مرتضی');
  await page.getByLabel('نام خانوادگی').fill('یوسفی');
  await page.getByLabel('تلفن همراه').fill('09121234567');
  await choose(page, 'شهرستان', 'سوادکوه');
  await page.getByLabel('شرح درخواست').fill('وام ازدواج پسرم با وجود معرفی‌نامه شماره 4512 پرداخت نشده است.');
  await choose(page, 'دستگاه مسئول', 'شورای هماهنگی بانک‌ها', 'بانک');
  await page.getByLabel('شرح درخواست').press('Control+Enter');
  const code = await savedCode(page);
  const printButton = page.getByRole('button', { name: /چاپ رسید/ }).first();
  await printButton.click();
  await expect(page.getByTestId('slip-frame')).toBeVisible();
  // the keyboard is the dialog's: focus on its first action and Tab goes round inside it, so Enter cannot press
  // the print button behind it again; Esc closes it and focus is back where it was
  const slip = page.getByRole('dialog');
  await expect(slip.getByRole('link', { name: 'باز کردن در برگه جدید برای چاپ' })).toBeFocused();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await slip.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(slip).toHaveCount(0);
  await expect(printButton).toBeFocused();

  await page.getByRole('button', { name: 'اصلاح', exact: true }).click();
  const fix = page.getByTestId('correction');
  await fix.getByLabel('نام خانوادگی').fill('یوسفی‌نژاد');
  await choose(fix, 'شهرستان', 'قائم‌شهر', 'قائم شهر');
  await choose(fix, 'دستگاه مسئول', 'اداره کل تعاون، کار و رفاه اجتماعی', 'رفاه');
  await fix.getByLabel('دلیل اصلاح').fill('نام خانوادگی و شهرستان اشتباه تایپ شده بود');
  for (const w of [1366, 1024]) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.screenshot({ path: shot(`74-correction-form-${w}`) });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  await fix.getByRole('button', { name: 'ثبت اصلاح' }).click();
  const details = page.getByTestId('case-details');
  await expect(details.getByTestId('case-citizen')).toContainText('مرتضی یوسفی‌نژاد');
  await expect(page.getByRole('dialog').first()).toHaveAccessibleName(`پرونده ${code}`);
  const last = details.getByTestId('history').locator('> li').last();
  await expect(last).toContainText('اصلاح مشخصات');
  await expect(last).toContainText('نام خانوادگی و شهرستان اشتباه تایپ شده بود');
  await expect(last.locator('.changes li').filter({ hasText: 'نام خانوادگی' })).toHaveText('نام خانوادگی: یوسفی ← یوسفی‌نژاد');
  await expect(last.locator('.changes li').filter({ hasText: 'شهرستان' })).toHaveText('شهرستان: سوادکوه ← قائم‌شهر');
  // the citizen's own digits shown in Persian (the stored text keeps what was typed)
  await expect(details.getByTestId('case-text')).toContainText('شماره ۴۵۱۲');
  expect((await didar.backend.store.scanCases({}))[0]!.text).toContain('4512');
  // history numbered in Persian digits
  expect(await last.evaluate((li) => getComputedStyle(li.parentElement!).listStyleType)).toBe('persian');
  for (const w of [1366, 1024]) {
    await page.setViewportSize({ width: w, height: 900 });
    await details.getByTestId('history').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot(`75-corrected-history-${w}`) });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'چاپ المثنی' }).click();
  await expect(page.getByTestId('duplicate-note')).toBeVisible();
  const pdf = await download(page, page.getByRole('link', { name: 'ذخیره PDF' }), 'slip-after-correction.pdf');
  const words = pdfWords(pdf);
  expect(readsRightToLeft(words, 'رسید پیگیری المثنی')).toBe(true);
  expect(readsRightToLeft(words, 'مرتضی یوسفی نژاد')).toBe(true); // pdftotext splits the word at its ZWNJ
  expect(readsRightToLeft(words, 'اداره کل تعاون، کار و رفاه اجتماعی')).toBe(true);
  expect(readsRightToLeft(words, 'معرفی نامه شماره ۴۵۱۲ پرداخت')).toBe(true);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, shot('76-slip-after-correction').replace(/\.png$/, '')]);
});

test('the queue: digits only in the national ID with live messages, a second arrival asks, focus goes back to the name', async ({ page, didar }) => {
  await openDay(page, didar);
  const name = page.getByPlaceholder('نام مراجع');
  const id = page.getByPlaceholder('کد ملی (اختیاری)');
  await name.fill('زهرا کریمی');
  await id.fill('۰۰۱-۸۶۹۲۶۳۲');
  await expect(id).toHaveValue('0018692632');
  await expect(page.locator('#queue-nid-error')).toHaveText(/رقم کنترل/);
  await id.fill('1111111111');
  await expect(page.locator('#queue-nid-error')).toHaveText('کد ملی با ده رقم یکسان صادر نمی‌شود.');
  await id.fill('00186');
  await expect(page.locator('#queue-nid-error')).toHaveCount(0);
  await name.focus();
  await expect(page.locator('#queue-nid-error')).toHaveText(/ده رقم است/);
  await id.fill('0018692631');
  await page.getByRole('button', { name: 'ثبت ورود' }).click();
  await expect(page.locator('.queue-list')).toContainText('زهرا کریمی');
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('');

  await name.fill('زهرا کریمی');
  await id.fill('0018692631');
  await id.press('Enter');
  const ask = page.getByRole('dialog', { name: 'ورود دوباره' });
  await expect(ask).toContainText(/نوبت \u2068?۱\u2069? ثبت ورود شده است/);
  await page.screenshot({ path: shot('77-second-arrival-asked') });
  await ask.getByRole('button', { name: 'انصراف' }).click();
  expect(await didar.backend.handlers['queue/list'](didar.backend.ctx, { meetingDayId: (await didar.backend.store.listMeetingDays())[0]!.id })).toHaveLength(1);
  await expect(name).toBeFocused();

  // In the intake form the national ID's problems are told apart while typing
  await nid(page).fill('00186926a1');
  await expect(page.locator('#nid-error')).toHaveText('کد ملی فقط رقم دارد؛ حرف یا نشانه‌ای در آن آمده است.');
  await nid(page).fill('001869263111');
  await expect(page.locator('#nid-error')).toHaveText(/ده رقم است/);

  // The order's quick phrases are one Tab stop, arrows between them, Enter adds one
  await page.getByLabel('متن دستور').focus();
  await page.keyboard.press('Tab');
  const toolbar = page.getByRole('toolbar');
  await expect(toolbar.getByRole('button').first()).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  const second = toolbar.getByRole('button').nth(1);
  await expect(second).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('متن دستور')).toHaveValue((await second.textContent())!);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('نوع دستور')).toBeFocused();
});
