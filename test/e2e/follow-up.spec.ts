import { execFileSync } from 'node:child_process';
import { choose } from './intake';
import { download, expect, importSample, shot, test } from './web-fixture';


test('inspection office: filter, search with Arabic ي, refer with letter, answer, close, lookup', async ({ page, didar }) => {
  await importSample(didar);
  await page.goto(didar.url);
  await page.getByRole('button', { name: 'پیگیری', exact: true }).click();
  await expect(page.getByTestId('worklist-total')).toHaveText('۵۰ از ۱۶۰ پرونده');

  // filter by county and department
  await choose(page, 'شهرستان', 'بابل');
  await expect(page.getByTestId('worklist-total')).not.toHaveText('۵۰ از ۱۶۰ پرونده');
  await expect(page.getByTestId('worklist')).toContainText('بابل');
  await choose(page, 'شهرستان', '', '');

  // search with Arabic yeh and kaf finds Persian text
  await page.getByLabel(/جستجو/).fill('كالابرگ');
  await expect(page.getByTestId('worklist')).toContainText('کالابرگ');
  const found = await page.getByTestId('worklist-total').textContent();
  await page.getByLabel(/جستجو/).fill('قطعي برق');
  await expect(page.getByTestId('worklist')).toContainText('قطع');
  await page.screenshot({ path: shot('20-worklist-search'), fullPage: true });
  expect(found).toMatch(/^[۱-۹][۰-۹]* پرونده$/);

  // select two cases and refer them: one letter per department
  await page.getByLabel(/جستجو/).fill('');
  await choose(page, 'دستگاه', 'شرکت توزیع برق', 'توزیع برق');
  const rows = page.getByTestId('worklist').locator('tbody tr');
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'ارجاع و نامه' }).click();
  // the letters first: nothing is referred until confirmed
  const preview = page.getByRole('dialog', { name: 'پیش‌نمایش نامه‌های ارجاع' });
  await expect(preview.getByTestId('referral-preview')).toContainText('۲ پرونده با ۱ نامه ارجاع می‌شود');
  const draft = await download(page, preview.getByRole('link', { name: 'ذخیره PDF' }).first(), 'referral-preview.pdf');
  expect(execFileSync('pdftotext', ['-layout', draft, '-'], { encoding: 'utf8' })).toContain('شرکت توزیع برق');
  expect((await didar.backend.store.scanCases({})).filter((c) => c.status === 'referred')).toHaveLength(0);
  await page.screenshot({ path: shot('25-referral-preview') });
  await preview.getByRole('button', { name: 'تأیید ارجاع' }).click();
  await expect(page.getByRole('dialog', { name: 'نامه‌های ارجاع', exact: true })).toBeVisible();
  expect((await didar.backend.store.scanCases({})).filter((c) => c.status === 'referred')).toHaveLength(2);
  const letter = await download(page, page.getByRole('link', { name: 'ذخیره PDF' }).first(), 'referral.pdf');
  const text = execFileSync('pdftotext', ['-layout', letter, '-'], { encoding: 'utf8' });
  expect(text).toContain('شرکت توزیع برق');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', letter, shot('21-referral-letter').replace(/\.png$/, '')]);
  await page.keyboard.press('Escape');

  // open the first referred case: answer, close, satisfaction
  await page.getByLabel('وضعیت').selectOption('referred');
  await expect(page.getByTestId('worklist-total')).toHaveText('۲ پرونده');
  const code = (await page.getByTestId('worklist').locator('tbody tr').first().locator('.code').textContent())!;
  await page.getByTestId('worklist').locator('tbody tr').first().locator('td').nth(2).click();
  const details = page.getByTestId('case-details');
  await expect(details.getByTestId('case-status')).toHaveText('ارجاع‌شده');
  await details.getByRole('button', { name: 'ثبت پاسخ دستگاه' }).click();
  await details.getByLabel('شماره نامه').fill('۴۵۶/ت');
  await details.getByLabel('متن پاسخ').fill('ترانسفورماتور روستا تعویض و برق پایدار شد.');
  await details.getByRole('button', { name: 'ثبت', exact: true }).click();
  await expect(details.getByTestId('case-status')).toHaveText('پاسخ دستگاه رسیده');
  await details.getByRole('button', { name: 'مختومه کردن' }).click();
  await details.getByLabel('نتیجه').selectOption('solved');
  await details.getByRole('button', { name: 'ثبت', exact: true }).click();
  await expect(details.getByTestId('case-status')).toHaveText('مختومه');
  await expect(details.locator('ol.history')).toContainText('پاسخ دستگاه');
  // the letter number, the answer and the user are isolated, so «۴۵۶/ت» keeps its place in the Persian line
  const answered = details.locator('ol.history > li').filter({ hasText: 'پاسخ دستگاه' });
  await expect(answered.locator('bdi.ref')).toHaveText('۴۵۶/ت');
  await expect(answered.locator('bdi').nth(1)).toHaveText('ترانسفورماتور روستا تعویض و برق پایدار شد.');
  await expect(answered.locator('bdi').nth(2)).toHaveText('میز ۱');
  await expect(details.locator('ol.history')).toContainText('مختومه شد');
  await page.screenshot({ path: shot('22-case-closed'), fullPage: true });
  // the citizen's page lists every case of that national ID across meeting days
  await details.getByRole('button', { name: 'همه پرونده‌های این شهروند' }).click();
  await expect(page.getByTestId('citizen-page')).toContainText(code);
  await expect(page.getByTestId('citizen-page')).toContainText('حل شد');
  await page.screenshot({ path: shot('24-citizen-page'), fullPage: true });

  // the citizen asks by code: a mistyped code, then the right one with the national ID
  const ascii = code.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  const c = (await didar.backend.store.getCaseByCode(ascii))!;
  await page.getByRole('button', { name: 'استعلام' }).click();
  const typo = ascii.slice(0, 4) + ascii[5] + ascii[4] + ascii.slice(6);
  await page.getByLabel('کد رهگیری').fill(typo === ascii ? `${ascii.slice(0, 9)}${(Number(ascii[9]) + 1) % 10}` : typo);
  await page.getByLabel('کد ملی').fill(c.citizen.nationalId);
  await page.getByRole('button', { name: 'استعلام' }).last().click();
  await expect(page.getByTestId('lookup-error')).toHaveText('کد رهگیری نامعتبر است');
  await page.getByLabel('کد رهگیری').fill(code);
  await page.getByRole('button', { name: 'استعلام' }).last().click();
  await expect(page.getByTestId('lookup-result')).toContainText('حل شد');
  await page.screenshot({ path: shot('23-lookup'), fullPage: true });

  // the SMS queue has the referral and closing messages
  await page.getByRole('button', { name: 'پیامک‌ها' }).click();
  await expect(page.getByTestId('notices')).toContainText('ارجاع شد');
  await expect(page.getByTestId('notices')).toContainText('پایان یافت');
});

