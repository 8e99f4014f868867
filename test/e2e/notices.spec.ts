// The SMS queue does not lie: messages are marked sent only after the file was saved, a message can be kept back,
// one superseded by a later message about the same case is flagged, every text names the office.
import fs from 'node:fs';
import { download, expect, importSample, shot, test } from './web-fixture';

test('SMS queue: superseded flagged, one skipped, marked sent only after the file is saved', async ({ page, didar }) => {
  await importSample(didar);
  const [a, b] = (await didar.backend.handlers['worklist/query'](didar.backend.ctx, { department: 'جهاد کشاورزی', county: '', q: '', limit: 2, offset: 0, sort: 'due' })).items;
  await didar.backend.handlers['case/refer'](didar.backend.ctx, { ids: [a!.id, b!.id] });
  await didar.backend.handlers['case/extend'](didar.backend.ctx, { ids: [a!.id], days: 3, reason: 'بازدید میدانی' });
  await page.goto(didar.url);
  await page.getByRole('button', { name: 'پیامک‌ها' }).click();
  const table = page.getByTestId('notices');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table.getByTestId('superseded')).toHaveCount(1);
  await expect(table.locator('tbody tr').first()).toContainText('استانداری مازندران');
  for (const w of [1366, 1024]) {
    await page.setViewportSize({ width: w, height: 800 });
    await page.screenshot({ path: shot(`85-sms-queue-${w}`) });
  }
  await page.setViewportSize({ width: 1366, height: 900 });

  // the superseded one is kept back
  await table.locator('tr.superseded').getByRole('button', { name: 'نفرست' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(2);

  await page.getByRole('button', { name: 'ساختن فایل CSV' }).click();
  await expect(page.getByRole('status')).toContainText('۲ پیام در فایل است');
  const pending = async () => (await didar.backend.handlers['notices/list'](didar.backend.ctx, { pending: true })).length;
  expect(await pending()).toBe(2); // not yet: the file is not saved
  const file = await download(page, page.getByRole('link', { name: /ذخیره فایل/ }), 'sms.csv');
  const csv = fs.readFileSync(file, 'utf8');
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
  await page.getByRole('button', { name: 'فایل ذخیره شد؛ علامت ارسال بزن' }).click();
  await expect(page.getByRole('status')).toContainText('۲ پیام ارسال‌شده علامت خورد.');
  expect(await pending()).toBe(0);
  await expect(page.getByText('پیامی در صف نیست.')).toBeVisible();
  await page.getByLabel('همه').check();
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table).toContainText('فرستاده نمی‌شود');
});
