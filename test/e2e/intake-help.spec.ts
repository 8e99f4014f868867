// Help at intake and the office's problem lexicon, as a clerk and the office use them in Chromium: while the
// issue is typed the form suggests the department and category of similar recorded cases and shows the open
// recurring group the case would join, with a link to it; an object added in Settings reaches the grouping.
import { choose } from './intake';
import { expect, importSample, shot, test } from './web-fixture';

test('intake: suggested department and category, confirmed by a click; the open group it would join opens on the board', async ({ page, didar }) => {
  await importSample(didar);
  await page.goto(didar.url);
  await page.getByLabel('محل ملاقات').selectOption('county');
  await choose(page, 'شهرستان', 'آمل');
  await page.getByRole('button', { name: 'گشایش روز ملاقات' }).click();
  await expect(page.getByText('سفر شهرستانی: آمل')).toBeVisible();

  // Nothing is offered for a couple of letters.
  await page.getByLabel('شرح درخواست').fill('برق');
  await page.waitForTimeout(800);
  await expect(page.getByTestId('intake-suggestions')).toHaveCount(0);

  // A colloquial text the sample never says this way: the power company, and the power-cut group.
  await page.getByLabel('شرح درخواست').fill('برق روستای ما مدام میره، شبا تا صبح خاموشیه و یخچالمون سوخت');
  const help = page.getByTestId('intake-suggestions');
  await expect(help).toBeVisible();
  const first = help.getByRole('button', { name: 'انتخاب «شرکت توزیع برق»' });
  await expect(first).toBeVisible();
  await expect(help).toContainText(/بر پایه [۰-۹]+ پرونده مشابه دفتر/);
  const group = page.getByTestId('suggested-group');
  await expect(group).toContainText(/[۰-۹]+ شهروند از [۰-۹]+ شهرستان همین مشکل را گفته‌اند/);
  const title = (await group.locator('strong').textContent())!;
  expect(title.length).toBeGreaterThan(3);

  // The clerk confirms the department: the form's select takes it and the button shows it as chosen.
  await expect(page.getByLabel('دستگاه مسئول')).toHaveValue('');
  await first.click();
  await expect(page.getByLabel('دستگاه مسئول')).toHaveValue('شرکت توزیع برق');
  await expect(help.getByRole('button', { name: 'شرکت توزیع برق (انتخاب‌شده)' })).toHaveAttribute('aria-pressed', 'true');
  const category = help.getByRole('button', { name: 'انتخاب «آب، برق و گاز»' });
  await category.click();
  await expect(page.getByLabel('موضوع')).toHaveValue('آب، برق و گاز');
  await page.screenshot({ path: shot('60-intake-suggestions'), fullPage: true });

  // The link opens that group on the recurring-issues board.
  await group.getByRole('button', { name: 'دیدن گروه در مشکلات تکراری' }).click();
  const detail = page.locator('.group-detail');
  await expect(detail.locator('h3')).toHaveText(title);
  await expect(page.locator('.group-list li.selected .group-title')).toHaveText(title);
  await page.screenshot({ path: shot('61-intake-group-opened'), fullPage: true });
});

test('settings: an object the office adds to the problem lexicon is kept and a bad entry is refused with a Persian message', async ({ page, didar }) => {
  await page.goto(didar.url);
  await page.getByRole('button', { name: 'تنظیمات' }).click();
  const editor = page.getByTestId('lexicon-editor');
  await expect(editor).toContainText('واژه‌نامه همراه برنامه');
  await editor.getByRole('button', { name: 'افزودن مورد' }).click();
  await editor.getByLabel('نام ۱').fill('سیل‌بند');
  // A row with a name and no words is refused, and nothing is saved.
  await page.getByRole('button', { name: 'ذخیره تنظیمات' }).click();
  await expect(editor.getByRole('alert')).toHaveText('برای هر مورد واژه‌نامه دست‌کم یک واژه بنویسید.');
  expect((await didar.backend.store.getSettings()).problemLexicon).toEqual([]);

  await editor.getByLabel('واژه‌ها و عبارت‌های مردم ۱').fill('سیل‌بند، دیوار سیل‌گیر, خاکریز رودخانه');
  // A defect in a shipped family, marked as something asked: «ترمیم نمی‌کنند» is then a repair not made.
  await editor.getByRole('button', { name: 'افزودن مورد' }).click();
  await editor.getByLabel('نوع ۲').selectOption('defect');
  await editor.getByLabel('نام ۲').fill('ترمیم');
  await editor.getByLabel('زیرمجموعهٔ موضوع یا خانوادهٔ ایراد (اختیاری) ۲').fill('خرابی');
  await editor.getByLabel('درخواست ۲').check();
  await expect(editor.getByLabel('درخواست ۱')).toBeDisabled();
  await editor.getByLabel('واژه‌ها و عبارت‌های مردم ۲').fill('ترمیم، تعمیر اساسی');
  await page.getByRole('button', { name: 'ذخیره تنظیمات' }).click();
  await expect(page.getByText('تنظیمات ذخیره شد.')).toBeVisible();
  expect((await didar.backend.store.getSettings()).problemLexicon).toEqual([
    { kind: 'object', name: 'سیل‌بند', words: ['سیل‌بند', 'دیوار سیل‌گیر', 'خاکریز رودخانه'] },
    { kind: 'defect', name: 'ترمیم', family: 'خرابی', request: true, words: ['ترمیم', 'تعمیر اساسی'] },
  ]);
  await page.screenshot({ path: shot('62-settings-lexicon'), fullPage: true });

  // After a restart the screen shows the entry again.
  await page.goto(await didar.restart());
  await page.getByRole('button', { name: 'تنظیمات' }).click();
  await expect(page.getByTestId('lexicon-editor').getByLabel('واژه‌ها و عبارت‌های مردم ۱')).toHaveValue('سیل‌بند، دیوار سیل‌گیر، خاکریز رودخانه');
  await expect(page.getByTestId('lexicon-editor').getByLabel('درخواست ۲')).toBeChecked();
  await expect(page.getByTestId('lexicon-editor').getByLabel('زیرمجموعهٔ موضوع یا خانوادهٔ ایراد (اختیاری) ۲')).toHaveValue('خرابی');
});
