// Every screen answers a failed call with its Persian message instead of «loading» for ever, and the header
// keeps to one line at 1024 pixels wide.
import { expect, importSample, shot, test } from './web-fixture';

// the desk last: it is the screen open at start, read before the failures begin
const TABS = ['پیگیری', 'مشکلات تکراری', 'بخشنامه‌ها', 'گزارش‌ها', 'استعلام', 'پیامک‌ها', 'روزهای ملاقات', 'تنظیمات', 'میز ملاقات'];

test('a failed call shows its message on every screen', async ({ page, didar }) => {
  await page.goto(didar.url);
  await expect(page.getByTestId('today')).toBeVisible();
  // from now on the backend answers every read with a failure (the start-up reads already succeeded)
  await page.route('**/api/**', (route) => route.fulfill({ json: { ok: false, error: { code: 'internal', message: 'پاسخ آزمایشی ناموفق' } } }));
  for (const tab of TABS) {
    await page.getByRole('button', { name: tab, exact: true }).click();
    if (tab === 'استعلام') continue; // nothing is read until the citizen asks
    await expect(page.getByRole('alert').filter({ hasText: 'پاسخ آزمایشی ناموفق' }).first()).toBeVisible();
    await expect(page.getByText('در حال بارگذاری…')).toHaveCount(0);
    if (tab === 'میز ملاقات' || tab === 'پیامک‌ها') await page.screenshot({ path: shot(`90-call-failed-${tab === 'میز ملاقات' ? 'desk' : 'sms'}`) });
  }
});

test('the header keeps to one line at 1024 and 1366 wide', async ({ page, didar }) => {
  await importSample(didar);
  await page.goto(didar.url);
  for (const width of [1024, 1366]) {
    await page.setViewportSize({ width, height: 768 });
    const tabs = page.locator('.tabs .tab');
    const first = (await tabs.first().boundingBox())!;
    const last = (await tabs.last().boundingBox())!;
    expect(Math.abs(first.y - last.y)).toBeLessThan(2);
    const header = (await page.locator('.app-header').boundingBox())!;
    await page.locator('.app-header').screenshot({ path: shot(`92-header-${width}`) });
    expect(header.height).toBeLessThan(80);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.getByRole('button', { name: 'گزارش‌ها', exact: true }).click();
    await page.getByRole('button', { name: 'نمایش' }).click();
    await expect(page.getByTestId('report-range')).toBeVisible();
    // this month has no case of the sample: the charts say why they are empty
    await expect(page.getByTestId('chart-empty').first()).toContainText('در این دوره');
    await page.screenshot({ path: shot(`91-reports-${width}`), fullPage: true });
  }
});
