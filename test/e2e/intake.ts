// Fills the intake form the way a clerk does (shared by the web and Electron end-to-end tests).
import type { Page } from '@playwright/test';

export type IntakeInput = { nationalId: string; mobile?: string; text?: string };

export async function fillIntake(page: Page, i: IntakeInput): Promise<void> {
  await page.getByLabel('کد ملی', { exact: true }).fill(i.nationalId);
  await page.getByLabel('نام', { exact: true }).fill('مرتضی');
  await page.getByLabel('نام خانوادگی').fill('یوسفی');
  await page.getByLabel('تلفن همراه').fill(i.mobile ?? '09121234567');
  await page.getByLabel('شهرستان', { exact: true }).selectOption('سوادکوه');
  await page.getByLabel('شرح درخواست').fill(i.text ?? 'روستای ورسک هیچ سرویس مینی‌بوس به مرکز شهرستان ندارد.');
  await page.getByLabel('دستگاه مسئول').selectOption('اداره کل حمل و نقل و پایانه‌ها');
}
