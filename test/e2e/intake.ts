// Fills the intake form the way a clerk does (shared by the web and Electron end-to-end tests).
import { expect, type Locator, type Page } from '@playwright/test';

export type IntakeInput = { nationalId: string; mobile?: string; text?: string };

/** Picks a name in a type-ahead picker: types (part of) it and takes the highlighted match with Enter. */
export async function choose(scope: Page | Locator, label: string, value: string, typed = value): Promise<void> {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await box.fill(typed);
  await box.press('Enter');
  await expect(box).toHaveValue(value);
}

export async function fillIntake(page: Page, i: IntakeInput): Promise<void> {
  await page.getByLabel('کد ملی', { exact: true }).fill(i.nationalId);
  await page.getByLabel('نام', { exact: true }).fill('مرتضی');
  await page.getByLabel('نام خانوادگی').fill('یوسفی');
  await page.getByLabel('تلفن همراه').fill(i.mobile ?? '09121234567');
  await choose(page, 'شهرستان', 'سوادکوه');
  await page.getByLabel('شرح درخواست').fill(i.text ?? 'روستای ورسک هیچ سرویس مینی‌بوس به مرکز شهرستان ندارد.');
  await choose(page, 'دستگاه مسئول', 'اداره کل حمل و نقل و پایانه‌ها', 'حمل و نقل');
}

/**
 * The code the form shows once the case is saved. A refused save fails here with the form's own messages
 * (the alerts in the intake form), not after the test's whole timeout with nothing said.
 */
export async function savedCode(scope: Page | Locator): Promise<string> {
  const code = scope.getByTestId('saved-code');
  const refused = scope.locator('form.intake').getByRole('alert');
  try {
    await expect(code.or(refused).first()).toBeVisible({ timeout: 30_000 });
  } catch {
    // neither: the call never came back («در حال ثبت…») or the save never started (the button's own label)
    throw new Error(`no code and no message after 30 s; the save button says «${await scope.getByTestId('save-case').textContent({ timeout: 1_000 }).catch(() => '—')}»`);
  }
  if (!(await code.isVisible())) throw new Error(`the save was refused: ${(await refused.allTextContents()).join(' | ')}`);
  return (await code.textContent())!;
}
