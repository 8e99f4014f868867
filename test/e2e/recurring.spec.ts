// The governor's office on the recurring-issues board: groups, merge, move out, draft a circular from a
// group, edit, approve, issue, export PDF and DOCX, and see the circular's effect.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import JSZip from 'jszip';
import { toAsciiDigits, toPersianDigits } from '../../shared/persian-text';
import { DESK, download, expect, importSample, shot, test } from './web-fixture';

test('recurring issues: board, merge, move out, draft circular, edit, issue, export, effect', async ({ page, didar }) => {
  await importSample(didar);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(didar.url);
  await page.getByRole('button', { name: 'مشکلات تکراری' }).click();
  const groups = page.getByTestId('groups');
  await expect(groups.locator('li').first()).toBeVisible();
  await expect(page.getByTestId('board-run')).toContainText('۱۶۰ درخواست');
  const recurringCount = await groups.locator('li').count();
  expect(recurringCount).toBeGreaterThanOrEqual(10);
  await expect(groups).toContainText('کود');
  await expect(groups).toContainText('برق');

  // Open the fertiliser group: counts, trend, samples, cases.
  await groups.locator('li', { hasText: 'کود' }).first().click();
  const detail = page.locator('.group-detail');
  await expect(detail.getByTestId('group-cases').locator('tbody tr').first()).toBeVisible();
  await expect(detail).toContainText('به تفکیک شهرستان');
  await expect(detail.locator('.trend-col')).toHaveCount(8);
  await page.screenshot({ path: shot('40-recurring-board'), fullPage: true });

  // Move one case out of the group.
  const before = await detail.getByTestId('group-cases').locator('tbody tr').count();
  await detail.getByTestId('group-cases').locator('tbody tr').last().getByRole('checkbox').check();
  await detail.getByRole('button', { name: 'خارج کردن از گروه' }).click();
  await expect(detail.getByTestId('group-cases').locator('tbody tr')).toHaveCount(before - 1);
  await expect(groups.locator('li.selected')).toContainText('اصلاح‌شده');
  await expect(page.getByRole('status').filter({ hasText: 'درخواست از گروه خارج شد.' })).toBeVisible();

  // Merge two groups the office considers one problem (here simply the third and fourth listed).
  const items = groups.locator('li');
  const sizeOf = async (i: number) => Number(toAsciiDigits((await items.nth(i).locator('.group-counts').textContent())!.split(' ')[0]!));
  const a = await sizeOf(2);
  const b = await sizeOf(3);
  const titleA = (await items.nth(2).locator('.group-title').textContent())!;
  await items.nth(2).getByRole('checkbox').check();
  await items.nth(3).getByRole('checkbox').check();
  await page.getByRole('button', { name: /ادغام ۲ گروه/ }).click();
  const merged = groups.locator('li.selected');
  await expect(merged).toContainText('اصلاح‌شده');
  await expect(page.getByRole('status').filter({ hasText: 'گروه‌ها ادغام شدند.' })).toBeVisible();
  await expect(merged.locator('.group-counts')).toContainText(`${toPersianDigits(a + b)} درخواست`);
  expect(titleA.length).toBeGreaterThan(0);
  await page.screenshot({ path: shot('41-recurring-merged'), fullPage: true });
  // Said once: choosing another group takes the line away.
  await items.nth(0).click();
  await expect(page.getByRole('status').filter({ hasText: 'گروه‌ها ادغام شدند.' })).toHaveCount(0);

  // The corrections survive a re-run.
  await page.getByRole('button', { name: 'گروه‌بندی دوباره' }).click();
  await expect(groups.locator('li', { hasText: 'اصلاح‌شده' })).toHaveCount(2);

  // The merge taken back from the list of corrections: the two groups come back as they were.
  const corrections = page.getByTestId('corrections');
  await expect(corrections.locator('li')).toHaveCount(2);
  await expect(corrections.locator('li').first()).toContainText('ادغام ۲ گروه');
  await corrections.locator('li').first().getByRole('button', { name: 'بازگردانی' }).click();
  await expect(corrections.locator('li').first()).toContainText('بازگردانده شد');
  await expect(page.getByRole('status').filter({ hasText: 'اصلاح بازگردانده شد.' })).toBeVisible();
  await expect(groups.locator('li', { hasText: 'اصلاح‌شده' })).toHaveCount(1);
  await expect(groups.locator('li', { hasText: titleA }).first().locator('.group-counts')).toContainText(`${toPersianDigits(a)} درخواست`);
  for (const w of [1366, 1024]) {
    await page.setViewportSize({ width: w, height: 1000 });
    await corrections.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot(`45-board-corrections-${w}`) });
  }
  await page.setViewportSize({ width: 1400, height: 1000 });

  // The office gives the power-cut group its own title: on the list, in the circular's problem, in the corrections.
  await groups.locator('li', { hasText: 'برق' }).first().click();
  await detail.getByRole('button', { name: 'ویرایش عنوان' }).click();
  // A title longer than the field holds is cut at 120 letters, and the count beside it says so.
  await detail.getByLabel('عنوان گروه').fill('قطعی برق '.repeat(20));
  await expect(detail.getByText('۱۲۰ / ۱۲۰ نویسه')).toBeVisible();
  await detail.getByLabel('عنوان گروه').fill('قطعی مکرر برق روستاها');
  await expect(detail.getByText('۲۱ / ۱۲۰ نویسه')).toBeVisible();
  await detail.getByRole('button', { name: 'ذخیره عنوان' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'عنوان گروه ذخیره شد.' })).toBeVisible();
  await expect(detail.locator('h3')).toHaveText('قطعی مکرر برق روستاها');
  await expect(groups.locator('li.selected .group-title')).toHaveText('قطعی مکرر برق روستاها');
  // A title the office gave is its correction too: marked on the list.
  await expect(groups.locator('li.selected')).toContainText('اصلاح‌شده');
  await expect(page.getByLabel('مشکل مشترک (عنوان بخشنامه)')).toHaveValue('قطعی مکرر برق روستاها');
  await expect(corrections.locator('li').first()).toContainText('تغییر عنوان به «قطعی مکرر برق روستاها»');
  // Who made it, by the name the office knows (as a case's history names them), not the sign-in name.
  await expect(corrections.locator('li').first()).toContainText(`(${DESK.displayName}،`);
  await expect(corrections.locator('li').first()).not.toContainText('اکنون در گروه');
  await page.screenshot({ path: shot('46-board-group-renamed'), fullPage: true });

  // Draft a circular from the fertiliser group, edit it, approve, issue.
  await groups.locator('li', { hasText: 'کود' }).first().click();
  await expect(page.getByLabel('مشکل مشترک (عنوان بخشنامه)')).toHaveValue(/کود/);
  await page.getByLabel('مشکل مشترک (عنوان بخشنامه)').fill('کمبود کود شیمیایی در تعاونی‌ها');
  await page.getByRole('button', { name: 'پیش‌نویس بخشنامه برای این گروه' }).click();
  await expect(page.getByTestId('circulars')).toBeVisible();
  await expect(page.getByTestId('circular-preview')).toBeVisible();
  await expect(page.getByLabel('متن', { exact: true })).toHaveValue(/درباره «کمبود کود شیمیایی در تعاونی‌ها»/);
  await page.getByLabel('موضوع').fill('کمبود و توزیع نابرابر کود شیمیایی');
  await page.getByLabel('دستور').fill('سازمان جهاد کشاورزی ظرف ده روز کاری سهمیه کود تعاونی‌ها را تأمین و توزیع را پایش کند.');
  await page.getByRole('button', { name: 'ذخیره پیش‌نویس' }).click();
  await expect(page.getByRole('status')).toHaveText('ذخیره شد.');
  await expect(page.getByTestId('circular-effect')).toContainText('هنوز صادر نشده');
  await page.screenshot({ path: shot('42-circular-from-group'), fullPage: true });
  await page.getByRole('button', { name: 'تأیید' }).click();
  await page.getByRole('button', { name: 'صدور با شماره و تاریخ' }).click();
  await page.getByRole('dialog', { name: 'صدور بخشنامه' }).getByRole('button', { name: 'صدور', exact: true }).click();
  await expect(page.getByTestId('circulars')).toContainText('صادر شده');
  await expect(page.getByTestId('circular-effect')).toContainText('پیش از صدور');

  // Export: the PDF reads back, the DOCX has right-to-left paragraphs.
  const pdf = await download(page, page.getByRole('button', { name: 'PDF', exact: true }), 'circular.pdf');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('بخشنامه');
  expect(text).toContain('کمبود و توزیع نابرابر کود');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, shot('43-circular-from-group-pdf').replace(/\.png$/, '')]);
  const docx = await download(page, page.getByRole('button', { name: 'DOCX', exact: true }), 'circular.docx');
  const xml = await (await JSZip.loadAsync(fs.readFileSync(docx))).file('word/document.xml')!.async('string');
  expect(xml).toContain('<w:bidi/>');
  expect(xml).toContain('کمبود و توزیع نابرابر کود');
  await page.locator('[data-testid="circular-effect"]').screenshot({ path: shot('44-circular-effect') });
});
