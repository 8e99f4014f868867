// Help at intake and the office's problem lexicon, as a clerk and the office use them in Chromium: while the
// issue is typed the form suggests the department and category of similar recorded cases and shows the open
// recurring group the case would join, with a link to it for a role that may open the board; an object added
// in Settings reaches the grouping.
import { choose } from './intake';
import { dispatchOk as done, expect, importSample, shot, signIn, test, type Didar } from './web-fixture';


async function recordPowerCut(didar: Didar, meetingDayId: string, county: string, nationalId: string, text: string): Promise<void> {
  await done(didar, 'case/record', {
    meetingDayId, text, order: { type: 'act', leadDepartment: 'شرکت توزیع برق', deadlineDays: 10, text: '' },
    citizen: { firstName: 'مرتضی', lastName: 'یوسفی', nationalId, mobile: '+989121234567', county, locality: 'مرکز' },
  });
}

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
  await expect(first).toContainText(/[۰-۹]+٪/); // a share of the office's many similar cases
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
  await expect(category).toHaveText('آب، برق و گاز'); // the sample files no category: the lexicon's word alone, no share
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

test('a fresh office: its first cases of one problem form a group on the board and at intake, without a re-run', async ({ page, didar, browser }) => {
  await page.goto(didar.url);
  await page.getByRole('button', { name: 'مشکلات تکراری' }).click();
  await expect(page.getByTestId('board-run')).toContainText('۰ درخواست'); // the first run, on no cases

  // Three citizens on two meeting days, from three counties, say the same problem in their own words.
  const days = [];
  for (const date of ['1405/09/02', '1405/09/09']) {
    days.push(((await done(didar, 'meetingDay/open', { date, place: { kind: 'center' }, host: 'استاندار' })) as { id: string }).id);
  }
  const texts: [string, string, string][] = [
    ['ساری', '0012345679', 'برق روستای ما هر شب چند ساعت قطع می‌شود و یخچال‌ها سوخته است'],
    ['بابل', '0023456787', 'قطعی مکرر برق در روستا، شب‌ها چند بار برق می‌رود'],
    ['آمل', '0034567895', 'برق روستا مدام قطع می‌شود و وسایل برقی خراب شده'],
  ];
  for (const [k, [county, nationalId, text]] of texts.entries()) await recordPowerCut(didar, days[k % 2]!, county, nationalId, text);

  // The board, opened again, lists them as one recurring group.
  await page.reload();
  await page.getByRole('button', { name: 'مشکلات تکراری' }).click();
  await expect(page.getByTestId('board-run')).toContainText('۳ درخواست');
  const group = page.getByTestId('groups').locator('li').first();
  await expect(group.locator('.group-counts')).toContainText('۳ درخواست');
  await expect(group.locator('.group-title')).toContainText('برق');
  await page.screenshot({ path: shot('63-fresh-office-board'), fullPage: true });

  // At intake the next citizen's text names that group.
  await page.getByRole('button', { name: 'میز ملاقات' }).click();
  await page.getByLabel('محل ملاقات').selectOption('county');
  await choose(page, 'شهرستان', 'آمل');
  await page.getByRole('button', { name: 'گشایش روز ملاقات' }).click();
  await page.getByLabel('شرح درخواست').fill('قطع شدن مکرر برق روستا در شب');
  await expect(page.getByTestId('suggested-group')).toContainText('۳ شهروند از ۳ شهرستان همین مشکل را گفته‌اند');
  await page.screenshot({ path: shot('64-fresh-office-intake'), fullPage: true });

  // A clerk, who may not open the board, is told of the group and offered no link to a screen it would refuse.
  const clerk = { username: 'reception.zahra', displayName: 'زهرا پذیرش', password: 'گذرواژه پذیرش برای آزمون' };
  await done(didar, 'accounts/create', { ...clerk, roles: ['clerk'] });
  const desk2 = await (await browser.newContext()).newPage();
  await desk2.goto(didar.url);
  await signIn(desk2, clerk);
  await expect(desk2.getByRole('button', { name: 'مشکلات تکراری' })).toHaveCount(0);
  await desk2.getByLabel('شرح درخواست').fill('قطع شدن مکرر برق روستا در شب');
  const told = desk2.getByTestId('suggested-group');
  await expect(told).toContainText('۳ شهروند از ۳ شهرستان همین مشکل را گفته‌اند');
  await expect(told.getByRole('button')).toHaveCount(0);
  await desk2.screenshot({ path: shot('65-fresh-office-clerk'), fullPage: true });
  await desk2.context().close();
});

test('an office with two similar cases: the department is offered without a share, and the basis says how few', async ({ page, didar }) => {
  const day = (await done(didar, 'meetingDay/open', { date: '1405/09/02', place: { kind: 'center' }, host: 'استاندار' })) as { id: string };
  await recordPowerCut(didar, day.id, 'ساری', '0012345679', 'برق روستای ما هر شب چند ساعت قطع می‌شود و یخچال‌ها سوخته است');
  await recordPowerCut(didar, day.id, 'بابل', '0023456787', 'قطعی مکرر برق در روستا، شب‌ها چند بار برق می‌رود');
  await page.goto(didar.url);
  await page.getByLabel('محل ملاقات').selectOption('county');
  await choose(page, 'شهرستان', 'آمل');
  await page.getByRole('button', { name: 'گشایش روز ملاقات' }).click();
  await page.getByLabel('شرح درخواست').fill('برق روستا هر شب قطع می‌شود');
  const help = page.getByTestId('intake-suggestions');
  const offered = help.getByRole('button', { name: 'انتخاب «شرکت توزیع برق»' });
  await expect(help).toContainText('بر پایه ۲ پرونده مشابه دفتر');
  await expect(offered).toHaveText('شرکت توزیع برق'); // no «۱۰۰٪» from two cases
  await page.screenshot({ path: shot('66-intake-two-similar-cases'), fullPage: true });
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
  // The refusal names its row and marks the field; beside the save button the form says it was not saved.
  await expect(editor.getByRole('alert')).toHaveText('ردیف ۱: برای هر مورد واژه‌نامه دست‌کم یک واژه بنویسید.');
  await expect(editor.getByLabel('واژه‌ها و عبارت‌های مردم ۱')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('settings-not-saved')).toHaveText('تنظیمات ذخیره نشد: خطای مشخص‌شده در فرم را درست کنید و دوباره ذخیره کنید.');
  await expect(editor.getByRole('alert')).toBeInViewport(); // taken to it from the save button at the bottom
  await page.screenshot({ path: shot('62-settings-lexicon-refused') });
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

  // A shipped name takes more words but keeps its place: its parent cannot be given.
  const again = page.getByTestId('lexicon-editor');
  await again.getByRole('button', { name: 'افزودن مورد' }).click();
  await again.getByLabel('نام ۳').fill('وسایل توانبخشی');
  await expect(again.getByLabel('زیرمجموعهٔ موضوع یا خانوادهٔ ایراد (اختیاری) ۳')).toBeDisabled();

  // On a 1024-pixel screen a long name is read whole in its field.
  await page.setViewportSize({ width: 1024, height: 900 });
  const name = again.getByLabel('نام ۳');
  await name.fill('دیوار ساحلی و سیل‌بند رودخانه شهری');
  const fits = await name.evaluate((el) => (el as HTMLInputElement).scrollWidth <= (el as HTMLInputElement).clientWidth);
  expect(fits).toBe(true);
  await again.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('67-settings-lexicon-1024') });
});