test('circular from selected cases: draft, edit, preview, approve, issue, export', async ({ page, didar }) => {
  await importSample(didar);
  await page.goto(didar.url);
  await page.getByRole('button', { name: 'پیگیری', exact: true }).click();
  await page.getByLabel(/جستجو/).fill('گراز');
  await expect(page.getByTestId('worklist')).toContainText('گراز');
  await page.getByLabel('انتخاب همه').check();
  await page.getByRole('button', { name: 'پیش‌نویس بخشنامه' }).click();
  await page.getByLabel('مشکل مشترک (عنوان بخشنامه)').fill('خسارت گراز وحشی به مزارع و باغ‌ها');
  await page.getByRole('button', { name: 'اعمال' }).click();
  await expect(page.getByTestId('circulars')).toContainText('خسارت گراز وحشی');
  await expect(page.getByTestId('circular-preview')).toBeVisible();
  await page.getByLabel('دستور').fill('دستگاه‌های مخاطب ظرف ده روز کاری طرح جبران خسارت را ارائه کنند.');
  await page.getByRole('button', { name: 'ذخیره پیش‌نویس' }).click();
  await expect(page.getByRole('status')).toHaveText('ذخیره شد.');
  await page.screenshot({ path: shot('30-circular-editor'), fullPage: true });
  await page.getByRole('button', { name: 'تأیید' }).click();
  await page.getByRole('button', { name: 'صدور با شماره و تاریخ' }).click();
  // the number is asked, the year's next one suggested, with today's date
  const issue = page.getByRole('dialog', { name: 'صدور بخشنامه' });
  await expect(issue.getByLabel('شماره بخشنامه')).toHaveValue(/^۱۴[۰-۹]{2}\/۱$/);
  await expect(issue.getByLabel('تاریخ صدور')).toHaveValue(/^۱۴[۰-۹]{2}\/[۰-۹]{2}\/[۰-۹]{2}$/);
  expect((await didar.backend.store.listCirculars())[0]!.status).toBe('approved');
  await issue.getByLabel('شماره بخشنامه').fill('۱۴۰۵/ب/۲۴۵');
  await page.screenshot({ path: shot('32-circular-issue-asked') });
  await issue.getByRole('button', { name: 'صدور', exact: true }).click();
  await expect(page.getByTestId('circulars')).toContainText('صادر شده');
  await expect(page.getByTestId('circulars')).toContainText('۱۴۰۵/ب/۲۴۵');
  const pdf = await download(page, page.getByRole('button', { name: 'PDF', exact: true }), 'circular.pdf');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('بخشنامه');
  expect(text).toContain('ظرف ده روز کاری');
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, shot('31-circular-pdf').replace(/\.png$/, '')]);
});
